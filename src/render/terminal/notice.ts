import { sourceOf } from '../../answer/source.js';
import type { Change } from '../../registry/history/diff.js';
import type { Registry } from '../../registry/schema.js';
import { describeChange, promiseLine } from '../phrases/changes.js';
import { NOTICE_HEADER, orderChanges } from '../phrases/notice.js';
import { page, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/**
 * The change notice the bot would post, as terminal text: every change in reading order, each followed by
 * what its new state promises (indented), then the source with `footer`. Pure.
 */
export function changeNoticeText(changes: readonly Change[], registry: Registry, footer?: string): string {
  const sections = orderChanges(changes).map((change) => {
    const promise = promiseLine(change, registry.states, m);
    const indented = promise ? `\n${promise.replace(/^/gm, '  ')}` : '';
    return `${describeChange(change, m)}${indented}`;
  });
  return page([title(NOTICE_HEADER), ...sections, sourceLine(sourceOf(registry), footer)]);
}
