import { diffRegistries } from '../registry/history/diff.js';
import { guaranteeFor } from '../registry/history/guarantee.js';
import { currentSince, knownReleases, registryAt, stateAt } from '../registry/history/releases.js';
import { findCategory } from '../registry/query/category-match.js';
import { findFeature } from '../registry/query/match.js';
import { spotFeature } from '../registry/query/spot.js';
import type { Feature, Registry } from '../registry/schema.js';
import type { SlackMessage } from '../render/blocks.js';
import { renderFeatureCard } from '../render/feature-card.js';
import { renderCategories, renderFeatureList } from '../render/feature-list.js';
import {
  renderDidYouMean,
  renderHelp,
  renderNotFound,
  renderNotice,
  renderNotUnderstood,
} from '../render/help.js';
import type { FeatureFilter } from '../render/home-filters.js';
import { escapeMrkdwn, quoteUserText } from '../render/mrkdwn.js';
import { renderPolicy, renderStates } from '../render/policy.js';
import { renderChanges, renderHistory, renderReleases } from '../render/releases.js';
import type { Intent } from './intent.js';

/** Intents answered from the registry alone; the rest (subscriptions) need the store. */
export type QuestionIntent = Exclude<Intent, { kind: 'subscribe' | 'unsubscribe' | 'subscriptions' }>;

export function isQuestion(intent: Intent): intent is QuestionIntent {
  return intent.kind !== 'subscribe' && intent.kind !== 'unsubscribe' && intent.kind !== 'subscriptions';
}

/** Hooks that let the interactive layer add buttons without the engine knowing Slack ids. */
export interface AnswerDecorations {
  /** Buttons under a card; `release` is set for a card asked "as of" a release. */
  featureActions?: (feature: Feature, release?: string) => import('@slack/types').KnownBlock[];
  /** Filter controls placed on lists; `filter` is what the list shows, `registry` the view it was drawn from. */
  listControls?: (filter: FeatureFilter, registry: Registry) => import('@slack/types').KnownBlock[];
}

/** Answers a question from the registry: the engine's single entry point. Pure. */
export function answerQuestion(
  intent: QuestionIntent,
  registry: Registry,
  deco: AnswerDecorations = {},
): SlackMessage {
  switch (intent.kind) {
    case 'help':
      return renderHelp(registry);
    case 'greeting':
      return intent.thanks
        ? renderNotice('You’re welcome! Ask me about any OSM feature any time.')
        : renderHelp(registry, 'Hi! :wave:');
    case 'unknown':
      return renderNotUnderstood(intent.text);
    case 'states':
      return renderStates(
        registry,
        intent.unknownState
          ? `“${quoteUserText(intent.unknownState, 40)}” is not a state. OSM features are Alpha, Beta or Stable:`
          : undefined,
      );
    case 'policy':
      return renderPolicy(registry, intent.state);
    case 'releases':
      return renderReleases(registry);
    case 'categories':
      return renderCategories(registry);
    case 'feature':
      return answerFeature(intent.query, intent.release, registry, deco);
    case 'history': {
      const match = findFeature(registry, intent.query);
      if (match.kind === 'found') return renderHistory(match.feature, registry);
      return match.kind === 'ambiguous'
        ? renderDidYouMean(intent.query, match.candidates)
        : renderNotFound(intent.query, match.suggestions);
    }
    case 'changes':
      return answerChanges(intent.from, intent.to, registry);
  }
  return withRelease(intent.release, registry, (view) => answerListing(intent, view, deco));
}

function answerListing(
  intent: Extract<QuestionIntent, { kind: 'state' | 'list' | 'category' }>,
  registry: Registry,
  deco: AnswerDecorations,
): SlackMessage {
  const at = registry.current_release ? ` in ${registry.current_release}` : '';
  const release = intent.release ? registry.current_release : undefined;
  const controls = (filter: FeatureFilter) =>
    deco.listControls ? { controls: deco.listControls({ ...filter, release }, registry) } : {};
  if (intent.kind === 'list')
    return renderFeatureList(registry, registry.features, {
      title: `All OSM features${at}`,
      badges: true,
      ...controls({}),
    });
  if (intent.kind === 'state' && intent.negate) {
    const features = registry.features.filter((f) => f.state !== intent.state);
    return renderFeatureList(registry, features, {
      title: `Features not ${intent.state}${at}`,
      badges: true,
      emptyText: `Every feature is ${intent.state}.`,
    });
  }
  if (intent.kind === 'state') {
    const features = registry.features.filter((f) => f.state === intent.state);
    return renderFeatureList(registry, features, {
      title: `${intent.state} features${at}`,
      intro: `_${escapeMrkdwn(registry.states[intent.state].definition)}_`,
      badges: false,
      emptyText: `No feature is ${intent.state}.`,
      ...controls({ state: intent.state }),
    });
  }
  const match = findCategory(registry, intent.query);
  if (match.kind === 'found') {
    const state = intent.state;
    const features = registry.features.filter(
      (f) => f.category === match.category.id && (!state || f.state === state),
    );
    return renderFeatureList(registry, features, {
      title: `${state ? `${state} features in ` : ''}${match.category.name}${at}`,
      ...(state ? { intro: `_${escapeMrkdwn(registry.states[state].definition)}_` } : {}),
      badges: !state,
      ...(state ? { emptyText: `No feature in ${match.category.name} is ${state}.` } : {}),
      ...controls({ category: match.category.id, ...(state ? { state } : {}) }),
    });
  }
  const names = registry.categories.map((c) => `*${escapeMrkdwn(c.name)}*`).join(', ');
  const lead = match.kind === 'ambiguous' ? 'could be more than one category' : 'is not a category I know';
  return renderNotice(`“${quoteUserText(intent.query)}” ${lead}. The categories are: ${names}.`);
}

function answerFeature(
  query: string,
  release: string | undefined,
  registry: Registry,
  deco: AnswerDecorations,
): SlackMessage {
  const whole = findFeature(registry, query);
  const match = whole.kind === 'none' ? (spotFeature(registry, query) ?? whole) : whole;
  if (match.kind === 'ambiguous') return renderDidYouMean(query, match.candidates);
  if (match.kind === 'none') return renderNotFound(query, match.suggestions);
  return answerFeatureCard(match.feature, release, registry, deco);
}

/**
 * A known feature's card: today's (with since-release, guarantee and notes), or as of a release. Shared by
 * typed questions and by buttons, which already hold the feature by id. Pure.
 */
export function answerFeatureCard(
  feature: Feature,
  release: string | undefined,
  registry: Registry,
  deco: AnswerDecorations = {},
): SlackMessage {
  const actions = deco.featureActions?.(feature, release);
  const notesOf = (f: Feature): string[] =>
    (f.notes ?? []).map((n) => `:memo: ${n.release ? `*${n.release}*: ` : ''}${escapeMrkdwn(n.text)}`);
  if (!release) {
    const since = currentSince(feature);
    const guarantee = `:shield: ${escapeMrkdwn(guaranteeFor(feature, registry, since))}`;
    return renderFeatureCard(feature, registry, {
      stateNote: since ? `${feature.state} since ${since}` : undefined,
      extraLines: [guarantee, ...notesOf(feature)],
      actions,
    });
  }
  return withRelease(release, registry, (view, name) => {
    const at = stateAt(feature, name);
    if (at.kind === 'not-yet') {
      return renderNotice(
        `*${escapeMrkdwn(feature.name)}* did not exist yet in ${name}: it was added in ${at.firstRelease}.`,
      );
    }
    if (at.kind === 'unknown') {
      return renderNotice(
        `I have no release history for *${escapeMrkdwn(feature.name)}*, so I can't say what it was in ${name}. Today it is ${feature.state}.`,
      );
    }
    // The release view trims history and notes to what was known then: no notes from the future.
    const asOf = view.features.find((f) => f.id === feature.id) ?? { ...feature, state: at.state };
    const note = at.since ? `as of ${name}; ${asOf.state} since ${at.since}` : `as of ${name}`;
    return renderFeatureCard(asOf, view, { stateNote: note, extraLines: notesOf(asOf), actions });
  });
}

function answerChanges(from: string | undefined, to: string | undefined, registry: Registry): SlackMessage {
  const releases = knownReleases(registry);
  const target = to ?? registry.current_release ?? releases.at(-1);
  if (!target)
    return renderNotice('This registry records no releases, so I cannot tell what changed between them.');
  const targetIndex = releases.indexOf(target);
  if (targetIndex === -1) return unknownRelease(target, releases);
  const start = from ?? (targetIndex > 0 ? releases[targetIndex - 1] : undefined);
  if (!start) return renderNotice(`${target} is the first release I know; nothing came before it.`);
  return withRelease(start, registry, (before, startName) =>
    withRelease(target, registry, (after, targetName) =>
      renderChanges(diffRegistries(before, after), startName, targetName, registry),
    ),
  );
}

function withRelease(
  release: string | undefined,
  registry: Registry,
  answer: (view: Registry, name: string) => SlackMessage,
): SlackMessage {
  if (!release) return answer(registry, registry.current_release ?? '');
  const view = registryAt(registry, release);
  if (view.ok) return answer(view.registry, view.release);
  return unknownRelease(release, view.known);
}

function unknownRelease(release: string, known: readonly string[]): SlackMessage {
  const knownText = known.length > 0 ? `I know ${known.join(', ')}.` : 'This registry records no releases.';
  return renderNotice(`I have no record of release ${quoteUserText(release, 20)}. ${knownText}`);
}
