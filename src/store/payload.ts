import { z } from 'zod';

/** What an outbox row carries: exactly what chat.postMessage gets, fixed at commit time. */
export const NoticePayloadSchema: z.ZodType<NoticePayload> = z.object({
  text: z.string().min(1),
  // Every block has a type; the rest was rendered by the notice renderer and is passed to Slack as it is.
  blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })),
});
/** A Block Kit block as far as the store cares: the rest of it passes through untouched. */
export interface StoredBlock {
  type: string;
  block_id?: string;
}

export interface NoticePayload {
  text: string;
  blocks: StoredBlock[];
}
