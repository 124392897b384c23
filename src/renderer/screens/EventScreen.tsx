import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { eventTimeZone, zoneAbbreviation } from '../../core/local-time.ts';
import { useQuery, type Loadable } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDate } from '../i18n/index.ts';
import type { EventData } from './event-data.ts';
import { JurorEvent } from './juror/JurorEvent.tsx';
import { SecretariatEvent } from './secretariat/SecretariatEvent.tsx';

interface Props {
  eventId: string;
  onBack(): void;
}

/** The four reads of an event screen as one: ready when all are, failed when any failed. */
function useEventData(eventId: string): Loadable<EventData> {
  const events = useQuery('listEvents', {});
  const event = useQuery('getEvent', { eventId });
  const categories = useQuery('listCategories', { eventId });
  const nominees = useQuery('listNominees', { eventId });
  for (const part of [events, event, categories, nominees]) if (part.status === 'error') return { status: 'error', error: part.error };
  if (events.status !== 'ready' || event.status !== 'ready' || categories.status !== 'ready' || nominees.status !== 'ready') {
    return { status: 'loading' };
  }
  const summary = events.value.find((e) => e.id === eventId)!;
  return { status: 'ready', value: { summary, event: event.value, categories: categories.value, nominees: nominees.value } };
}

export function EventScreen({ eventId, onBack }: Props) {
  const { t, i18n } = useTranslation();
  // Read again when a change makes them stale (a new revision, a juror chosen): see INVALIDATES in queries.ts.
  const data = useEventData(eventId);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = data.status === 'ready';
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, eventId]);

  if (data.status === 'loading') return <p aria-busy="true">{t('start.loading')}</p>;
  if (data.status === 'error') {
    return (
      <>
        <ErrorNotice error={data.error} />
        <button type="button" onClick={onBack}>
          {t('event.back')}
        </button>
      </>
    );
  }
  const { event, summary } = data.value;
  const lang = i18n.language;

  return (
    <article className="event" aria-labelledby="event-title">
      <div className="event-top">
        <button type="button" onClick={onBack}>
          ← {t('event.back')}
        </button>
        <span className="badge">
          {t('event.roleBadge', { role: t(`start.role.${summary.source === 'package' ? 'juri' : 'sekretariat'}`) })}
        </span>
      </div>
      <h1 id="event-title" ref={heading} tabIndex={-1}>
        {event.name}
      </h1>
      <p className="meta">
        {t('event.meta', {
          year: event.yearHeld,
          start: formatDate(event.periodAssessed.start, lang),
          end: formatDate(event.periodAssessed.end, lang),
          place: event.place,
        })}
        {' · '}
        {t(`start.source.${summary.source}`, { revision: summary.revision })}
        {' · '}
        <span data-testid="time-zone">
          {t('event.timeZone', { zone: zoneAbbreviation(eventTimeZone(event)), name: eventTimeZone(event) })}
        </span>
      </p>
      {data.value.nominees.some((n) => n.fictional) && <p className="notice notice-warning">{t('event.demoWarning')}</p>}

      {/* What the event is decides the screen: one received as a package is scored here; one authored here is prepared here. */}
      {summary.source === 'package' ? <JurorEvent data={data.value} /> : <SecretariatEvent data={data.value} />}
    </article>
  );
}
