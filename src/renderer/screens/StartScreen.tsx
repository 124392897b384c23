import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useApi } from '../use-api.ts';

export type Role = 'juri' | 'sekretariat';
const ROLES: Role[] = ['juri', 'sekretariat'];

interface Props {
  role: Role;
  onRoleChange(role: Role): void;
  onOpenEvent(eventId: string): void;
}

export function StartScreen({ role, onRoleChange, onOpenEvent }: Props) {
  const { t } = useTranslation();
  const events = useApi(() => api.listEvents({}), []);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const openDemo = async () => {
    setOpening(true);
    setError(null);
    try {
      const demo = await api.loadDemoEvent({});
      onOpenEvent(demo.id);
    } catch (failure) {
      setError(failure);
      setOpening(false);
    }
  };

  return (
    <section className="start" aria-labelledby="start-title">
      <h1 id="start-title">{t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>

      <fieldset className="roles">
        <legend>{t('start.roleLegend')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="role-card">
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => onRoleChange(r)} />
            <span className="role-name">{t(`start.role.${r}`)}</span>
            <span className="role-hint">{t(`start.role.${r}Hint`)}</span>
          </label>
        ))}
      </fieldset>

      <div className="actions">
        <button type="button" className="primary" onClick={openDemo} disabled={opening} aria-describedby="demo-hint">
          {opening ? t('start.loading') : t('start.openDemo')}
        </button>
        <p id="demo-hint" className="hint">{t('start.openDemoHint')}</p>
      </div>
      {error !== null && <ErrorNotice error={error} />}

      {events.status === 'error' && <ErrorNotice error={events.error} />}
      {events.status === 'ready' && events.value.length > 0 && (
        <section aria-labelledby="existing-title">
          <h2 id="existing-title">{t('start.existing')}</h2>
          <ul className="event-list">
            {events.value.map((event) => (
              <li key={event.id}>
                <span>
                  <strong>{event.name}</strong>
                  <br />
                  <small>{t('start.summary', { categories: event.categoryCount, nominees: event.nomineeCount, jurors: event.jurorCount })}</small>
                </span>
                <button type="button" onClick={() => onOpenEvent(event.id)} aria-label={`${t('start.open')}: ${event.name}`}>
                  {t('start.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
