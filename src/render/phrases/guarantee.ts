import type { Guarantee, PolicyPromise } from '../../registry/history/guarantee.js';

const PROMISE_WORDS: Readonly<Record<PolicyPromise, string>> = {
  'advance-notice': 'advance notice before deprecation',
  'upgrade-path': 'an upgrade path to alternatives',
};

function promisesText(promises: readonly PolicyPromise[]): string {
  return promises.map((p) => PROMISE_WORDS[p]).join(' and ');
}

/**
 * A guarantee in words: "Supported through at least v1.3 (Beta since v1.1, plus 2 minor releases)." Plain
 * text; each surface escapes it. Pure.
 */
export function guaranteeText(guarantee: Guarantee): string {
  switch (guarantee.kind) {
    case 'through':
    case 'minors': {
      const also = guarantee.promises.length > 0 ? `; ${promisesText(guarantee.promises)}` : '';
      const plural = guarantee.minors === 1 ? 'release' : 'releases';
      return guarantee.kind === 'through'
        ? `Supported through at least ${guarantee.until} (${guarantee.state} since ${guarantee.since}, plus ${guarantee.minors} minor ${plural})${also}.`
        : `Supported for at least ${guarantee.minors} minor ${plural} after it became ${guarantee.state}${also}.`;
    }
    case 'none':
      return 'No guarantee: it can be deprecated at any time.';
    case 'promises':
      return `Guaranteed ${promisesText(guarantee.promises)}${guarantee.several ? '; supported for several subsequent releases' : ''}.`;
    case 'as-written':
      return guarantee.text;
  }
}
