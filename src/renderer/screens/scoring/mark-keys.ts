/**
 * What a keystroke means for a mark, the same in the grid and in the interview view: a digit is that
 * mark, "," or "." adds a half point to the whole part of the current mark, Backspace or Delete clears.
 */
import type { Scale } from '../../../core/model.ts';
import { isOnScale } from '../../../core/scale.ts';

export type KeyMark =
  | { kind: 'none' }
  | { kind: 'clear' }
  /** advance: move on to the next criterion (whole-point scales; on half-point ones "," may follow). */
  | { kind: 'mark'; value: number; advance: boolean }
  | { kind: 'off-scale'; value: number | string };

export function markFromKey(key: string, current: number | null | undefined, scale: Scale): KeyMark {
  const isDigit = /^[0-9]$/.test(key);
  const isHalf = key === ',' || key === '.';
  if (key === 'Backspace' || key === 'Delete') return { kind: 'clear' };
  if (!isDigit && !isHalf) return { kind: 'none' };
  const value = isDigit ? Number(key) : current == null ? null : Math.floor(current) + 0.5;
  if (value === null || !isOnScale(value, scale)) return { kind: 'off-scale', value: value ?? key };
  return { kind: 'mark', value, advance: isDigit && scale.step >= 1 };
}

/** The keys a juror may type with a modifier that are still ours: Ctrl+Z (⌘Z) undoes. */
export const isUndoKey = (event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
