import { parseMute } from './parse-mute.js';
import {
  NOTICE_FORMATS,
  SETTING_VALUES,
  type SettingName,
  type SettingsIntent,
  SUBSCRIBE_POLICIES,
} from './settings-intent.js';

const isSettingName = (name: string): name is SettingName => Object.hasOwn(SETTING_VALUES, name);

/** "subscribe policy" and "subscribe-policy" name the same setting; so do "channel creator" and the rest. */
function joinName(words: readonly string[]): { name: string; rest: string[] } {
  for (let take = Math.min(words.length, 3); take >= 1; take--) {
    const name = words.slice(0, take).join('-');
    if (isSettingName(name)) return { name, rest: words.slice(take) };
  }
  return { name: words[0] ?? '', rest: words.slice(1) };
}

/**
 * `settings`, `settings subscribe-policy anyone|admins|channel-creator`, `deliveries`, and `mute` / `unmute`. Undefined when the
 * words are not one of these. Pure.
 */
export function parseSettings(words: readonly string[]): SettingsIntent | undefined {
  const mute = parseMute(words);
  if (mute) return mute;
  const [head = '', ...rest] = words;
  if ((head === 'deliveries' || head === 'delivery') && rest.every((w) => w === 'log' || w === 'logs'))
    return { kind: 'deliveries' };
  if (head !== 'settings' && head !== 'setting') return undefined;
  if (rest.length === 0) return { kind: 'settings' };
  const { name, rest: valueWords } = joinName(rest);
  const value = valueWords.join('-');
  if (name === 'subscribe-policy') {
    const policy = SUBSCRIBE_POLICIES.find((p) => p === value);
    if (policy) return { kind: 'set-setting', setting: { name, value: policy } };
  }
  if (name === 'format') {
    const format = NOTICE_FORMATS.find((f) => f === value);
    if (format) return { kind: 'set-setting', setting: { name, value: format } };
  }
  return value ? { kind: 'bad-setting', name, value } : { kind: 'bad-setting', name };
}
