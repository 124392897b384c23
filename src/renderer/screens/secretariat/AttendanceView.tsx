import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { isAssigned } from '../../../core/quorum.ts';
import { mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { JurorOptions, SelectField, TextField } from '../../components/FormFields.tsx';
import { formatDate, pick } from '../../i18n/index.ts';

/**
 * Kehadiran panel (issue 16, item 2): who is assigned what (Penugasan), the absences the secretariat
 * records (berhalangan, with a reason and a date: "missing" becomes "excused"), and a replacement member
 * appointed by an amended decree, who takes over sections of another without disturbing anyone's marks.
 */
export function AttendanceView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Read again after an absence or a replacement is recorded (INVALIDATES.recordAbsence, .addReplacement).
  const list = useQuery('listAbsences', { eventId: event.id });
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const act = async (call: () => Promise<unknown>, said: string) => {
    setDone(null);
    if ((await action.run(async () => (await call(), true))) === true) setDone(said);
  };
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const sections = rounds.flatMap((r) => r.categoryIds.map((c) => ({ roundId: r.id, categoryId: c })));
  const sectionName = (roundId: string, categoryId: string) =>
    `${pick(event.rounds.find((r) => r.id === roundId)!.name, lang)} · ${pick(event.categories.find((c) => c.id === categoryId)!.name, lang)}`;
  return (
    <>
      <section className="panel" aria-labelledby="assignments-title">
        <h2 id="assignments-title">{t('shape.attendance.assignments')}</h2>
        <p className="hint">{event.assignments?.length ? t('shape.attendance.assignmentsHint') : t('shape.attendance.everyone')}</p>
        <div className="table-scroll">
          <table className="completeness" data-testid="assignments">
            <thead>
              <tr>
                <th scope="col">{t('shape.audit.juror')}</th>
                {sections.map((s) => (
                  <th key={`${s.roundId}/${s.categoryId}`} scope="col">
                    <small>{sectionName(s.roundId, s.categoryId)}</small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {event.jurors.map((j) => (
                <tr key={j.id} data-juror={j.id}>
                  <th scope="row">
                    {j.id} · {j.title}
                    {j.replaces && (
                      <>
                        <br />
                        <small>{t('shape.attendance.replaces', { juror: j.replaces, decree: j.decree ?? '' })}</small>
                      </>
                    )}
                  </th>
                  {sections.map((s) => {
                    const assigned = isAssigned(event, j.id, s.roundId, s.categoryId);
                    return (
                      <td key={`${s.roundId}/${s.categoryId}`} className={assigned ? '' : 'muted'}>
                        {assigned ? t('shape.attendance.wajib') : t('shape.attendance.tidak')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="absences-title">
        <h2 id="absences-title">{t('shape.attendance.absences')}</h2>
        {list.status === 'ready' &&
          (list.value.length === 0 ? (
            <p>{t('shape.attendance.noAbsences')}</p>
          ) : (
            <ul data-testid="absences">
              {list.value.map((a) => (
                <li key={`${a.jurorId}/${a.roundId}/${a.categoryId}`} data-absence={`${a.jurorId}/${a.roundId}/${a.categoryId}`}>
                  <strong>{a.jurorId}</strong> · {sectionName(a.roundId, a.categoryId)}: {a.reason}
                  {a.date ? ` (${formatDate(a.date, lang)})` : ''} <small>— {a.recordedBy}</small>
                </li>
              ))}
            </ul>
          ))}
        <AbsenceForm
          event={event}
          onSubmit={(input) => act(() => mutate('recordAbsence', { eventId: event.id, ...input }), t('shape.attendance.recorded'))}
        />
      </section>

      <section className="panel" aria-labelledby="replacement-title">
        <h2 id="replacement-title">{t('shape.attendance.replacement')}</h2>
        <p className="hint">{t('shape.attendance.replacementHint')}</p>
        <ReplacementForm
          event={event}
          // A new event revision (the package to issue again): the header reads it (INVALIDATES.addReplacement).
          onSubmit={(input) => act(() => mutate('addReplacement', { eventId: event.id, ...input }), t('shape.attendance.replaced'))}
        />
      </section>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNotice error={action.error} />
    </>
  );
}

function AbsenceForm({ event, onSubmit }: { event: Event; onSubmit(input: Omit<Input<'recordAbsence'>, 'eventId'>): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [jurorId, setJurorId] = useState(event.jurors[0].id);
  const [roundId, setRoundId] = useState(event.rounds[0].id);
  const [categoryId, setCategoryId] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [by, setBy] = useState('');
  const round = event.rounds.find((r) => r.id === roundId)!;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({ jurorId, roundId, categoryId: categoryId || null, reason, date: date || null, by });
      }}
    >
      <SelectField id="absence-juror" label={t('shape.audit.juror')} value={jurorId} onChange={setJurorId}>
        <JurorOptions event={event} />
      </SelectField>
      <SelectField
        id="absence-round"
        label={t('shape.audit.round')}
        value={roundId}
        onChange={(value) => {
          setRoundId(value);
          setCategoryId('');
        }}
      >
        {event.rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {pick(r.name, i18n.language)}
          </option>
        ))}
      </SelectField>
      <SelectField id="absence-category" label={t('shape.attendance.category')} value={categoryId} onChange={setCategoryId}>
        <option value="">{t('shape.attendance.allCategories')}</option>
        {round.categoryIds.map((c) => (
          <option key={c} value={c}>
            {pick(event.categories.find((k) => k.id === c)!.name, i18n.language)}
          </option>
        ))}
      </SelectField>
      <TextField id="absence-reason" label={t('shape.audit.reason')} value={reason} onChange={setReason} />
      <TextField id="absence-date" label={t('shape.attendance.date')} type="date" value={date} onChange={setDate} />
      <TextField id="absence-by" label={t('shape.audit.by')} value={by} onChange={setBy} />
      <button type="submit" disabled={reason.trim().length < 3 || by.trim().length < 2}>
        {t('shape.attendance.record')}
      </button>
    </form>
  );
}

function ReplacementForm({ event, onSubmit }: { event: Event; onSubmit(input: Omit<Input<'addReplacement'>, 'eventId'>): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [replaces, setReplaces] = useState(event.jurors[0].id);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [institution, setInstitution] = useState('');
  const [decree, setDecree] = useState('');
  const [by, setBy] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const sections = [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .flatMap((r) =>
      r.categoryIds.map((c) => ({
        roundId: r.id,
        categoryId: c,
        label: `${pick(r.name, i18n.language)} · ${pick(event.categories.find((k) => k.id === c)!.name, i18n.language)}`,
      })),
    )
    .filter((s) => isAssigned(event, replaces, s.roundId, s.categoryId));
  const toggle = (key: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({
          juror: { id, title, institution, ...(name.trim() ? { name } : {}) },
          replacesJurorId: replaces,
          decree,
          by,
          sections: sections
            .filter((s) => chosen.has(`${s.roundId}/${s.categoryId}`))
            .map(({ roundId, categoryId }) => ({ roundId, categoryId })),
        });
      }}
    >
      <SelectField
        id="replace-who"
        label={t('shape.attendance.replacedJuror')}
        value={replaces}
        onChange={(value) => {
          setReplaces(value);
          setChosen(new Set());
        }}
      >
        <JurorOptions event={event} />
      </SelectField>
      <TextField id="replace-id" label={t('shape.attendance.newId')} value={id} onChange={setId} />
      <TextField id="replace-name" label={t('shape.attendance.newName')} value={name} onChange={setName} />
      <TextField id="replace-title" label={t('shape.attendance.newTitle')} value={title} onChange={setTitle} />
      <TextField id="replace-institution" label={t('shape.attendance.newInstitution')} value={institution} onChange={setInstitution} />
      <TextField id="replace-decree" label={t('shape.attendance.decree')} value={decree} onChange={setDecree} />
      <TextField id="replace-by" label={t('shape.audit.by')} value={by} onChange={setBy} />
      <fieldset>
        <legend>{t('shape.attendance.takesOver')}</legend>
        {sections.map((s) => (
          <label key={`${s.roundId}/${s.categoryId}`}>
            <input
              type="checkbox"
              checked={chosen.has(`${s.roundId}/${s.categoryId}`)}
              onChange={() => toggle(`${s.roundId}/${s.categoryId}`)}
            />{' '}
            {s.label}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={
          !id.trim() || !title.trim() || !institution.trim() || decree.trim().length < 3 || by.trim().length < 2 || chosen.size === 0
        }
      >
        {t('shape.attendance.addReplacement')}
      </button>
    </form>
  );
}
