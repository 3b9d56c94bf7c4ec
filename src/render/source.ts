import type { Registry } from '../registry/schema.js';
import { context } from './blocks.js';
import { escapeMrkdwn, link } from './mrkdwn.js';

/** The context line that names where an answer comes from. */
export function sourceContext(registry: Registry, extra?: string) {
  const name = registry.source.url
    ? link(registry.source.url, registry.source.name)
    : escapeMrkdwn(registry.source.name);
  const release = registry.current_release ? ` · OSM ${registry.current_release}` : '';
  return context(`Source: ${name}${release}${extra ? ` · ${extra}` : ''}`);
}
