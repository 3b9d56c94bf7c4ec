import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { BOT_SCOPES } from '../../../src/install/bot-scopes.js';
import { REDIRECT_PATH } from '../../../src/install/install-routes.js';
import { REGISTERED } from '../../../src/listeners/index.js';

const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().max(35), description: z.string().max(140) }),
  features: z.object({
    bot_user: z.object({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/) }),
    slash_commands: z.array(
      z.object({ command: z.string().max(32), description: z.string(), usage_hint: z.string().max(1000) }),
    ),
    app_home: z.object({
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
      home_tab_enabled: z.boolean(),
    }),
    unfurl_domains: z.array(z.string()).max(5).default([]),
  }),
  oauth_config: z.object({
    redirect_urls: z.array(z.url()).min(1),
    scopes: z.object({ bot: z.array(z.string()) }),
  }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean() }),
    socket_mode_enabled: z.literal(true),
    org_deploy_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

const manifest = ManifestSchema.parse(parse(readFileSync('manifest.yml', 'utf8')));

/** The scopes each registered event or feature needs (https://api.slack.com/events, each event's page). */
const SCOPES_FOR: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
  link_shared: ['links:read'],
  app_uninstalled: [],
  tokens_revoked: [],
};

describe('manifest.yml agrees with the registered listeners', () => {
  it('declares exactly the slash commands the app handles, each with a usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      [...REGISTERED.commands].sort(),
    );
    for (const c of manifest.features.slash_commands) expect(c.usage_hint.length).toBeGreaterThan(0);
  });

  it('subscribes to exactly the events the app listens for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...REGISTERED.events].sort(),
    );
  });

  it('asks for every scope those need, and commands and chat:write', () => {
    const needed = new Set([
      'commands',
      'chat:write',
      ...REGISTERED.events.flatMap((e) => SCOPES_FOR[e] ?? [`unknown:${e}`]),
    ]);
    for (const scope of needed) expect(manifest.oauth_config.scopes.bot).toContain(scope);
  });

  it('asks for the same bot scopes when installed through OAuth as the manifest grants', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('sends the browser back to the route that finishes an install', () => {
    for (const url of manifest.oauth_config.redirect_urls) expect(new URL(url).pathname).toBe(REDIRECT_PATH);
  });

  it('subscribes to the org-wide access events exactly when the app can be installed org-wide', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    for (const e of REGISTERED.orgEvents)
      expect(events.includes(e)).toBe(manifest.settings.org_deploy_enabled);
  });

  it('turns the Home tab on exactly when the app draws it on app_home_opened', () => {
    const events: readonly string[] = REGISTERED.events;
    expect(manifest.features.app_home.home_tab_enabled).toBe(events.includes('app_home_opened'));
  });

  it('unfurls exactly the domains the app handles, with the scope chat.unfurl needs', () => {
    expect([...manifest.features.unfurl_domains].sort()).toEqual([...REGISTERED.unfurlDomains].sort());
    if (REGISTERED.unfurlDomains.length > 0)
      expect(manifest.oauth_config.scopes.bot).toContain('links:write');
  });

  it('turns interactivity on exactly when buttons and selects are registered', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(REGISTERED.interactive);
  });

  it('lets users DM the bot', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });
});
