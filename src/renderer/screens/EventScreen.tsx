import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary, EventSummary, NomineeRow } from '../../api/contract.ts';
import { eventTimeZone, zoneAbbreviation } from '../../core/local-time.ts';
import type { Event } from '../../core/model.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDate } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import { JurorEvent } from './juror/JurorEvent.tsx';
import { SecretariatEvent } from './secretariat/SecretariatEvent.tsx';

interface Props {
  eventId: string;
  onBack(): void;
}

/** Everything the event screens show, loaded together and reloaded after a change. */
export interface EventData {
  summary: EventSummary;
  event: Event;
  categories: CategorySummary[];
  nominees: NomineeRow[];
}

export function EventScreen({ eventId, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const data = useApi<EventData>(async () => {
    const [events, event, categories, nominees] = await Promise.all([
      api.listEvents({}),
      api.getEvent({ eventId }),
      api.listCategories({ eventId }),
      api.listNominees({ eventId }),
    ]);
    const summary = events.find((e) => e.id === eventId)!;
    return { summary, event, categories, nominees };
  }, [eventId, version]);
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
  const reload = () => setVersion((v) => v + 1);

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
      {summary.source === 'package' ? (
        <JurorEvent data={data.value} onChanged={reload} />
      ) : (
        <SecretariatEvent data={data.value} onChanged={reload} />
      )}
    </article>
  );
}
