import { diffRegistries } from '../registry/history/diff.js';
import { escapeMrkdwn } from '../render/slack/mrkdwn.js';
import { renderChangeNotice } from '../render/slack/notice.js';
import { changeNoticeText } from '../render/terminal/notice.js';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from './args.js';
import { type CliIo, EXIT, println } from './io.js';
import { type LoadedRegistry, readMapping, readRegistry } from './read-input.js';

export const DIFF_USAGE = `Usage: osm-feature diff <old> <new> [--json]

Prints the change notice the bot would post to subscribed channels when the registry goes from <old> to
<new>. Either file may be YAML or the upstream Markdown page.

  --mapping file   page → registry mapping for Markdown pages (default: data/osm-mapping.yml)
  --json           print the Slack payload ({ text, blocks }) instead
  -h, --help       show this help

Exit codes: 0 nothing changed, 3 something changed, 1 a file is invalid, 2 bad arguments.`;

const OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' } } as const;

/** "v1.0 → v1.1" when both name a different release, else the file names. */
function rangeLabel(before: LoadedRegistry, after: LoadedRegistry): string {
  const from = before.registry.current_release;
  const to = after.registry.current_release;
  return from && to && from !== to ? `${from} → ${to}` : `${before.file} → ${after.file}`;
}

/** `osm-feature diff <old> <new>`. */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    println(io.stdout, DIFF_USAGE);
    return EXIT.ok;
  }
  const [oldPath, newPath, ...extra] = positionals;
  if (!oldPath || !newPath || extra.length > 0) {
    throw new UsageError(`expected two files, <old> and <new>; got ${positionals.length}`);
  }
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  if (values.mapping !== undefined && !mapping) return EXIT.invalid;
  const before = await readRegistry(io, oldPath, mapping);
  const after = await readRegistry(io, newPath, mapping);
  if (!before || !after) return EXIT.invalid;

  const changes = diffRegistries(before.registry, after.registry);
  const range = rangeLabel(before, after);
  if (changes.length === 0) {
    const text = `No changes: ${range}. Nothing would be posted.`;
    println(io.stdout, values.json ? JSON.stringify({ text, blocks: [] }, null, 2) : text);
    return EXIT.ok;
  }
  const target = after.registry;
  println(
    io.stdout,
    values.json
      ? JSON.stringify(renderChangeNotice(changes, target, { footer: escapeMrkdwn(range) }), null, 2)
      : changeNoticeText(changes, target, range),
  );
  return EXIT.changed;
}
