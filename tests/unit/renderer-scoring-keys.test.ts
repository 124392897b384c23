// @vitest-environment jsdom
/**
 * The scoring screens' keyboard, as hooks (src/renderer/screens/scoring/use-*.ts), beside the end-to-end
 * tests that drive the same keys in Chromium (tests/e2e/scoring.spec.ts, interview-keyboard.spec.ts): the
 * grid's moves and marks, the interview view's selection saved once, where the keyboard goes on opening,
 * after an undo and after finalizing, and the Alt jumps.
 */
import { act, renderHook } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScoringState } from '../../src/api/contract.ts';
import type { Criterion, Nominee } from '../../src/core/model.ts';
import { useGridKeys, type Focus, type KeyStroke } from '../../src/renderer/screens/scoring/use-grid-keys.ts';
import { useRubricKeys } from '../../src/renderer/screens/scoring/use-rubric-keys.ts';
import { firstUnscored, jump, jumpOf, onJumpKey, useScoringFocus } from '../../src/renderer/screens/scoring/use-scoring-focus.ts';
import { markKey, type Mark } from '../../src/renderer/screens/scoring/marks.ts';

beforeAll(async () => {
  // No texts loaded: t() answers with the key, which is what these tests look for.
  await i18next.use(initReactI18next).init({ lng: 'id', resources: { id: { translation: {} } } });
});
afterEach(() => {
  document.body.innerHTML = '';
});

const nominee = (id: string): Nominee => ({ id, categoryId: 'c', name: id.toUpperCase(), region: '', fictional: true, attributes: {} });
const criterion = (code: string, step = 1): Criterion => ({
  code,
  roundId: 'r',
  categoryIds: ['c'],
  label: { id: code, en: code },
  weight: 50,
  scale: { min: 1, max: 5, step },
  rubric: [1, 2, 3, 4, 5].map((score) => ({ score, text: { id: `level ${score}`, en: `level ${score}` } })),
});
const NOMINEES = [nominee('a'), nominee('b'), nominee('c')];
const CRITERIA = [criterion('K1'), criterion('K2', 0.5)];
const marksOf = (entries: [string, string, number][]) =>
  new Map<string, Mark>(entries.map(([n, c, value]) => [markKey(n, c), { value, status: 'saved' }]));

function key(k: string, modifiers: Partial<KeyStroke> = {}) {
  return { key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, preventDefault: vi.fn(), ...modifiers };
}

describe('the grid (useGridKeys)', () => {
  function grid(
    focus: Focus,
    options: { conflicts?: Map<string, { reason: string }>; locked?: boolean; marks?: Map<string, Mark>; criteria?: Criterion[] } = {},
  ) {
    const calls = { focus: [] as Focus[], record: [] as unknown[][], refuse: [] as unknown[][], undo: 0 };
    const { result } = renderHook(() =>
      useGridKeys({
        nominees: NOMINEES,
        criteria: options.criteria ?? CRITERIA,
        marks: options.marks ?? new Map(),
        conflicts: options.conflicts ?? new Map(),
        locked: options.locked ?? false,
        focus,
        onFocus: (f) => void calls.focus.push(f),
        onRecord: async (...args) => void calls.record.push(args),
        onUndo: () => void calls.undo++,
        onRefuse: (...args) => void calls.refuse.push(args),
      }),
    );
    return { press: (stroke: KeyStroke) => result.current(stroke), calls };
  }

  it('a digit scores the cell and moves on where the scale has whole steps; the arrows, Tab and Enter move', () => {
    const { press, calls } = grid({ nomineeId: 'a', criterionCode: 'K1' });
    press(key('4'));
    expect(calls.record).toEqual([['a', 'K1', 4]]);
    expect(calls.focus).toEqual([{ nomineeId: 'a', criterionCode: 'K2' }]);
    press(key('ArrowDown'));
    press(key('Enter', { shiftKey: true })); // up, at the top: stays
    press(key('End'));
    expect(calls.focus.slice(1)).toEqual([
      { nomineeId: 'b', criterionCode: 'K1' },
      { nomineeId: 'a', criterionCode: 'K1' },
      { nomineeId: 'a', criterionCode: 'K2' },
    ]);
    const tab = key('Tab', { shiftKey: true }); // at the first cell: Tab leaves the grid
    press(tab);
    expect(tab.preventDefault).not.toHaveBeenCalled();
  });

  it('on a half-point scale a digit stays (a "," may follow) ', () => {
    const { press, calls } = grid({ nomineeId: 'a', criterionCode: 'K2' }, { marks: marksOf([['a', 'K2', 3]]) });
    press(key(','));
    press(key('4'));
    expect(calls.record).toEqual([
      ['a', 'K2', 3.5],
      ['a', 'K2', 4],
    ]);
    expect(calls.focus).toEqual([]);
  });

  it('after the last criterion a mark moves to the next nominee this juror scores, passing over a conflict', () => {
    const whole = [criterion('K1'), criterion('K3')];
    const { press, calls } = grid(
      { nomineeId: 'a', criterionCode: 'K3' },
      { conflicts: new Map([['b', { reason: 'saudara' }]]), criteria: whole },
    );
    press(key('4'));
    expect(calls.record).toEqual([['a', 'K3', 4]]);
    expect(calls.focus).toEqual([{ nomineeId: 'c', criterionCode: 'K1' }]);
  });

  it('refuses at the cell what cannot be a mark; Backspace clears; Ctrl+Z undoes; other shortcuts pass', () => {
    const conflicted = grid({ nomineeId: 'b', criterionCode: 'K1' }, { conflicts: new Map([['b', { reason: 'saudara' }]]) });
    conflicted.press(key('3'));
    expect(conflicted.calls.refuse).toEqual([['b', 'K1', 'scoring.conflict']]);
    const locked = grid({ nomineeId: 'a', criterionCode: 'K1' }, { locked: true });
    locked.press(key('3'));
    locked.press(key('7'));
    expect(locked.calls.refuse.map((r) => r[2])).toEqual(['scoring.lockedCell', 'scoring.lockedCell']);
    const open = grid({ nomineeId: 'a', criterionCode: 'K1' });
    open.press(key('7'));
    open.press(key(',')); // no mark yet to add a half to
    expect(open.calls.refuse.map((r) => r[2])).toEqual(['scoring.offScale', 'scoring.offScale']);
    open.press(key('Backspace'));
    open.press(key('z', { ctrlKey: true }));
    const jumpKey = key('c', { altKey: true });
    open.press(jumpKey);
    expect(open.calls.record).toEqual([['a', 'K1', null]]);
    expect(open.calls.undo).toBe(1);
    expect(jumpKey.preventDefault).not.toHaveBeenCalled();
  });
});

describe('the interview view (useRubricKeys)', () => {
  /** Both criteria as radio groups of their levels, registered with the hook as SingleNominee does. */
  function view(options: { marks?: Map<string, Mark>; locked?: boolean } = {}) {
    const record = vi.fn(async () => {});
    const undo = vi.fn();
    const hook = renderHook(() =>
      useRubricKeys({
        nominee: NOMINEES[0],
        criteria: CRITERIA,
        marks: options.marks ?? new Map(),
        conflict: undefined,
        locked: options.locked ?? false,
        criterionCode: 'K1',
        focusRequest: 0,
        onRecord: record,
        onUndo: undo,
      }),
    );
    for (const c of CRITERIA) {
      const group = document.createElement('fieldset');
      for (const level of c.rubric) {
        const radio = document.createElement('div');
        radio.setAttribute('role', 'radio');
        radio.dataset.score = String(level.score);
        radio.tabIndex = -1;
        group.append(radio);
      }
      document.body.append(group);
      hook.result.current.registerGroup(c.code)(group);
    }
    const level = (code: string, score: number) =>
      document.querySelectorAll('fieldset')[CRITERIA.findIndex((c) => c.code === code)].querySelector(`[data-score="${score}"]`);
    const press = (code: string, stroke: KeyStroke) =>
      act(() =>
        hook.result.current.onGroupKeyDown(
          stroke,
          CRITERIA.find((c) => c.code === code)!,
        ),
      );
    return { hook, record, undo, level, press };
  }

  it('the arrows select a level without saving it; Enter saves it once and moves on; Esc drops it', () => {
    const { hook, record, level, press } = view();
    press('K1', key('ArrowDown'));
    press('K1', key('ArrowDown'));
    expect(hook.result.current.selectionFor('K1')?.score).toBe(3);
    expect(document.activeElement).toBe(level('K1', 3));
    expect(record).not.toHaveBeenCalled();
    press('K1', key('Enter'));
    expect(record).toHaveBeenCalledWith('a', 'K1', 3);
    expect(hook.result.current.selectionFor('K1')).toBeNull();
    expect(document.activeElement).toBe(level('K2', 1)); // moved on to the next criterion
    press('K2', key('End'));
    press('K2', key('Escape'));
    expect(hook.result.current.selectionFor('K2')).toBeNull();
    expect(record).toHaveBeenCalledTimes(1);
  });

  it('a digit scores at once and moves on; "," adds a half point to the mark; off the scale is refused in place', () => {
    const { hook, record, level, press } = view({ marks: marksOf([['a', 'K2', 2]]) });
    press('K1', key('4'));
    expect(record).toHaveBeenLastCalledWith('a', 'K1', 4);
    expect(document.activeElement).toBe(level('K2', 2)); // the next criterion, on its mark's level
    press('K2', key(','));
    expect(record).toHaveBeenLastCalledWith('a', 'K2', 2.5);
    press('K2', key('9'));
    expect(hook.result.current.refusal).toMatchObject({ criterionCode: 'K2', message: 'scoring.offScale' });
    act(() => hook.result.current.focusedCriterion('K1'));
    expect(hook.result.current.refusal).toBeNull();
  });

  it('once finalized, a key is refused where the juror looks; Ctrl+Z drops the selection and undoes', () => {
    const locked = view({ locked: true });
    locked.press('K1', key('3'));
    expect(locked.record).not.toHaveBeenCalled();
    expect(locked.hook.result.current.refusal?.message).toBe('scoring.lockedCell');
    document.body.innerHTML = '';
    const open = view();
    open.press('K1', key('ArrowDown'));
    act(() => open.hook.result.current.onViewKeyDown(key('z', { ctrlKey: true })));
    expect(open.undo).toHaveBeenCalledTimes(1);
    expect(open.hook.result.current.selectionFor('K1')).toBeNull();
  });
});

describe('where the keyboard goes on the scoring screen (useScoringFocus)', () => {
  const state = (conflicts: string[] = [], finalized = false) =>
    ({ conflicts: conflicts.map((nomineeId) => ({ nomineeId, reason: 'x', declared: true })), finalized }) as unknown as ScoringState;

  it('the first mark still to give, passing over conflicted nominees', () => {
    expect(firstUnscored(NOMINEES, CRITERIA, marksOf([['a', 'K1', 3]]), new Set())).toEqual({ nomineeId: 'a', criterionCode: 'K2' });
    const aDone = marksOf([
      ['a', 'K1', 3],
      ['a', 'K2', 3],
    ]);
    expect(firstUnscored(NOMINEES, CRITERIA, aDone, new Set(['b']))).toEqual({ nomineeId: 'c', criterionCode: 'K1' });
  });

  it('on opening, and after a reload once the new state is in, it goes to the first mark to give; after finalizing, back', async () => {
    const back = { current: document.createElement('button') };
    document.body.append(back.current);
    const undo = vi.fn(async () => ({ nomineeId: 'b', criterionCode: 'K2', previous: null }));
    const props = { state: null as ScoringState | null, marks: marksOf([['a', 'K1', 3]]) };
    const hook = renderHook(
      (p: typeof props) =>
        useScoringFocus({ nominees: NOMINEES, criteria: CRITERIA, ...p, listed: NOMINEES, reveal: () => {}, undo, afterFinalize: back }),
      { initialProps: props },
    );
    expect(hook.result.current.focusRequest).toBe(0);
    const first = state();
    hook.rerender({ ...props, state: first });
    expect(hook.result.current.focus).toEqual({ nomineeId: 'a', criterionCode: 'K2' });
    expect(hook.result.current.focusRequest).toBe(1);

    act(() => hook.result.current.placeAfterReload());
    hook.rerender({ ...props, state: first });
    expect(hook.result.current.focusRequest).toBe(1); // the old state again: waits
    hook.rerender({ ...props, state: state(['a']) });
    expect(hook.result.current.focus).toEqual({ nomineeId: 'b', criterionCode: 'K1' });
    expect(hook.result.current.focusRequest).toBe(2);

    await act(() => hook.result.current.undoFromKeyboard());
    expect(hook.result.current.focus).toEqual({ nomineeId: 'b', criterionCode: 'K2' });
    expect(hook.result.current.focusRequest).toBe(3);

    act(() => hook.result.current.focusAfterFinalize());
    expect(document.activeElement).not.toBe(back.current);
    hook.rerender({ ...props, state: state([], true) });
    expect(document.activeElement).toBe(back.current);
  });

  it('an undo answered after the juror moved on leaves the keyboard where it is', async () => {
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    let answer: (change: { nomineeId: string; criterionCode: string; previous: null }) => void = () => {};
    const undo = () => new Promise<{ nomineeId: string; criterionCode: string; previous: null }>((resolve) => (answer = resolve));
    const hook = renderHook(() =>
      useScoringFocus({
        nominees: NOMINEES,
        criteria: CRITERIA,
        state: null,
        marks: new Map(),
        listed: NOMINEES,
        reveal: () => {},
        undo,
        afterFinalize: { current: null },
      }),
    );
    let undone: Promise<void> | undefined;
    act(() => {
      undone = hook.result.current.undoFromKeyboard();
    });
    elsewhere.focus();
    await act(async () => {
      answer({ nomineeId: 'c', criterionCode: 'K2', previous: null });
      await undone;
    });
    expect(hook.result.current.focusRequest).toBe(0);
  });

  it('Alt+C and Alt+K reach the notes and Finalisasi (by the key’s place where Alt makes another letter)', () => {
    document.body.innerHTML =
      '<textarea id="scoring-note"></textarea><button id="finalize-button" disabled></button><input id="reopen-reason">';
    expect(jumpOf({ key: 'ç', code: 'KeyC', altKey: true, ctrlKey: false, metaKey: false })).toBe('note');
    expect(jumpOf({ key: 'k', code: 'KeyK', altKey: true, ctrlKey: true, metaKey: false })).toBeNull();
    const stroke = { ...key('k', { altKey: true }), code: 'KeyK' };
    onJumpKey(stroke);
    expect(stroke.preventDefault).toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('reopen-reason'); // Finalisasi's button is disabled: the reopening instead
    jump('note');
    expect(document.activeElement?.id).toBe('scoring-note');
  });
});
