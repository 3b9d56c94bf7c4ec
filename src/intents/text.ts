/** Control, zero-width and bidi-override characters: never meaningful in a question, and unsafe to echo. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Cleans what Slack delivers before it is parsed: decodes Slack's three entities, drops user, channel and
 * broadcast tokens (the bot's own @-mention among them), control and zero-width characters, and folds spacing.
 * Pure.
 */
export function cleanSlackText(raw: string): string {
  return (
    raw
      .replace(/<[@#!][^>]*>/g, ' ')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
      // A typed "<!here>" arrives escaped; once decoded it is noise for the parser too.
      .replace(/<[@#!][^>]*>/g, ' ')
      .replace(INVISIBLE_CHARS, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Lower-cased words with punctuation removed, keeping dots, @ and hyphens that belong to releases and ids. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      // A possessive is the name itself: "dapr's api" asks about dapr.
      .replace(/(\p{L}{3,})[’']s(?=\s|$|[^\p{L}\p{N}])/gu, '$1')
      .replace(/[’']/g, '')
      .replace(/[^\p{L}\p{N}@.\-\s]+/gu, ' ')
      .replace(/(^|\s)[.-]+|[.-]+(?=\s|$)/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

const RELEASE = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;
const MAJOR_ONLY = /^v(\d+)$/;

/** "1.1", "v1.1.0" → "v1.1"; "v2" → "v2.0"; anything else → undefined. */
export function normaliseRelease(word: string): string | undefined {
  const m = RELEASE.exec(word);
  if (m) return `v${m[1]}.${m[2]}`;
  const major = MAJOR_ONLY.exec(word);
  return major ? `v${major[1]}.0` : undefined;
}
