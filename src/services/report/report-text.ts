/**
 * The few report words the Rekapitulasi workbook (merge/rekapitulasi.ts) and the CLI's report command read
 * in this older shape (records and positional functions): a view of the catalog (core/messages/report.ts),
 * where the wording lives. New code calls reportMessages, or inLanguage(reportMessages, lang), directly.
 */
import { reportMessages } from '../../core/messages/report.ts';
import { MergeRule } from '../../core/model.ts';
import type { Lang } from '../printing/date-words.ts';
import { inLanguage } from '../printing/words.ts';

const STATUSES = ['valid', 'tampered', 'bad-signature', 'unknown-key', 'wrong-event', 'invalid-content', 'malformed'];
const USES = ['used', 'stale', 'duplicate', 'conflict', 'not-used'];

function reportText(lang: Lang) {
  const t = inLanguage(reportMessages, lang);
  const table = <K extends string>(keys: readonly K[], name: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, name(key)])) as Record<K, string>;
  return {
    demoHeader: t.demoHeader(),
    fictionalNote: t.fictionalNote(),
    pinned: t.pinned(),
    notPinned: t.notPinned(),
    laptopOrigin: t.laptopOrigin(),
    packageSigner: (fingerprint: string) => t.packageSigner({ fingerprint }),
    paperOrigin: (form: string, operators: readonly string[], scan: string | null) => t.paperOrigin({ form, operators, scan }),
    ruleName: table(MergeRule.options, (rule) => t.ruleName({ rule })),
    statusName: table<string>(STATUSES, (status) => t.statusName({ status })),
    useName: table<string>(USES, (use) => t.useName({ use })),
  };
}

export type ReportText = ReturnType<typeof reportText>;
export const REPORT_TEXT: Record<Lang, ReportText> = { id: reportText('id'), en: reportText('en') };
