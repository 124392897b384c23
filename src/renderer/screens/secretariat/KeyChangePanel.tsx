import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileData } from '../../../api/contract.ts';
import { mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { formatDateTime } from '../../i18n/index.ts';

/**
 * A juror's key change (issue 21): re-enrolling a juror from a new laptop (the old one lost or broken), with a
 * reason; and every key change recorded, with the sheets each key signed and how the reconciliation uses them
 * (the old key's superseded, not in conflict). `reenrol` shows the form; without it, the list only.
 */
export function KeyChangePanel({ eventId, timeZone, reenrol = false }: { eventId: string; timeZone: string; reenrol?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Read again after a re-enrolment, and after sheets come in (INVALIDATES.reenrolJuror, .importSheet, …).
  const changes = useQuery('jurorKeyChanges', { eventId });
  const [file, setFile] = useState<FileData | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setDone(null);
    const result = await action.run(() => mutate('reenrolJuror', { eventId, file, reason }));
    if (!result) return;
    setDone(t('continuity.keyChange.done', { juror: result.enrolment.jurorId, fingerprint: result.enrolment.fingerprint }));
    setFile(null);
    setReason('');
  };
  const list = changes.status === 'ready' ? changes.value : [];
  if (!reenrol && list.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`key-change-title-${reenrol ? 'form' : 'list'}`} data-testid="key-changes">
      <h2 id={`key-change-title-${reenrol ? 'form' : 'list'}`}>{t('continuity.keyChange.title')}</h2>
      {reenrol && (
        <>
          <p>{t('continuity.keyChange.intro')}</p>
          <FilePicker label={t('continuity.keyChange.pick')} accept=".timbang-enrol" onFiles={([picked]) => setFile(picked)} />
          {file && (
            <form className="inline-form" onSubmit={submit}>
              <span>{t('continuity.move.chosen', { file: file.fileName })}</span>
              <label>
                {t('continuity.keyChange.reason')}
                <input value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="submit" className="primary" disabled={reason.trim().length < 3}>
                {t('continuity.keyChange.submit')}
              </button>
            </form>
          )}
          {done && (
            <p className="notice" role="status">
              {done}
            </p>
          )}
        </>
      )}
      {changes.status === 'error' && <ErrorNotice error={changes.error} />}
      {list.map((change, i) => (
        <div key={i} className="key-change" data-juror={change.jurorId}>
          <p>
            <strong>
              {t('continuity.keyChange.changed', {
                juror: change.jurorId,
                when: formatDateTime(change.changedAt, lang, timeZone),
                reason: change.reason,
              })}
            </strong>
            <br />
            {t('continuity.keyChange.old')}: <span className="fingerprint">{change.previousFingerprint}</span> →{' '}
            {t('continuity.keyChange.new')}: <span className="fingerprint">{change.nextFingerprint}</span>
            <br />
            <small>{t('continuity.keyChange.continues', { revision: change.continuesAfterRevision })}</small>
          </p>
          {change.sheets.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('continuity.keyChange.file')}</th>
                  <th scope="col" className="num">
                    {t('continuity.keyChange.revision')}
                  </th>
                  <th scope="col">{t('continuity.keyChange.key')}</th>
                  <th scope="col">{t('continuity.keyChange.use')}</th>
                </tr>
              </thead>
              <tbody>
                {change.sheets.map((sheet, j) => (
                  <tr key={j}>
                    <td>{sheet.fileName}</td>
                    <td className="num">{sheet.sheetRevision ?? '—'}</td>
                    <td>{t(sheet.key === 'previous' ? 'continuity.keyChange.old' : 'continuity.keyChange.new')}</td>
                    <td>{t(`continuity.keyChange.uses.${sheet.use}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      <ErrorNotice error={action.error} />
    </section>
  );
}
