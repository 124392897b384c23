import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../api/contract.ts';
import type { Event, MergeRule } from '../../../core/model.ts';
import { api, mutate, useAction, useQuery } from '../../api.ts';
import { TextField } from '../../components/FormFields.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MergeRuleSelect } from '../../components/MergeRuleSelect.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { saveFileData } from '../../files.ts';
import { formatDateTime, pick } from '../../i18n/index.ts';
import { eventTimeZone } from '../../../core/local-time.ts';

/**
 * Tetapkan hasil (issue 16, item 5): fixing the results once the audit passes (a penetapan record signed
 * with the secretariat's key), reopening it with a reason, every version with who and why, the record to
 * hand out, and the awards it fixes.
 */
export function PenetapanView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [rule, setRule] = useState<MergeRule>(event.merge.rule);
  // Read again once the results are fixed or reopened (INVALIDATES.fixResults, .reopenPenetapan).
  const audit = useQuery('audit', { eventId: event.id, rule });
  const deliberation = useQuery('deliberation', { eventId: event.id, rule });
  const action = useAction();
  const [fixedBy, setFixedBy] = useState('');
  const [reason, setReason] = useState('');
  const [reopenBy, setReopenBy] = useState('');
  const act = async (call: () => Promise<unknown>) => {
    await action.run(call);
  };
  if (audit.status === 'error') return <ErrorNotice error={audit.error} />;
  if (audit.status !== 'ready') return <p aria-busy="true">{t('start.loading')}</p>;
  const view: AuditView = audit.value;
  const { inForce, versions } = view.penetapan;
  const zone = eventTimeZone(event);
  const nominee = (id: string) => event.nominees.find((n) => n.id === id)?.name ?? id;
  const awarded =
    deliberation.status === 'ready'
      ? deliberation.value.awards.reduce((n, a) => n + a.places.reduce((m, p) => m + p.nomineeIds.length, 0), 0)
      : null;
  return (
    <>
      <div className="toolbar">
        <MergeRuleSelect value={rule} onChange={setRule} />
      </div>
      <p className={`notice ${inForce ? '' : 'notice-warning'}`} role="status" data-testid="penetapan-status">
        {inForce
          ? t('shape.penetapan.inForce', { version: inForce.version, by: inForce.fixedBy, at: formatDateTime(inForce.fixedAt, lang, zone) })
          : view.passed
            ? t('shape.penetapan.ready')
            : t('shape.penetapan.notReady', { count: view.items.filter((i) => !i.ok).length })}{' '}
        {view.final ? t('shape.penetapan.printsFinal') : t('shape.penetapan.printsDraft')}
      </p>
      <ErrorNotice error={action.error} />

      {!inForce && (
        <section className="panel" aria-labelledby="fix-title">
          <h2 id="fix-title">{t('shape.penetapan.fixTitle')}</h2>
          {!view.passed && (
            <ul data-testid="penetapan-failing">
              {view.items
                .filter((i) => !i.ok)
                .map((i) => (
                  <li key={i.id}>{pick(i.title, lang)}</li>
                ))}
            </ul>
          )}
          <KeyPanel onChange={action.clear} />
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => mutate('fixResults', { eventId: event.id, rule, fixedBy }));
            }}
          >
            <TextField id="fixed-by" label={t('shape.penetapan.fixedBy')} value={fixedBy} onChange={setFixedBy} />
            <button type="submit" className="primary" disabled={!view.passed || fixedBy.trim().length < 2}>
              {versions.length > 0 ? t('shape.penetapan.fixAgain', { version: versions.length + 1 }) : t('shape.penetapan.fix')}
            </button>
          </form>
        </section>
      )}

      {inForce && (
        <section className="panel" aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('shape.penetapan.reopenTitle')}</h2>
          <p className="hint">{t('shape.penetapan.reopenHint')}</p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => mutate('reopenPenetapan', { eventId: event.id, reason, by: reopenBy }));
            }}
          >
            <TextField id="reopen-reason" label={t('shape.penetapan.reason')} value={reason} onChange={setReason} />
            <TextField id="reopen-by" label={t('shape.penetapan.by')} value={reopenBy} onChange={setReopenBy} />
            <button type="submit" disabled={reason.trim().length < 3 || reopenBy.trim().length < 2}>
              {t('shape.penetapan.reopen')}
            </button>
          </form>
        </section>
      )}

      {versions.length > 0 && (
        <section className="panel" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('shape.penetapan.versions')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('shape.penetapan.version')}</th>
                <th scope="col">{t('shape.penetapan.fixedBy')}</th>
                <th scope="col">{t('results.rule')}</th>
                <th scope="col">{t('results.hash')}</th>
                <th scope="col">{t('shape.penetapan.reopened')}</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} data-penetapan-version={v.version}>
                  <td>
                    {v.version}
                    {v.supersedes ? ` (${t('shape.penetapan.supersedes', { version: v.supersedes })})` : ''}
                  </td>
                  <td>
                    {v.fixedBy} · {formatDateTime(v.fixedAt, lang, zone)}
                  </td>
                  <td>{t(`results.ruleName.${v.rule}`)}</td>
                  <td>
                    <code>{v.resultsHash.slice(0, 16)}…</code>
                  </td>
                  <td>{v.reopened ? `${v.reopened.reason} (${v.reopened.by})` : '—'}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => act(async () => saveFileData(await api.exportPenetapan({ eventId: event.id, version: v.version })))}
                    >
                      {t('shape.penetapan.export')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {deliberation.status === 'ready' && deliberation.value.markCount > 0 && (
        <section className="panel" aria-labelledby="awards-title">
          <h2 id="awards-title">{t('shape.penetapan.awards', { count: awarded ?? 0 })}</h2>
          <ul className="awards-list" data-testid="awards-list">
            {deliberation.value.awards.map((a) => (
              <li key={a.categoryId}>
                <strong>{pick(event.categories.find((c) => c.id === a.categoryId)!.name, lang)}</strong>:{' '}
                {a.places
                  .filter((p) => p.vacant !== 'shared')
                  .map(
                    (p) =>
                      `${t('results.terbaik', { rank: p.place })} ${p.nomineeIds.length ? p.nomineeIds.map(nominee).join(' & ') : t('shape.awards.notAwarded')}`,
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
