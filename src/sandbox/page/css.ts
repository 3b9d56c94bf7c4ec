/** Styles for the sandbox page: Slack's layout in miniature, Block Kit's look for the bot's messages. */
export const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.46 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; }
button, select, textarea { font: inherit; }
:focus-visible { outline: 2px solid #1264a3; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.app { display: grid; grid-template-columns: 250px 1fr; height: 100vh; }

.sidebar { background: #3f0e40; color: #cfc3cf; padding: 12px 0; overflow-y: auto; }
.workspace { padding: 0 16px 12px; border-bottom: 1px solid #5d2c5d; margin-bottom: 8px; }
.workspace-name { display: block; color: #fff; font-weight: 800; font-size: 18px; }
.workspace-note { display: block; font-size: 12px; }
.sidebar-heading { font-size: 14px; font-weight: 600; margin: 14px 16px 4px; color: #cfc3cf; }
.channel-list { list-style: none; margin: 0; padding: 0; }
.channel-button { display: flex; align-items: center; gap: 6px; width: 100%; padding: 4px 16px; border: 0; background: none; color: inherit; text-align: left; cursor: pointer; }
.channel-button:hover { background: #350d36; }
.channel-button[aria-current="page"] { background: #1164a3; color: #fff; }
.channel-button.unread { color: #fff; font-weight: 800; }
.unread-count { margin-left: auto; background: #cd2553; color: #fff; border-radius: 9px; padding: 0 7px; font-size: 12px; font-weight: 700; }

.main { display: flex; flex-direction: column; min-width: 0; height: 100vh; }
.channel-header { padding: 10px 20px; border-bottom: 1px solid #e2e2e2; }
.channel-header h1 { font-size: 18px; margin: 0; }
.topic { margin: 2px 0 0; font-size: 13px; color: #616061; }
.log { flex: 1; overflow-y: auto; padding: 8px 0 16px; }
.log:empty::before { content: "No messages yet."; display: block; padding: 16px 20px; color: #616061; }

.msg { display: grid; grid-template-columns: 36px 1fr; gap: 8px; padding: 8px 20px; }
.msg:hover { background: #f8f8f8; }
.msg.ephemeral { background: #f4f8fb; }
.avatar { width: 36px; height: 36px; border-radius: 4px; display: grid; place-items: center; color: #fff; font-weight: 700; background: #4a154b; }
.avatar.bot { background: #2eb67d; }
.avatar.slackbot { background: #36c5f0; }
.msg-main { min-width: 0; }
.msg-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
.sender { font-weight: 800; }
.badge { font-size: 10px; font-weight: 700; background: #e8e8e8; color: #616061; padding: 0 4px; border-radius: 2px; }
.only-you { font-size: 12px; color: #616061; }
.edited { font-size: 12px; color: #868686; }
.msg-tools { margin-top: 4px; }
.payload-toggle { font-size: 12px; border: 1px solid #ddd; background: #fff; border-radius: 4px; padding: 1px 8px; cursor: pointer; color: #616061; }
.payload { background: #1d1c1d; color: #e8e8e8; font: 12px/1.4 Menlo, Consolas, monospace; padding: 10px; border-radius: 6px; max-height: 360px; overflow: auto; white-space: pre-wrap; word-break: break-word; }
.thread { margin-top: 6px; border-left: 2px solid #ddd; }
.thread:empty { display: none; }
.thread .msg { padding: 6px 12px; }

.bk-header { font-size: 18px; font-weight: 800; margin: 4px 0 6px; }
.bk-section { display: flex; gap: 12px; margin: 4px 0; }
.bk-section-main { flex: 1; min-width: 0; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
.bk-context { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: 13px; color: #616061; margin: 6px 0; }
.bk-context-image { width: 16px; height: 16px; }
.bk-divider { border: 0; border-top: 1px solid #e2e2e2; margin: 10px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.bk-button { display: inline-block; border: 1px solid #bbbabb; background: #fff; color: #1d1c1d; border-radius: 4px; padding: 3px 12px; font-size: 14px; font-weight: 700; cursor: pointer; text-decoration: none; }
.bk-button:hover { background: #f8f8f8; }
.bk-button.bk-primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.bk-button.bk-danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.bk-select { border: 1px solid #bbbabb; border-radius: 4px; padding: 3px 8px; background: #fff; }
.bk-image { max-width: 360px; border-radius: 4px; }
.bk-attachment { border-left: 4px solid #ddd; padding-left: 10px; margin: 6px 0; }
.bk-unsupported { display: inline-block; border: 1px dashed #e8912d; color: #a35a00; background: #fff8ee; padding: 2px 8px; border-radius: 4px; font-size: 13px; font-style: italic; }

.mk-list { margin: 2px 0; padding-left: 22px; }
.mk-quote { margin: 4px 0; padding-left: 10px; border-left: 4px solid #ddd; }
.mk-code { font: 12px Menlo, Consolas, monospace; color: #c01343; background: #f6f6f6; border: 1px solid #e2e2e2; border-radius: 3px; padding: 1px 3px; }
.mk-pre { font: 12px/1.5 Menlo, Consolas, monospace; background: #f8f8f8; border: 1px solid #e2e2e2; border-radius: 4px; padding: 8px; white-space: pre-wrap; margin: 4px 0; }
.mk-link { color: #1264a3; text-decoration: none; }
.mk-link:hover { text-decoration: underline; }
.mk-link-inert { color: #616061; text-decoration: underline dotted; }
.mk-mention { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
.mk-broadcast { color: #7a5900; background: #fff3c4; }

.composer { padding: 0 20px 12px; }
.composer-row { display: flex; gap: 8px; align-items: flex-end; border: 1px solid #bbbabb; border-radius: 8px; padding: 8px; }
.composer-row:focus-within { border-color: #1264a3; }
.composer textarea { flex: 1; border: 0; resize: none; outline: none; }
.send { background: #007a5a; color: #fff; border: 0; border-radius: 4px; padding: 4px 14px; font-weight: 700; cursor: pointer; }
.hint { font-size: 12px; color: #616061; margin: 6px 0 0; }
.suggestion { font: 12px Menlo, Consolas, monospace; border: 1px solid #ddd; background: #f8f8f8; border-radius: 4px; padding: 1px 6px; margin: 2px 2px 0 0; cursor: pointer; }
.status { font-size: 13px; color: #a30040; margin: 4px 0 0; min-height: 1em; }
@media (max-width: 700px) {
  .app { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  .sidebar { max-height: 30vh; }
  .main { height: auto; min-height: 0; }
}
`;
