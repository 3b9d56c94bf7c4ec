/**
 * Whether a question is in another language than English. Scripts other than Latin (CJK, kana, Hangul,
 * Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai) count at once; Latin text counts when it holds at least
 * two common words of Spanish, French, German, Portuguese or Italian that English does not use. Pure.
 */
export function isForeign(text: string, words: readonly string[]): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const other = letters.replace(/\p{Script=Latin}/gu, '');
  if (other.length * 2 >= letters.length) return true;
  if (/[¿¡]/.test(text)) return true;
  let hits = 0;
  for (const word of words) hits += UNMISTAKABLE.has(word) ? 2 : FOREIGN_WORDS.has(word) ? 1 : 0;
  return hits >= 2;
}

/** Forms no English question has: enough alone. */
const UNMISTAKABLE = new Set([
  'est-ce',
  'est-il',
  'est-elle',
  'qu’est-ce',
  'quest-ce',
  'welche',
  'quelles',
  'quels',
]);

const FOREIGN_WORDS = new Set(
  // Spanish
  (
    'qué que cuáles cuales cuál son está están estan es estable estables funciones función características ' +
    'caracteristicas las los el una del para por puedo usar producción produccion hola gracias cómo como ' +
    // French
    'quelles quels quelle sont est-ce est prêt pret pour la les des fonctionnalités fonctionnalites ' +
    'fonctions bonjour merci je peux utiliser avec une ce qui il elle est-il est-elle ' +
    // German
    'welche welcher ist sind stabil funktionen schon noch kann ich für fur die der das und nicht hallo danke ' +
    'wie bereit produktion ' +
    // Portuguese and Italian
    'quais recursos estão estáveis estaveis posso olá ola obrigado quali funzioni sono stabili ciao grazie'
  ).split(' '),
);
