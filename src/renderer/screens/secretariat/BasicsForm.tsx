import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../api/errors.ts';
import type { Bilingual, Event } from '../../../core/model.ts';
import { eventTimeZone, zoneAbbreviation } from '../../../core/local-time.ts';
import { pick } from '../../i18n/index.ts';
import { mutate, useAction } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

type Basics = Pick<Event, 'name' | 'yearHeld' | 'place' | 'periodAssessed' | 'schedule'>;

/** Where each problem the API reports belongs in this form, by the path into the event. */
const FIELD_BY_PATH: Record<string, string> = {
  name: 'name',
  yearHeld: 'yearHeld',
  place: 'place',
  'periodAssessed.start': 'periodStart',
  'periodAssessed.end': 'periodEnd',
  periodAssessed: 'periodEnd',
  'schedule.interviews.start': 'interviewsStart',
  'schedule.interviews.end': 'interviewsEnd',
  'schedule.interviews': 'interviewsEnd',
  'schedule.interviews.venue': 'interviewsVenue',
  'schedule.plenary': 'plenary',
  'schedule.ceremony.date': 'ceremonyDate',
  'schedule.ceremony.venue': 'ceremonyVenue',
};

/** Each field's first problem, and whether any problem has no field to stand beside (then the whole message is shown). */
function fieldErrors(error: unknown): { byField: Map<string, Bilingual>; unplaced: boolean } {
  const byField = new Map<string, Bilingual>();
  // The input's own check (dispatch) and the event's validation both place their findings by path.
  const issues = isAppError(error, 'invalid-event')
    ? error.details
    : isAppError(error, 'invalid-input') && Array.isArray(error.details)
      ? error.details
      : undefined;
  if (!issues) return { byField, unplaced: error !== null };
  let unplaced = false;
  for (const issue of issues) {
    const field = FIELD_BY_PATH[issue.path.join('.')];
    if (!field) unplaced = true;
    else if (!byField.has(field)) byField.set(field, issue.message);
  }
  return { byField, unplaced };
}

/** The event's basic fields, edited in place; saving makes a new revision. */
export function BasicsForm({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({
    name: event.name,
    yearHeld: String(event.yearHeld),
    place: event.place,
    periodStart: event.periodAssessed.start,
    periodEnd: event.periodAssessed.end,
    interviewsStart: event.schedule.interviews?.start ?? '',
    interviewsEnd: event.schedule.interviews?.end ?? '',
    interviewsVenue: event.schedule.interviews?.venue ?? '',
    plenary: event.schedule.plenary ?? '',
    ceremonyDate: event.schedule.ceremony?.date ?? '',
    ceremonyVenue: event.schedule.ceremony?.venue ?? '',
  });
  const action = useAction();
  const [saved, setSaved] = useState<number | null>(null);
  const { byField: invalid, unplaced } = fieldErrors(action.error);
  const field = (key: keyof typeof form, label: string, type = 'text', wide = false) => (
    <label key={key} className={wide ? 'wide' : undefined}>
      {label}
      <input
        type={type}
        value={form[key]}
        aria-invalid={invalid.has(key) || undefined}
        aria-describedby={invalid.has(key) ? `${key}-error` : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {invalid.has(key) && (
        <span className="field-error" id={`${key}-error`}>
          {pick(invalid.get(key)!, i18n.language)}
        </span>
      )}
    </label>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const basics: Basics = {
      name: form.name,
      yearHeld: Number(form.yearHeld),
      place: form.place,
      periodAssessed: { start: form.periodStart, end: form.periodEnd },
      schedule: {
        ...(form.interviewsStart || form.interviewsEnd
          ? {
              interviews: {
                start: form.interviewsStart,
                end: form.interviewsEnd,
                ...(form.interviewsVenue ? { venue: form.interviewsVenue } : {}),
              },
            }
          : {}),
        ...(form.plenary ? { plenary: form.plenary } : {}),
        ...(form.ceremonyDate || form.ceremonyVenue ? { ceremony: { date: form.ceremonyDate, venue: form.ceremonyVenue } } : {}),
      },
    };
    // The event screen reads the new revision again (INVALIDATES.updateEventBasics).
    const summary = await action.run(() => mutate('updateEventBasics', { eventId: event.id, ...basics }));
    if (summary) setSaved(summary.revision);
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('secretariat.tab.basics')}>
      {field('name', t('basics.name'), 'text', true)}
      {field('yearHeld', t('basics.yearHeld'), 'number')}
      {field('place', t('basics.place'))}
      {field('periodStart', t('basics.periodStart'), 'date')}
      {field('periodEnd', t('basics.periodEnd'), 'date')}
      {field('interviewsStart', t('basics.interviewsStart'), 'date')}
      {field('interviewsEnd', t('basics.interviewsEnd'), 'date')}
      {field('interviewsVenue', t('basics.interviewsVenue'))}
      {field('plenary', t('basics.plenary'), 'date')}
      {field('ceremonyDate', t('basics.ceremonyDate'), 'date')}
      {field('ceremonyVenue', t('basics.ceremonyVenue'))}
      <p className="hint wide" data-testid="basics-time-zone">
        {t('basics.timeZone', { zone: zoneAbbreviation(eventTimeZone(event)), name: eventTimeZone(event) })}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('basics.save')}
        </button>
        {saved !== null && <span role="status">{t('basics.saved', { revision: saved })}</span>}
      </div>
      {unplaced && <ErrorNotice error={action.error} />}
    </form>
  );
}
