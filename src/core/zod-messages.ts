/**
 * zod's findings in both of the app's languages. zod ships Indonesian and English wordings; a failed
 * parse is run once per language (same input, same schema, so the findings line up one to one).
 */
import { z } from 'zod';
import type { Bilingual } from './model.ts';

export interface BilingualIssue {
  path: (string | number)[];
  message: Bilingual;
}

/** zod's Indonesian wording keeps JavaScript's type names ("diharapkan number"); a reader expects words. */
const TYPE_WORDS: Record<string, string> = {
  number: 'angka',
  string: 'teks',
  boolean: 'ya/tidak',
  array: 'daftar',
  object: 'objek',
  undefined: 'kosong',
  null: 'kosong',
};

function inIndonesian(message: string): string {
  return message.replace(
    /\b(diharapkan|diterima) (number|string|boolean|array|object|undefined|null)\b/g,
    (_, verb: string, type: string) => `${verb} ${TYPE_WORDS[type]}`,
  );
}

export function bilingualIssues(schema: z.ZodType, input: unknown): BilingualIssue[] {
  const indonesian = schema.safeParse(input, { error: z.locales.id().localeError });
  if (indonesian.success) return [];
  const english = schema.safeParse(input, { error: z.locales.en().localeError });
  const englishIssues = english.success ? [] : english.error.issues;
  return indonesian.error.issues.map((issue, i) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: { id: inIndonesian(issue.message), en: englishIssues[i]?.message ?? issue.message },
  }));
}
