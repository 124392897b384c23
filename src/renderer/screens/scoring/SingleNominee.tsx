import { useTranslation } from 'react-i18next';
import type { Criterion, Event, Nominee, Round } from '../../../core/model.ts';
import { weightedTotal } from '../../../core/scoring.ts';
import { pick } from '../../i18n/index.ts';
import { InterviewTimer } from './InterviewTimer.tsx';
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
  onSelect(nomineeId: string): void;
  onRecord(nomineeId: string, criterionCode: string, value: number | null): Promise<void>;
}

const DEFAULT_MINUTES = { presentationMinutes: 10, questionsMinutes: 20 };

/**
 * One nominee at a time, for the interview: every criterion with its rubric levels as choices
 * (arrow keys move between levels, each choice is saved), the clock, and the running total.
 */
export function SingleNominee({ round, nominees, nominee, criteria, marks, conflict, locked, onSelect, onRecord }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const index = nominees.findIndex((n) => n.id === nominee.id);
  const saved = new Map(criteria.flatMap((c) => {
    const value = marks.get(markKey(nominee.id, c.code))?.value;
    return value == null ? [] : [[c.code, value] as const];
  }));
  const total = weightedTotal(criteria, saved);
  const timing = round.interview ?? DEFAULT_MINUTES;

  return (
    <div className="single">
      <div className="single-nav">
        <button type="button" disabled={index <= 0} onClick={() => onSelect(nominees[index - 1].id)}>← {t('scoring.previousNominee')}</button>
        <label>
          {t('scoring.nominee')}{' '}
          <select value={nominee.id} onChange={(e) => onSelect(e.target.value)}>
            {nominees.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
          </select>
        </label>
        <button type="button" disabled={index < 0 || index >= nominees.length - 1} onClick={() => onSelect(nominees[index + 1].id)}>{t('scoring.nextNominee')} →</button>
      </div>
      <h3>{nominee.name} <small>{nominee.region}</small></h3>
      <InterviewTimer key={`${round.id}/${nominee.id}`} clockId={`${round.id}/${nominee.id}`} presentationMinutes={timing.presentationMinutes} questionsMinutes={timing.questionsMinutes} />
      {conflict ? (
        <p className="notice notice-locked">{t('scoring.conflict', { reason: conflict.reason })}</p>
      ) : (
        criteria.map((criterion) => {
          const value = marks.get(markKey(nominee.id, criterion.code))?.value ?? null;
          return (
            <fieldset key={criterion.code} className="criterion-choice" disabled={locked}>
              <legend>
                {criterion.code} · {pick(criterion.label, lang)} <small>({criterion.weight}%)</small>
              </legend>
              {criterion.rubric.map((level) => (
                <label key={level.score} className={value === level.score ? 'chosen' : undefined}>
                  <input
                    type="radio"
                    name={`${nominee.id}-${criterion.code}`}
                    value={level.score}
                    checked={value === level.score}
                    onChange={() => void onRecord(nominee.id, criterion.code, level.score)}
                  />
                  <strong>{level.score}</strong> {pick(level.text, lang)}
                </label>
              ))}
            </fieldset>
          );
        })
      )}
      <p className="single-total" data-testid="single-total">
        {t('scoring.total')}: <strong>{total.scored ? total.total.toFixed(2) : '—'}</strong> ({total.scored}/{total.of})
      </p>
    </div>
  );
}
