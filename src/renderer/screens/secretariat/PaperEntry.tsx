import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperForm, PaperKeying } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { api, mutate, useAction } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { pick } from '../../i18n/index.ts';

/**
 * One operator keys one paper form: its number and checksum as printed, their own name, the juror's name as
 * written and every box. Nothing another operator keyed is ever shown here: the second operator sees only
 * who keyed before. After saving, the form closes and its values leave the screen.
 */
export function PaperEntry({ event, onSaved }: { event: Event; onSaved(keying: PaperKeying): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [formNumber, setFormNumber] = useState('');
  const [checksum, setChecksum] = useState('');
  const [operator, setOperator] = useState('');
  const [opened, setOpened] = useState<{ form: PaperForm; keying: PaperKeying | null } | null>(null);
  const [jurorName, setJurorName] = useState('');
  const [marks, setMarks] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const busy = action.busy;

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const found = await action.run(() => api.paperForm({ eventId: event.id, formNumber, checksum }));
    if (!found) return;
    setOpened(found);
    setJurorName(found.form.jurorName ?? '');
    setMarks({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!opened) return;
    const { form } = opened;
    const keying = await action.run(() =>
      mutate('paperSubmitEntry', {
        eventId: event.id,
        formNumber: form.formNumber,
        checksum: form.checksum,
        operator,
        jurorName,
        marks: form.nominees
          .filter((n) => n.conflict === null)
          .flatMap((n) => form.criteria.map((c) => ({ nomineeId: n.id, criterionCode: c.code, value: marks[`${n.id}/${c.code}`] ?? '' }))),
      }),
    );
    if (!keying) return;
    // The values leave the screen with the form: the next operator starts from an empty one.
    setOpened(null);
    setMarks({});
    setJurorName('');
    setFormNumber('');
    setChecksum('');
    setOperator('');
    setSaved(
      keying.operators.length === 1
        ? t('paper.entry.savedFirst', { form: keying.formNumber, operator: keying.operators[0] })
        : t('paper.entry.savedSecond', { form: keying.formNumber, operator: keying.operators[1], count: keying.differences ?? 0 }),
    );
    onSaved(keying);
  };

  const form = opened?.form;
  return (
    <section className="panel" aria-labelledby="paper-entry-title">
      <h2 id="paper-entry-title">{t('paper.entry.title')}</h2>
      <p className="hint">{t('paper.entry.intro')}</p>
      {!opened && (
        <form className="inline-form" onSubmit={open}>
          <label>
            {t('paper.entry.number')}
            <input value={formNumber} onChange={(e) => setFormNumber(e.target.value)} placeholder="LPJ-J3-1-03" autoComplete="off" />
          </label>
          <label>
            {t('paper.entry.checksum')}
            <input value={checksum} onChange={(e) => setChecksum(e.target.value)} placeholder="7F3A-91C2" autoComplete="off" />
          </label>
          <label>
            {t('paper.entry.operator')}
            <input value={operator} onChange={(e) => setOperator(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" disabled={!formNumber.trim() || !checksum.trim() || operator.trim().length < 2}>
            {t('paper.entry.open')}
          </button>
        </form>
      )}
      {saved && (
        <p role="status" data-testid="paper-entry-saved">
          {saved}
        </p>
      )}
      <ErrorNotice error={action.error} />
      {form && opened && (
        <form onSubmit={submit} data-testid="paper-entry-form">
          <h3>
            {t('paper.entry.heading', {
              form: form.formNumber,
              juror: form.jurorId,
              section: `${pick(form.roundName, lang)} · ${pick(form.categoryName, lang)}`,
            })}
          </h3>
          <p className="notice" data-testid="paper-entry-turn">
            {opened.keying && opened.keying.operators.length > 0
              ? t('paper.entry.second', { operator: opened.keying.operators[0] })
              : t('paper.entry.first')}{' '}
            {t('paper.entry.as', { operator })}
          </p>
          <label>
            {t('paper.entry.jurorName')} <input value={jurorName} onChange={(e) => setJurorName(e.target.value)} autoComplete="off" />
          </label>
          <p className="hint">{t('paper.entry.blankHint')}</p>
          <div className="table-scroll">
            <table className="paper-grid">
              <thead>
                <tr>
                  <th scope="col">{t('paper.nominee')}</th>
                  {form.criteria.map((c) => (
                    <th key={c.code} scope="col" title={pick(c.label, lang)}>
                      {c.code}
                      <br />
                      <small>
                        {c.scale.min}–{c.scale.max}
                      </small>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {form.nominees.map((n) => (
                  <tr key={n.id} data-nominee={n.id}>
                    <th scope="row">
                      {n.name}
                      <br />
                      <small>{n.region}</small>
                    </th>
                    {n.conflict !== null ? (
                      <td colSpan={form.criteria.length} className="mark-conflict">
                        {t('paper.entry.crossed', { reason: n.conflict })}
                      </td>
                    ) : (
                      form.criteria.map((c) => (
                        <td key={c.code}>
                          <input
                            aria-label={`${n.name} ${c.code}`}
                            inputMode="decimal"
                            size={3}
                            autoComplete="off"
                            value={marks[`${n.id}/${c.code}`] ?? ''}
                            onChange={(e) => setMarks({ ...marks, [`${n.id}/${c.code}`]: e.target.value })}
                          />
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('paper.entry.submit')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpened(null);
                setMarks({});
              }}
            >
              {t('paper.entry.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
