import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary, FileData } from '../../../api/contract.ts';
import { api, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** The signed event package for jurors' laptops: the current revision, signed with the secretariat's key. */
export function PackageView({ summary }: { summary: EventSummary }) {
  const { t } = useTranslation();
  const action = useAction();
  // Issue 17: the files of the documents sheet Dokumen lists, picked here, bundled by name into the package.
  const event = useQuery('getEvent', { eventId: summary.id });
  const listed = event.status === 'ready' ? (event.value.documents ?? []) : [];
  const [picked, setPicked] = useState<FileData[]>([]);
  const [exported, setExported] = useState<string | null>(null);
  const enrolments = useQuery('listEnrolments', { eventId: summary.id });
  const unconfirmed = enrolments.status === 'ready' ? enrolments.value.filter((e) => !e.confirmedAt).map((e) => e.jurorId) : [];
  const exportPackage = async () => {
    setExported(null);
    const byName = new Map(picked.map((f) => [f.fileName, f.base64]));
    const documents = listed.flatMap((d) =>
      byName.has(d.fileName) ? [{ nomineeId: d.nomineeId, fileName: d.fileName, base64: byName.get(d.fileName)! }] : [],
    );
    const file = await action.run(() => api.exportPackage({ eventId: summary.id, documents }));
    if (!file) return;
    saveFileData(file);
    setExported(file.fileName);
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
          action.clear();
          document.getElementById('export-package')?.focus(); // a key now signs: exporting is the next step
        }}
      />
      <RecoveryKeyPanel eventId={summary.id} /> {/* issue 21: the recovery key, its code given once */}
      {listed.length > 0 && (
        <div className="package-documents">
          <FilePicker
            label={t('package.documentsPick', { listed: listed.length })}
            accept=".pdf,.jpg,.jpeg,.png"
            multiple
            onFiles={(files) => setPicked((before) => [...before.filter((b) => !files.some((f) => f.fileName === b.fileName)), ...files])}
          />
          <p className="hint" data-testid="package-documents">
            {t('package.documentsPicked', {
              picked: listed.filter((d) => picked.some((f) => f.fileName === d.fileName)).length,
              listed: listed.length,
            })}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" id="export-package" onClick={exportPackage}>
          {t('package.export')}
        </button>
        {exported && <span role="status">{t('package.exported', { file: exported })}</span>}
      </div>
      <ErrorNotice error={action.error} />
    </>
  );
}
