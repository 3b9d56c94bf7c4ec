import type { KnownBlock } from '@slack/types';
import type { Change, ChangeKind } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import { header, LIMITS, type SlackMessage, section } from './blocks.js';
import { changeFallback, describeChange, promiseLine } from './change-lines.js';
import { truncate } from './mrkdwn.js';
import { sourceContext } from './source.js';

export const NOTICE_HEADER = 'OSM feature lifecycle update';

/** The command a summarised notice points to for the full picture. */
const LIST_POINTER = '`/osm-feature list`';

export interface ChangeNoticeOptions {
  /** Show at most this many changes in full; the rest are summarised (default: as many as fit). */
  maxDetailed?: number;
  /** Extra words for the footer, e.g. why this channel gets the notice. Trusted text (mrkdwn). */
  footer?: string;
}

/** Reading order: what moved first, then what came and went, then names, places and policies. */
const KIND_ORDER: Readonly<Record<ChangeKind, number>> = {
  state: 0,
  added: 1,
  removed: 2,
  renamed: 3,
  moved: 4,
  policy: 5,
};

const KIND_WORDS: Readonly<Record<ChangeKind, [string, string]>> = {
  state: ['state change', 'state changes'],
  added: ['addition', 'additions'],
  removed: ['removal', 'removals'],
  renamed: ['rename', 'renames'],
  moved: ['move', 'moves'],
  policy: ['policy change', 'policy changes'],
};

// header + summary + footer leave 47 blocks; text is budgeted below Slack's msg_blocks_too_long threshold.
const RESERVED_BLOCKS = 3;
const TEXT_BUDGET = LIMITS.totalBlockText - 1_000;
const FALLBACK_CHANGES = 5;

/** One change in full: the line, then what the new state promises, quoted. */
function changeSection(change: Change, registry: Registry): string {
  const promise = promiseLine(change, registry);
  const quoted = promise
    ? `\n${promise
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n')}`
    : '';
  return truncate(`${describeChange(change)}${quoted}`, LIMITS.sectionText);
}

function summarise(rest: readonly Change[]): string {
  const counts = new Map<ChangeKind, number>();
  for (const change of rest) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort(([a], [b]) => KIND_ORDER[a] - KIND_ORDER[b])
    .map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  const noun = rest.length === 1 ? 'change' : 'changes';
  return `…and ${rest.length} more ${noun} (${parts.join(', ')}). See where every feature stands now with ${LIST_POINTER}.`;
}

function fallbackText(ordered: readonly Change[]): string {
  const shown = ordered.slice(0, FALLBACK_CHANGES).map(changeFallback);
  const more = ordered.length - shown.length;
  const tail = more > 0 ? `; and ${more} more` : '';
  return truncate(`${NOTICE_HEADER}: ${shown.join('; ')}${tail}.`, LIMITS.sectionText);
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
  const ordered = [...changes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const maxDetailed = Math.min(
    opts.maxDetailed ?? Number.POSITIVE_INFINITY,
    LIMITS.blocksPerMessage - RESERVED_BLOCKS,
  );
  const details: KnownBlock[] = [];
  let used = 0;
  for (const change of ordered) {
    if (details.length >= maxDetailed) break;
    const text = changeSection(change, registry);
    if (used + text.length > TEXT_BUDGET) break;
    used += text.length;
    details.push(section(text));
  }
  const rest = ordered.slice(details.length);
  const blocks: KnownBlock[] = [
    header(NOTICE_HEADER),
    ...details,
    ...(rest.length > 0 ? [section(summarise(rest))] : []),
    sourceContext(registry, opts.footer),
  ];
  if (ordered.length === 0) blocks.splice(1, 0, section('No lifecycle changes.'));
  return {
    text: ordered.length === 0 ? `${NOTICE_HEADER}: no lifecycle changes.` : fallbackText(ordered),
    blocks,
  };
}
