/**
 * The sandbox page. Assets are TypeScript string modules so they ship inside dist/ (tsc copies no other
 * files, and the container image holds dist/ only). No framework: /sandbox.js fills in the conversations.
 */
import { APP_NAME, COMMAND } from '../../render/slack/ids.js';

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>osm-feature sandbox</title>
<link rel="stylesheet" href="/sandbox.css">
<script src="/sandbox.js" defer></script>
</head>
<body>
<div class="app">
  <nav class="sidebar" aria-label="Conversations">
    <div class="workspace">
      <span class="workspace-name">OSM sandbox</span>
      <span class="workspace-note">A local Slack stand-in. Nothing leaves this machine.</span>
    </div>
    <h2 class="sidebar-heading" id="channels-heading">Channels</h2>
    <ul class="channel-list" id="channels" aria-labelledby="channels-heading"></ul>
    <h2 class="sidebar-heading" id="dms-heading">Direct messages</h2>
    <ul class="channel-list" id="dms" aria-labelledby="dms-heading"></ul>
  </nav>
  <main class="main">
    <header class="channel-header">
      <h1 id="channel-title">#general</h1>
      <p id="channel-topic" class="topic"></p>
    </header>
    <div id="log" class="log" role="log" aria-live="polite" aria-labelledby="channel-title" tabindex="0"></div>
    <form id="composer" class="composer" autocomplete="off">
      <div class="composer-row">
        <label for="message" class="visually-hidden">Message</label>
        <textarea id="message" name="message" rows="2" placeholder="Message #general" aria-describedby="hint"></textarea>
        <button type="submit" class="send">Send</button>
      </div>
      <p id="hint" class="hint">Enter sends, Shift+Enter adds a line. Try:
        <button type="button" class="suggestion" data-text="${COMMAND} multicluster">${COMMAND} multicluster</button>
        <button type="button" class="suggestion" data-text="@${APP_NAME} which features are stable?">@${APP_NAME} which features are stable?</button>
        <button type="button" class="suggestion" data-text="${COMMAND} help">${COMMAND} help</button>
      </p>
      <p id="status" class="status" role="status" aria-live="polite"></p>
    </form>
  </main>
</div>
</body>
</html>
`;
