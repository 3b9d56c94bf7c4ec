import type { KnownBlock } from '@slack/types';
import type { Feature } from '../../registry/schema.js';

/** Buttons under a feature card. Filled in by the interactive layer; none yet. */
export function featureCardActions(_feature: Feature): KnownBlock[] {
  return [];
}
