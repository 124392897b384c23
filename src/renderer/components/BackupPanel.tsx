import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../api/contract.ts';
import { mutate, useAction, useQuery } from '../api.ts';
import { formatDateTime } from '../i18n/index.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

interface Props {
  /** The workspace could not be opened: nothing in it can be lost, so the newest backup is offered at once. */
  damaged: boolean;
  onRestored(): void;
}

/**
 * The workspace's backups (taken on finalize, sheet export and sheet import), newest first, each of which
 * can be put back. Each restore first keeps the state it replaces as a backup of its own, listed here
 * too, so restoring that one undoes the restore.
 */
export function BackupPanel({ damaged, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const backups = useQuery('listBackups', {});
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const action = useAction();
  // Busy from the click until the screens start again (a restore that worked leaves this panel).
  const [restoring, setRestoring] = useState(false);
  const busy = action.busy || restoring;

  const restore = async (backup: BackupInfo) => {
    // Every read is made again (INVALIDATES.restoreBackup: '*').
    const status = await action.run(async () => {
      const answer = await mutate('restoreBackup', { name: backup.name });
      if (answer.problem) throw new Error(answer.problem[i18n.language === 'en' ? 'en' : 'id']);
      return answer;
    });
    if (!status) return;
    setRestoring(true);
    onRestored();
  };
  const when = (backup: BackupInfo) => formatDateTime(backup.takenAt, i18n.language);
  const why = (backup: BackupInfo) => t(`backup.reason.${backup.reason}`, { defaultValue: backup.reason });

  if (backups.status === 'loading') return <p>{t('start.loading')}</p>;
  if (backups.status === 'error') return <ErrorNotice error={backups.error} />;
  const [latest] = backups.value;
  return (
    <div className="backups">
      {!latest && <p>{t('backup.none')}</p>}
      {latest && damaged && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void restore(latest)}>
            {t('backup.restoreLatest', { when: when(latest) })}
          </button>
        </div>
      )}
      {latest && (
        <table className="backup-table">
          <caption>{t('backup.listCaption', { count: backups.value.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.when')}</th>
              <th scope="col">{t('backup.why')}</th>
              <th scope="col">{t('backup.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backup.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.value.map((backup) => (
              <tr key={backup.name}>
                <td>{when(backup)}</td>
                <td>{why(backup)}</td>
                <td>{t('backup.kib', { size: Math.ceil(backup.sizeBytes / 1024) })}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => (damaged ? void restore(backup) : setConfirming(backup))}
                    aria-label={`${t('backup.restore')}: ${when(backup)}`}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <div className="notice" role="alertdialog" aria-labelledby="restore-confirm">
          <p id="restore-confirm">{t('backup.confirm', { when: when(confirming) })}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirming)}>
              {t('backup.confirmYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              {t('backup.confirmNo')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={action.error} />
    </div>
  );
}
