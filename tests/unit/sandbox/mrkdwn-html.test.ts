import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml, plainTextToHtml, unescapeSlack } from '../../../src/sandbox/mrkdwn-html.js';
import { escapeHtml } from '../../../src/shared/html.js';

const names = {
  userName: (id: string) => ({ UBOT: 'osm-feature', U0USER: 'You' })[id],
  channelName: (id: string) => ({ C0GENERAL: 'general' })[id],
};

describe('mrkdwnToHtml: formatting', () => {
  it.each([
    ['*bold*', '<strong>bold</strong>'],
    ['_italic_', '<em>italic</em>'],
    ['~strike~', '<s>strike</s>'],
    ['`code`', '<code class="mk-code">code</code>'],
    ['a *b* and _c_', 'a <strong>b</strong> and <em>c</em>'],
    ['*State*\nAlpha', '<strong>State</strong><br>Alpha'],
    ['snake_case_name and 2*3*4', 'snake_case_name and 2*3*4'],
    ['* not bold *', '* not bold *'],
  ])('%j → %j', (input, html) => {
    expect(mrkdwnToHtml(input)).toBe(html);
  });

  it('keeps code and pre verbatim: no formatting, no links inside', () => {
    expect(mrkdwnToHtml('`*x*` ```a *b*\n_c_```')).toBe(
      '<code class="mk-code">*x*</code> <pre class="mk-pre">a *b*\n_c_</pre>',
    );
  });

  it('turns "• " lines into a list and ">" lines into a quote', () => {
    const html = mrkdwnToHtml('*Core* (2)\n• OSM CLI\n• Helm\n>quoted &gt; text');
    expect(html).toBe(
      '<strong>Core</strong> (2)<ul class="mk-list"><li>OSM CLI</li><li>Helm</li></ul>' +
        '<blockquote class="mk-quote">quoted &gt; text</blockquote>',
    );
  });

  it('renders the emoji the bot uses, with their names, and leaves unknown shortcodes as text', () => {
    const html = mrkdwnToHtml(
      ':test_tube: :large_blue_diamond: :white_check_mark: :wave: :shield: :memo: :nope:',
    );
    for (const emoji of ['🧪', '🔷', '✅', '👋', '🛡️', '📝']) expect(html).toContain(emoji);
    expect(html).toContain('aria-label="large blue diamond"');
    expect(html).toContain(':nope:');
  });
});

describe('mrkdwnToHtml: escaping and tokens', () => {
  it('shows <script> as text, whether Slack-escaped or raw', () => {
    expect(mrkdwnToHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    const raw = mrkdwnToHtml('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(raw).not.toMatch(/<script|<img/);
    expect(raw).toContain('&lt;script&gt;');
  });

  it('decodes &amp; &lt; &gt; exactly once', () => {
    expect(mrkdwnToHtml('a &amp; b &amp;lt; c')).toBe('a &amp; b &amp;lt; c');
    expect(unescapeSlack('&amp;lt;')).toBe('&lt;');
  });

  it('links only http(s) URLs, escaping the href and the label', () => {
    expect(mrkdwnToHtml('<https://docs.openservicemesh.io/?a=1&amp;b=2|Docs>')).toBe(
      '<a class="mk-link" href="https://docs.openservicemesh.io/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Docs</a>',
    );
    expect(mrkdwnToHtml('<http://x.test/"onclick="y>')).toContain(
      'href="http://x.test/&quot;onclick=&quot;y"',
    );
    for (const bad of ['<javascript:alert(1)|click>', '<data:text/html,hi|click>', '<mailto:a@b.c|click>']) {
      const html = mrkdwnToHtml(bad);
      expect(html).not.toContain('href');
      expect(html).toContain('click');
    }
  });

  it('renders mentions as inert pills with names', () => {
    const html = mrkdwnToHtml('<@UBOT> hi <#C0GENERAL> <!here> <@U999|sam>', names);
    expect(html).toBe(
      '<span class="mk-mention mk-user">@osm-feature</span> hi ' +
        '<span class="mk-mention mk-channel">#general</span> ' +
        '<span class="mk-mention mk-broadcast">@here</span> <span class="mk-mention mk-user">@sam</span>',
    );
  });

  it('cannot be tricked with the placeholder characters it uses internally', () => {
    expect(mrkdwnToHtml('\uE0000\uE001 <@UBOT>', names)).toBe(
      '0 <span class="mk-mention mk-user">@osm-feature</span>',
    );
  });

  it('formats around links and mentions', () => {
    expect(mrkdwnToHtml('*<https://a.test|A>*')).toBe(
      '<strong><a class="mk-link" href="https://a.test" target="_blank" rel="noopener noreferrer">A</a></strong>',
    );
  });
});

describe('plain text and escapeHtml', () => {
  it('plain_text is literal apart from emoji', () => {
    expect(plainTextToHtml('<b>*x*</b> :wave:')).toContain('&lt;b&gt;*x*&lt;/b&gt; <span class="mk-emoji"');
    expect(plainTextToHtml(':wave:', false)).toBe(':wave:');
  });

  it('escapes quotes for attributes', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
