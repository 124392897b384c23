import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResumeResult } from '../../../api/contract.ts';
import { mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Working } from '../../components/Working.tsx';
import { formatDateTime, pick } from '../../i18n/index.ts';

/**
 * "Lanjutkan dari lembar sendiri" (issue 21): on a new laptop, once the package carries its key, the juror
 * takes back the marks of their own last signed sheet(s), even one signed with the old laptop's key (the
 * package's key change binds it to them). Each mark comes back as a history row naming the sheet.
 */
export function ResumePanel({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Read again after a new package revision and after resuming (INVALIDATES.importPackage, .resumeFromSheets).
  const status = useQuery('resumeStatus', { eventId });
  const action = useAction();
  const busy = action.busy;
  const [result, setResult] = useState<ResumeResult | null>(null);
  if (status.status !== 'ready') return status.status === 'error' ? <ErrorNotice error={status.error} /> : null;
  const s = status.value;
  if (!s.jurorId) return null;
  return (
    // Collapsed until it matters: open once the package binds an old key to this juror (a replaced laptop), or after resuming.
    <details className="panel" data-testid="resume" open={(s.ready && s.previousKeys.length > 0) || s.resumed.length > 0 || undefined}>
      <summary id="resume-title">{t('continuity.resume.title')}</summary>
      <p>{t('continuity.resume.intro')}</p>
      {!s.ready && <p className="notice">{t('continuity.resume.notReady')}</p>}
      {s.ready && s.previousKeys.length > 0 && (
        <p className="hint">{t('continuity.resume.previousKeys', { list: s.previousKeys.join('; ') })}</p>
      )}
      {s.ready && (
        <FilePicker
          label={t('continuity.resume.pick')}
          accept=".xlsx"
          multiple
          busy={busy}
          onFiles={async (files) => {
            setResult(null);
            setResult((await action.run(() => mutate('resumeFromSheets', { eventId, files }))) ?? null);
          }}
        />
      )}
      {busy && <Working what={t('continuity.resume.working')} />}
      {result && (
        <div className="notice" role="status" data-testid="resume-result">
          <p>
            {t('continuity.resume.done', {
              marks: result.marks,
              unchanged: result.unchanged,
              notes: result.notes,
              next: result.nextSheetRevision,
            })}
          </p>
          {result.finalized.length > 0 && <p>{t('continuity.resume.finalized', { count: result.finalized.length })}</p>}
          {result.notFinalized.map((n, i) => (
            <p key={i} className="hint">
              {pick(n.reason, lang)}
            </p>
          ))}
          {result.notAdmitted > 0 && <p className="hint">{t('continuity.resume.notAdmitted', { count: result.notAdmitted })}</p>}
        </div>
      )}
      {s.resumed.length > 0 && (
        <ul className="resumed" data-testid="resumed-sheets">
          {s.resumed.map((r, i) => (
            <li key={i}>
              {t('continuity.resume.sheet', {
                file: r.fileName,
                revision: r.sheetRevision,
                marks: r.marks,
                when: formatDateTime(r.resumedAt, lang, timeZone),
              })}{' '}
              <span className="fingerprint">{r.signedWith}</span>
              {r.previousKey && <> · {t('continuity.resume.oldKey')}</>}
            </li>
          ))}
        </ul>
      )}
      {s.nextSheetRevision !== null && s.resumed.length > 0 && (
        <p className="hint">{t('continuity.resume.next', { revision: s.nextSheetRevision })}</p>
      )}
      <ErrorNotice error={action.error} />
    </details>
  );
}
