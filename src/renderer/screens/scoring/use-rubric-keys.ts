/**
 * The interview view's keyboard (SingleNominee): each criterion is a radio group of its rubric levels. The
 * keys are the grid's: a digit scores the focused criterion and moves on ("," adds a half point where the
 * scale has them), Backspace clears, Ctrl+Z undoes. The arrow keys, Home and End only move a selection
 * through the levels; it is saved once, by Enter or Space (which also move on) or by leaving the criterion,
 * and Esc drops it. A click saves at once. A keystroke refused is explained inside its criterion.
 */
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Nominee } from '../../../core/model.ts';
import { isUndoKey, markFromKey } from './mark-keys.ts';
import { offScaleText, type KeyStroke } from './use-grid-keys.ts';
import { markKey, type Mark } from './marks.ts';

/** A rubric level chosen with the arrow keys and not saved yet. */
export interface Pending {
  nomineeId: string;
  criterionCode: string;
  score: number;
}

export interface Refusal {
  nomineeId: string;
  criterionCode: string;
  message: string;
}

export interface RubricKeysOptions {
  nominee: Nominee;
  criteria: readonly Criterion[];
  marks: ReadonlyMap<string, Mark>;
  conflict: { reason: string } | undefined;
  locked: boolean;
  /** The focused criterion. */
  criterionCode: string;
  /** Bumped to put keyboard focus on the focused criterion (on opening, after an undo). */
  focusRequest: number;
  onRecord(nomineeId: string, criterionCode: string, value: number | null): Promise<void>;
  onUndo(): void;
}

export function useRubricKeys({
  nominee,
  criteria,
  marks,
  conflict,
  locked,
  criterionCode,
  focusRequest,
  onRecord,
  onUndo,
}: RubricKeysOptions) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const valueOf = (code: string) => marks.get(markKey(nominee.id, code))?.value ?? null;

  // The selection lives in a ref too: a blur right after a keystroke must see it before React re-renders.
  const [pending, setPendingState] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const setPending = (next: Pending | null) => {
    pendingRef.current = next;
    setPendingState(next);
  };
  const pendingFor = (code: string) => {
    const p = pendingRef.current;
    return p && p.nomineeId === nominee.id && p.criterionCode === code ? p : null;
  };
  const groups = useRef(new Map<string, HTMLElement>());
  // A keystroke refused is explained inside the criterion, where the juror is looking (not at the page's foot).
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refuse = (criterion: Criterion, message: string) => setRefusal({ nomineeId: nominee.id, criterionCode: criterion.code, message });

  /** The level the criterion's tab stop sits on: the selection, else the level of the mark, else the first. */
  const activeLevel = (criterion: Criterion) => {
    const scores = criterion.rubric.map((level) => level.score);
    const value = valueOf(criterion.code);
    const wanted = pendingFor(criterion.code)?.score ?? (value === null ? undefined : Math.floor(value));
    return wanted !== undefined && scores.includes(wanted) ? wanted : scores[0];
  };
  const levelElement = (code: string, score: number) =>
    groups.current.get(code)?.querySelector<HTMLElement>(`[role="radio"][data-score="${score}"]`);
  const focusCriterion = (criterion: Criterion) => levelElement(criterion.code, activeLevel(criterion))?.focus();

  // Asked to take focus: as soon as the criterion is on screen (after a change of nominee, a render later).
  const handledRequest = useRef(focusRequest); // a request made before this view was shown is not ours
  useEffect(() => {
    if (focusRequest === handledRequest.current) return;
    if (conflict) {
      handledRequest.current = focusRequest; // nothing to score here: the request lapses rather than wait
      return;
    }
    const criterion = criteria.find((c) => c.code === criterionCode);
    if (!criterion || !groups.current.has(criterion.code)) return;
    handledRequest.current = focusRequest;
    focusCriterion(criterion);
  });

  /** Saves a mark (a click, a digit, Enter on a selection); the keyboard goes to the level now marked. */
  const record = (criterion: Criterion, value: number | null) => {
    setPending(null);
    if (locked) return refuse(criterion, t('scoring.lockedCell'));
    setRefusal(null);
    void onRecord(nominee.id, criterion.code, value);
    // Focus goes to the level now marked, the criterion's tab stop: Tab then leaves the criterion.
    const scores = criterion.rubric.map((level) => level.score);
    const level = value === null ? scores[0] : Math.floor(value);
    levelElement(criterion.code, scores.includes(level) ? level : scores[0])?.focus();
  };
  const advance = (criterion: Criterion) => {
    const next = criteria[criteria.findIndex((c) => c.code === criterion.code) + 1];
    if (next) focusCriterion(next);
  };
  /** Saves the level the tab stop is on, unless the mark is already of that level (3,5 stays 3,5). */
  const saveActive = (criterion: Criterion) => {
    const level = activeLevel(criterion);
    const value = valueOf(criterion.code);
    if (value === null || Math.floor(value) !== level) record(criterion, level);
    else setPending(null);
  };

  const onGroupKeyDown = (event: KeyStroke, criterion: Criterion) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // Ctrl+Z and the jumps are handled further up
    const scores = criterion.rubric.map((level) => level.score);
    const select = (score: number) => {
      event.preventDefault();
      if (locked) return;
      setPending({ nomineeId: nominee.id, criterionCode: criterion.code, score });
      levelElement(criterion.code, score)?.focus();
    };
    const at = scores.indexOf(activeLevel(criterion));
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        return select(scores[Math.min(at + 1, scores.length - 1)]);
      case 'ArrowUp':
      case 'ArrowLeft':
        return select(scores[Math.max(at - 1, 0)]);
      case 'Home':
        return select(scores[0]);
      case 'End':
        return select(scores[scores.length - 1]);
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (locked) return refuse(criterion, t('scoring.lockedCell'));
        saveActive(criterion);
        return advance(criterion);
      case 'Escape': {
        if (!pendingFor(criterion.code)) return;
        event.preventDefault();
        setPending(null);
        const value = valueOf(criterion.code);
        const back = value !== null && scores.includes(Math.floor(value)) ? Math.floor(value) : scores[0];
        return levelElement(criterion.code, back)?.focus();
      }
    }
    const meant = markFromKey(event.key, pendingFor(criterion.code)?.score ?? valueOf(criterion.code), criterion.scale);
    if (meant.kind === 'none') return;
    event.preventDefault();
    if (locked) return refuse(criterion, t('scoring.lockedCell'));
    if (meant.kind === 'off-scale') return refuse(criterion, offScaleText(t, lang, criterion, meant.value));
    if (meant.kind === 'clear') return record(criterion, null);
    record(criterion, meant.value);
    if (meant.advance) advance(criterion);
  };

  // Leaving a criterion saves the level selected in it (once), as a radio group would have.
  const onGroupBlur = (event: Pick<FocusEvent, 'currentTarget' | 'relatedTarget'>, criterion: Criterion) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (!document.hasFocus()) return; // another window: the selection waits for the juror's return
    const selection = pendingFor(criterion.code);
    if (!selection) return;
    setPending(null);
    const value = valueOf(criterion.code);
    if (!locked && (value === null || Math.floor(value) !== selection.score)) void onRecord(nominee.id, criterion.code, selection.score);
  };

  /** Ctrl+Z anywhere in the view: the selection is dropped and the latest change undone. */
  const onViewKeyDown = (event: KeyStroke) => {
    if (!isUndoKey(event)) return;
    event.preventDefault();
    setPending(null);
    onUndo();
  };

  return {
    /** The nominee's saved mark for a criterion, or null. */
    valueOf,
    /** The selection shown in a criterion, if it has one. */
    selectionFor: (code: string) => (pending && pending.nomineeId === nominee.id && pending.criterionCode === code ? pending : null),
    refusal,
    /** Focus moved to another criterion: a refusal shown in another one goes. */
    focusedCriterion: (code: string) => {
      if (refusal && refusal.criterionCode !== code) setRefusal(null);
    },
    activeLevel,
    /** The ref callback of a criterion's radio group. */
    registerGroup: (code: string) => (element: HTMLElement | null) => {
      if (element) groups.current.set(code, element);
      else groups.current.delete(code);
    },
    record,
    onGroupKeyDown,
    onGroupBlur,
    onViewKeyDown,
  };
}
