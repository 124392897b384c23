/**
 * A printed page is written in one language: `inLanguage(reportMessages, 'en').title()` is
 * `reportMessages.title().en`. The wording stays in the catalog (core/messages); this only picks the
 * language once per page, so the page's code reads `t.title()` rather than `reportMessages.title()[lang]`.
 */
import type { Bilingual } from '../../core/model.ts';
import type { Lang } from './date-words.ts';

export type Words<M> = {
  readonly [K in keyof M]: M[K] extends (...args: infer A) => Bilingual ? (...args: A) => string : never;
};

export function inLanguage<M extends object>(messages: M, lang: Lang): Words<M> {
  return Object.fromEntries(
    Object.entries(messages).map(([name, say]) => [name, (...args: unknown[]) => (say as (...a: unknown[]) => Bilingual)(...args)[lang]]),
  ) as Words<M>;
}
