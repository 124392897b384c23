import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary, NomineeRow } from '../../api/contract.ts';
import type { Event } from '../../core/model.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDate, pick } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import type { Role } from './StartScreen.tsx';

interface Props {
  eventId: string;
  role: Role;
  onBack(): void;
}

interface EventData {
  event: Event;
  categories: CategorySummary[];
  nominees: NomineeRow[];
}

/** An event as read from the workspace: its categories with their nominees, and the jury. */
export function EventScreen({ eventId, role, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const data = useApi<EventData>(
    async () => {
      const [event, categories, nominees] = await Promise.all([
        api.getEvent({ eventId }),
        api.listCategories({ eventId }),
        api.listNominees({ eventId }),
      ]);
      return { event, categories, nominees };
    },
    [eventId],
  );
  const [categoryFilter, setCategoryFilter] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data.status]);

  if (data.status === 'loading') return <p aria-busy="true">{t('start.loading')}</p>;
  if (data.status === 'error') {
    return (
      <>
        <ErrorNotice error={data.error} />
        <button type="button" onClick={onBack}>{t('event.back')}</button>
      </>
    );
  }
  const { event, categories, nominees } = data.value;
  const lang = i18n.language;
  const shown = categories.filter((c) => !categoryFilter || c.id === categoryFilter);
  const hasFictional = nominees.some((n) => n.fictional);

  return (
    <article className="event" aria-labelledby="event-title">
      <div className="event-top">
        <button type="button" onClick={onBack}>← {t('event.back')}</button>
        <span className="badge">{t('event.roleBadge', { role: t(`start.role.${role}`) })}</span>
      </div>
      <h1 id="event-title" ref={heading} tabIndex={-1}>{event.name}</h1>
      <p className="meta">
        {t('event.meta', { year: event.yearHeld, start: formatDate(event.periodAssessed.start, lang), end: formatDate(event.periodAssessed.end, lang), place: event.place })}
      </p>
      {hasFictional && <p className="notice notice-warning">{t('event.demoWarning')}</p>}

      <div className="toolbar">
        <label>
          {t('event.categoryFilter')}{' '}
          <select value={categoryFilter} onChange={(e) => setCategoryFilter(e.target.value)}>
            <option value="">{t('event.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>{pick(c.name, lang)}</option>
            ))}
          </select>
        </label>
        <span className="totals" data-testid="event-totals">
          {t('event.totals', { categories: categories.length, nominees: nominees.length })}
        </span>
      </div>

      {shown.map((category) => {
        const rows = nominees.filter((n) => n.categoryId === category.id);
        return (
          <section key={category.id} className="category" aria-labelledby={`cat-${category.id}`} data-category={category.id}>
            <h2 id={`cat-${category.id}`}>
              {pick(category.name, lang)} <small>({t('event.nomineeCount', { count: category.nomineeCount })})</small>
            </h2>
            <table className="nominees">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('event.column.number')}</th>
                  <th scope="col">{t('event.column.name')}</th>
                  <th scope="col">{t('event.column.region')}</th>
                  <th scope="col">{t('event.column.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((nominee, index) => (
                  <tr key={nominee.id} data-nominee={nominee.id}>
                    <td className="num">{index + 1}</td>
                    <th scope="row">{nominee.name}{nominee.fictional ? ' †' : ''}</th>
                    <td>{nominee.region}</td>
                    <td>{nominee.fictional ? t('event.fictional') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}

      <section aria-labelledby="jurors-title">
        <h2 id="jurors-title">{t('event.jurors')}</h2>
        <ol className="jurors">
          {event.jurors.map((juror) => (
            <li key={juror.id}>
              <strong>{juror.id}</strong> · {t(`jurorRole.${juror.role}`)} · {juror.title} — {juror.institution}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
