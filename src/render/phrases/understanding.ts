import type { Answer, FeatureList, VerdictValue } from '../../answer/answer.js';
import type { StateAsk } from '../../intents/intent.js';
import type { PolicyField, StateName } from '../../registry/schema.js';
import type { Markup } from '../markup.js';
import { listTitle } from './answers.js';
import { POLICY_ROWS } from './policy-rows.js';

/** What each state means in a few words, for the first line of a yes/no answer. */
const STATE_IN_SHORT: Readonly<Record<StateName, string>> = {
  Alpha: 'experimental, disabled by default, may change or go at any time',
  Beta: 'usable in production, still being vetted',
  Stable: 'ready for production, supported for several releases',
};

const VERDICT_WORD: Readonly<Record<VerdictValue, string>> = { yes: 'Yes', no: 'No', 'not-yet': 'Not yet' };

/** "Not yet: Hashicorp Vault is Beta (usable in production, still being vetted)." Pure. */
export function verdictLine(name: string, state: StateName, verdict: VerdictValue, m: Markup): string {
  return `${m.bold(VERDICT_WORD[verdict])}: ${m.bold(m.text(name))} is ${m.state(state)} (${STATE_IN_SHORT[state]}).`;
}

/** The question a yes/no answer answers, for leads over several features: "Stable?" or "Ready for production?". */
export function askLabel(ask: StateAsk): string {
  return ask.kind === 'state' ? `${ask.state}?` : 'Ready for production?';
}

/** The everyday name of a promise: "Deprecation policy". */
export function aspectLabel(aspect: PolicyField): string {
  return POLICY_ROWS.find((r) => r.key === aspect)?.label ?? aspect;
}

/** The title of an aspect answer: "Beta: deprecation policy", "Hashicorp Vault (Beta): support". */
export function aspectTitle(answer: Extract<Answer, { kind: 'policy-aspect' }>): string {
  const label = aspectLabel(answer.aspect).toLowerCase();
  if (answer.feature) return `${answer.feature.name} (${answer.feature.state}): ${label}`;
  return answer.states.length === 1
    ? `${answer.states[0]}: ${label}`
    : `${aspectLabel(answer.aspect)}, state by state`;
}

/** "5 features: Beta features in v1.2." Pure. */
export function countLine(list: FeatureList, m: Markup): string {
  const n = list.features.length;
  return `${m.bold(String(n))} ${n === 1 ? 'feature' : 'features'}: ${m.text(listTitle(list.scope, list.release))}.`;
}

/** The answer to "what release are you on?" or "where does this data come from?". */
export function aboutLines(answer: Extract<Answer, { kind: 'about' }>, m: Markup): string[] {
  const { source } = answer;
  const page = source.url ? m.link(source.url, source.name) : m.text(source.name);
  const current = answer.releases.find((r) => r.current);
  const known = answer.releases.map((r) => r.name).reverse();
  const releaseLine = current
    ? `My data describes OSM ${m.bold(current.name)}${current.date ? ` (released ${current.date})` : ''}: ${answer.featureCount} features.`
    : `My data records no release: ${answer.featureCount} features.`;
  const knownLine = known.length > 0 ? `Releases I know: ${known.join(', ')}.` : undefined;
  const sourceLine = `It comes from ${page}: I ship with a copy of it (states word for word) and fetch nothing when you ask.`;
  return answer.topic === 'release'
    ? [releaseLine, knownLine, sourceLine].filter((l) => l !== undefined)
    : [sourceLine, releaseLine].filter((l) => l !== undefined);
}

/** Plain-English questions help shows, one of each kind the bot understands. */
export const QUESTION_EXAMPLES = [
  'is vault production ready?',
  'which traffic features aren’t stable?',
  'how many beta features are there?',
  'which features use SMI?',
  'how long are beta features supported?',
  'what changed after v1.0?',
  'prometheus and grafana',
  'what release are you on?',
] as const;

/** The lead of help for a question in another language. */
export const ENGLISH_ONLY =
  'I answer in English only for now. Please ask me in English, for example: which features are stable?';
