import type { KnownBlock } from '@slack/types';
import { countByState, sourceOf } from '../../answer/source.js';
import { currentSince } from '../../registry/history/releases.js';
import type { Feature, Registry } from '../../registry/schema.js';
import { chunkLines, context, section } from './blocks.js';
import { COMMAND, DOCS_DOMAIN } from './ids.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { stateBadge, stateCountParts } from './state-style.js';

/** What a shared docs link points at, as far as this app is concerned. */
export type DocsLink = { kind: 'lifecycle' } | { kind: 'features'; features: Feature[] };

/** Features listed in one unfurl before it says "and N more". */
const MAX_LISTED = 15;
const LIFECYCLE_PATH = /\/releases\/feature_lifecycle$/;

/**
 * The path of a docs.openservicemesh.io URL, normalised so that equivalent links compare equal: lowercase,
 * no query or fragment, no trailing slash or index.html, repeated slashes folded. Undefined for other sites.
 */
export function docsPath(url: string): string | undefined {
  let parsed: URL;
  try {
    // Slack escapes & inside URLs it delivers in events.
    parsed = new URL(url.replaceAll('&amp;', '&'));
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.hostname.toLowerCase().replace(/^www\./, '') !== DOCS_DOMAIN) return undefined;
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is compared as written.
  }
  return path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/index\.html?$/, '')
    .replace(/\/+$/, '');
}

const indexes = new WeakMap<Registry, Map<string, Feature[]>>();

/** Features by normalised docs path, built once per registry (several features may share a page). */
function docsIndex(registry: Registry): Map<string, Feature[]> {
  let index = indexes.get(registry);
  if (index) return index;
  index = new Map();
  for (const feature of registry.features) {
    const path = feature.docs ? docsPath(feature.docs) : undefined;
    if (path === undefined) continue;
    index.set(path, [...(index.get(path) ?? []), feature]);
  }
  indexes.set(registry, index);
  return index;
}

/**
 * Matches a shared link against the registry: the Feature Lifecycle page (the registry's source URL, or any
 * `/releases/feature_lifecycle` page), else the features whose docs page is the link's path or its closest
 * parent (`…/egress/#policy` and `…/egress/policies/` are the egress page). Pure.
 */
export function matchDocsLink(url: string, registry: Registry): DocsLink | undefined {
  const path = docsPath(url);
  if (path === undefined) return undefined;
  const source = registry.source.url ? docsPath(registry.source.url) : undefined;
  if (path === source || LIFECYCLE_PATH.test(path)) return { kind: 'lifecycle' };
  const index = docsIndex(registry);
  const exact = index.get(path);
  if (exact) return { kind: 'features', features: exact };
  // Walk up parent paths, but never to the site root: a docs page of "/" would otherwise claim every link.
  for (let p = path.slice(0, path.lastIndexOf('/')); p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
    const found = index.get(p);
    if (found) return { kind: 'features', features: found };
  }
  return undefined;
}

/** The unfurl (blocks attached under the link) for a shared URL, or undefined when it is not ours. Pure. */
export function renderUnfurl(url: string, registry: Registry): { blocks: KnownBlock[] } | undefined {
  const link = matchDocsLink(url, registry);
  if (!link) return undefined;
  if (link.kind === 'lifecycle') return { blocks: lifecycleSummary(registry) };
  return { blocks: featureUnfurl(link.features, registry) };
}

function categoryName(registry: Registry, id: string): string {
  return registry.categories.find((c) => c.id === id)?.name ?? id;
}

function featureUnfurl(features: Feature[], registry: Registry): KnownBlock[] {
  const [only] = features;
  if (only && features.length === 1) {
    const since = currentSince(only);
    const summary = only.summary ? `\n${escapeMrkdwn(only.summary)}` : '';
    return [
      section(
        `*${escapeMrkdwn(only.name)}* — ${stateBadge(only.state)}${since ? ` since ${since}` : ''} · ` +
          `${escapeMrkdwn(categoryName(registry, only.category))}${summary}`,
      ),
      context(
        `*Deprecation policy:* ${escapeMrkdwn(truncate(registry.states[only.state].deprecation_policy, 500))}`,
      ),
      sourceContext(sourceOf(registry)),
    ];
  }
  const lines = features
    .slice(0, MAX_LISTED)
    .map((f) => truncate(`• *${escapeMrkdwn(f.name)}* — ${stateBadge(f.state)}`, 200));
  if (features.length > MAX_LISTED) lines.push(`…and ${features.length - MAX_LISTED} more`);
  return [
    ...chunkLines([`This page covers ${features.length} OSM features:`, ...lines]).map((c) => section(c)),
    sourceContext(sourceOf(registry)),
  ];
}

function lifecycleSummary(registry: Registry): KnownBlock[] {
  const counts = stateCountParts(countByState(registry));
  const release = registry.current_release ? ` · OSM ${registry.current_release}` : '';
  return [
    section(`*${escapeMrkdwn(registry.source.name)}*${release}\n${counts.join('    ')}`),
    context(
      `${registry.features.length} features in ${registry.categories.length} categories · ` +
        `ask \`${COMMAND} <feature>\` for one feature’s state and what it promises`,
    ),
  ];
}
