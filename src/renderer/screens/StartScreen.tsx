import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventChanges, FileData, TemplateImportResult } from '../../api/contract.ts';
import { api, mutate, useAction, useQuery } from '../api.ts';
import { BackupPanel } from '../components/BackupPanel.tsx';
import { ContinuityStart } from '../components/ContinuityStart.tsx';
import { ChangesConfirm } from '../components/ChangesConfirm.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { TemplateIssues } from '../components/TemplateIssues.tsx';
import { saveFileData } from '../files.ts';

export type Role = 'juri' | 'sekretariat';
const ROLES: Role[] = ['juri', 'sekretariat'];

interface Props {
  role: Role;
  onRoleChange(role: Role): void;
  onOpenEvent(eventId: string): void;
  onRestored(): void;
  /** The event opened last on this computer: offered first, as "continue where I was". */
  lastEventId?: string | null;
  /** The event the user just came back from: its button takes the keyboard. */
  returnedFrom?: string | null;
}

export function StartScreen({ role, onRoleChange, onOpenEvent, onRestored, lastEventId = null, returnedFrom = null }: Props) {
  const { t } = useTranslation();
  const events = useQuery('listEvents', {});
  const continueList = useRef<HTMLUListElement>(null);
  // A returning user's own events come first (the one opened last at the top), above the demo.
  const known =
    events.status === 'ready'
      ? [...events.value].sort(
          (a, b) => Number(b.id === lastEventId) - Number(a.id === lastEventId) || b.revisedAt.localeCompare(a.revisedAt),
        )
      : [];
  const returning = known.length > 0;
  useEffect(() => {
    if (!returnedFrom || !returning) return;
    continueList.current?.querySelector<HTMLElement>(`[data-event="${CSS.escape(returnedFrom)}"] button`)?.focus();
  }, [returnedFrom, returning]);
  const action = useAction();
  const busy = action.busy;
  const [rejected, setRejected] = useState<Extract<TemplateImportResult, { status: 'invalid' }> | null>(null);
  const [pending, setPending] = useState<{ file: FileData; changes: EventChanges } | null>(null);

  /** Runs an action, showing its error if it fails; the screen stays as it was. */
  const attempt = async (work: () => Promise<void>) => {
    setRejected(null);
    setPending(null);
    await action.run(work);
  };

  const importTemplate = async (file: FileData, replace: boolean) => {
    const result = await mutate('importEventTemplate', { ...file, replace });
    if (result.status === 'imported') onOpenEvent(result.event.id);
    else if (result.status === 'invalid') setRejected(result);
    else setPending({ file, changes: result.changes });
  };

  const openDemo = () => attempt(async () => onOpenEvent((await mutate('loadDemoEvent', { role })).id));

  return (
    <section className="start" aria-labelledby="start-title">
      <h1 id="start-title">{t('start.title')}</h1>
      {events.status === 'error' && <ErrorNotice error={events.error} />}
      {returning && (
        <section className="continue panel" aria-labelledby="existing-title" data-testid="continue">
          <h2 id="existing-title">{t('start.existing')}</h2>
          <ul className="event-list" ref={continueList}>
            {known.map((event, i) => (
              <li key={event.id} data-event={event.id}>
                <span>
                  <strong>{event.name}</strong>
                  <br />
                  <small>
                    {t('start.summary', { categories: event.categoryCount, nominees: event.nomineeCount, jurors: event.jurorCount })} ·{' '}
                    {t(`start.source.${event.source}`, { revision: event.revision })}
                  </small>
                </span>
                <button
                  type="button"
                  className={i === 0 ? 'primary' : undefined}
                  onClick={() => onOpenEvent(event.id)}
                  aria-label={`${t('start.open')}: ${event.name}`}
                >
                  {t('start.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
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
        <button type="button" className={returning ? undefined : 'primary'} onClick={openDemo} disabled={busy} aria-describedby="demo-hint">
          {busy ? t('start.loading') : t('start.openDemo')}
        </button>
        <p id="demo-hint" className="hint">
          {t('start.openDemoHint')}
        </p>
      </div>
      {role === 'sekretariat' ? (
        <section className="panel" aria-labelledby="setup-title">
          <h2 id="setup-title">{t('template.title')}</h2>
          <p>{t('template.intro')}</p>
          <div className="actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => attempt(async () => saveFileData(await api.eventTemplate({ example: false })))}
            >
              {t('template.downloadEmpty')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => attempt(async () => saveFileData(await api.eventTemplate({ example: true })))}
            >
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
            onFiles={([file]) => attempt(async () => onOpenEvent((await mutate('importPackage', file)).event.id))}
          />
        </section>
      )}
      {rejected && <TemplateIssues fileName={rejected.fileName} issues={rejected.issues} />}
      {pending && (
        <ChangesConfirm
          fileName={pending.file.fileName}
          changes={pending.changes}
          eventName={known.find((e) => e.id === pending.changes.eventId)?.name}
          onReplace={() => attempt(() => importTemplate(pending.file, true))}
          onCancel={() => setPending(null)}
        />
      )}
      <ErrorNotice error={action.error} />
      <ContinuityStart role={role} onMoved={onRestored} onOpenEvent={onOpenEvent} />{' '}
      {/* issue 21: runbook, moving a workspace, a lost secretariat key */}
      <details className="panel">
        <summary>{t('backup.title')}</summary>
        <p>{t('backup.intro')}</p>
        <BackupPanel damaged={false} onRestored={onRestored} />
      </details>
    </section>
  );
}
