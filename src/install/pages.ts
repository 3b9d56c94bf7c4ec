import { APP_NAME } from '../render/slack/ids.js';
import { escapeHtml } from '../shared/html.js';

/** A whole page: small, self-contained (no external assets), readable on a phone. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; line-height: 1.5; }
h1 { font-size: 1.5rem; }
a.button { display: inline-block; background: #4a154b; color: #fff; padding: .7rem 1.2rem; border-radius: .4rem; text-decoration: none; font-weight: 700; }
code { background: #f4f4f4; padding: .1rem .3rem; border-radius: .2rem; }
.muted { color: #616061; font-size: .9rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** /slack/install: what the app does, and the Add to Slack link (Slack's authorize URL, state included). */
export function installPage(authorizeUrl: string): string {
  return page(
    `Add ${APP_NAME} to Slack`,
    `<h1>Add ${escapeHtml(APP_NAME)} to your Slack workspace</h1>
<p>Ask <code>/osm-feature multicluster</code> where an Open Service Mesh feature stands (Alpha, Beta or Stable)
and what that promises; subscribe a channel to hear when a feature's state changes.</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>
<p class="muted">You will choose the workspace and review the permissions on Slack's page.</p>`,
  );
}

/** After a successful install: where to go next. */
export function installedPage(teamName: string | undefined, openSlackUrl: string | undefined): string {
  const where = teamName ? ` to <strong>${escapeHtml(teamName)}</strong>` : '';
  const open = openSlackUrl
    ? `<p><a class="button" href="${escapeHtml(openSlackUrl)}">Open Slack</a></p>`
    : '';
  return page(
    `${APP_NAME} is installed`,
    `<h1>${escapeHtml(APP_NAME)} was added${where}</h1>
<p>Try <code>/osm-feature multicluster</code> in any channel, or <code>/osm-feature help</code> for everything it
can do. To hear about state changes in a channel, type <code>/osm-feature subscribe</code> there.</p>
${open}`,
  );
}

/** Why an install did not happen, in words a person can act on; never an error's internals. */
export function installFailedPage(reason: string, installPath: string): string {
  return page(
    `${APP_NAME} was not installed`,
    `<h1>${escapeHtml(APP_NAME)} was not installed</h1>
<p>${escapeHtml(reason)}</p>
<p><a class="button" href="${escapeHtml(installPath)}">Start again</a></p>`,
  );
}
