import type { Answer, FeatureList } from '../../answer/answer.js';
import { STATE_NAMES } from '../../registry/schema.js';
import { STATE_EMOJI_NAME } from '../markup.js';
import { emptyListText, listTitle } from '../phrases/answers.js';
import { COMMAND } from '../slack/ids.js';
import { page, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/** A list as terminal text: every feature, grouped by category (a terminal has no block limits). Pure. */
export function featureListText(list: FeatureList): string {
  const { scope } = list;
  const state = scope.kind === 'all' ? undefined : scope.state;
  const badges = !state || (scope.kind === 'state' && scope.negate);
  const groups = list.categories
    .map((c) => ({ category: c, features: list.features.filter((f) => f.category === c.id) }))
    .filter((g) => g.features.length > 0)
    .map(
      (g) =>
        `${m.text(g.category.name)} (${g.features.length})\n` +
        g.features
          .map((f) => `• ${badges ? `${m.emoji(STATE_EMOJI_NAME[f.state])} ` : ''}${m.text(f.name)}`)
          .join('\n'),
    );
  return page([
    title(`${listTitle(scope, list.release)} (${list.features.length})`),
    list.policy ? m.text(list.policy.definition) : undefined,
    list.features.length === 0 ? (emptyListText(scope) ?? 'Nothing to list.') : undefined,
    ...groups,
    badges ? STATE_NAMES.map((s) => m.state(s)).join('  ') : undefined,
    sourceLine(list.source),
  ]);
}

/** The categories with their counts per state. Pure. */
export function categoriesText(answer: Extract<Answer, { kind: 'categories' }>): string {
  const lines = answer.groups
    .filter((g) => g.total > 0)
    .map((g) => {
      const counts = (['Stable', 'Beta', 'Alpha'] as const)
        .filter((s) => g.counts[s] > 0)
        .map((s) => `${m.emoji(STATE_EMOJI_NAME[s])} ${g.counts[s]}`)
        .join('  ');
      return `• ${m.text(g.category.name)} (${g.total}) ${counts}`;
    });
  return page([
    title(`OSM feature categories (${answer.groups.length})`),
    lines.join('\n'),
    `List one with ${m.code(`${COMMAND} category <name>`)}.`,
    sourceLine(answer.source),
  ]);
}
