import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../api/contract.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';

/** The signed event package for jurors' laptops: the current revision, signed with the secretariat's key. */
export function PackageView({ summary }: { summary: EventSummary }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const exportPackage = async () => {
    setError(null);
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
      <KeyPanel />
      <div className="actions">
        <button type="button" className="primary" onClick={exportPackage}>{t('package.export')}</button>
        {exported && <span role="status">{t('package.exported', { file: exported })}</span>}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
