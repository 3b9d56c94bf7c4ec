import type { KnownBlock } from '@slack/types';
import type { FeatureCard } from '../../answer/answer.js';
import { cardLines, stateNote } from '../phrases/card.js';
import { policyParagraphs } from '../phrases/policy-rows.js';
import { divider, fields, header, type SlackMessage, section } from './blocks.js';
import { featureCardActions } from './card-actions.js';
import { SLACK_MARKUP as m } from './markup.js';
import { escapeMrkdwn, link } from './mrkdwn.js';
import { sourceContext } from './source.js';

export interface FeatureCardOptions {
  /** Buttons under the card (share, subscribe, policy); off for a card shared in a channel and the CLI. */
  interactive?: boolean;
}

/** The feature card: name, state, category and everything the state promises. Pure. */
export function renderFeatureCard(card: FeatureCard, opts: FeatureCardOptions = {}): SlackMessage {
  const { feature, policy, categoryName } = card;
  const note = stateNote(card);
  const stateText = `${m.state(feature.state)}${note ? ` (${escapeMrkdwn(note)})` : ''}`;
  const lines = cardLines(card, m);
  const blocks: KnownBlock[] = [
    header(feature.name),
    fields([`*State*\n${stateText}`, `*Category*\n${escapeMrkdwn(categoryName)}`]),
  ];
  if (feature.summary) blocks.push(section(escapeMrkdwn(feature.summary)));
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  blocks.push(divider());
  blocks.push(section(policyParagraphs(policy, m)));
  if (opts.interactive) blocks.push(...featureCardActions(feature, card.asOf?.release));
  blocks.push(sourceContext(card.source, feature.docs ? link(feature.docs, 'Docs') : undefined));
  const text =
    `${feature.name}: ${feature.state}${note ? ` (${note})` : ''} — ${categoryName}. ` +
    `Deprecation policy: ${policy.deprecation_policy}`;
  return { text: escapeMrkdwn(text), blocks };
}
