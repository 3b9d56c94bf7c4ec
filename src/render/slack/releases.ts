import type { Answer, AnswerSource, ReleaseEntry } from '../../answer/answer.js';
import type { Feature } from '../../registry/schema.js';
import { describeChange, promiseLine } from '../phrases/changes.js';
import { chunkLines, context, header, LIMITS, type SlackMessage, section } from './blocks.js';
import { COMMAND } from './ids.js';
import { SLACK_FALLBACK, SLACK_MARKUP } from './markup.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { stateBadge } from './state-style.js';

/** Room for the header, the "more" note and the source line within Slack's 50 blocks. */
const MAX_CHANGE_SECTIONS = 40;

/** The releases the registry knows, newest first. Pure. */
export function renderReleases(releases: readonly ReleaseEntry[]): SlackMessage {
  if (releases.length === 0)
    return {
      text: 'This registry records no releases.',
      blocks: [section('This registry records no releases.')],
    };
  const lines = releases.map((r) => {
    const current = r.current ? ' _(current)_' : '';
    return `• *${r.name}*${current}${r.date ? ` — ${r.date}` : ''}${r.notes ? `: ${escapeMrkdwn(r.notes)}` : ''}`;
  });
  return {
    text: `Known OSM releases: ${releases.map((r) => r.name).join(', ')}`,
    blocks: [
      header('OSM releases'),
      ...chunkLines(lines).map((c) => section(c)),
      context(`Ask for one with \`${COMMAND} stable in v1.0\` or \`${COMMAND} multicluster@v1.0\`.`),
    ],
  };
}

/** A feature's timeline, oldest first, with its notes. Pure. */
export function renderHistory(feature: Feature, source: AnswerSource): SlackMessage {
  const history = feature.history ?? [];
  const lines =
    history.length > 0
      ? history.map((h, i) => `• *${h.since}*: ${i === 0 ? 'added as' : 'became'} ${stateBadge(h.state)}`)
      : [`• No release history recorded; today it is ${stateBadge(feature.state)}.`];
  const notes = (feature.notes ?? []).map(
    (n) => `• ${n.release ? `*${n.release}*: ` : ''}${escapeMrkdwn(n.text)}`,
  );
  return {
    text: escapeMrkdwn(
      `${feature.name} history: ${history.map((h) => `${h.state} since ${h.since}`).join(', ') || feature.state}`,
    ),
    blocks: [
      header(`History: ${feature.name}`),
      section(lines.join('\n')),
      ...(notes.length > 0 ? [section(`*Notes*\n${notes.join('\n')}`)] : []),
      sourceContext(source),
    ],
  };
}

/** What changed between two releases (or in the latest one). Pure. */
export function renderChanges(answer: Extract<Answer, { kind: 'changes' }>): SlackMessage {
  const { changes, from, to } = answer;
  const title = `Changes ${from} → ${to}`;
  if (changes.length === 0) {
    return {
      text: `No feature changed between ${from} and ${to}.`,
      blocks: [
        header(title),
        section(`No feature changed state, name or category between ${from} and ${to}.`),
      ],
    };
  }
  const lines = changes.map((c) => {
    const promise = promiseLine(c, answer.states, SLACK_MARKUP);
    return `• ${describeChange(c, SLACK_MARKUP)}${promise ? `\n    ${promise.replaceAll('\n', '\n    ')}` : ''}`;
  });
  // Whole changes only, within Slack's block and total-text limits; the rest are counted, never dropped silently.
  let budget = LIMITS.totalBlockText - 1_500;
  const shown: string[] = [];
  for (const line of lines) {
    if (line.length > budget || chunkLines([...shown, line]).length > MAX_CHANGE_SECTIONS) break;
    budget -= line.length + 1;
    shown.push(line);
  }
  const more = lines.length - shown.length;
  const fallback = escapeMrkdwn(
    `${title}: ${changes.map((c) => describeChange(c, SLACK_FALLBACK)).join('; ')}`,
  );
  return {
    // Cut without leaving half an entity ("&am…") behind.
    text: fallback.length > 3000 ? truncate(fallback, 3000).replace(/&[a-z]{0,3}…$/, '…') : fallback,
    blocks: [
      header(title),
      ...chunkLines(shown).map((c) => section(c)),
      ...(more > 0 ? [context(`…and ${more} more change${more === 1 ? '' : 's'} not shown.`)] : []),
      sourceContext(answer.source),
    ],
  };
}
