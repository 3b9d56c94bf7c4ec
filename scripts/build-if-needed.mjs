// Runs before `npm start`: builds what is missing or older than its sources, so that a fresh clone needs only
// `npm install && npm start`. The Slack stand-in package comes first: the app's build checks against its
// declarations, and the sandbox loads its JavaScript at run time. Rebuilding it rebuilds the app too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const targets = [
  {
    name: 'the Slack stand-in',
    output: 'packages/slack-standin/dist/index.js',
    sources: 'packages/slack-standin/src',
    project: 'packages/slack-standin/tsconfig.build.json',
  },
  { name: 'the app', output: 'dist/src/main.js', sources: 'src', project: 'tsconfig.build.json' },
];

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    const mtime = name.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

let rebuilt = false;
for (const target of targets) {
  const stale =
    rebuilt || !existsSync(target.output) || newestMtime(target.sources) > statSync(target.output).mtimeMs;
  if (!stale) continue;
  process.stderr.write(`osm-feature-bot: building ${target.name} (tsc)...\n`);
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', target.project], {
    stdio: 'inherit',
  });
  rebuilt = true;
}
