import type { KnownBlock } from '@slack/types';
import type { Feature, Registry } from '../../registry/schema.js';
import { STATE_NAMES } from '../../registry/schema.js';
import { chunkLines, section } from './blocks.js';
import { groupByCategory } from './feature-list.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { STATE_EMOJI } from './state-style.js';

/** Features per Home page: small enough that even one category per feature stays far below 100 blocks. */
export const HOME_PAGE_SIZE = 50;
/** Categories listed in the overview before it says "and N more". */
const OVERVIEW_CATEGORIES = 30;
/** A feature line is cut here, so that 50 lines can never outgrow a few sections. */
const LINE_MAX = 160;

export interface HomePage {
  /** 0-based, clamped to the last page. */
  page: number;
  pages: number;
  first: number;
  last: number;
  features: Feature[];
}

/** Which slice of the filtered features a page shows. Pure. */
export function pageOf(features: readonly Feature[], requested: number): HomePage {
  const pages = Math.max(1, Math.ceil(features.length / HOME_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(requested)), pages - 1);
  const first = page * HOME_PAGE_SIZE;
  const slice = features.slice(first, first + HOME_PAGE_SIZE);
  return { page, pages, first, last: first + slice.length, features: slice };
}

/**
 * One page of features, grouped by category in the registry's order, each with its state badge. A category
 * that started on an earlier page says "continued". Pure.
 */
export function featurePageBlocks(
  registry: Registry,
  page: HomePage,
  totals: ReadonlyMap<string, number>,
  startedBefore: ReadonlySet<string>,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const group of groupByCategory(registry.categories, page.features)) {
    const total = totals.get(group.id) ?? group.features.length;
    const lead = `*${escapeMrkdwn(group.name)}* (${total})${startedBefore.has(group.id) ? ' _continued_' : ''}`;
    const lines = group.features.map((f) =>
      truncate(`${STATE_EMOJI[f.state]} ${escapeMrkdwn(f.name)}`, LINE_MAX),
    );
    for (const chunk of chunkLines([lead, ...lines])) blocks.push(section(chunk));
  }
  return blocks;
}

/** Filtered features per category id. */
export function countByCategory(features: readonly Feature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  return counts;
}

/** Categories that already had features on earlier pages (their groups continue on this one). */
export function categoriesBefore(features: readonly Feature[], first: number): Set<string> {
  const seen = new Set<string>();
  for (const f of features.slice(0, first)) seen.add(f.category);
  return seen;
}

/**
 * The at-a-glance summary shown when the features do not fit on one page: each category with its count
 * and its states. At most OVERVIEW_CATEGORIES lines, so a registry with thousands of categories still fits.
 */
export function overviewBlocks(registry: Registry, features: readonly Feature[]): KnownBlock[] {
  const groups = groupByCategory(registry.categories, features);
  const lines = groups.slice(0, OVERVIEW_CATEGORIES).map((g) => {
    const states = STATE_NAMES.map((s) => [s, g.features.filter((f) => f.state === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${STATE_EMOJI[s]} ${n}`)
      .join('  ');
    return truncate(`• *${escapeMrkdwn(g.name)}*: ${g.features.length}  (${states})`, LINE_MAX);
  });
  const more = groups.length - OVERVIEW_CATEGORIES;
  if (more > 0) lines.push(`…and ${more} more categories: pick one with the category filter.`);
  return chunkLines([`*At a glance* · ${features.length} features in ${groups.length} categories`, ...lines])
    .slice(0, 3)
    .map((chunk) => section(chunk));
}
