import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary, FileData } from '../../../api/contract.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { pick } from '../../i18n/index.ts';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';
import { useApi } from '../../use-api.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** The signed event package for jurors' laptops: the current revision, signed with the secretariat's key. */
export function PackageView({ summary }: { summary: EventSummary }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  // Issue 17: the files of the documents sheet Dokumen lists, picked here, bundled by name into the package.
  const event = useApi(() => api.getEvent({ eventId: summary.id }), [summary.id, summary.revision]);
  const listed = event.status === 'ready' ? (event.value.documents ?? []) : [];
  const [picked, setPicked] = useState<FileData[]>([]);
  const [exported, setExported] = useState<string | null>(null);
  const enrolments = useApi(() => api.listEnrolments({ eventId: summary.id }), [summary.id, summary.revision]);
  const unconfirmed = enrolments.status === 'ready' ? enrolments.value.filter((e) => !e.confirmedAt).map((e) => e.jurorId) : [];
  const exportPackage = async () => {
    setError(null);
    setExported(null);
    try {
      const byName = new Map(picked.map((f) => [f.fileName, f.base64]));
      const documents = listed.flatMap((d) =>
        byName.has(d.fileName) ? [{ nomineeId: d.nomineeId, fileName: d.fileName, base64: byName.get(d.fileName)! }] : [],
      );
      const file = await api.exportPackage({ eventId: summary.id, documents });
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
      <KeyPanel
        onChange={() => {
          setError(null);
          document.getElementById('export-package')?.focus(); // a key now signs: exporting is the next step
        }}
      />
      <RecoveryKeyPanel eventId={summary.id} /> {/* issue 21: the recovery key, its code given once */}
      {listed.length > 0 && (
        <div className="package-documents">
          <FilePicker
            label={pick(
              {
                id: `Dokumen nominasi (${listed.length} tercantum di sheet Dokumen; PDF, JPG, PNG)`,
                en: `Nominees' documents (${listed.length} listed in sheet Dokumen; PDF, JPG, PNG)`,
              },
              i18n.language,
            )}
            accept=".pdf,.jpg,.jpeg,.png"
            multiple
            onFiles={(files) => setPicked((before) => [...before.filter((b) => !files.some((f) => f.fileName === b.fileName)), ...files])}
          />
          <p className="hint" data-testid="package-documents">
            {pick(
              {
                id: `${listed.filter((d) => picked.some((f) => f.fileName === d.fileName)).length} dari ${listed.length} dokumen dipilih`,
                en: `${listed.filter((d) => picked.some((f) => f.fileName === d.fileName)).length} of ${listed.length} documents picked`,
              },
              i18n.language,
            )}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" id="export-package" onClick={exportPackage}>
          {t('package.export')}
        </button>
        {exported && <span role="status">{t('package.exported', { file: exported })}</span>}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
