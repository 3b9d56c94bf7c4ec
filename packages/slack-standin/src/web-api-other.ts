import { type ApiHandler, fail, missing } from './api-context.js';
import { rejectingIssues, validateView } from './block-kit-limits.js';
import { channelWire } from './conversations.js';
import { oauthV2Access } from './oauth-access.js';
import { asString, isRecord, USER_ID } from './values.js';
import { conversationsHistory } from './web-api-history.js';
import { authTest, usersInfo } from './web-api-identity.js';

const conversationsInfo: ApiHandler = (params, ctx) => {
  const id = asString(params.channel);
  const channel = id ? ctx.conversations.get(id) : undefined;
  if (!channel) return fail('channel_not_found');
  return { body: { ok: true, channel: channelWire(channel) } };
};

const conversationsOpen: ApiHandler = (params, ctx) => {
  const channelId = asString(params.channel);
  if (channelId) {
    const channel = ctx.conversations.get(channelId);
    return channel ? { body: { ok: true, channel: channelWire(channel) } } : fail('channel_not_found');
  }
  const users = (asString(params.users) ?? '').split(',').filter((u) => u.length > 0);
  if (users.length === 0) return missing('users');
  // Multi-person DMs are not modelled; the bot only ever opens a DM with one person.
  if (users.length > 1) return fail('not_implemented_in_standin_mpim');
  const [user] = users;
  if (!user || !USER_ID.test(user)) return fail('user_not_found');
  const channel = ctx.scope.openIm(user);
  return { body: { ok: true, channel: channelWire(channel) } };
};

const viewsPublish: ApiHandler = (params, ctx) => {
  const user = asString(params.user_id);
  if (!user) return missing('user_id');
  const view = params.view;
  if (typeof view === 'string') return fail('invalid_arguments', ['[ERROR] view is not valid JSON']);
  if (!isRecord(view)) return missing('view');
  if (view.type !== 'home') return fail('invalid_arguments', ['[ERROR] views.publish only takes type home']);
  const issues = validateView(view);
  const rejecting = rejectingIssues(issues);
  const first = rejecting[0];
  if (first) {
    return {
      ...fail(
        first.error,
        rejecting.map((i) => i.message),
      ),
      issues,
    };
  }
  return { body: { ok: true, view: ctx.publishHome(user, view) }, issues };
};

const connectionsOpen: ApiHandler = (_params, ctx) => ({ body: { ok: true, url: ctx.connectionUrl() } });

export const OTHER_HANDLERS: Record<string, ApiHandler> = {
  'auth.test': authTest,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'conversations.open': conversationsOpen,
  'users.info': usersInfo,
  'views.publish': viewsPublish,
  'apps.connections.open': connectionsOpen,
  'oauth.v2.access': oauthV2Access,
};
