import type { KnownBlock } from '@slack/types';
import type { AnswerSource, CategoryCount, FeatureList } from '../../answer/answer.js';
import type { FeatureFilter } from '../../registry/query/feature-filter.js';
import type { Category, Feature } from '../../registry/schema.js';
import { emptyListText, listTitle } from '../phrases/answers.js';
import { actions, chunkLines, context, header, LIMITS, type SlackMessage, section } from './blocks.js';
import { categorySelect, stateSelect } from './filter-selects.js';
import { ACTION_IDS, BLOCK_IDS, COMMAND } from './ids.js';
import { encodeListFilter } from './list-filter-value.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { STATE_EMOJI } from './state-style.js';

/** A list answer: titled from its scope, with state and category filters when `interactive`. Pure. */
export function renderFeatureList(list: FeatureList, opts: { interactive?: boolean } = {}): SlackMessage {
  const { scope } = list;
  const state = scope.kind === 'all' ? undefined : scope.state;
  const negated = scope.kind === 'state' && scope.negate;
  const empty = emptyListText(scope);
  return renderFeatureGroups(list.features, list.categories, list.source, {
    title: listTitle(scope, list.release),
    ...(list.policy ? { intro: `_${escapeMrkdwn(list.policy.definition)}_` } : {}),
    badges: !state || negated,
    ...(opts.interactive && list.filter ? { controls: renderListFilters(list.filter, list.categories) } : {}),
    ...(empty ? { emptyText: escapeMrkdwn(empty) } : {}),
  });
}

export interface FeatureGroupsOptions {
  title: string;
  /** One line under the header, e.g. what the state promises in brief. */
  intro?: string;
  /** Show each feature's state (for mixed lists). */
  badges: boolean;
  /** Blocks (filters) placed after the header. */
  controls?: KnownBlock[];
  /** What to say when a list had to be shortened. */
  narrowHint?: string;
  /** Say this when there is nothing to list. */
  emptyText?: string;
}

/** Room kept for the header, intro, controls, "more" note and source line. */
const RESERVED_BLOCKS = 8;

/** Features grouped by category in the registry's order, with counts; shortened, never rejected, when huge. Pure. */
export function renderFeatureGroups(
  features: readonly Feature[],
  categories: readonly Category[],
  source: AnswerSource,
  opts: FeatureGroupsOptions,
): SlackMessage {
  const groups = groupByCategory(categories, features);
  const blocks: KnownBlock[] = [header(`${opts.title} (${features.length})`)];
  if (opts.intro) blocks.push(section(opts.intro));
  if (opts.controls) blocks.push(...opts.controls);
  if (features.length === 0) blocks.push(section(opts.emptyText ?? '_Nothing to list._'));

  const budgetBlocks = LIMITS.blocksPerMessage - RESERVED_BLOCKS - (opts.controls?.length ?? 0);
  let budgetChars = LIMITS.totalBlockText - 1500;
  let shown = 0;
  const textLines: string[] = [`${opts.title} (${features.length})`];
  outer: for (const group of groups) {
    const lines = [
      `*${escapeMrkdwn(group.name)}* (${group.features.length})`,
      ...group.features.map(
        (f) => `• ${opts.badges ? `${STATE_EMOJI[f.state]} ` : ''}${escapeMrkdwn(f.name)}`,
      ),
    ];
    for (const [i, chunk] of chunkLines(lines).entries()) {
      if (blocks.length >= budgetBlocks || chunk.length > budgetChars) {
        // Keep whole lines that still fit, then stop: the note below says how many were left out.
        const fitting = chunkLines(lines.slice(0, 1 + countFitting(lines.slice(1), budgetChars - 60)))[0];
        if (i === 0 && fitting && blocks.length < budgetBlocks && budgetChars > 200) {
          blocks.push(section(fitting));
          shown += fitting.split('\n').length - 1;
        }
        break outer;
      }
      blocks.push(section(chunk));
      budgetChars -= chunk.length;
      shown += chunk.split('\n').filter((l) => l.startsWith('•')).length;
    }
    textLines.push(
      `${group.name}: ${group.features.map((f) => (opts.badges ? `${f.name} (${f.state})` : f.name)).join(', ')}`,
    );
  }
  if (shown < features.length) {
    blocks.push(
      context(
        `…and ${features.length - shown} more not shown. ${opts.narrowHint ?? `Narrow it down with \`${COMMAND} category <name>\` or \`${COMMAND} <state>\`.`}`,
      ),
    );
  }
  if (opts.badges)
    blocks.push(
      context(`${STATE_EMOJI.Alpha} Alpha  ${STATE_EMOJI.Beta} Beta  ${STATE_EMOJI.Stable} Stable`),
    );
  blocks.push(sourceContext(source));
  const text = textLines.join('\n');
  return { text: escapeMrkdwn(text.length > 3000 ? `${text.slice(0, 2990)}…` : text), blocks };
}

function countFitting(lines: string[], chars: number): number {
  let used = 0;
  let count = 0;
  for (const line of lines) {
    used += line.length + 1;
    if (used > chars) break;
    count++;
  }
  return count;
}

export interface CategoryGroup {
  id: string;
  name: string;
  features: Feature[];
}

/** Groups features by category, in the registry's category order; empty categories are left out. */
export function groupByCategory(
  categories: readonly Category[],
  features: readonly Feature[],
): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>(
    categories.map((c) => [c.id, { id: c.id, name: c.name, features: [] as Feature[] }]),
  );
  for (const feature of features) groups.get(feature.category)?.features.push(feature);
  return [...groups.values()].filter((g) => g.features.length > 0);
}

/**
 * The state and category selects placed on a list. Each option's value carries the whole filter it leads to
 * (state, category and release), so choosing one in an old message needs nothing but the value. Pure.
 */
export function renderListFilters(filter: FeatureFilter, categories: readonly Category[]): KnownBlock[] {
  const { state, category, release } = filter;
  return [
    actions(BLOCK_IDS.listFilters, [
      stateSelect(ACTION_IDS.filterState, state, (s) => encodeListFilter({ state: s, category, release })),
      categorySelect(ACTION_IDS.filterCategory, categories, category, (c) =>
        encodeListFilter({ state, category: c, release }),
      ),
    ]),
  ];
}

/** The categories with their feature counts per state. Pure. */
export function renderCategories(groups: readonly CategoryCount[], source: AnswerSource): SlackMessage {
  const lines = groups
    .filter((g) => g.total > 0)
    .map((g) => {
      const counts = (['Stable', 'Beta', 'Alpha'] as const)
        .filter((s) => g.counts[s] > 0)
        .map((s) => `${STATE_EMOJI[s]} ${g.counts[s]}`)
        .join('  ');
      return `• *${escapeMrkdwn(g.category.name)}* (${g.total}) ${counts}`;
    });
  return {
    text: escapeMrkdwn(`OSM feature categories: ${groups.map((g) => g.category.name).join(', ')}`),
    blocks: [
      header(`OSM feature categories (${groups.length})`),
      ...chunkLines(lines)
        .slice(0, 44)
        .map((c) => section(c)),
      context(`List one with \`${COMMAND} category <name>\`.`),
      sourceContext(source),
    ],
  };
}
