/** What the HTTP benchmarks ask: a feature card, a state list, a typo, the full list. */
export const QUESTIONS = ['multicluster', 'which features are stable?', 'egres policy', 'list'] as const;
