import type { Button, HomeView, InputBlock, KnownBlock, StaticSelect } from '@slack/types';
import type { AdminOverview } from '../../answer/settings-result.js';
import { countByState, sourceOf } from '../../answer/source.js';
import { applyFilter, type FeatureFilter } from '../../registry/query/feature-filter.js';
import type { Registry } from '../../registry/schema.js';
import { actions, button, context, divider, header, LIMITS, plain, section } from './blocks.js';
import { ALL_VALUE, categorySelect, stateSelect } from './filter-selects.js';
import { adminBlocks } from './home-admin.js';
import {
  categoriesBefore,
  countByCategory,
  featurePageBlocks,
  HOME_PAGE_SIZE,
  type HomePage,
  overviewBlocks,
  pageOf,
} from './home-sections.js';
import { ACTION_IDS, BLOCK_IDS, COMMAND, HOME_CALLBACK_ID } from './ids.js';
import { escapeMrkdwn, quoteUserText, truncate } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { stateBadge, stateCountParts } from './state-style.js';

/** The last change notice the bot sent, as the notices service records it. */
export interface LastAnnouncement {
  /** Epoch milliseconds. */
  at: number;
  summary: string;
}

export interface HomeOptions {
  filter: FeatureFilter;
  /** Shown to workspace admins only. */
  admin?: AdminOverview;
  /** 0-based page of the filtered features; clamped to the last page. */
  page?: number;
  lastAnnouncement?: LastAnnouncement;
}

/** A Home view whose blocks are all known kinds (the renderer only draws those). */
export interface HomeTab extends HomeView {
  blocks: KnownBlock[];
}

/** Blocks that come after the features: the paging buttons and the footer. */
const TRAILING_BLOCKS = 2;

/**
 * The App Home dashboard: counts per state, the registry's source and release, the last change announced,
 * filters and search, then the features by category with state badges. Summarised and paged so that it stays
 * within Slack's 100 blocks and 250 kB for any registry size. Pure.
 */
export function renderHome(registry: Registry, opts: HomeOptions): HomeTab {
  const filter = opts.filter;
  const matching = applyFilter(registry, filter);
  const page = pageOf(matching, opts.page ?? 0);
  const blocks: KnownBlock[] = [
    header('OSM feature lifecycle'),
    section(stateCounts(registry)),
    sourceContext(sourceOf(registry)),
    context(announcementLine(opts.lastAnnouncement)),
    ...(opts.admin ? adminBlocks(opts.admin) : []),
    divider(),
    actions(BLOCK_IDS.homeFilters, filterElements(registry, filter)),
    searchInput(filter.query),
    context(showingLine(registry, filter, matching.length, page)),
  ];
  if (matching.length === 0) {
    blocks.push(section('_No feature matches these filters._ Clear them to see the whole registry.'));
  } else {
    if (page.pages > 1 && page.page === 0) blocks.push(...overviewBlocks(registry, matching), divider());
    const body = featurePageBlocks(
      registry,
      page,
      countByCategory(matching),
      categoriesBefore(matching, page.first),
    );
    // A page is sized to fit already; this cut only guards the 100-block limit against a future layout change.
    blocks.push(...body.slice(0, LIMITS.blocksPerView - TRAILING_BLOCKS - blocks.length));
  }
  const paging = pagingButtons(page, matching.length);
  if (paging.length > 0) blocks.push(actions(BLOCK_IDS.homePaging, paging));
  blocks.push(
    context(`Ask \`${COMMAND} <feature>\` in any channel for a feature’s full card and what it promises.`),
  );
  return { type: 'home', callback_id: HOME_CALLBACK_ID, blocks };
}

function stateCounts(registry: Registry): string {
  const counts = stateCountParts(countByState(registry));
  const total = registry.features.length;
  return `${counts.join('    ')}\n${total} feature${total === 1 ? '' : 's'} in ${registry.categories.length} categories`;
}

function announcementLine(last: LastAnnouncement | undefined): string {
  if (!last) return 'No change has been announced yet.';
  const seconds = Math.floor(last.at / 1000);
  // Slack renders the date in the reader's time zone; the text after | is the fallback for old clients.
  const when = `<!date^${seconds}^{date_short_pretty} at {time}|${new Date(last.at).toISOString()}>`;
  return `Last change announced ${when}: ${truncate(escapeMrkdwn(last.summary), 400)}`;
}

function filterElements(registry: Registry, filter: FeatureFilter): (Button | StaticSelect)[] {
  const elements: (Button | StaticSelect)[] = [
    stateSelect(ACTION_IDS.homeFilterState, filter.state, (s) => s ?? ALL_VALUE),
    categorySelect(
      ACTION_IDS.homeFilterCategory,
      registry.categories,
      filter.category,
      (c) => c ?? ALL_VALUE,
    ),
  ];
  if (filter.state || filter.category || filter.query)
    elements.push(button('Clear filters', ACTION_IDS.homeClear, 'clear'));
  return elements;
}

/**
 * Search by name. dispatch_action makes Enter send a block_actions payload (a Home tab has no submit
 * button). Slack keeps what a user typed across publishes unless the block_id changes, so the id carries a
 * short fingerprint of the current search and a cleared search really clears.
 */
function searchInput(query: string | undefined): InputBlock {
  return {
    type: 'input',
    block_id: `${BLOCK_IDS.homeSearch}:${fingerprint(query ?? '')}`,
    dispatch_action: true,
    optional: true,
    label: plain('Search by name', 2000),
    element: {
      type: 'plain_text_input',
      action_id: ACTION_IDS.homeSearch,
      placeholder: plain('Type part of a feature name and press Enter', 150),
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      ...(query ? { initial_value: query } : {}),
    },
  };
}

function fingerprint(text: string): string {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash.toString(36);
}

function showingLine(registry: Registry, filter: FeatureFilter, count: number, page: HomePage): string {
  const parts: string[] = [];
  if (filter.state) parts.push(stateBadge(filter.state));
  const category = registry.categories.find((c) => c.id === filter.category);
  if (category) parts.push(escapeMrkdwn(category.name));
  if (filter.query) parts.push(`matching “${quoteUserText(filter.query, 60)}”`);
  const what = parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
  const range =
    page.pages > 1 ? ` · showing ${page.first + 1}–${page.last}, page ${page.page + 1} of ${page.pages}` : '';
  return `${count} of ${registry.features.length} features${what}${range}`;
}

function pagingButtons(page: HomePage, total: number): Button[] {
  const buttons: Button[] = [];
  if (page.page > 0) buttons.push(button('Previous', `${ACTION_IDS.homeMore}:0`, String(page.page - 1)));
  if (page.page + 1 < page.pages) {
    const next = Math.min(total, page.last + HOME_PAGE_SIZE);
    buttons.push(
      button(
        `Show more (${page.last + 1}–${next} of ${total})`,
        `${ACTION_IDS.homeMore}:1`,
        String(page.page + 1),
        'primary',
      ),
    );
  }
  return buttons;
}
