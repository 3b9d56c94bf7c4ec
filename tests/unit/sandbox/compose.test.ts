import { describe, expect, it } from 'vitest';
import { composeMessage, slackEscape } from '../../../src/sandbox/compose.js';

describe('composeMessage', () => {
  it.each([
    ['/osm-feature multicluster', { kind: 'command', text: 'multicluster' }],
    ['  /OSM-FEATURE   help  ', { kind: 'command', text: 'help' }],
    ['/osm-feature', { kind: 'command', text: '' }],
    ['/osm-feature <b>&', { kind: 'command', text: '&lt;b&gt;&amp;' }],
    ['/giphy cats', { kind: 'unknown-command', command: '/giphy' }],
    ['   ', { kind: 'empty' }],
  ])('%j', (typed, expected) => {
    expect(composeMessage(typed, 'UBOT')).toEqual(expected);
  });

  it('turns @osm-feature into the mention token Slack sends', () => {
    expect(composeMessage('@osm-feature which features are stable?', 'UBOT')).toEqual({
      kind: 'message',
      text: '<@UBOT> which features are stable?',
      mentionsBot: true,
    });
  });

  it('does not see a mention in an e-mail address or a longer name', () => {
    expect(composeMessage('mail me@osm-feature.io or @osm-featurebot', 'UBOT')).toMatchObject({
      mentionsBot: false,
    });
  });

  it('escapes typed markup so it reaches the app as text, and makes @here a broadcast token', () => {
    expect(composeMessage('<!channel> @here <script>', 'UBOT')).toEqual({
      kind: 'message',
      text: '&lt;!channel&gt; <!here> &lt;script&gt;',
      mentionsBot: false,
    });
    expect(slackEscape('a & <b>')).toBe('a &amp; &lt;b&gt;');
  });
});
