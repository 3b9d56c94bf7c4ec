import type { Answer } from '../../answer/answer.js';
import type { Feature } from '../../registry/schema.js';
import { describeChange, promiseLine } from '../phrases/changes.js';
import { COMMAND } from '../slack/ids.js';
import { page, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/** The releases the registry knows, newest first. Pure. */
export function releasesText(answer: Extract<Answer, { kind: 'releases' }>): string {
  if (answer.releases.length === 0) return 'This registry records no releases.';
  const lines = answer.releases.map(
    (r) =>
      `• ${r.name}${r.current ? ' (current)' : ''}${r.date ? ` — ${r.date}` : ''}${r.notes ? `: ${m.text(r.notes)}` : ''}`,
  );
  return page([
    title('OSM releases'),
    lines.join('\n'),
    `Ask for one with ${m.code(`${COMMAND} stable in v1.0`)} or ${m.code(`${COMMAND} multicluster@v1.0`)}.`,
  ]);
}

/** A feature's timeline, oldest first, with its notes. Pure. */
export function historyText(
  feature: Feature,
  source: Extract<Answer, { kind: 'history' }>['source'],
): string {
  const history = feature.history ?? [];
  const lines =
    history.length > 0
      ? history.map((h, i) => `• ${h.since}: ${i === 0 ? 'added as' : 'became'} ${m.state(h.state)}`)
      : [`• No release history recorded; today it is ${m.state(feature.state)}.`];
  const notes = (feature.notes ?? []).map((n) => `• ${n.release ? `${n.release}: ` : ''}${m.text(n.text)}`);
  return page([
    title(`History: ${m.text(feature.name)}`),
    lines.join('\n'),
    notes.length > 0 ? `Notes\n${notes.join('\n')}` : undefined,
    sourceLine(source),
  ]);
}

/** What changed between two releases. Pure. */
export function changesText(answer: Extract<Answer, { kind: 'changes' }>): string {
  const heading = title(`Changes ${answer.from} → ${answer.to}`);
  if (answer.changes.length === 0)
    return page([
      heading,
      `No feature changed state, name or category between ${answer.from} and ${answer.to}.`,
    ]);
  const lines = answer.changes.map((c) => {
    const promise = promiseLine(c, answer.states, m);
    return `• ${describeChange(c, m)}${promise ? `\n    ${promise.replaceAll('\n', '\n    ')}` : ''}`;
  });
  return page([heading, lines.join('\n'), sourceLine(answer.source)]);
}
