/**
 * The state of one round × category on a juror's laptop: marks as saved on disk, marks being saved,
 * notes, conflicts and the lock. A mark shows as saved only once the API has answered, which happens
 * after SQLite has committed it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScoringState } from '../../../api/contract.ts';
import { api } from '../../api.ts';

export type MarkStatus = 'saved' | 'saving' | 'failed';
export interface Mark {
  value: number | null;
  status: MarkStatus;
}

export const markKey = (nomineeId: string, criterionCode: string) => `${nomineeId}\u0000${criterionCode}`;

export interface Change {
  nomineeId: string;
  criterionCode: string;
  previous: number | null;
}

export function useScoring(eventId: string, roundId: string, categoryId: string) {
  const [state, setState] = useState<ScoringState | null>(null);
  const [marks, setMarks] = useState<Map<string, Mark>>(new Map());
  const [error, setError] = useState<unknown>(null);
  // A mark the API refused to save, at its cell: the grid shows the reason there.
  const [cellError, setCellError] = useState<{ nomineeId: string; criterionCode: string; error: unknown } | null>(null);
  const [lastSaved, setLastSaved] = useState<{ at: string; nomineeId: string; criterionCode: string; value: number | null } | null>(null);
  const undoStack = useRef<Change[]>([]);
  const [version, setVersion] = useState(0);
  // The marks as the latest keystroke left them, for writes queued before React re-renders.
  const marksRef = useRef(marks);
  const updateMarks = useCallback((change: (m: Map<string, Mark>) => void) => {
    const next = new Map(marksRef.current);
    change(next);
    marksRef.current = next;
    setMarks(next);
  }, []);
  // Writes go one after another, in the order typed: two quick keystrokes on one cell never land swapped.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let current = true;
    api.scoringState({ eventId, roundId, categoryId }).then(
      (loaded) => {
        if (!current) return;
        setState(loaded);
        marksRef.current = new Map(
          loaded.marks.map((m) => [markKey(m.nomineeId, m.criterionCode), { value: m.value, status: 'saved' as const }]),
        );
        setMarks(marksRef.current);
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [eventId, roundId, categoryId, version]);

  const write = useCallback(
    (nomineeId: string, criterionCode: string, value: number | null, undoable: boolean): Promise<void> => {
      const key = markKey(nomineeId, criterionCode);
      const before = marksRef.current.get(key);
      if (before?.value === value) return queue.current;
      updateMarks((m) => m.set(key, { value, status: 'saving' }));
      setError(null);
      setCellError(null);
      const save = async () => {
        try {
          const saved = await api.recordScore({ eventId, roundId, nomineeId, criterionCode, value });
          // Only the latest keystroke on a cell decides what it shows once saved.
          if (marksRef.current.get(key)?.value === value) updateMarks((m) => m.set(key, { value: saved.value, status: 'saved' }));
          setLastSaved({ at: saved.recordedAt, nomineeId, criterionCode, value: saved.value });
          if (undoable) undoStack.current.push({ nomineeId, criterionCode, previous: before?.value ?? null });
        } catch (failure) {
          // Show what is really on disk again, and say why the change was refused.
          updateMarks((m) => (before ? m.set(key, { ...before, status: 'saved' }) : m.delete(key)));
          setCellError({ nomineeId, criterionCode, error: failure });
        }
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
    marks,
    error,
    setError,
    cellError,
    setCellError,
    lastSaved,
    record: (nomineeId: string, criterionCode: string, value: number | null) => write(nomineeId, criterionCode, value, true),
    undo,
    canUndo: () => undoStack.current.length > 0,
    /** Resolves once every keystroke typed so far is saved (or refused): finalizing waits for it. */
    settled: () => queue.current,
    reload: () => setVersion((v) => v + 1),
  };
}
