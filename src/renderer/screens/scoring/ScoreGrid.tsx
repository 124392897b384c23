import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Nominee } from '../../../core/model.ts';
import { weightedTotal } from '../../../core/scoring.ts';
import { NomineeName, nomineeLabel } from '../../components/NomineeName.tsx';
import { markText, pick, scoreText } from '../../i18n/index.ts';
import { gridPosition, useGridKeys, type Focus } from './use-grid-keys.ts';
import { markKey, type Mark } from './marks.ts';

interface Props {
  nominees: Nominee[];
  criteria: Criterion[];
  marks: ReadonlyMap<string, Mark>;
  conflicts: ReadonlyMap<string, { reason: string }>;
  locked: boolean;
  focus: Focus;
  onFocus(focus: Focus): void;
  /** Bumped to put keyboard focus on the focused cell (on opening, after an undo), wherever focus is. */
  focusRequest: number;
  onRecord(nomineeId: string, criterionCode: string, value: number | null): Promise<void>;
  onUndo(): void;
  /** A keystroke that cannot become a mark, with the reason to show at its cell. */
  onRefuse(nomineeId: string, criterionCode: string, message: string): void;
  /** What the grid refused (or the API refused to save) and at which cell: shown there, not at the page's foot. */
  refusal: CellRefusal | null;
}

export interface CellRefusal {
  nomineeId: string;
  criterionCode: string;
  message: string;
}

const ROW_HEIGHT = 40;

/**
 * Nominees × criteria, driven from the keyboard: a digit scores the focused cell (and moves on when the
 * scale has whole steps), "," or "." adds a half point where the scale has them, Backspace clears,
 * arrows / Tab / Enter move, Ctrl+Z undoes. Rows are virtualised, so 2,000 nominees scroll as 20 do.
 */
export function ScoreGrid({
  nominees,
  criteria,
  marks,
  conflicts,
  locked,
  focus,
  onFocus,
  focusRequest,
  onRecord,
  onUndo,
  onRefuse,
  refusal,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const scroller = useRef<HTMLDivElement>(null);
  const { row, column } = gridPosition(nominees, criteria, focus);
  const onKeyDown = useGridKeys({ nominees, criteria, marks, conflicts, locked, focus, onFocus, onRecord, onUndo, onRefuse });
  const virtualizer = useVirtualizer({
    count: nominees.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Keep the focused cell in view and focused as it moves.
  useEffect(() => {
    virtualizer.scrollToIndex(row, { align: 'auto' });
    if (!scroller.current?.contains(document.activeElement)) return; // never steal focus from the filter
    // The row may render only after the scroll: look for the cell on the next frame too.
    const focusCell = () => scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`)?.focus();
    focusCell();
    const frame = requestAnimationFrame(focusCell);
    return () => cancelAnimationFrame(frame);
  }, [row, column, virtualizer]);

  // Asked to take focus: scroll to the cell and focus it as soon as its row is rendered (on opening,
  // the rows appear only once the virtualiser has measured the scroller, a render or two later).
  const handledRequest = useRef(focusRequest); // a request made before this view was shown is not ours
  useEffect(() => {
    if (focusRequest !== handledRequest.current) virtualizer.scrollToIndex(row, { align: 'auto' });
  }, [focusRequest, row, virtualizer]);
  useEffect(() => {
    if (focusRequest === handledRequest.current) return;
    if (nominees.length === 0 || criteria.length === 0) {
      handledRequest.current = focusRequest; // no cell to go to: the request lapses rather than wait
      return;
    }
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`);
    if (!cell) return;
    handledRequest.current = focusRequest;
    cell.focus();
  });

  // Where the refusal stands: under its cell, in the scroller's own coordinates (it scrolls with the rows).
  const [errorAt, setErrorAt] = useState<{ top: number; left: number; above: boolean } | null>(null);
  const refusedRow = refusal ? nominees.findIndex((n) => n.id === refusal.nomineeId) : -1;
  const refusedColumn = refusal ? criteria.findIndex((c) => c.code === refusal.criterionCode) : -1;
  useLayoutEffect(() => {
    const box = scroller.current;
    const target = box?.querySelector<HTMLElement>(`[data-row="${refusedRow}"][data-col="${refusedColumn}"]`);
    if (!box || !target) return setErrorAt(null);
    const outer = box.getBoundingClientRect();
    const inner = target.getBoundingClientRect();
    // Under the cell, or over it when the scroller has no room below (the last rows shown).
    const above = outer.bottom - inner.bottom < 64 && inner.top - outer.top > 64;
    setErrorAt({
      top: (above ? inner.top : inner.bottom) - outer.top + box.scrollTop + (above ? 2 : -2),
      left: inner.left - outer.left + box.scrollLeft,
      above,
    });
  }, [refusedRow, refusedColumn, refusal?.message]);

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="grid-scroller" ref={scroller}>
      <table
        role="grid"
        aria-rowcount={nominees.length + 1}
        aria-colcount={criteria.length + 2}
        onKeyDown={onKeyDown}
        className={`score-grid${locked ? ' locked' : ''}`}
        data-locked={locked || undefined}
        aria-describedby={locked ? 'grid-locked' : undefined}
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th scope="col" role="columnheader">
              {locked && (
                <span className="lock-mark" aria-hidden="true">
                  🔒{' '}
                </span>
              )}
              {t('scoring.nominee')}
            </th>
            {criteria.map((c) => (
              <th key={c.code} scope="col" role="columnheader" title={pick(c.label, i18n.language)}>
                {c.code}
                <br />
                <small>{markText(c.weight, lang)}%</small>
              </th>
            ))}
            <th scope="col" role="columnheader" className="num">
              {t('scoring.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const nominee = nominees[item.index];
            const conflict = conflicts.get(nominee.id);
            const saved = new Map(
              criteria.flatMap((c) => {
                const mark = marks.get(markKey(nominee.id, c.code));
                return mark && mark.value !== null ? [[c.code, mark.value] as const] : [];
              }),
            );
            const total = weightedTotal(criteria, saved);
            return (
              <tr
                key={nominee.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-nominee={nominee.id}
                className={conflict ? 'conflicted' : undefined}
                style={{ height: ROW_HEIGHT }}
              >
                <th scope="row" role="rowheader">
                  <NomineeName nominee={nominee} />
                  {conflict && (
                    <>
                      <br />
                      <small className="conflict-note">{t('scoring.conflict', { reason: conflict.reason })}</small>
                    </>
                  )}
                </th>
                {criteria.map((criterion, c) => {
                  const mark = marks.get(markKey(nominee.id, criterion.code));
                  const focused = item.index === row && c === column;
                  const refused = refusal && refusal.nomineeId === nominee.id && refusal.criterionCode === criterion.code ? refusal : null;
                  return (
                    <td
                      key={criterion.code}
                      role="gridcell"
                      tabIndex={focused ? 0 : -1}
                      data-row={item.index}
                      data-col={c}
                      data-criterion={criterion.code}
                      data-state={mark?.status ?? 'empty'}
                      aria-selected={focused}
                      aria-readonly={locked || !!conflict}
                      aria-label={`${nomineeLabel(nominee)}, ${criterion.code}: ${mark && mark.value !== null ? markText(mark.value, lang) : t('scoring.empty')}`}
                      aria-invalid={refused ? true : undefined}
                      aria-describedby={refused ? 'cell-error' : undefined}
                      className={`score-cell${focused ? ' focused' : ''}${refused ? ' refused' : ''}`}
                      onFocus={() => !focused && onFocus({ nomineeId: nominee.id, criterionCode: criterion.code })}
                      onClick={() => onFocus({ nomineeId: nominee.id, criterionCode: criterion.code })}
                    >
                      {conflict ? '—' : mark && mark.value !== null ? markText(mark.value, lang) : ''}
                    </td>
                  );
                })}
                <td className="num total" data-testid={`total-${nominee.id}`}>
                  {conflict ? '' : total.scored === 0 ? '' : scoreText(total.total, lang)}
                  {!conflict && total.scored > 0 && total.scored < total.of && (
                    <small>
                      {' '}
                      ({total.scored}/{total.of})
                    </small>
                  )}
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
      {nominees.length === 0 && <p>{t('scoring.noMatch')}</p>}
      {/* The reason a keystroke was refused, just under the cell it was typed in (the cell names it). */}
      {refusal && errorAt && (
        <div
          className={`cell-error${errorAt.above ? ' above' : ''}`}
          role="alert"
          id="cell-error"
          data-testid="cell-error"
          data-cell={`${refusal.nomineeId}/${refusal.criterionCode}`}
          style={{ top: errorAt.top, left: errorAt.left }}
        >
          {refusal.message}
        </div>
      )}
    </div>
  );
}
