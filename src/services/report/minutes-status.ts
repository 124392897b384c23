/**
 * Whether the report prints as a draft or as the final Berita Acara (issue 16, items 4 and 5): final only
 * when a penetapan is in force for exactly these results (its rule, its results hash); otherwise every page
 * carries "DRAF — belum ditetapkan" and the Berita Acara has no signature lines.
 */
import type { Bilingual } from '../../core/model.ts';
import { reportMessages } from '../../core/messages/report.ts';

export type MinutesStatus =
  | {
      final: true;
      /** The penetapan's version, and the one it supersedes (reopened), if any. */
      version: number;
      supersedes: number | null;
      fixedAt: string;
      fixedBy: string;
    }
  | {
      final: false;
      /** Why not final yet: the audit items that fail, or that no penetapan covers these results. */
      reasons: Bilingual[];
    };

export const DRAFT_MARK: Bilingual = reportMessages.draftMark();

/** Printed when nothing says otherwise (the CLI without a penetapan record). */
export const NOT_FIXED: MinutesStatus = {
  final: false,
  reasons: [reportMessages.notFixedBySignedPenetapan()],
};
