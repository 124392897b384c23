/** Small helpers for writing the report's HTML: escaping and numbers in the reader's language. */
import { formatScore } from '../../core/score-format.ts';
import type { Lang } from './date-words.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that comes from an event, a sheet or a person goes through here, in content and attributes alike. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A score with a fixed number of decimals, as everywhere in Timbang (core/score-format.ts). */
export const num = (value: number | null | undefined, lang: Lang, digits = 2): string => formatScore(value, lang, digits);
