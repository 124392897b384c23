import { useTranslation } from 'react-i18next';
import type { Event, Nominee, Round } from '../../../core/model.ts';
import { weightedTotal } from '../../../core/scoring.ts';
import { NomineeName, nomineeLabel } from '../../components/NomineeName.tsx';
import { markText, pick, scoreText } from '../../i18n/index.ts';
import { InterviewTimer } from './InterviewTimer.tsx';
import { useRubricKeys, type RubricKeysOptions } from './use-rubric-keys.ts';

/** The keyboard's options (useRubricKeys), and what the view adds: the round's clock, the other nominees. */
interface Props extends RubricKeysOptions {
  event: Event;
  round: Round;
  nominees: Nominee[];
  onSelect(nomineeId: string): void;
  onFocusCriterion(criterionCode: string): void;
  /** A mark the API refused to save: shown inside its criterion. */
  apiRefusal?: { nomineeId: string; criterionCode: string; message: string } | null;
}

const DEFAULT_MINUTES = { presentationMinutes: 10, questionsMinutes: 20 };

/**
 * One nominee at a time, for the interview: the clock and the running total stay in view, and every
 * criterion offers its rubric levels as choices. The keys are the grid's: a digit scores the focused
 * criterion and moves on to the next ("," adds a half point where the scale has them), Backspace clears,
 * Ctrl+Z undoes. Arrow keys only move a selection through the levels; it is saved once, by Enter or
 * Space (which also move on) or by leaving the criterion, and Esc drops it. A click saves at once.
 */
export function SingleNominee(props: Props) {
  const { round, nominees, nominee, criteria, conflict, locked, criterionCode, onSelect, onFocusCriterion, apiRefusal = null } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const index = nominees.findIndex((n) => n.id === nominee.id);
  const keys = useRubricKeys(props);
  const { refusal, valueOf } = keys;
  const saved = new Map(
    criteria.flatMap((c) => {
      const value = valueOf(c.code);
      return value === null ? [] : [[c.code, value] as const];
    }),
  );
  const total = weightedTotal(criteria, saved);
  const timing = round.interview ?? DEFAULT_MINUTES;

  return (
    <div className="single" onKeyDown={keys.onViewKeyDown}>
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
          const stop = keys.activeLevel(criterion);
          const selection = keys.selectionFor(criterion.code);
          return (
            <fieldset
              key={criterion.code}
              role="radiogroup"
              aria-readonly={locked || undefined}
              className={`criterion-choice${criterion.code === criterionCode ? ' current' : ''}${locked ? ' locked' : ''}`}
              data-criterion={criterion.code}
              ref={keys.registerGroup(criterion.code)}
              onFocus={() => {
                if (criterion.code !== criterionCode) onFocusCriterion(criterion.code);
                keys.focusedCriterion(criterion.code);
              }}
              onBlur={(event) => keys.onGroupBlur(event, criterion)}
              onKeyDown={(event) => keys.onGroupKeyDown(event, criterion)}
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
                    onClick={() => keys.record(criterion, level.score)}
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
