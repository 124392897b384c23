import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, MergeRule } from '../../../core/model.ts';
import { mutate, useAction, useQuery } from '../../api.ts';
import { TextField } from '../../components/FormFields.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MergeRuleSelect } from '../../components/MergeRuleSelect.tsx';
import { pick, scoreText } from '../../i18n/index.ts';

/**
 * Periksa sebelum penetapan (issue 16, item 4): the checklist, each item with what fails, and where people
 * act on it: disagreement flags discussed (with who), a refused sheet set aside (with why), the
 * verification appendix confirmed by a second person who is not the operator.
 */
export function AuditView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [rule, setRule] = useState<MergeRule>(event.merge.rule);
  // Read again after each action below (INVALIDATES.acknowledgeFlags, .setAsideSheet, .confirmVerification).
  const loaded = useQuery('audit', { eventId: event.id, rule });
  const action = useAction();
  const audit = loaded.status === 'ready' ? loaded.value : null;
  const act = async (call: () => Promise<unknown>) => {
    await action.run(call);
  };
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  if (!audit) return <p aria-busy="true">{t('start.loading')}</p>;
  const nominee = (id: string) => event.nominees.find((n) => n.id === id)?.name ?? id;
  const round = (id: string) => pick(event.rounds.find((r) => r.id === id)?.name ?? { id, en: id }, lang);
  const openFlags = audit.flags.filter((f) => !f.acknowledged);
  return (
    <>
      <div className="toolbar">
        <MergeRuleSelect value={rule} onChange={setRule} />
        <span className="hint">
          {t('results.hash')}: <code>{audit.resultsHash.slice(0, 16)}…</code>
        </span>
      </div>
      <p className={`notice ${audit.passed ? '' : 'notice-warning'}`} role="status" data-testid="audit-status">
        {audit.passed ? t('shape.audit.passed') : t('shape.audit.failing', { count: audit.items.filter((i) => !i.ok).length })}
      </p>
      <ol className="audit-items" data-testid="audit-items">
        {audit.items.map((item) => (
          <li key={item.id} data-audit-item={item.id} data-ok={item.ok}>
            <strong>
              {item.ok ? '✓' : '✗'} {pick(item.title, lang)}
            </strong>{' '}
            <small>— {pick(item.summary, lang)}</small>
            {item.findings.length > 0 && (
              <ul>
                {item.findings.map((f, i) => (
                  <li key={i}>{pick(f, lang)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <ErrorNotice error={action.error} />

      <section className="panel" aria-labelledby="audit-flags">
        <h2 id="audit-flags">{t('shape.audit.flagsTitle', { open: openFlags.length, total: audit.flags.length })}</h2>
        {audit.flags.length === 0 ? (
          <p>{t('shape.audit.noFlags')}</p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('shape.audit.juror')}</th>
                  <th scope="col">{t('shape.audit.round')}</th>
                  <th scope="col">{t('event.column.name')}</th>
                  <th scope="col">{t('shape.audit.criterion')}</th>
                  <th scope="col" className="num">
                    {t('shape.audit.mark')}
                  </th>
                  <th scope="col" className="num">
                    {t('shape.audit.median')}
                  </th>
                  <th scope="col">{t('shape.audit.discussed')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.flags.map((f) => (
                  <tr key={f.key} data-flag={f.key}>
                    <td>{f.jurorId}</td>
                    <td>{round(f.roundId)}</td>
                    <td>{nominee(f.nomineeId)}</td>
                    <td>{f.criterionCode}</td>
                    <td className="num">{scoreText(f.value, lang, Number.isInteger(f.value) ? 0 : 1)}</td>
                    <td className="num">{scoreText(f.median, lang, Number.isInteger(f.median) ? 0 : 1)}</td>
                    <td>{f.acknowledged ? `✓ ${f.acknowledged.by}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {openFlags.length > 0 && (
              <NamedAction
                id="ack-flags"
                label={t('shape.audit.ackAll', { count: openFlags.length })}
                byLabel={t('shape.audit.by')}
                noteLabel={t('shape.audit.note')}
                noteRequired={false}
                onSubmit={(by, note) =>
                  act(() => mutate('acknowledgeFlags', { eventId: event.id, rule, keys: openFlags.map((f) => f.key), by, note }))
                }
              />
            )}
          </>
        )}
      </section>

      {audit.sheets.length > 0 && (
        <section className="panel" aria-labelledby="audit-sheets">
          <h2 id="audit-sheets">{t('shape.audit.sheetsTitle')}</h2>
          <ul>
            {audit.sheets.map((s) => (
              <li key={s.id} data-pending-sheet={s.fileName}>
                {s.fileName} ({s.jurorId ?? '—'}): {t(`sheets.statusName.${s.status}`, { defaultValue: s.status })}
                {s.use === 'conflict' ? ` · ${t('shape.audit.inConflict')}` : ''}
                {s.setAside ? (
                  <> — {t('shape.audit.setAsideBy', { name: s.setAside.by, note: s.setAside.note })}</>
                ) : (
                  <NamedAction
                    id={`set-aside-${s.id}`}
                    label={t('shape.audit.setAside')}
                    byLabel={t('shape.audit.by')}
                    noteLabel={t('shape.audit.reason')}
                    noteRequired
                    onSubmit={(by, note) => act(() => mutate('setAsideSheet', { eventId: event.id, rule, sheetId: s.id, by, note }))}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-labelledby="audit-confirm">
        <h2 id="audit-confirm">{t('shape.audit.confirmTitle')}</h2>
        <p className="hint">{t('shape.audit.confirmHint')}</p>
        {audit.confirmation && (
          <p data-testid="audit-confirmation">
            {t('shape.audit.confirmedBy', { operator: audit.confirmation.operator, name: audit.confirmation.confirmedBy })}
          </p>
        )}
        <ConfirmForm
          onSubmit={(operator, confirmedBy) => act(() => mutate('confirmVerification', { eventId: event.id, rule, operator, confirmedBy }))}
        />
      </section>
    </>
  );
}

/** A button that asks who (and why) before it acts. */
function NamedAction({
  id,
  label,
  byLabel,
  noteLabel,
  noteRequired,
  onSubmit,
}: {
  id: string;
  label: string;
  byLabel: string;
  noteLabel: string;
  noteRequired: boolean;
  onSubmit(by: string, note: string): Promise<void>;
}) {
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await onSubmit(by, note);
      }}
    >
      <TextField id={`${id}-by`} label={byLabel} value={by} onChange={setBy} />
      <TextField id={`${id}-note`} label={noteLabel} value={note} onChange={setNote} />
      <button type="submit" disabled={by.trim().length < 2 || (noteRequired && note.trim().length < 3)}>
        {label}
      </button>
    </form>
  );
}

function ConfirmForm({ onSubmit }: { onSubmit(operator: string, confirmedBy: string): Promise<void> }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState('');
  const [confirmedBy, setConfirmedBy] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await onSubmit(operator, confirmedBy);
      }}
    >
      <TextField id="audit-operator" label={t('shape.audit.operator')} value={operator} onChange={setOperator} />
      <TextField id="audit-confirmer" label={t('shape.audit.confirmer')} value={confirmedBy} onChange={setConfirmedBy} />
      <button type="submit" disabled={operator.trim().length < 2 || confirmedBy.trim().length < 2}>
        {t('shape.audit.confirm')}
      </button>
    </form>
  );
}
