import { z } from 'zod';

/** The three lifecycle states, in promotion order (Alpha < Beta < Stable). */
export const STATE_NAMES = ['Alpha', 'Beta', 'Stable'] as const;
export const StateNameSchema = z.enum(STATE_NAMES);
export type StateName = z.infer<typeof StateNameSchema>;

/** Ordinal of a state: used to label a change as a promotion or a demotion. */
export function stateRank(state: StateName): number {
  return STATE_NAMES.indexOf(state);
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** What a state promises, word for word from the Feature Lifecycle page. */
export const StatePolicySchema = z.strictObject({
  definition: nonEmpty,
  stability: nonEmpty,
  support: nonEmpty,
  deprecation_policy: nonEmpty,
  documentation: nonEmpty,
});
export type StatePolicy = z.infer<typeof StatePolicySchema>;

export const POLICY_FIELDS = [
  'definition',
  'stability',
  'support',
  'deprecation_policy',
  'documentation',
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "circuit-breaking"');

const release = z.string().regex(/^v\d+\.\d+(?:\.\d+)?$/, 'must be a release like "v1.2"');

export const CategorySchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
});
export type Category = z.infer<typeof CategorySchema>;

/** One stage of a feature's history: the state it entered and the release it entered it in. */
export const HistoryEntrySchema = z.strictObject({
  state: StateNameSchema,
  since: release,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const FeatureNoteSchema = z.strictObject({
  release: release.optional(),
  text: nonEmpty,
  source: z.string().optional(),
});
export type FeatureNote = z.infer<typeof FeatureNoteSchema>;

export const FeatureSchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  category: slug,
  state: StateNameSchema,
  aliases: z.array(nonEmpty).default([]),
  summary: nonEmpty.optional(),
  docs: z.url().optional(),
  /** Ordered oldest first. Optional: files without history stay valid. */
  history: z.array(HistoryEntrySchema).optional(),
  notes: z.array(FeatureNoteSchema).optional(),
});
export type Feature = z.infer<typeof FeatureSchema>;

export const ReleaseSchema = z.strictObject({
  name: release,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2022-07-20')
    .optional(),
  notes: z.string().optional(),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const RegistrySchema = z.strictObject({
  source: z.strictObject({
    name: nonEmpty,
    url: z.url().optional(),
  }),
  /** The release this file describes; required when `releases` is given. */
  current_release: release.optional(),
  releases: z.array(ReleaseSchema).optional(),
  states: z.strictObject({
    Alpha: StatePolicySchema,
    Beta: StatePolicySchema,
    Stable: StatePolicySchema,
  }),
  categories: z.array(CategorySchema).min(1, 'must list at least one category'),
  features: z.array(FeatureSchema),
});
export type Registry = z.infer<typeof RegistrySchema>;
