/**
 * Text in both languages the library writes, and the one helper that makes
 * it. Every layer says things in Chinese and English; this is the shape they
 * share, at the bottom of the house.
 */

/** Text in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * Text in both languages, Chinese first: the one helper every layer writes its words with.
 *
 * @param zh - the Chinese
 * @param en - the English
 * @returns `{ zh, en }`
 */
export function b(zh: string, en: string): Bilingual {
  return { zh, en };
}
