import type { KnownBlock } from '@slack/types';
import { answerQuestion } from '../../intents/answer.js';
import { findFeature } from '../../registry/match.js';
import { indexFor } from '../../registry/match-index.js';
import type { Feature, Registry } from '../../registry/schema.js';
import type { SlackMessage } from '../../render/blocks.js';
import { renderFeatureCard } from '../../render/feature-card.js';
import { renderNotice } from '../../render/help.js';
import { quoteUserText } from '../../render/mrkdwn.js';

/** The feature a button's value names, by id only: a fuzzy match could silently show the wrong feature. */
export function featureById(registry: Registry, id: string | undefined): Feature | undefined {
  return id ? indexFor(registry).byId.get(id) : undefined;
}

/**
 * The same card a typed question gives (since-release, guarantee, notes), for a feature known by id.
 * Falls back to the plain card if the id, typed as a question, would resolve to another feature.
 */
export function featureCard(
  feature: Feature,
  registry: Registry,
  featureActions?: (feature: Feature, release?: string) => KnownBlock[],
  release?: string,
): SlackMessage {
  const match = findFeature(registry, feature.id);
  if (match.kind === 'found' && match.feature.id === feature.id) {
    const intent = { kind: 'feature' as const, query: feature.id, ...(release ? { release } : {}) };
    return answerQuestion(intent, registry, { featureActions });
  }
  return renderFeatureCard(feature, registry, { actions: featureActions?.(feature) });
}

/** The kind answer to a click on a feature that has since left the registry. */
export function featureGone(id: string | undefined): SlackMessage {
  const named = id ? ` (“${quoteUserText(id, 60)}”)` : '';
  return renderNotice(
    `That feature${named} is no longer in the registry: it may have been renamed or removed. ` +
      'See what is there now with `/osm-feature list`.',
  );
}

/** A share button's value: a feature id, or `id@release` for a card asked "as of" a release. */
export function parseCardValue(value: string | undefined): { id?: string; release?: string } {
  if (!value) return {};
  const at = value.indexOf('@');
  if (at === -1) return { id: value };
  const release = value.slice(at + 1);
  return { id: value.slice(0, at), ...(/^v\d+\.\d+$/.test(release) ? { release } : {}) };
}
