import type { KnownBlock } from '@slack/types';
import { answerFeatureCard } from '../../intents/answer.js';
import { indexFor } from '../../registry/query/match-index.js';
import type { Feature, Registry } from '../../registry/schema.js';
import type { SlackMessage } from '../../render/blocks.js';
import { renderNotice } from '../../render/help.js';
import { quoteUserText } from '../../render/mrkdwn.js';

/** The feature a button's value names, by id only: a fuzzy match could silently show the wrong feature. */
export function featureById(registry: Registry, id: string | undefined): Feature | undefined {
  return id ? indexFor(registry).byId.get(id) : undefined;
}

/** The same card a typed question gives (since-release, guarantee, notes), optionally as of a release. */
export function featureCard(
  feature: Feature,
  registry: Registry,
  featureActions?: (feature: Feature, release?: string) => KnownBlock[],
  release?: string,
): SlackMessage {
  return answerFeatureCard(feature, release, registry, featureActions ? { featureActions } : {});
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
