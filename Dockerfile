# syntax=docker/dockerfile:1
# Multi-stage: build with dev dependencies, run the compiled JavaScript with production dependencies only.
# Both stages use the same Node image: better-sqlite3 is compiled in the first for the Node of the second.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY packages/slack-standin/package.json ./packages/slack-standin/
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY packages/slack-standin/tsconfig.json packages/slack-standin/tsconfig.build.json ./packages/slack-standin/
COPY packages/slack-standin/src ./packages/slack-standin/src
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATABASE_URL=sqlite:/app/var/osm-feature-bot.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The sandbox (no Slack variables set) loads the Slack stand-in package, which node_modules links to here.
COPY --from=build /app/packages/slack-standin/package.json ./packages/slack-standin/
COPY --from=build /app/packages/slack-standin/dist ./packages/slack-standin/dist
COPY package.json manifest.yml ./
COPY data ./data
RUN mkdir -p /app/var && chown -R node:node /app/var
# The image's node user (uid and gid 1000), by number, so Kubernetes' runAsNonRoot can check it is not root.
USER 1000:1000
EXPOSE 3000
VOLUME ["/app/var"]
# Socket Mode: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN. HTTP mode: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.
# With neither, the container runs the local sandbox on PORT.
CMD ["node", "dist/src/main.js"]
