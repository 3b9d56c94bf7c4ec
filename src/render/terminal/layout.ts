/** A horizontal rule, as wide as a narrow terminal. */
export const RULE = '─'.repeat(40);

/** A title, underlined. */
export function title(text: string): string {
  return `${text}\n${'='.repeat([...text].length)}`;
}

/** Paragraphs separated by blank lines; empty parts are left out. */
export function page(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}
