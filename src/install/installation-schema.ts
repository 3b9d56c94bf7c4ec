import { z } from 'zod';

const idName = z.looseObject({ id: z.string().min(1), name: z.string().optional() });

/**
 * An installation as @slack/oauth's InstallProvider hands it over (and wants it back), checked when read from
 * the store. Fields this build does not know are kept as they are.
 */
export const InstallationSchema = z.looseObject({
  team: idName.optional(),
  enterprise: idName.optional(),
  isEnterpriseInstall: z.boolean().optional(),
  appId: z.string().optional(),
  tokenType: z.string().optional(),
  authVersion: z.enum(['v1', 'v2']).optional(),
  user: z.looseObject({
    id: z.string(),
    token: z.string().optional(),
    refreshToken: z.string().optional(),
    expiresAt: z.number().optional(),
    scopes: z.array(z.string()).optional(),
  }),
  bot: z
    .looseObject({
      token: z.string().min(1),
      refreshToken: z.string().optional(),
      /** Seconds since the epoch, as InstallProvider writes it. */
      expiresAt: z.number().optional(),
      scopes: z.array(z.string()),
      id: z.string(),
      userId: z.string(),
    })
    .optional(),
});
export type StoredInstallation = z.infer<typeof InstallationSchema>;
