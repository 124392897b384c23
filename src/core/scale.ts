/** Score values on a criterion's scale: within min–max and on a step (whole or half points, ...). */
import type { Scale } from './model.ts';

/** How many steps a value is above the scale's minimum, or null if it is not on a step. */
function stepsFromMin(value: number, scale: Scale): number | null {
  const steps = (value - scale.min) / scale.step;
  const rounded = Math.round(steps);
  return Math.abs(steps - rounded) < 1e-9 ? rounded : null;
}

export function isOnScale(value: number, scale: Scale): boolean {
  return Number.isFinite(value) && value >= scale.min - 1e-9 && value <= scale.max + 1e-9 && stepsFromMin(value, scale) !== null;
}

/**
 * A mark as a canonical decimal string at the scale's step ("4", "3.5"): how marks are signed and
 * compared, so a float rounded by a spreadsheet (3.4999999999999996) still reads as the same mark.
 */
export function canonicalScore(value: number, scale: Scale): string {
  const steps = Math.round((value - scale.min) / scale.step);
  const decimals = (scale.step.toString().split('.')[1] ?? '').length;
  return Number((scale.min + steps * scale.step).toFixed(decimals)).toString();
}
