import type { KnownBlock } from '@slack/types';
import type { Feature, Registry } from '../registry/schema.js';
import { divider, fields, header, type SlackMessage, section } from './blocks.js';
import { escapeMrkdwn, link } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { policyText, stateBadge } from './state-style.js';

export interface FeatureCardOptions {
  /** A line such as "Alpha since v1.1" or "as of v1.0", worked out by the caller from the history. */
  stateNote?: string;
  /** Extra lines: the guarantee computed from the policy, notes from OSM's code. */
  extraLines?: string[];
  /** Buttons and other interactive blocks, added by the interactive layer. */
  actions?: KnownBlock[];
  /** A line above the card, such as "Shared by @user". */
  preface?: string;
}

/** The feature card: name, state, category and everything the state promises. Pure. */
export function renderFeatureCard(
  feature: Feature,
  registry: Registry,
  opts: FeatureCardOptions = {},
): SlackMessage {
  const policy = registry.states[feature.state];
  const category = registry.categories.find((c) => c.id === feature.category);
  const categoryName = category?.name ?? feature.category;
  const stateText = `${stateBadge(feature.state)}${opts.stateNote ? ` (${escapeMrkdwn(opts.stateNote)})` : ''}`;
  const blocks: KnownBlock[] = [];
  if (opts.preface) blocks.push(section(opts.preface));
  blocks.push(header(feature.name));
  blocks.push(fields([`*State*\n${stateText}`, `*Category*\n${escapeMrkdwn(categoryName)}`]));
  if (feature.summary) blocks.push(section(escapeMrkdwn(feature.summary)));
  if (opts.extraLines && opts.extraLines.length > 0) blocks.push(section(opts.extraLines.join('\n')));
  blocks.push(divider());
  blocks.push(section(policyText(policy)));
  if (opts.actions) blocks.push(...opts.actions);
  blocks.push(sourceContext(registry, feature.docs ? link(feature.docs, 'Docs') : undefined));
  const text =
    `${feature.name}: ${feature.state}${opts.stateNote ? ` (${opts.stateNote})` : ''} — ${categoryName}. ` +
    `Deprecation policy: ${policy.deprecation_policy}`;
  return { text: escapeMrkdwn(text), blocks };
}
