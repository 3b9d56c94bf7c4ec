import type { Answer } from '../../../src/answer/answer.js';

/** What a row of the phrasing table expects; only the fields given are compared. */
export interface Expected {
  kind: string;
  features?: string[];
  state?: string;
  negate?: boolean;
  category?: string;
  states?: string[];
  aspect?: string;
  release?: string;
  from?: string;
  to?: string;
  topic?: string;
  verdict?: string;
  count?: number;
  notEnglish?: boolean;
}

/** Answers that show a feature as if it were the one asked about. */
export const CARD_KINDS = new Set(['card', 'verdict', 'several', 'not-yet']);

/** An answer reduced to its kind and subject, in the terms of the phrasing table. */
export function digest(answer: Answer): Expected {
  const a = answer as Answer & Record<string, unknown>;
  switch (answer.kind) {
    case 'feature-card':
      return {
        kind: 'card',
        features: [answer.card.feature.id],
        ...(answer.card.asOf ? { release: answer.card.asOf.release } : {}),
      };
    case 'feature-not-yet':
      return { kind: 'not-yet', features: [answer.feature.id], release: answer.release };
    case 'feature-list': {
      const { scope } = answer.list;
      return {
        kind: 'list',
        features: answer.list.features.map((f) => f.id).sort(),
        ...(scope.kind === 'state' ? { state: scope.state, negate: scope.negate } : {}),
        ...(scope.kind === 'category' ? { category: scope.category.id } : {}),
        ...('state' in scope && scope.kind !== 'state' && scope.state ? { state: scope.state } : {}),
        ...('negate' in scope && scope.kind !== 'state' && scope.negate ? { negate: true } : {}),
        ...(answer.list.release ? { release: answer.list.release } : {}),
      };
    }
    case 'policy':
      return { kind: 'policy', states: [answer.state] };
    case 'states':
      return { kind: 'states' };
    case 'changes':
      return { kind: 'changes', from: answer.from, to: answer.to };
    case 'releases':
      return { kind: 'releases' };
    case 'history':
      return { kind: 'history', features: [answer.feature.id] };
    case 'categories':
      return { kind: 'categories' };
    case 'help':
      return { kind: 'help', ...(a.notEnglish ? { notEnglish: true } : {}) };
    case 'did-you-mean':
      return { kind: 'choice', features: answer.candidates.map((f) => f.id) };
    case 'not-found':
      return { kind: 'none' };
    default:
      return digestNew(a);
  }
}

/** Kinds added for plain-English questions, read loosely so that the table can run against older code too. */
function digestNew(a: Record<string, unknown>): Expected {
  const ids = (features: unknown): string[] =>
    Array.isArray(features) ? features.map((f) => String((f as { id?: string }).id)) : [];
  switch (a.kind) {
    case 'verdict': {
      const card = a.card as { feature: { id: string } };
      return { kind: 'verdict', features: [card.feature.id], verdict: String(a.verdict) };
    }
    case 'policy-aspect':
      return {
        kind: 'aspect',
        aspect: String(a.aspect),
        states: (a.states as string[]).slice(),
        ...(a.feature ? { features: ids([a.feature]) } : {}),
      };
    case 'several':
      return {
        kind: 'several',
        features: ids((a.entries as { card: { feature: unknown } }[]).map((e) => e.card.feature)),
      };
    case 'count': {
      const list = a.list as Extract<Answer, { kind: 'feature-list' }>['list'];
      const inner = digest({ kind: 'feature-list', list });
      return { ...inner, kind: 'count', count: list.features.length };
    }
    case 'about':
      return { kind: 'about', topic: String(a.topic) };
    default:
      return { kind: String(a.kind) };
  }
}

/** Whether an answer's digest agrees with every field a row gives (feature lists compared as sets). */
export function agrees(actual: Expected, expected: Expected): boolean {
  for (const [key, want] of Object.entries(expected) as [keyof Expected, unknown][]) {
    const got = actual[key];
    if (Array.isArray(want)) {
      if (!Array.isArray(got)) return false;
      const a = [...got].sort();
      const b = [...want].sort();
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) return false;
    } else if (key === 'negate') {
      if ((got ?? false) !== want) return false;
    } else if (got !== want) return false;
  }
  return true;
}
