import { type Registry, STATE_NAMES, type StateName } from '../registry/schema.js';
import { divider, fields, header, type SlackMessage, section } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { POLICY_ROWS, policyText, STATE_EMOJI, stateBadge, stateCountParts } from './state-style.js';

/** One state's full promise: definition, stability, support, deprecation policy, documentation. Pure. */
export function renderPolicy(registry: Registry, state: StateName): SlackMessage {
  const policy = registry.states[state];
  const count = registry.features.filter((f) => f.state === state).length;
  return {
    text: escapeMrkdwn(
      `What ${state} means in OSM: ${policy.definition} Deprecation policy: ${policy.deprecation_policy}`,
    ),
    blocks: [
      header(`${state}: what it promises`),
      section(
        `${stateBadge(state)} · ${count} feature${count === 1 ? '' : 's'} · see them with \`/osm-feature ${state.toLowerCase()}\``,
      ),
      divider(),
      section(policyText(policy)),
      sourceContext(registry),
    ],
  };
}

/** All three states side by side, one row of the page's table at a time. Pure. */
export function renderStates(registry: Registry, lead?: string): SlackMessage {
  const rows = POLICY_ROWS.flatMap((row) => [
    section(`*${row.label}*`),
    fields(STATE_NAMES.map((s) => `${STATE_EMOJI[s]} *${s}*\n${escapeMrkdwn(registry.states[s][row.key])}`)),
  ]);
  const counts = stateCountParts(registry, false);
  return {
    text: escapeMrkdwn(
      `OSM feature states: ${STATE_NAMES.map((s) => `${s}: ${registry.states[s].deprecation_policy}`).join(' ')}`,
    ),
    blocks: [
      header('OSM feature states, side by side'),
      ...(lead ? [section(lead)] : []),
      section(counts.join('   ')),
      divider(),
      ...rows,
      sourceContext(registry),
    ],
  };
}
