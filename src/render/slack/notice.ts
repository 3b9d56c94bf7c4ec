export { NOTICE_HEADER } from '../phrases/notice.js';

import type { KnownBlock } from '@slack/types';
import { sourceOf } from '../../answer/source.js';
import type { Change } from '../../registry/history/diff.js';
import type { Registry } from '../../registry/schema.js';
import { describeChange, promiseLine } from '../phrases/changes.js';
import { NOTICE_HEADER, orderChanges, summariseRest } from '../phrases/notice.js';
import { header, LIMITS, lineSections, type SlackMessage, section } from './blocks.js';
import { SLACK_FALLBACK, SLACK_MARKUP } from './markup.js';
import { truncate } from './mrkdwn.js';
import { sourceContext } from './source.js';

export interface ChangeNoticeOptions {
  /** Show at most this many changes in full; the rest are summarised (default: as many as fit). */
  maxDetailed?: number;
  /** Extra words for the footer, e.g. why this channel gets the notice. Trusted text (mrkdwn). */
  footer?: string;
  /** One line per change, without what each state promises (a channel's `settings format compact`). */
  compact?: boolean;
}

// header + summary + footer leave 47 blocks; text is budgeted below Slack's msg_blocks_too_long threshold.
const RESERVED_BLOCKS = 3;
const TEXT_BUDGET = LIMITS.totalBlockText - 1_000;
const FALLBACK_CHANGES = 5;

/** One change in full: the line, then what the new state promises, quoted. */
function changeSection(change: Change, states: Registry['states']): string {
  const promise = promiseLine(change, states, SLACK_MARKUP);
  const quoted = promise
    ? `\n${promise
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n')}`
    : '';
  return truncate(`${describeChange(change, SLACK_MARKUP)}${quoted}`, LIMITS.sectionText);
}

/** The first `count` changes in plain words, and how many more there are. */
function firstChanges(ordered: readonly Change[], count: number): string {
  const shown = ordered.slice(0, count).map((c) => describeChange(c, SLACK_FALLBACK));
  const more = ordered.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

function fallbackText(ordered: readonly Change[]): string {
  return truncate(`${NOTICE_HEADER}: ${firstChanges(ordered, FALLBACK_CHANGES)}.`, LIMITS.sectionText);
}

/** What a notice says changed, in one line (the delivery log's): its first few changes. Pure. */
export function noticeSummary(changes: readonly Change[]): string {
  return truncate(firstChanges(orderChanges(changes), 3) || 'no lifecycle changes', 300);
}

/**
 * The channel notice for a change-set: header "OSM feature lifecycle update", each change as
 * "*Multicluster*: Alpha → Beta (promoted)" followed by what the new state promises (support and
 * deprecation policy), a source footer and a `text` fallback. Stays within Block Kit limits: when the
 * changes do not fit (50 blocks, total text), the first ones are shown in full and the rest are counted
 * by kind with a pointer to `/osm-feature list`. Pure.
 */
export function renderChangeNotice(
  changes: readonly Change[],
  registry: Registry,
  opts: ChangeNoticeOptions = {},
): SlackMessage {
  const ordered = orderChanges(changes);
  if (opts.compact && ordered.length > 0) {
    const lines: string[] = [];
    let length = 0;
    for (const change of ordered) {
      const line = truncate(describeChange(change, SLACK_MARKUP), 500);
      if (length + line.length > TEXT_BUDGET) break;
      length += line.length + 1;
      lines.push(line);
    }
    const rest = ordered.slice(lines.length);
    return {
      text: fallbackText(ordered),
      blocks: [
        header(NOTICE_HEADER),
        ...lineSections(lines),
        ...(rest.length > 0 ? [section(summariseRest(rest, SLACK_MARKUP))] : []),
        sourceContext(sourceOf(registry), opts.footer),
      ],
    };
  }
  const maxDetailed = Math.min(
    opts.maxDetailed ?? Number.POSITIVE_INFINITY,
    LIMITS.blocksPerMessage - RESERVED_BLOCKS,
  );
  const details: KnownBlock[] = [];
  let used = 0;
  for (const change of ordered) {
    if (details.length >= maxDetailed) break;
    const text = changeSection(change, registry.states);
    if (used + text.length > TEXT_BUDGET) break;
    used += text.length;
    details.push(section(text));
  }
  const rest = ordered.slice(details.length);
  const blocks: KnownBlock[] = [
    header(NOTICE_HEADER),
    ...details,
    ...(rest.length > 0 ? [section(summariseRest(rest, SLACK_MARKUP))] : []),
    sourceContext(sourceOf(registry), opts.footer),
  ];
  if (ordered.length === 0) blocks.splice(1, 0, section('No lifecycle changes.'));
  return {
    text: ordered.length === 0 ? `${NOTICE_HEADER}: no lifecycle changes.` : fallbackText(ordered),
    blocks,
  };
}
