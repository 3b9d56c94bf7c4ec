/** Which groups of rows a run measures; a partial run is printed but does not replace the report. */
export interface RowGroups<Name extends string> {
  selected(name: Name): boolean;
  partial: boolean;
}

/**
 * `npm run bench -- --only store,fleet`: run only the named groups of rows (every group when absent).
 * Unknown names are refused with the list of known ones, so a typo never runs nothing silently.
 */
export function rowGroups<Name extends string>(
  known: readonly Name[],
  argv: readonly string[],
): RowGroups<Name> {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at === -1) return { selected: () => true, partial: false };
  const arg = argv[at] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? '');
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `bench: --only takes a comma-separated list of ${known.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`,
    );
    process.exit(2);
  }
  return { selected: (name) => names.includes(name), partial: true };
}
