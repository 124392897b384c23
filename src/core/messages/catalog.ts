/**
 * How Timbang words every sentence a person reads outside the renderer's own labels: errors, the CLI, the
 * printed report, the bridge and the desktop shell. Each domain declares its entries once, Bahasa Indonesia
 * and English side by side, with typed parameters; a call site asks for an entry by name and gets both
 * languages (`Bilingual`), and whoever shows it picks one. The renderer's labels live in i18next's JSON
 * (src/renderer/i18n); tests/unit/message-catalog.test.ts checks both catalogs are complete.
 */
import type { Bilingual } from '../model.ts';

export type Language = keyof Bilingual;
export const LANGUAGES: readonly Language[] = ['id', 'en'];

/** One language's wording: fixed text, or a function of the entry's parameters. */
type Wording<P> = string | ((params: P) => string);

/** Both languages of one entry. `en`'s parameters are inferred from `id`'s annotation, so they cannot drift. */
export interface MessageEntry<P> {
  id: Wording<P>;
  en: Wording<P>;
}

/** What a call site uses: an entry without parameters is called with none. */
export type Say<P> = unknown extends P ? () => Bilingual : (params: P) => Bilingual;

export type Messages<T> = { readonly [K in keyof T]: Say<T[K]> };

/** Every domain's entries, as they were declared (the completeness test reads these, and refuses a domain named twice). */
export const declaredEntries: [domain: string, entries: Record<string, MessageEntry<never>>][] = [];

/**
 * Declares a domain's messages. The parameter type of each entry is written once, on its `id` wording;
 * leaving out a language is a type error.
 */
export function defineMessages<T extends Record<string, unknown>>(
  domain: string,
  entries: { [K in keyof T]: MessageEntry<T[K]> },
): Messages<T> {
  declaredEntries.push([domain, entries as Record<string, MessageEntry<never>>]);
  const word = <P>(wording: Wording<P>, params: P) => (typeof wording === 'string' ? wording : wording(params));
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => {
      const { id, en } = entry as MessageEntry<unknown>;
      return [name, (params?: unknown) => ({ id: word(id, params), en: word(en, params) })];
    }),
  ) as Messages<T>;
}

/** One language of a bilingual text. */
export const pick = (text: Bilingual, language: Language): string => text[language];

/** Both languages on one line, for places that cannot know the reader's language (a log, a plain HTTP error). */
export const bothLanguages = (text: Bilingual): string => `${text.id} / ${text.en}`;
