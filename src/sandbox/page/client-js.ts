/**
 * The page's script, plain browser JavaScript with no framework. Message bodies arrive as HTML already
 * rendered (and escaped) by blockkit-html.ts on the server; everything else is built with textContent.
 * Kept free of backslashes and backticks, so the template literal holds it verbatim; its only dollar-brace
 * sequences are the command and app names, filled in from the one module that holds them.
 */
import { APP_NAME, COMMAND } from '../../render/slack/ids.js';

export const PAGE_CLIENT_JS = `(function () {
  'use strict';
  var TOPICS = {
    C0GENERAL: 'Ask the bot here: ${COMMAND} <feature>, or mention @${APP_NAME}.',
    C0ANNOUNCE: 'Subscribed to every feature change: edit the registry file while the sandbox runs and the notice lands here.',
    D0BOTDM: 'Your direct messages with the bot: just ask.'
  };
  var state = { channels: [], messages: {}, current: 'C0GENERAL', unread: {}, openPayloads: {} };
  var log = document.getElementById('log');
  var box = document.getElementById('message');
  var form = document.getElementById('composer');
  var statusLine = document.getElementById('status');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function key(channel, ts) { return channel + '/' + ts; }
  function list(channel) { return state.messages[channel] || (state.messages[channel] = []); }
  function channelById(id) { return state.channels.find(function (c) { return c.id === id; }); }
  function label(c) { return c.isIm ? c.name : '#' + c.name; }

  function renderSidebar() {
    var groups = { channels: document.getElementById('channels'), dms: document.getElementById('dms') };
    groups.channels.replaceChildren();
    groups.dms.replaceChildren();
    state.channels.forEach(function (c) {
      var item = el('li');
      var button = el('button', 'channel-button');
      button.type = 'button';
      button.dataset.channel = c.id;
      button.append(el('span', '', label(c)));
      var unread = state.unread[c.id] || 0;
      if (c.id === state.current) button.setAttribute('aria-current', 'page');
      if (unread > 0) {
        button.classList.add('unread');
        button.append(el('span', 'unread-count', String(unread)));
        button.setAttribute('aria-label', label(c) + ', ' + unread + ' new');
      }
      button.addEventListener('click', function () { selectChannel(c.id, true); });
      item.append(button);
      (c.isIm ? groups.dms : groups.channels).append(item);
    });
  }

  function renderMessage(m) {
    var article = el('article', 'msg' + (m.ephemeral ? ' ephemeral' : ''));
    article.dataset.channel = m.channel;
    article.dataset.ts = m.ts;
    article.setAttribute('aria-label', 'Message from ' + m.sender.name);
    var avatarClass = m.sender.id === 'USLACKBOT' ? ' slackbot' : m.sender.bot ? ' bot' : '';
    var avatar = el('div', 'avatar' + avatarClass, m.sender.name.charAt(0).toUpperCase());
    avatar.setAttribute('aria-hidden', 'true');
    var main = el('div', 'msg-main');
    var meta = el('div', 'msg-meta');
    meta.append(el('span', 'sender', m.sender.name));
    if (m.sender.bot && m.sender.id !== 'USLACKBOT') meta.append(el('span', 'badge', 'APP'));
    if (m.ephemeral) meta.append(el('span', 'only-you', 'Only visible to you'));
    if (m.edited) meta.append(el('span', 'edited', '(edited)'));
    var body = el('div', 'msg-body');
    body.innerHTML = m.html;
    main.append(meta, body);
    if (m.payload !== undefined) {
      var id = 'payload-' + m.channel + '-' + m.ts.replace('.', '-');
      var open = Boolean(state.openPayloads[key(m.channel, m.ts)]);
      var tools = el('div', 'msg-tools');
      var toggle = el('button', 'payload-toggle', 'Payload');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-controls', id);
      var pre = el('pre', 'payload', JSON.stringify(m.payload, null, 2));
      pre.id = id;
      pre.hidden = !open;
      pre.setAttribute('aria-label', 'JSON the bot sent');
      tools.append(toggle);
      main.append(tools, pre);
    }
    var thread = el('div', 'thread');
    thread.setAttribute('role', 'group');
    thread.setAttribute('aria-label', 'Replies');
    main.append(thread);
    article.append(avatar, main);
    return article;
  }

  function findArticle(channel, ts) {
    return log.querySelector('article[data-channel="' + CSS.escape(channel) + '"][data-ts="' + CSS.escape(ts) + '"]');
  }
  function placeArticle(m, article) {
    var parent = m.threadTs ? findArticle(m.channel, m.threadTs) : null;
    var container = parent ? parent.querySelector(':scope > .msg-main > .thread') : log;
    var nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    container.append(article);
    if (nearBottom || m.sender.id === 'U0USER' || m.ephemeral) log.scrollTop = log.scrollHeight;
  }
  function renderLog() {
    log.replaceChildren();
    list(state.current).forEach(function (m) { placeArticle(m, renderMessage(m)); });
    log.scrollTop = log.scrollHeight;
  }

  function selectChannel(id, focusBox) {
    var c = channelById(id);
    if (!c) return;
    state.current = id;
    state.unread[id] = 0;
    document.getElementById('channel-title').textContent = label(c);
    document.getElementById('channel-topic').textContent = TOPICS[id] || '';
    box.placeholder = 'Message ' + label(c);
    renderSidebar();
    renderLog();
    if (focusBox) box.focus();
  }

  function upsert(m, isNew) {
    var messages = list(m.channel);
    var index = messages.findIndex(function (x) { return x.ts === m.ts; });
    if (index >= 0) messages[index] = m; else messages.push(m);
    messages.sort(function (a, b) { return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0; });
    if (m.channel !== state.current) {
      if (isNew) { state.unread[m.channel] = (state.unread[m.channel] || 0) + 1; renderSidebar(); }
      return;
    }
    var fresh = renderMessage(m);
    var old = findArticle(m.channel, m.ts);
    if (old) {
      var freshThread = fresh.querySelector(':scope > .msg-main > .thread');
      Array.from(old.querySelector(':scope > .msg-main > .thread').children).forEach(function (r) {
        freshThread.append(r);
      });
      old.replaceWith(fresh);
    } else {
      placeArticle(m, fresh);
    }
  }
  function removeMessage(channel, ts) {
    state.messages[channel] = list(channel).filter(function (x) { return x.ts !== ts; });
    var old = channel === state.current ? findArticle(channel, ts) : null;
    if (old) old.remove();
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (answer) {
          if (!answer.ok) throw new Error(answer.error || ('HTTP ' + res.status));
        });
      });
  }
  function report(err) { statusLine.textContent = 'Could not deliver it: ' + err.message; }

  function sendTyped() {
    var text = box.value;
    if (text.trim() === '') return;
    box.value = '';
    statusLine.textContent = '';
    post('/sandbox/send', { channel: state.current, text: text }).catch(function (err) {
      if (box.value === '') box.value = text;
      report(err);
    });
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); sendTyped(); });
  box.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendTyped(); }
  });
  document.getElementById('hint').addEventListener('click', function (e) {
    var s = e.target.closest('.suggestion');
    if (!s) return;
    box.value = s.dataset.text;
    box.focus();
  });

  function sendAction(target, extra) {
    var article = target.closest('article.msg');
    var action = { action_id: target.dataset.actionId, type: target.dataset.actionType };
    if (target.dataset.blockId !== undefined) action.block_id = target.dataset.blockId;
    if (target.dataset.value !== undefined) action.value = target.dataset.value;
    Object.assign(action, extra || {});
    statusLine.textContent = '';
    post('/sandbox/action', { channel: article.dataset.channel, ts: article.dataset.ts, action: action }).catch(report);
  }
  log.addEventListener('click', function (e) {
    var toggle = e.target.closest('.payload-toggle');
    if (toggle) {
      var pre = document.getElementById(toggle.getAttribute('aria-controls'));
      var article = toggle.closest('article.msg');
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      pre.hidden = !open;
      state.openPayloads[key(article.dataset.channel, article.dataset.ts)] = open;
      return;
    }
    var target = e.target.closest('[data-action-id]');
    if (target && target.tagName !== 'SELECT') sendAction(target);
  });
  log.addEventListener('change', function (e) {
    var select = e.target.closest('select[data-action-id]');
    if (!select) return;
    var option = select.options[select.selectedIndex];
    sendAction(select, { selected_option: { text: option.textContent, value: option.value } });
  });

  var events = new EventSource('/sandbox/events');
  events.addEventListener('snapshot', function (e) {
    var snap = JSON.parse(e.data);
    state.channels = snap.channels;
    state.messages = {};
    snap.messages.forEach(function (m) { list(m.channel).push(m); });
    Object.keys(state.messages).forEach(function (c) {
      state.messages[c].sort(function (a, b) { return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0; });
    });
    statusLine.textContent = '';
    document.body.dataset.ready = 'true';
    selectChannel(channelById(state.current) ? state.current : state.channels[0].id, false);
  });
  ['posted', 'ephemeral'].forEach(function (type) {
    events.addEventListener(type, function (e) { upsert(JSON.parse(e.data).message, true); });
  });
  events.addEventListener('updated', function (e) { upsert(JSON.parse(e.data).message, false); });
  events.addEventListener('deleted', function (e) {
    var d = JSON.parse(e.data);
    removeMessage(d.channel, d.ts);
  });
  events.addEventListener('error', function () {
    statusLine.textContent = 'Lost the connection to the sandbox; reconnecting…';
  });
})();
`;
