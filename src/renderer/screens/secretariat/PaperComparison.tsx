import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { api, mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';
import { pick } from '../../i18n/index.ts';

/** SHA-256 (hex) of a file's bytes, computed here: only the hash leaves the browser. */
async function sha256(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The two entries of one paper form side by side where they differ (the API gives them only once both are
 * in), each resolved against the paper with a reason; then the form is signed into a paper sheet with the
 * secretariat's key, optionally with the hash of a scan or photo of the paper.
 */
export function PaperComparison({ event, keyingId }: { event: Event; keyingId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Read again after each resolution and the signature (INVALIDATES.paperResolve, .paperSign); the key once opened.
  const loaded = useQuery('paperComparison', { eventId: event.id, keyingId });
  const key = useQuery('keyStatus', {});
  const [resolvedBy, setResolvedBy] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [scan, setScan] = useState<{ file: string; hash: string } | null>(null);
  const [signed, setSigned] = useState<Output<'paperSign'> | null>(null);
  const action = useAction();

  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  if (loaded.status !== 'ready') return null;
  const comparison = loaded.value;
  const { form, keying, operators } = comparison;
  const nominee = (id: string | null) => form.nominees.find((n) => n.id === id)?.name ?? id ?? '';
  const shown = (value: string | null) =>
    value === null || value === '' ? t('paper.compare.blank') : value.replace('.', lang === 'en' ? '.' : ',');
  const open = comparison.cells.filter((c) => c.resolution === null).length;

  const resolve = (cell: string) =>
    action.run(() =>
      mutate('paperResolve', { eventId: event.id, keyingId, cell, value: values[cell] ?? '', reason: reasons[cell] ?? '', resolvedBy }),
    );
  const sign = async () => {
    const answer = await action.run(() => mutate('paperSign', { eventId: event.id, keyingId, ...(scan ? { scanSha256: scan.hash } : {}) }));
    if (answer) setSigned(answer);
  };

  return (
    <section className="panel" aria-labelledby="paper-compare-title" data-testid="paper-comparison">
      <h2 id="paper-compare-title">{t('paper.compare.title', { form: keying.formNumber })}</h2>
      <p>
        {form.jurorId} · {pick(form.roundName, lang)} · {pick(form.categoryName, lang)}
      </p>
      <p data-testid="paper-compare-summary">
        {t('paper.compare.summary', {
          agreed: comparison.agreed,
          total: comparison.total,
          count: comparison.cells.length,
          a: operators[0],
          b: operators[1],
        })}
      </p>
      {comparison.cells.length > 0 && (
        <>
          {keying.state !== 'signed' && (
            <label>
              {t('paper.compare.resolvedBy')}{' '}
              <input value={resolvedBy} onChange={(e) => setResolvedBy(e.target.value)} autoComplete="off" />
            </label>
          )}
          <div className="table-scroll">
            <table className="paper-differences">
              <thead>
                <tr>
                  <th scope="col">{t('paper.nominee')}</th>
                  <th scope="col">{t('paper.compare.criterion')}</th>
                  <th scope="col">{t('paper.compare.operator', { n: 1, name: operators[0] })}</th>
                  <th scope="col">{t('paper.compare.operator', { n: 2, name: operators[1] })}</th>
                  <th scope="col">{t('paper.compare.paper')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.cells.map((c) => {
                  const label = c.criterionCode ? `${nominee(c.nomineeId)} ${c.criterionCode}` : t('paper.compare.jurorName');
                  return (
                    <tr key={c.cell} data-cell={c.cell}>
                      <th scope="row">{c.criterionCode ? nominee(c.nomineeId) : t('paper.compare.jurorName')}</th>
                      <td>{c.criterionCode ?? '—'}</td>
                      <td className="mark-flagged" data-operator="1">
                        {shown(c.a)}
                      </td>
                      <td className="mark-flagged" data-operator="2">
                        {shown(c.b)}
                      </td>
                      <td>
                        {c.resolution && (
                          <p data-testid="paper-resolution">
                            {t('paper.compare.resolved', {
                              value: shown(c.resolution.value),
                              reason: c.resolution.reason,
                              by: c.resolution.resolvedBy,
                            })}
                          </p>
                        )}
                        {keying.state !== 'signed' && (
                          <form
                            className="inline-form"
                            onSubmit={(e) => {
                              e.preventDefault();
                              void resolve(c.cell);
                            }}
                          >
                            <label>
                              {t('paper.compare.value')}
                              <input
                                aria-label={t('paper.compare.valueFor', { cell: label })}
                                size={c.criterionCode ? 4 : 20}
                                value={values[c.cell] ?? ''}
                                onChange={(e) => setValues({ ...values, [c.cell]: e.target.value })}
                                autoComplete="off"
                              />
                            </label>
                            <label>
                              {t('paper.compare.reason')}
                              <input
                                aria-label={t('paper.compare.reasonFor', { cell: label })}
                                value={reasons[c.cell] ?? ''}
                                onChange={(e) => setReasons({ ...reasons, [c.cell]: e.target.value })}
                                autoComplete="off"
                              />
                            </label>
                            <button type="submit" disabled={resolvedBy.trim().length < 2 || (reasons[c.cell] ?? '').trim().length < 3}>
                              {t('paper.compare.record')}
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {comparison.cells.length === 0 && <p>{t('paper.compare.none')}</p>}
      <ErrorNotice error={action.error} />
      {keying.state !== 'signed' && !signed && (
        <div className="sign-paper">
          <h3>{t('paper.sign.title')}</h3>
          {open > 0 && <p className="notice notice-warning">{t('paper.sign.unresolved', { count: open })}</p>}
          <p>{t('paper.sign.revision', { revision: comparison.nextRevision })}</p>
          {comparison.supersedes.length > 0 && (
            <p className="notice notice-warning" data-testid="paper-supersedes">
              {t('paper.sign.supersedes', {
                files: comparison.supersedes
                  .map((s) => `${s.fileName} (${t('paper.sign.revisionShort', { revision: s.sheetRevision })})`)
                  .join('; '),
              })}
            </p>
          )}
          <div className="actions">
            <FilePicker
              label={t('paper.sign.scan')}
              accept=".pdf,.jpg,.jpeg,.png,image/*"
              onFiles={(files) => {
                const [file] = files;
                if (file) void sha256(file.base64).then((hash) => setScan({ file: file.fileName, hash }), action.fail);
              }}
            />
            {scan && (
              <span className="cell-ref" data-testid="paper-scan">
                {t('paper.sign.scanHash', { file: scan.file, hash: scan.hash })}
              </span>
            )}
          </div>
          {key.status === 'ready' && key.value.state !== 'unlocked' && <KeyPanel />}
          <button
            type="button"
            className="primary"
            disabled={open > 0 || key.status !== 'ready' || key.value.state !== 'unlocked'}
            onClick={() => void sign()}
          >
            {t('paper.sign.button')}
          </button>
        </div>
      )}
      {signed && (
        <p role="status" data-testid="paper-signed">
          {t('paper.sign.done', {
            file: signed.sheet.fileName,
            revision: signed.sheet.sheetRevision,
            status: t(`sheets.statusName.${signed.sheet.status}`),
            use: t(`sheets.useName.${signed.sheet.use}`),
          })}
        </p>
      )}
      {keying.state === 'signed' && !signed && keying.sheet && (
        <p>{t('paper.compare.signedAs', { file: keying.sheet.fileName, revision: keying.sheet.sheetRevision })}</p>
      )}
      {keying.state === 'signed' && (
        <button
          type="button"
          onClick={() =>
            void action.run(() => api.paperSheetFile({ eventId: event.id, keyingId })).then((file) => file && saveFileData(file))
          }
        >
          {t('paper.sign.download')}
        </button>
      )}
    </section>
  );
}
