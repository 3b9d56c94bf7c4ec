import type { ListScope } from '../../answer/answer.js';
import type { Category, Feature } from '../../registry/schema.js';
import type { Markup } from '../markup.js';

/** Sentences shared by every surface, marked up for it. Each is pure. */

export const THANKS = 'You’re welcome! Ask me about any OSM feature any time.';

export function notAStateLead(unknownState: string, m: Markup): string {
  return `${m.quote(m.echo(unknownState, 40))} is not a state. OSM features are Alpha, Beta or Stable:`;
}

export function categoryNotFound(
  query: string,
  ambiguous: boolean,
  categories: readonly Category[],
  m: Markup,
): string {
  const names = categories.map((c) => m.bold(m.text(c.name))).join(', ');
  const lead = ambiguous ? 'could be more than one category' : 'is not a category I know';
  return `${m.quote(m.echo(query))} ${lead}. The categories are: ${names}.`;
}

export function notYet(feature: Feature, release: string, firstRelease: string, m: Markup): string {
  return `${m.bold(m.text(feature.name))} did not exist yet in ${release}: it was added in ${firstRelease}.`;
}

export function noHistory(feature: Feature, release: string, m: Markup): string {
  return `I have no release history for ${m.bold(m.text(feature.name))}, so I can't say what it was in ${release}. Today it is ${feature.state}.`;
}

export const NO_RELEASES_FOR_CHANGES =
  'This registry records no releases, so I cannot tell what changed between them.';

export function firstRelease(release: string): string {
  return `${release} is the first release I know; nothing came before it.`;
}

export function unknownRelease(release: string, known: readonly string[], m: Markup): string {
  const knownText = known.length > 0 ? `I know ${known.join(', ')}.` : 'This registry records no releases.';
  return `I have no record of release ${m.echo(release, 20)}. ${knownText}`;
}

export function notFoundLead(query: string, m: Markup): string {
  return `I don’t know an OSM feature called ${m.quote(m.echo(query))}.`;
}

export function nearestNames(suggestions: readonly Feature[], m: Markup): string {
  return `The nearest names I know: ${suggestions.map((f) => m.bold(m.text(f.name))).join(', ')}.`;
}

export function didYouMeanLead(query: string, m: Markup, candidates = 2): string {
  return candidates === 1
    ? `I’m not sure ${m.quote(m.echo(query))} is an OSM feature. Did you mean:`
    : `${m.quote(m.echo(query))} could be more than one feature. Did you mean:`;
}

/** Under a "not found": the lifecycle page has no such feature. */
export function notOnPage(source: { name: string; url?: string } | undefined, m: Markup): string {
  const name = source?.name ?? 'OSM Feature Lifecycle';
  const page = source?.url ? m.link(source.url, `${name} page`) : `${name} page`;
  return `The ${page} lists no such feature.`;
}

export function candidateLine(feature: Feature, m: Markup): string {
  return `• ${m.bold(m.text(feature.name))} — ${m.state(feature.state)}`;
}

export function featureGone(id: string | undefined, command: string, m: Markup): string {
  const named = id ? ` (${m.quote(m.echo(id, 60))})` : '';
  return (
    `That feature${named} is no longer in the registry: it may have been renamed or removed. ` +
    `See what is there now with ${m.code(`${command} list`)}.`
  );
}

export function staleFilter(reason: 'unreadable' | 'category-gone', command: string, m: Markup): string {
  return reason === 'unreadable'
    ? `That list is too old to filter. Ask again with ${m.code(`${command} list`)}.`
    : `That category is no longer in the registry. See what is there now with ${m.code(`${command} list`)}.`;
}

export function unknownStateButton(command: string, m: Markup): string {
  return `I could not tell which state that button was about. Try ${m.code(`${command} states`)}.`;
}

export function shared(featureName: string, m: Markup): string {
  return `${m.emoji('white_check_mark')} Shared ${m.bold(m.text(featureName))} in this channel.`;
}

/** "<N> feature(s)". */
export function featureCount(n: number): string {
  return `${n} feature${n === 1 ? '' : 's'}`;
}

/** A list's title, e.g. "Beta features in Security in v1.2". */
export function listTitle(scope: ListScope, release: string | undefined): string {
  const at = release ? ` in ${release}` : '';
  switch (scope.kind) {
    case 'all':
      return `All OSM features${at}`;
    case 'state':
      return scope.negate ? `Features not ${scope.state}${at}` : `${scope.state} features${at}`;
    case 'category': {
      const which = scope.state
        ? `${scope.negate ? `Features not ${scope.state}` : `${scope.state} features`} in `
        : '';
      return `${which}${scope.category.name}${at}`;
    }
    case 'group': {
      const about = `features named “${scope.words.join(' ')}”`;
      if (!scope.state) return `OSM ${about}${at}`;
      return scope.negate ? `OSM ${about}, not ${scope.state}${at}` : `${scope.state} ${about}${at}`;
    }
  }
}

/** What an empty list says. */
export function emptyListText(scope: ListScope): string | undefined {
  if (scope.kind === 'state')
    return scope.negate ? `Every feature is ${scope.state}.` : `No feature is ${scope.state}.`;
  if (scope.kind === 'category' && scope.state)
    return scope.negate
      ? `Every feature in ${scope.category.name} is ${scope.state}.`
      : `No feature in ${scope.category.name} is ${scope.state}.`;
  if (scope.kind === 'group' && scope.state)
    return scope.negate ? `All of them are ${scope.state}.` : `None of them is ${scope.state}.`;
  return undefined;
}
