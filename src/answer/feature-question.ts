import type { StateAsk } from '../intents/intent.js';
import { weighEvidence } from '../registry/query/evidence.js';
import type { Feature, PolicyField, Registry } from '../registry/schema.js';
import type { Answer, FeatureCard, SeveralEntry, VerdictValue } from './answer.js';
import { answerFeatureCard } from './feature-card.js';
import { sourceOf } from './source.js';

/** Slack allows 50 blocks a message; each feature of several takes two, with room for a lead and a source. */
const MAX_SEVERAL = 10;

export interface FeatureQuestion {
  query: string;
  release?: string;
  ask?: StateAsk;
  aspect?: PolicyField;
}

/**
 * A question about one or more features: a card, a yes/no answer with the card, one promise of the feature's
 * state, or each of several features. A card only when the words are explained by the feature; otherwise a
 * choice or a plain "not on the lifecycle page". Pure.
 */
export function answerFeatureQuestion(question: FeatureQuestion, registry: Registry): Answer {
  const { query, release, ask, aspect } = question;
  const evidence = weighEvidence(registry, query);
  switch (evidence.kind) {
    case 'none':
      return { kind: 'not-found', query, suggestions: evidence.suggestions, source: sourceOf(registry) };
    case 'ambiguous':
      return { kind: 'did-you-mean', query, candidates: evidence.candidates };
    case 'several':
      return answerSeveral(evidence.features, release, ask, registry);
    case 'found':
      return answerOne(evidence.feature, release, ask, aspect, registry);
  }
}

function answerOne(
  feature: Feature,
  release: string | undefined,
  ask: StateAsk | undefined,
  aspect: PolicyField | undefined,
  registry: Registry,
): Answer {
  if (aspect && !release) {
    return {
      kind: 'policy-aspect',
      aspect,
      states: [feature.state],
      policies: registry.states,
      feature,
      source: sourceOf(registry),
    };
  }
  const card = answerFeatureCard(feature, release, registry);
  if (!ask || card.kind !== 'feature-card') return card;
  return { kind: 'verdict', ask, verdict: verdictOf(ask, card.card), card: card.card };
}

function answerSeveral(
  features: readonly Feature[],
  release: string | undefined,
  ask: StateAsk | undefined,
  registry: Registry,
): Answer {
  const entries: SeveralEntry[] = [];
  for (const feature of features.slice(0, MAX_SEVERAL)) {
    const answer = answerFeatureCard(feature, release, registry);
    const card = answer.kind === 'feature-card' ? answer.card : undefined;
    if (!card) continue;
    entries.push(ask ? { card, verdict: verdictOf(ask, card) } : { card });
  }
  // A release none of them existed in answers as a card would: say so once, for the first.
  if (entries.length === 0 && features[0]) return answerFeatureCard(features[0], release, registry);
  return { kind: 'several', entries, ...(ask ? { ask } : {}), source: sourceOf(registry) };
}

/** Yes or no for a state asked; for production, Stable is yes, Beta is "not yet" and Alpha is no. */
function verdictOf(ask: StateAsk, card: FeatureCard): VerdictValue {
  const state = card.feature.state;
  if (ask.kind === 'state') return state === ask.state ? 'yes' : 'no';
  return state === 'Stable' ? 'yes' : state === 'Beta' ? 'not-yet' : 'no';
}
