import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../core/model.ts';
import { BackupPanel } from '../components/BackupPanel.tsx';
import { pick } from '../i18n/index.ts';

/** Shown instead of everything else when the workspace file could not be opened at start. */
export function RecoveryScreen({ problem, onRestored }: { problem: Bilingual; onRestored(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="start" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('backup.damagedTitle')}</h1>
      <div className="notice notice-error" role="alert">
        <p>{pick(problem, i18n.language)}</p>
      </div>
      <BackupPanel damaged onRestored={onRestored} />
    </section>
  );
}
