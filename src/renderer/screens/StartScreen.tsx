import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventChanges, FileData, TemplateImportResult } from '../../api/contract.ts';
import { api } from '../api.ts';
import { BackupPanel } from '../components/BackupPanel.tsx';
import { ChangesConfirm } from '../components/ChangesConfirm.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { TemplateIssues } from '../components/TemplateIssues.tsx';
import { saveFileData } from '../files.ts';
import { useApi } from '../use-api.ts';

export type Role = 'juri' | 'sekretariat';
const ROLES: Role[] = ['juri', 'sekretariat'];

interface Props {
  role: Role;
  onRoleChange(role: Role): void;
  onOpenEvent(eventId: string): void;
  onRestored(): void;
}

export function StartScreen({ role, onRoleChange, onOpenEvent, onRestored }: Props) {
  const { t } = useTranslation();
  const events = useApi(() => api.listEvents({}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rejected, setRejected] = useState<Extract<TemplateImportResult, { status: 'invalid' }> | null>(null);
  const [pending, setPending] = useState<{ file: FileData; changes: EventChanges } | null>(null);

  /** Runs an action, showing its error if it fails; the screen stays as it was. */
  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setRejected(null);
    setPending(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const importTemplate = async (file: FileData, replace: boolean) => {
    const result = await api.importEventTemplate({ ...file, replace });
    if (result.status === 'imported') onOpenEvent(result.event.id);
    else if (result.status === 'invalid') setRejected(result);
    else setPending({ file, changes: result.changes });
  };

  const openDemo = () => attempt(async () => onOpenEvent((await api.loadDemoEvent({ role })).id));

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
        <button type="button" className="primary" onClick={openDemo} disabled={busy} aria-describedby="demo-hint">
          {busy ? t('start.loading') : t('start.openDemo')}
        </button>
        <p id="demo-hint" className="hint">{t('start.openDemoHint')}</p>
      </div>

      {role === 'sekretariat' ? (
        <section className="panel" aria-labelledby="setup-title">
          <h2 id="setup-title">{t('template.title')}</h2>
          <p>{t('template.intro')}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => attempt(async () => saveFileData(await api.eventTemplate({ example: false })))}>
              {t('template.downloadEmpty')}
            </button>
            <button type="button" disabled={busy} onClick={() => attempt(async () => saveFileData(await api.eventTemplate({ example: true })))}>
              {t('template.downloadExample')}
            </button>
            <FilePicker
              label={t('template.import')}
              accept=".xlsx"
              busy={busy}
              onFiles={([file]) => attempt(() => importTemplate(file, false))}
            />
          </div>
        </section>
      ) : (
        <section className="panel" aria-labelledby="package-title">
          <h2 id="package-title">{t('package.receiveTitle')}</h2>
          <p>{t('package.receiveIntro')}</p>
          <FilePicker
            label={t('package.import')}
            accept=".timbang"
            busy={busy}
            onFiles={([file]) => attempt(async () => onOpenEvent((await api.importPackage(file)).event.id))}
          />
        </section>
      )}
      {rejected && <TemplateIssues fileName={rejected.fileName} issues={rejected.issues} />}
      {pending && (
        <ChangesConfirm
          fileName={pending.file.fileName}
          changes={pending.changes}
          onReplace={() => attempt(() => importTemplate(pending.file, true))}
          onCancel={() => setPending(null)}
        />
      )}
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
                  <small>
                    {t('start.summary', { categories: event.categoryCount, nominees: event.nomineeCount, jurors: event.jurorCount })} ·{' '}
                    {t(`start.source.${event.source}`, { revision: event.revision })}
                  </small>
                </span>
                <button type="button" onClick={() => onOpenEvent(event.id)} aria-label={`${t('start.open')}: ${event.name}`}>
                  {t('start.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <details className="panel">
        <summary>{t('backup.title')}</summary>
        <p>{t('backup.intro')}</p>
        <BackupPanel damaged={false} onRestored={onRestored} />
      </details>
    </section>
  );
}
