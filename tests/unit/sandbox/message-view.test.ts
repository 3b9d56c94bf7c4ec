import type { ChannelState } from '@osm-feature-bot/slack-standin';
import { describe, expect, it } from 'vitest';
import { findOfferedOption } from '../../../src/sandbox/find-option.js';
import { channelView, messageView, sandboxDirectory } from '../../../src/sandbox/message-view.js';

const channels: ChannelState[] = [
  {
    id: 'C0GENERAL',
    name: 'general',
    isPrivate: false,
    isMember: true,
    isArchived: false,
    isIm: false,
    messages: [],
  },
  {
    id: 'D0BOTDM',
    name: 'U0USER',
    isPrivate: false,
    isMember: true,
    isArchived: false,
    isIm: true,
    messages: [],
  },
];
const dir = sandboxDirectory('UBOT', channels);

describe('messageView', () => {
  it('names the sender and marks the bot, ephemerals, edits and thread replies', () => {
    const view = messageView(
      {
        ts: '2.0',
        channel: 'C0GENERAL',
        user: 'UBOT',
        bot_id: 'BBOT',
        text: 'hi <#C0GENERAL>',
        thread_ts: '1.0',
        ephemeral: { user: 'U0USER' },
        replaced: true,
      },
      dir,
      { text: 'hi' },
    );
    expect(view).toMatchObject({
      sender: { id: 'UBOT', name: 'osm-feature', bot: true },
      ephemeral: true,
      edited: true,
      threadTs: '1.0',
      payload: { text: 'hi' },
    });
    expect(view.html).toContain('#general');
  });

  it('calls the sandbox user You, and a thread parent is not a reply', () => {
    const view = messageView(
      { ts: '1.0', channel: 'C0GENERAL', user: 'U0USER', text: 'q', thread_ts: '1.0' },
      dir,
    );
    expect(view.sender).toEqual({ id: 'U0USER', name: 'You', bot: false });
    expect(view.threadTs).toBeUndefined();
    expect(view.payload).toBeUndefined();
  });

  it('prefers blocks over text, and never shows an empty body', () => {
    const withBlocks = messageView(
      { ts: '1.0', channel: 'C0GENERAL', bot_id: 'BBOT', text: 'fallback', blocks: [{ type: 'divider' }] },
      dir,
    );
    expect(withBlocks.html).toBe('<hr class="bk-divider">');
    expect(messageView({ ts: '1.0', channel: 'C0GENERAL', user: 'U0USER' }, dir).html).toContain(
      '(empty message)',
    );
  });

  it('lists the DM with the sandbox user as the DM with the bot', () => {
    expect(channels.map(channelView)).toEqual([
      { id: 'C0GENERAL', name: 'general', isIm: false },
      { id: 'D0BOTDM', name: 'osm-feature', isIm: true },
    ]);
  });
});

describe('findOfferedOption', () => {
  const select = {
    type: 'static_select',
    action_id: 'pick',
    options: [{ text: { type: 'plain_text', text: ':test_tube: Alpha' }, value: 'a' }],
    option_groups: [
      {
        label: { type: 'plain_text', text: 'G' },
        options: [{ text: { type: 'plain_text', text: 'B' }, value: 'b' }],
      },
    ],
  };

  it('finds the option as the bot offered it, in actions blocks, groups and accessories', () => {
    expect(findOfferedOption([{ type: 'actions', elements: [select] }], 'pick', 'a')).toEqual({
      text: { type: 'plain_text', text: ':test_tube: Alpha' },
      value: 'a',
    });
    expect(findOfferedOption([{ type: 'section', accessory: select }], 'pick', 'b')?.text.text).toBe('B');
    expect(findOfferedOption([{ type: 'actions', elements: [select] }], 'other', 'a')).toBeUndefined();
  });
});
