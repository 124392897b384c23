import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Event, Nominee, Round } from '../../../core/model.ts';
import { weightedTotal } from '../../../core/scoring.ts';
import { NomineeName, nomineeLabel } from '../../components/NomineeName.tsx';
import { markText, pick, scoreText } from '../../i18n/index.ts';
import { InterviewTimer } from './InterviewTimer.tsx';
import { isUndoKey, markFromKey } from './mark-keys.ts';
import { markKey, type Mark } from './use-scoring.ts';

interface Props {
  event: Event;
  round: Round;
  nominees: Nominee[];
  nominee: Nominee;
  criteria: Criterion[];
  marks: ReadonlyMap<string, Mark>;
  conflict: { reason: string } | undefined;
  locked: boolean;
  /** The focused criterion: the rubric panel beside shows it. */
  criterionCode: string;
  /** Bumped to put keyboard focus on the focused criterion (on opening, after an undo). */
  focusRequest: number;
  onSelect(nomineeId: string): void;
  onFocusCriterion(criterionCode: string): void;
  onRecord(nomineeId: string, criterionCode: string, value: number | null): Promise<void>;
  onUndo(): void;
  /** A mark the API refused to save: shown inside its criterion. */
  apiRefusal?: { nomineeId: string; criterionCode: string; message: string } | null;
}

/** A rubric level chosen with the arrow keys and not saved yet. */
interface Pending {
  nomineeId: string;
  criterionCode: string;
  score: number;
}

const DEFAULT_MINUTES = { presentationMinutes: 10, questionsMinutes: 20 };

/**
 * One nominee at a time, for the interview: the clock and the running total stay in view, and every
 * criterion offers its rubric levels as choices. The keys are the grid's: a digit scores the focused
 * criterion and moves on to the next ("," adds a half point where the scale has them), Backspace clears,
 * Ctrl+Z undoes. Arrow keys only move a selection through the levels; it is saved once, by Enter or
 * Space (which also move on) or by leaving the criterion, and Esc drops it. A click saves at once.
 */
export function SingleNominee({
  round,
  nominees,
  nominee,
  criteria,
  marks,
  conflict,
  locked,
  criterionCode,
  focusRequest,
  onSelect,
  onFocusCriterion,
  onRecord,
  onUndo,
  apiRefusal = null,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const index = nominees.findIndex((n) => n.id === nominee.id);
  const valueOf = (code: string) => marks.get(markKey(nominee.id, code))?.value ?? null;
  const saved = new Map(
    criteria.flatMap((c) => {
      const value = valueOf(c.code);
      return value === null ? [] : [[c.code, value] as const];
    }),
  );
  const total = weightedTotal(criteria, saved);
  const timing = round.interview ?? DEFAULT_MINUTES;

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
  const groups = useRef(new Map<string, HTMLFieldSetElement>());
  // A keystroke refused is explained inside the criterion, where the juror is looking (not at the page's foot).
  const [refusal, setRefusal] = useState<{ nomineeId: string; criterionCode: string; message: string } | null>(null);
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

  const onGroupKeyDown = (event: KeyboardEvent, criterion: Criterion) => {
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
    if (meant.kind === 'off-scale') {
      const { min, max, step } = criterion.scale;
      const shown = typeof meant.value === 'number' ? markText(meant.value, lang) : meant.value;
      return refuse(
        criterion,
        t('scoring.offScale', {
          value: shown,
          code: criterion.code,
          min: markText(min, lang),
          max: markText(max, lang),
          step: markText(step, lang),
        }),
      );
    }
    if (meant.kind === 'clear') return record(criterion, null);
    record(criterion, meant.value);
    if (meant.advance) advance(criterion);
  };

  // Leaving a criterion saves the level selected in it (once), as a radio group would have.
  const onGroupBlur = (event: FocusEvent, criterion: Criterion) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (!document.hasFocus()) return; // another window: the selection waits for the juror's return
    const selection = pendingFor(criterion.code);
    if (!selection) return;
    setPending(null);
    const value = valueOf(criterion.code);
    if (!locked && (value === null || Math.floor(value) !== selection.score)) void onRecord(nominee.id, criterion.code, selection.score);
  };

  return (
    <div
      className="single"
      onKeyDown={(event) => {
        if (!isUndoKey(event)) return;
        event.preventDefault();
        setPending(null);
        onUndo();
      }}
    >
      <div className="single-nav">
        <button type="button" disabled={index <= 0} onClick={() => onSelect(nominees[index - 1].id)}>
          ← {t('scoring.previousNominee')}
        </button>
        <label>
          {t('scoring.nominee')}{' '}
          <select value={nominee.id} onChange={(e) => onSelect(e.target.value)}>
            {nominees.map((n) => (
              <option key={n.id} value={n.id}>
                {nomineeLabel(n)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={index < 0 || index >= nominees.length - 1} onClick={() => onSelect(nominees[index + 1].id)}>
          {t('scoring.nextNominee')} →
        </button>
      </div>
      {/* Stays at the top of the window while the juror works down the criteria. */}
      <div className="single-head" data-testid="single-head">
        <h3>
          <NomineeName nominee={nominee} /> <small>{nominee.region}</small>
        </h3>
        <InterviewTimer
          key={`${round.id}/${nominee.id}`}
          clockId={`${round.id}/${nominee.id}`}
          presentationMinutes={timing.presentationMinutes}
          questionsMinutes={timing.questionsMinutes}
        />
        <p className="single-total" data-testid="single-total">
          {t('scoring.total')}: <strong>{total.scored ? scoreText(total.total, lang) : '—'}</strong> ({total.scored}/{total.of})
        </p>
      </div>
      {conflict ? (
        <p className="notice notice-locked">{t('scoring.conflict', { reason: conflict.reason })}</p>
      ) : (
        criteria.map((criterion) => {
          const value = valueOf(criterion.code);
          const stop = activeLevel(criterion);
          const selection = pending && pending.nomineeId === nominee.id && pending.criterionCode === criterion.code ? pending : null;
          return (
            <fieldset
              key={criterion.code}
              role="radiogroup"
              aria-readonly={locked || undefined}
              className={`criterion-choice${criterion.code === criterionCode ? ' current' : ''}${locked ? ' locked' : ''}`}
              data-criterion={criterion.code}
              ref={(element) => {
                if (element) groups.current.set(criterion.code, element);
                else groups.current.delete(criterion.code);
              }}
              onFocus={() => {
                if (criterion.code !== criterionCode) onFocusCriterion(criterion.code);
                if (refusal && refusal.criterionCode !== criterion.code) setRefusal(null);
              }}
              onBlur={(event) => onGroupBlur(event, criterion)}
              onKeyDown={(event) => onGroupKeyDown(event, criterion)}
            >
              <legend>
                {locked && (
                  <span className="lock-mark" aria-hidden="true">
                    🔒{' '}
                  </span>
                )}
                {criterion.code} · {pick(criterion.label, lang)} <small>({markText(criterion.weight, lang)}%)</small>
                {value !== null && (
                  <span className="criterion-value" data-testid={`mark-${criterion.code}`}>
                    {' '}
                    · {t('scoring.markValue', { value: markText(value, lang) })}
                  </span>
                )}
              </legend>
              {criterion.rubric.map((level) => {
                const chosen = value !== null && Math.floor(value) === level.score;
                return (
                  <div
                    key={level.score}
                    role="radio"
                    aria-checked={chosen}
                    tabIndex={level.score === stop ? 0 : -1}
                    data-score={level.score}
                    className={`level${chosen ? ' chosen' : ''}${selection?.score === level.score ? ' selected' : ''}`}
                    onClick={() => record(criterion, level.score)}
                  >
                    <span className="radio-dot" aria-hidden="true">
                      {chosen ? '●' : '○'}
                    </span>
                    <strong>{level.score}</strong> {pick(level.text, lang)}
                  </div>
                );
              })}
              {selection && (
                <p className="pending-hint" data-testid="pending-hint">
                  {t('scoring.pendingHint', { score: selection.score })}
                </p>
              )}
              {[refusal, apiRefusal].map(
                (r, i) =>
                  r &&
                  r.nomineeId === nominee.id &&
                  r.criterionCode === criterion.code && (
                    <p key={i} className="field-error" role="alert" data-testid="cell-error">
                      {r.message}
                    </p>
                  ),
              )}
            </fieldset>
          );
        })
      )}
    </div>
  );
}
