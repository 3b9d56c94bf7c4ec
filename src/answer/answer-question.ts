import type { QuestionIntent } from '../intents/intent.js';
import { guaranteesAsOf } from '../registry/history/guarantee-status.js';
import { knownReleases } from '../registry/history/releases.js';
import { findFeature } from '../registry/query/match.js';
import { type Registry, STATE_NAMES } from '../registry/schema.js';
import type { Answer, CategoryCount, ReleaseEntry } from './answer.js';
import { answerChanges } from './changes.js';
import { answerFeatureQuestion } from './feature-question.js';
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
    case 'foreign':
      return { kind: 'help', greeting: false, featureCount: registry.features.length, notEnglish: true };
    case 'about':
      return {
        kind: 'about',
        topic: intent.topic,
        source: sourceOf(registry),
        releases: releaseEntries(registry),
        featureCount: registry.features.length,
      };
    case 'aspect':
      return {
        kind: 'policy-aspect',
        aspect: intent.aspect,
        states: [...STATE_NAMES],
        policies: registry.states,
        source: sourceOf(registry),
      };
    case 'policy':
      if (intent.aspect)
        return {
          kind: 'policy-aspect',
          aspect: intent.aspect,
          states: [intent.state],
          policies: registry.states,
          source: sourceOf(registry),
        };
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
      return answerFeatureQuestion(intent, registry);
    case 'history': {
      const match = findFeature(registry, intent.query);
      if (match.kind === 'found')
        return { kind: 'history', feature: match.feature, source: sourceOf(registry) };
      return match.kind === 'ambiguous'
        ? { kind: 'did-you-mean', query: intent.query, candidates: match.candidates }
        : {
            kind: 'not-found',
            query: intent.query,
            suggestions: match.suggestions,
            source: sourceOf(registry),
          };
    }
    case 'changes':
      return answerChanges(intent.from, intent.to, registry);
    case 'state':
    case 'list':
    case 'category':
    case 'group':
      return withRelease(intent.release, registry, (view) => answerListing(intent, view));
    case 'count': {
      const { of } = intent;
      const listed = withRelease(of.release, registry, (view) => answerListing(of, view));
      return listed.kind === 'feature-list' ? { kind: 'count', list: listed.list } : listed;
    }
  }
}

function answerReleases(registry: Registry): Answer {
  return { kind: 'releases', releases: releaseEntries(registry) };
}

/** Every release the registry knows, newest first, the current one marked. */
function releaseEntries(registry: Registry): ReleaseEntry[] {
  const info = new Map((registry.releases ?? []).map((r) => [r.name, r]));
  return knownReleases(registry)
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
