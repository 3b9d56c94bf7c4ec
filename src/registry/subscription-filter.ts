import { z } from 'zod';
import { StateNameSchema } from './schema.js';

/** What a channel asked to hear about. Stored as canonical JSON, so extra keys are rejected (strict). */
export const SubscriptionFilterSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('feature'), featureId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('category'), categoryId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('state'), state: StateNameSchema }),
  z.strictObject({ kind: z.literal('promotions') }),
  z.strictObject({ kind: z.literal('removals') }),
]);
export type SubscriptionFilter = z.infer<typeof SubscriptionFilterSchema>;
