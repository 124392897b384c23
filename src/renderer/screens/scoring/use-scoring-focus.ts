/**
 * Where the keyboard is on the scoring screen (ScoringScreen), whichever view shows the marks: on opening,
 * on the first mark still to give; after a change that reads the section again (a conflict declared or
 * withdrawn, a reopening), on the next mark to give once the new state is in; after an undo, on the mark
 * it changed back; after finalizing, on the way back to the list. Alt+C and Alt+K reach the notes and
 * Finalisasi from anywhere on the screen, the grid too.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { ScoringState } from '../../../api/contract.ts';
import type { Criterion, Nominee } from '../../../core/model.ts';
import type { Focus, KeyStroke } from './use-grid-keys.ts';
import { markKey, type Change, type Mark } from './marks.ts';

/** The first mark still to give, nominee by nominee in the order shown (conflicted nominees passed over). */
export function firstUnscored(
  nominees: readonly Nominee[],
  criteria: readonly Criterion[],
  marks: ReadonlyMap<string, Mark>,
  conflicted: ReadonlySet<string>,
): Focus | null {
  for (const nominee of nominees) {
    if (conflicted.has(nominee.id)) continue;
    const criterion = criteria.find((c) => (marks.get(markKey(nominee.id, c.code))?.value ?? null) === null);
    if (criterion) return { nomineeId: nominee.id, criterionCode: criterion.code };
  }
  return null;
}

export interface ScoringFocusOptions {
  nominees: readonly Nominee[];
  criteria: readonly Criterion[];
  /** The section as last read, and the marks as typed since. */
  state: ScoringState | null;
  marks: ReadonlyMap<string, Mark>;
  /** The nominees the view on screen lists (the filter applied): an undo elsewhere leaves the keyboard where it is. */
  listed: readonly Nominee[];
  /** Shows a nominee the filter hides (by clearing the filter). */
  reveal(nomineeId: string): void;
  undo(): Promise<Change | undefined>;
  /** Where the keyboard goes once the section is finalized. */
  afterFinalize: RefObject<HTMLElement | null>;
}

export function useScoringFocus({ nominees, criteria, state, marks, listed, reveal, undo, afterFinalize }: ScoringFocusOptions) {
  const [focus, setFocus] = useState<Focus>({ nomineeId: nominees[0]?.id ?? '', criterionCode: criteria[0]?.code ?? '' });
  // Bumped to move keyboard focus onto the focused cell or criterion (the views take it when they can).
  const [focusRequest, setFocusRequest] = useState(0);
  const takeFocus = (next?: Focus) => {
    if (next) setFocus(next);
    setFocusRequest((n) => n + 1);
  };
  // Placing on the first mark to give waits for a state other than `after` (on opening: any state).
  const [placing, setPlacing] = useState<{ after: ScoringState | null } | null>({ after: null });
  useEffect(() => {
    if (!placing || !state || state === placing.after) return;
    setPlacing(null);
    const first = firstUnscored(nominees, criteria, marks, new Set(state.conflicts.map((c) => c.nomineeId)));
    if (first) setFocus(first);
    setFocusRequest((n) => n + 1);
  }, [placing, state, marks, nominees, criteria]);
  const [awaitingFinalized, setAwaitingFinalized] = useState(false);
  useEffect(() => {
    if (!awaitingFinalized || !state?.finalized) return;
    setAwaitingFinalized(false);
    afterFinalize.current?.focus(); // the section is done: back to the list is what comes next
  }, [awaitingFinalized, state, afterFinalize]);

  return {
    focus,
    /** The keyboard moved within a view (it has the focus already). */
    setFocus,
    focusRequest,
    /** A change was made that reads the section again: the next mark to give, once its new state is in. */
    placeAfterReload: () => setPlacing({ after: state }),
    /** Finalize was asked: the way back to the list, once the section reads as finalized. */
    focusAfterFinalize: () => setAwaitingFinalized(true),
    /**
     * Ctrl+Z in the grid or the interview view: undone, and the mark it changed back is focused, unless the
     * juror has moved on while it was being saved (an answer that comes late never pulls the keyboard back).
     */
    undoFromKeyboard: async () => {
      const from = document.activeElement;
      const change = await undo();
      if (!change || !listed.some((n) => n.id === change.nomineeId) || document.activeElement !== from) return;
      takeFocus({ nomineeId: change.nomineeId, criterionCode: change.criterionCode });
    },
    /** Moves the keyboard to a cell (or criterion), showing it first when the filter hides it. */
    goTo: (nomineeId: string, criterionCode: string) => {
      reveal(nomineeId);
      takeFocus({ nomineeId, criterionCode });
    },
  };
}

/** Alt+C and Alt+K: from anywhere on the screen (the grid too) to the notes and to Finalisasi. */
const JUMP_KEYS = { note: 'c', finalize: 'k' } as const;
export type Jump = keyof typeof JUMP_KEYS;
/** Where each jump lands: the first of these on screen and enabled. */
const JUMP_TARGETS: Record<Jump, string[]> = { note: ['scoring-note', 'rubric-panel'], finalize: ['finalize-button', 'reopen-reason'] };

export const jumpOf = (event: Pick<KeyStroke, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'> & { code: string }): Jump | null => {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  // The letter typed; where Alt makes another character (⌥C is "ç" on a Mac), the key's place.
  const typed = event.key.toLowerCase();
  const letter = /^[a-z]$/.test(typed) ? typed : /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : typed;
  return letter === JUMP_KEYS.note ? 'note' : letter === JUMP_KEYS.finalize ? 'finalize' : null;
};

/** Puts the keyboard on a jump's target. */
export function jump(to: Jump): void {
  for (const id of JUMP_TARGETS[to]) {
    const element = document.getElementById(id) as (HTMLElement & { disabled?: boolean }) | null;
    if (element && !element.disabled) return element.focus();
  }
}

/** The screen's keydown handler for the jumps (the links above the grid call `jump` too). */
export function onJumpKey(event: KeyStroke & { code: string }): void {
  const to = jumpOf(event);
  if (!to) return;
  event.preventDefault();
  jump(to);
}
