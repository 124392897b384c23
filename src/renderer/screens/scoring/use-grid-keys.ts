/**
 * The grid's keyboard (ScoreGrid): a digit scores the focused cell and moves on when the scale has whole
 * steps, "," or "." adds a half point where the scale has them, Backspace or Delete clears; the arrows,
 * Tab, Enter, Home and End move; Ctrl+Z (⌘Z) undoes. A keystroke that cannot become a mark (a conflicted
 * nominee, a finalized section, a mark off the scale) is refused with the reason, shown at its cell.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Criterion, Nominee } from '../../../core/model.ts';
import { markText } from '../../i18n/format.ts';
import { isUndoKey, markFromKey } from './mark-keys.ts';
import { markKey, type Mark } from './marks.ts';

export interface Focus {
  nomineeId: string;
  criterionCode: string;
}

/** What the handler reads of a keystroke (React's KeyboardEvent has it; a test makes its own). */
export interface KeyStroke {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  preventDefault(): void;
}

export interface GridKeysOptions {
  nominees: readonly Nominee[];
  criteria: readonly Criterion[];
  marks: ReadonlyMap<string, Mark>;
  conflicts: ReadonlyMap<string, { reason: string }>;
  locked: boolean;
  focus: Focus;
  onFocus(focus: Focus): void;
  onRecord(nomineeId: string, criterionCode: string, value: number | null): Promise<void>;
  onUndo(): void;
  onRefuse(nomineeId: string, criterionCode: string, message: string): void;
}

/** Where the focus stands in the grid, as row and column (the first cell when it names none shown). */
export function gridPosition(nominees: readonly Nominee[], criteria: readonly Criterion[], focus: Focus) {
  return {
    row: Math.max(
      0,
      nominees.findIndex((n) => n.id === focus.nomineeId),
    ),
    column: Math.max(
      0,
      criteria.findIndex((c) => c.code === focus.criterionCode),
    ),
  };
}

/** The grid's keydown handler. */
export function useGridKeys({ nominees, criteria, marks, conflicts, locked, focus, onFocus, onRecord, onUndo, onRefuse }: GridKeysOptions) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { row, column } = gridPosition(nominees, criteria, focus);

  const move = (toRow: number, toColumn: number) => {
    const r = Math.min(Math.max(toRow, 0), nominees.length - 1);
    const c = Math.min(Math.max(toColumn, 0), criteria.length - 1);
    if (nominees[r] && criteria[c]) onFocus({ nomineeId: nominees[r].id, criterionCode: criteria[c].code });
  };
  const next = () => (column < criteria.length - 1 ? move(row, column + 1) : move(row + 1, 0));
  const previous = () => (column > 0 ? move(row, column - 1) : move(row - 1, criteria.length - 1));
  /** After a mark: the next cell, passing over nominees this juror does not score. */
  const advanceToNextScorable = () => {
    if (column < criteria.length - 1) return move(row, column + 1);
    let r = row + 1;
    while (r < nominees.length && conflicts.has(nominees[r].id)) r++;
    if (r < nominees.length) move(r, 0);
  };

  return (event: KeyStroke) => {
    const nominee = nominees[row];
    const criterion = criteria[column];
    if (!nominee || !criterion) return;
    const key = event.key;
    const moves: Record<string, () => void> = {
      ArrowRight: next,
      ArrowLeft: previous,
      ArrowDown: () => move(row + 1, column),
      ArrowUp: () => move(row - 1, column),
      Enter: () => (event.shiftKey ? move(row - 1, column) : move(row + 1, column)),
      Home: () => move(row, 0),
      End: () => move(row, criteria.length - 1),
    };
    if (key === 'Tab') {
      const atEdge = event.shiftKey ? row === 0 && column === 0 : row === nominees.length - 1 && column === criteria.length - 1;
      if (atEdge) return; // let Tab leave the grid
      event.preventDefault();
      if (event.shiftKey) previous();
      else next();
      return;
    }
    if (moves[key]) {
      event.preventDefault();
      moves[key]();
      return;
    }
    if (isUndoKey(event)) {
      event.preventDefault();
      onUndo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return; // shortcuts, never marks
    const meant = markFromKey(key, marks.get(markKey(nominee.id, criterion.code))?.value, criterion.scale);
    if (meant.kind === 'none') return;
    event.preventDefault();
    const conflict = conflicts.get(nominee.id);
    const refuse = (message: string) => onRefuse(nominee.id, criterion.code, message);
    if (conflict) return refuse(t('scoring.conflict', { reason: conflict.reason }));
    if (locked) return refuse(t('scoring.lockedCell'));
    if (meant.kind === 'clear') return void onRecord(nominee.id, criterion.code, null);
    if (meant.kind === 'off-scale') return refuse(offScaleText(t, lang, criterion, meant.value));
    void onRecord(nominee.id, criterion.code, meant.value);
    if (meant.advance) advanceToNextScorable();
  };
}

/** "7 is not a mark for K1: from 1 to 5, in steps of 1", in the interface language (the grid and the interview say it alike). */
export function offScaleText(t: TFunction, lang: string, criterion: Criterion, value: number | string): string {
  const { min, max, step } = criterion.scale;
  return t('scoring.offScale', {
    value: typeof value === 'number' ? markText(value, lang) : value,
    code: criterion.code,
    min: markText(min, lang),
    max: markText(max, lang),
    step: markText(step, lang),
  });
}
