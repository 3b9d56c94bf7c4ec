import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { LinkUnfurls } from '@slack/types';
import { DOCS_DOMAIN } from '../../render/slack/ids.js';
import { renderUnfurl } from '../../render/slack/unfurl.js';
import type { ListenerDeps } from '../deps.js';

/** Slack sends at most a handful of links per event; more would only be a message full of links. */
const MAX_LINKS = 10;

/**
 * A docs.openservicemesh.io link was posted: a feature's docs page unfurls into a compact card, the Feature
 * Lifecycle page into a summary of the registry. Other links get nothing (Slack's own preview stays).
 */
export function linkShared(deps: ListenerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs): Promise<void> => {
    const registry = deps.registry.current();
    const unfurls: LinkUnfurls = {};
    for (const link of event.links.slice(0, MAX_LINKS)) {
      if (link.domain.toLowerCase().replace(/^www\./, '') !== DOCS_DOMAIN) continue;
      const unfurl = renderUnfurl(link.url, registry);
      // Keyed by the URL exactly as Slack sent it: that is how Slack finds the link to attach the unfurl to.
      if (unfurl) unfurls[link.url] = unfurl;
    }
    if (Object.keys(unfurls).length === 0) return;
    // A link still in the message composer has no real channel or ts yet; Slack identifies it by unfurl_id.
    const target =
      event.source === 'composer' && event.unfurl_id
        ? { unfurl_id: event.unfurl_id, source: 'composer' as const }
        : { channel: event.channel, ts: event.message_ts };
    await client.chat.unfurl({ ...target, unfurls });
  };
}
