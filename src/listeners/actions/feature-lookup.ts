import type { Answer } from '../../answer/answer.js';
import { indexFor } from '../../registry/query/match-index.js';
import type { Feature, Registry } from '../../registry/schema.js';

/** The feature a button's value names, by id only: a fuzzy match could silently show the wrong feature. */
export function featureById(registry: Registry, id: string | undefined): Feature | undefined {
  return id ? indexFor(registry).byId.get(id) : undefined;
}

/** A share button's value: a feature id, or `id@release` for a card asked "as of" a release. */
export function parseCardValue(value: string | undefined): { id?: string; release?: string } {
  if (!value) return {};
  const at = value.indexOf('@');
  if (at === -1) return { id: value };
  const release = value.slice(at + 1);
  return { id: value.slice(0, at), ...(/^v\d+\.\d+$/.test(release) ? { release } : {}) };
}

/** The kind answer to a click on a feature that has since left the registry. */
export function featureGone(value: string | undefined): Answer {
  return { kind: 'feature-gone', ...(value ? { id: value } : {}) };
}
