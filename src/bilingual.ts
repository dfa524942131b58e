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

/** Text in both languages, Chinese first. Free of side effects, so a bundle keeps only the words it uses. */
export const b = /* @__NO_SIDE_EFFECTS__ */ (zh: string, en: string): Bilingual => ({ zh, en });
