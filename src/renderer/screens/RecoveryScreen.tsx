import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../core/model.ts';
import { mutate, useAction } from '../api.ts';
import { BackupPanel } from '../components/BackupPanel.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { pick } from '../i18n/index.ts';

/**
 * Shown instead of everything else when the workspace file could not be opened at start: restore a
 * backup, or (when none will do) start a new workspace, the damaged file kept beside it.
 */
export function RecoveryScreen({ problem, onRestored }: { problem: Bilingual; onRestored(): void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const startNew = async () => {
    if ((await action.run(() => mutate('startNewWorkspace', {}))) !== undefined) onRestored();
  };
  return (
    <section className="start" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('backup.damagedTitle')}</h1>
      <div className="notice notice-error" role="alert">
        <p>{pick(problem, i18n.language)}</p>
      </div>
      <BackupPanel damaged onRestored={onRestored} />
      <section className="panel" aria-labelledby="start-new-title">
        <h2 id="start-new-title">{t('backup.startNewTitle')}</h2>
        <p>{t('backup.startNewIntro')}</p>
        {confirming ? (
          <div className="actions" role="group" aria-label={t('backup.startNewTitle')}>
            <button type="button" className="primary" onClick={() => void startNew()}>
              {t('backup.startNewYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('backup.confirmNo')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('backup.startNew')}
          </button>
        )}
        <ErrorNotice error={action.error} />
      </section>
    </section>
  );
}
