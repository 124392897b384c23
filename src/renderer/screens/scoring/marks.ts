/** A juror's marks as the scoring screens hold them: by nominee × criterion, each saved, being saved or refused. */
import { compositeKey } from '../../../core/composite-key.ts';

export type MarkStatus = 'saved' | 'saving' | 'failed';
export interface Mark {
  value: number | null;
  status: MarkStatus;
}

/** Where a nominee's mark on a criterion is kept in the marks map. */
export const markKey = (nomineeId: string, criterionCode: string) => compositeKey(nomineeId, criterionCode);

/** A change of one mark, as undo takes it back. */
export interface Change {
  nomineeId: string;
  criterionCode: string;
  previous: number | null;
}
