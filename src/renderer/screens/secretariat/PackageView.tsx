import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../api/contract.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';
import { useApi } from '../../use-api.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** The signed event package for jurors' laptops: the current revision, signed with the secretariat's key. */
export function PackageView({ summary }: { summary: EventSummary }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const enrolments = useApi(() => api.listEnrolments({ eventId: summary.id }), [summary.id, summary.revision]);
  const unconfirmed = enrolments.status === 'ready' ? enrolments.value.filter((e) => !e.confirmedAt).map((e) => e.jurorId) : [];
  const exportPackage = async () => {
    setError(null);
    setExported(null);
    try {
      const file = await api.exportPackage({ eventId: summary.id });
      saveFileData(file);
      setExported(file.fileName);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <p>{t('package.intro', { revision: summary.revision })}</p>
      {enrolments.status === 'ready' && (
        <p data-testid="package-keys">
          {t('package.keys', { count: enrolments.value.length, jurors: summary.jurorCount })}
          {unconfirmed.length > 0 && <> {t('package.unconfirmed', { list: unconfirmed.join(', ') })}</>}
        </p>
      )}
      <KeyPanel onChange={() => {
        setError(null);
        document.getElementById('export-package')?.focus(); // a key now signs: exporting is the next step
      }} />
      <RecoveryKeyPanel eventId={summary.id} /> {/* issue 21: the recovery key, its code given once */}
      <div className="actions">
        <button type="button" className="primary" id="export-package" onClick={exportPackage}>{t('package.export')}</button>
        {exported && <span role="status">{t('package.exported', { file: exported })}</span>}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
