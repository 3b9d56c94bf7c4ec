import type { QuestionIntent } from '../intents/intent.js';
import { guaranteesAsOf } from '../registry/history/guarantee-status.js';
import { knownReleases } from '../registry/history/releases.js';
import { findFeature } from '../registry/query/match.js';
import { spotFeature } from '../registry/query/spot.js';
import type { Registry } from '../registry/schema.js';
import type { Answer, CategoryCount } from './answer.js';
import { answerChanges } from './changes.js';
import { answerFeatureCard } from './feature-card.js';
import { answerListing } from './listing.js';
import { withRelease } from './release-view.js';
import { countByState, sourceOf } from './source.js';

/** Answers a question from the registry: the engine's single entry point. Pure; returns data. */
export function answerQuestion(intent: QuestionIntent, registry: Registry): Answer {
  switch (intent.kind) {
    case 'help':
      return { kind: 'help', greeting: false, featureCount: registry.features.length };
    case 'greeting':
      return intent.thanks
        ? { kind: 'thanks' }
        : { kind: 'help', greeting: true, featureCount: registry.features.length };
    case 'unknown':
      return { kind: 'not-understood', text: intent.text };
    case 'states':
      return {
        kind: 'states',
        states: registry.states,
        counts: countByState(registry),
        ...(intent.unknownState ? { unknownState: intent.unknownState } : {}),
        source: sourceOf(registry),
      };
    case 'policy':
      return {
        kind: 'policy',
        state: intent.state,
        policy: registry.states[intent.state],
        count: countByState(registry)[intent.state],
        source: sourceOf(registry),
      };
    case 'releases':
      return answerReleases(registry);
    case 'guarantees':
      return {
        kind: 'guarantees',
        ...(registry.current_release ? { release: registry.current_release } : {}),
        guarantees: guaranteesAsOf(registry),
        source: sourceOf(registry),
      };
    case 'categories':
      return { kind: 'categories', groups: categoryCounts(registry), source: sourceOf(registry) };
    case 'feature':
      return answerFeature(intent.query, intent.release, registry);
    case 'history': {
      const match = findFeature(registry, intent.query);
      if (match.kind === 'found')
        return { kind: 'history', feature: match.feature, source: sourceOf(registry) };
      return match.kind === 'ambiguous'
        ? { kind: 'did-you-mean', query: intent.query, candidates: match.candidates }
        : { kind: 'not-found', query: intent.query, suggestions: match.suggestions };
    }
    case 'changes':
      return answerChanges(intent.from, intent.to, registry);
    case 'state':
    case 'list':
    case 'category':
      return withRelease(intent.release, registry, (view) => answerListing(intent, view));
  }
}

function answerFeature(query: string, release: string | undefined, registry: Registry): Answer {
  const whole = findFeature(registry, query);
  const match = whole.kind === 'none' ? (spotFeature(registry, query) ?? whole) : whole;
  if (match.kind === 'ambiguous') return { kind: 'did-you-mean', query, candidates: match.candidates };
  if (match.kind === 'none') return { kind: 'not-found', query, suggestions: match.suggestions };
  return answerFeatureCard(match.feature, release, registry);
}

function answerReleases(registry: Registry): Answer {
  const info = new Map((registry.releases ?? []).map((r) => [r.name, r]));
  const releases = knownReleases(registry)
    .reverse()
    .map((name) => {
      const r = info.get(name);
      return {
        name,
        ...(r?.date ? { date: r.date } : {}),
        ...(r?.notes ? { notes: r.notes } : {}),
        current: name === registry.current_release,
      };
    });
  return { kind: 'releases', releases };
}

/** Every category, in the registry's order, with its counts per state (empty ones too). */
function categoryCounts(registry: Registry): CategoryCount[] {
  const byCategory = new Map<string, CategoryCount>();
  for (const category of registry.categories) {
    byCategory.set(category.id, { category, total: 0, counts: { Alpha: 0, Beta: 0, Stable: 0 } });
  }
  for (const feature of registry.features) {
    const entry = byCategory.get(feature.category);
    if (!entry) continue;
    entry.total += 1;
    entry.counts[feature.state] += 1;
  }
  return [...byCategory.values()];
}
