/**
 * The state of one round × category on a juror's laptop: marks as saved on disk, marks being saved,
 * notes, conflicts and the lock. A mark shows as saved only once the API has answered, which happens
 * after SQLite has committed it. The section is read through the query layer: a finalize, a reopening or
 * a conflict declared elsewhere on the screen reads it again (INVALIDATES), and the marks start from it.
 */
import { useCallback, useRef, useState } from 'react';
import type { ScoringState } from '../../../api/contract.ts';
import { mutate, settled, useQuery } from '../../api.ts';
import { markKey, type Change, type Mark } from './marks.ts';

const marksOf = (state: ScoringState) =>
  new Map(state.marks.map((m) => [markKey(m.nomineeId, m.criterionCode), { value: m.value, status: 'saved' as const }]));

export function useScoring(eventId: string, roundId: string, categoryId: string) {
  const loaded = useQuery('scoringState', { eventId, roundId, categoryId });
  // The state the marks were taken from: a new one read from disk puts them back to what it holds, in the
  // same render (the screen never sees a new state with the old marks).
  const [state, setState] = useState<ScoringState | null>(null);
  const [marks, setMarks] = useState<Map<string, Mark>>(new Map());
  // The marks as the latest keystroke left them, for writes queued before React re-renders.
  const marksRef = useRef(marks);
  if (loaded.status === 'ready' && loaded.value !== state) {
    marksRef.current = marksOf(loaded.value);
    setState(loaded.value);
    setMarks(marksRef.current);
  }
  // A mark the API refused to save, at its cell: the grid shows the reason there.
  const [cellError, setCellError] = useState<{ nomineeId: string; criterionCode: string; error: unknown } | null>(null);
  const [lastSaved, setLastSaved] = useState<{ at: string; nomineeId: string; criterionCode: string; value: number | null } | null>(null);
  const undoStack = useRef<Change[]>([]);
  const updateMarks = useCallback((change: (m: Map<string, Mark>) => void) => {
    const next = new Map(marksRef.current);
    change(next);
    marksRef.current = next;
    setMarks(next);
  }, []);
  // Writes go one after another, in the order typed: two quick keystrokes on one cell never land swapped.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const write = useCallback(
    (nomineeId: string, criterionCode: string, value: number | null, undoable: boolean): Promise<void> => {
      const key = markKey(nomineeId, criterionCode);
      const before = marksRef.current.get(key);
      if (before?.value === value) return queue.current;
      updateMarks((m) => m.set(key, { value, status: 'saving' }));
      setCellError(null);
      const save = async () => {
        const outcome = await settled(mutate('recordScore', { eventId, roundId, nomineeId, criterionCode, value }));
        if (!outcome.ok) {
          // Show what is really on disk again, and say why the change was refused.
          updateMarks((m) => (before ? m.set(key, { ...before, status: 'saved' }) : m.delete(key)));
          setCellError({ nomineeId, criterionCode, error: outcome.error });
          return;
        }
        const saved = outcome.value;
        // Only the latest keystroke on a cell decides what it shows once saved.
        if (marksRef.current.get(key)?.value === value) updateMarks((m) => m.set(key, { value: saved.value, status: 'saved' }));
        setLastSaved({ at: saved.recordedAt, nomineeId, criterionCode, value: saved.value });
        if (undoable) undoStack.current.push({ nomineeId, criterionCode, previous: before?.value ?? null });
      };
      queue.current = queue.current.then(save);
      return queue.current;
    },
    [eventId, roundId, updateMarks],
  );

  /** Undoes the latest change, once every keystroke typed before it is saved; says which mark it was. */
  const undo = useCallback(async (): Promise<Change | undefined> => {
    await queue.current;
    const change = undoStack.current.pop();
    if (change) await write(change.nomineeId, change.criterionCode, change.previous, false);
    return change;
  }, [write]);

  return {
    state,
    /** Why the section could not be read, if it could not. */
    loadError: loaded.status === 'error' ? loaded.error : null,
    marks,
    cellError,
    setCellError,
    lastSaved,
    record: (nomineeId: string, criterionCode: string, value: number | null) => write(nomineeId, criterionCode, value, true),
    undo,
    canUndo: () => undoStack.current.length > 0,
    /** Resolves once every keystroke typed so far is saved (or refused): finalizing waits for it. */
    settled: () => queue.current,
  };
}
