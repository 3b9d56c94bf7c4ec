import type { Change, ChangeKind } from '../../registry/history/diff.js';
import type { Markup } from '../markup.js';
import { COMMAND } from '../slack/ids.js';

export const NOTICE_HEADER = 'OSM feature lifecycle update';

/** Reading order: what moved first, then what came and went, then names, places and policies. */
const KIND_ORDER: Readonly<Record<ChangeKind, number>> = {
  state: 0,
  added: 1,
  removed: 2,
  renamed: 3,
  moved: 4,
  policy: 5,
  'guarantee-ended': 6,
};

const KIND_WORDS: Readonly<Record<ChangeKind, [string, string]>> = {
  state: ['state change', 'state changes'],
  added: ['addition', 'additions'],
  removed: ['removal', 'removals'],
  renamed: ['rename', 'renames'],
  moved: ['move', 'moves'],
  policy: ['policy change', 'policy changes'],
  'guarantee-ended': ['guarantee ended', 'guarantees ended'],
};

/** A change-set in reading order. Pure. */
export function orderChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** The changes a notice had no room for, counted by kind, with where to see everything. Pure. */
export function summariseRest(rest: readonly Change[], m: Markup): string {
  const counts = new Map<ChangeKind, number>();
  for (const change of rest) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort(([a], [b]) => KIND_ORDER[a] - KIND_ORDER[b])
    .map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  const noun = rest.length === 1 ? 'change' : 'changes';
  return `…and ${rest.length} more ${noun} (${parts.join(', ')}). See where every feature stands now with ${m.code(`${COMMAND} list`)}.`;
}
