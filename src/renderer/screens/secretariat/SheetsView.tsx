import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment, ReceivedSheet } from '../../../api/contract.ts';
import { eventTimeZone } from '../../../core/local-time.ts';
import type { Event } from '../../../core/model.ts';
import { mutate, mutateEach, useAction, useQuery } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Working } from '../../components/Working.tsx';
import { formatDateTime, pick } from '../../i18n/index.ts';
import { KeyChangePanel } from './KeyChangePanel.tsx';

/** How the completeness matrix marks a juror × round × category (the legend above it says the same). */
const COMPLETENESS_MARK = { received: '✓', unfinished: '◐', conflict: '!', missing: '·', excused: '○', unassigned: '–' } as const; // issue 16: excused (berhalangan), not assigned (Penugasan)

const SMALL_WORDS = new Set(['&', 'dan', 'and', 'of', 'di', 'dan/atau']);

/**
 * A short column heading for a category, from its name: the initials of its words ("Usaha Kecil Mikro" → UKM,
 * "Pemerintah Kabupaten/Kota" → PKK), the first letters of a one-word name; unique within the event. The
 * full name stands in the heading's tooltip and in the legend under the matrix.
 */
export function categoryAbbreviations(names: { id: string; name: string }[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const { id, name } of names) {
    const words = name.split(/[\s/,]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
    let short =
      words.length > 1
        ? words
            .map((w) => w[0])
            .join('')
            .toUpperCase()
        : (words[0] ?? id).slice(0, 4);
    for (let n = 2; used.has(short); n++) short = `${short.replace(/\d+$/, '')}${n}`;
    used.add(short);
    result.set(id, short);
  }
  return result;
}

/** Jurors' score sheets: many at once, each verified and kept whole; what is used; what is still missing. */
export function SheetsView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const timeZone = eventTimeZone(event);
  // Read again after sheets are imported, removed, rechecked or a key accepted (INVALIDATES.importSheet, …).
  const inbox = useQuery('listSheets', { eventId: event.id });
  const enrolments = useQuery('listEnrolments', { eventId: event.id });
  const removed = useQuery('listRemovedSheets', { eventId: event.id });
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const action = useAction();
  // Files refused outright (not stored), each with its reason: one bad file never hides another's.
  const [refused, setRefused] = useState<{ file: string; message: string }[]>([]);
  // Who accepts an unknown key, typed per sheet: two unknown keys are two separate decisions.
  const [acceptedBy, setAcceptedBy] = useState<Record<number, string>>({});
  // A key to accept for a juror who already has one registered: asked again, naming both keys.
  const [confirming, setConfirming] = useState<{ sheet: ReceivedSheet; registered: string[] } | null>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const [focusSheet, setFocusSheet] = useState<number | null>(null);
  // Files that were already here byte for byte, with the name they first came under.
  const [repeats, setRepeats] = useState<{ file: string; same: string; status: string; use: string }[]>([]);
  const [rechecked, setRechecked] = useState<number | null>(null);
  const importing = progress !== null && progress.done < progress.total;

  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (focusSheet === null || inbox.status !== 'ready') return;
    document.querySelector<HTMLElement>(`[data-sheet-id="${focusSheet}"] th`)?.focus();
    setFocusSheet(null);
  }, [focusSheet, inbox]);

  const jurorOf = (jurorId: string | null) => (jurorId ? event.jurors.find((j) => j.id === jurorId) : undefined);
  const enrolled = new Map<string, Enrolment>(enrolments.status === 'ready' ? enrolments.value.map((e) => [e.jurorId, e]) : []);
  /** "J3 · Kepala Disnakertrans Provinsi NTT" (and the name the juror typed, when known). */
  const jurorText = (jurorId: string | null) => {
    const juror = jurorOf(jurorId);
    if (!jurorId) return '—';
    if (!juror) return jurorId;
    const name = juror.name || enrolled.get(jurorId)?.name;
    return `${juror.id} · ${juror.title}${name ? ` (${name})` : ''}`;
  };

  /**
   * Every file dropped is sent at once (the Node side verifies them in parallel, in a worker pool); what
   * became of each is said in the order the files were given, whatever order their answers come in.
   */
  const importAll = async (files: { fileName: string; base64: string }[]) => {
    action.clear();
    setRepeats([]);
    setRefused([]);
    const settledAt = new Set<number>();
    // The file named as under way: the first one given whose answer has not come yet.
    const pending = () => files.find((_, i) => !settledAt.has(i))?.fileName ?? '';
    setProgress({ done: 0, total: files.length, file: pending() });
    const outcomes = await mutateEach(
      'importSheet',
      files.map((file) => ({ eventId: event.id, file })),
      {
        onSettled: (_, index) => {
          settledAt.add(index);
          setProgress({ done: settledAt.size, total: files.length, file: pending() });
        },
      },
    );
    const repeated: typeof repeats = [];
    const refusedNow: typeof refused = [];
    outcomes.forEach((outcome, i) => {
      const file = files[i].fileName;
      // One bad file never stops the others.
      if (!outcome.ok) return void refusedNow.push({ file, message: errorText(outcome.error, lang) });
      const received = outcome.value;
      if (!received.again) return;
      // Say what became of the earlier file: a copy of a sheet that was refused or not used is not "accepted".
      const status = t(`sheets.statusName.${received.sheet.status}`);
      const use = t(`sheets.useName.${received.sheet.use}`);
      repeated.push({ file, same: received.sheet.fileName, status, use });
    });
    setRepeats(repeated);
    setRefused(refusedNow);
    setProgress({ done: files.length, total: files.length, file: '' });
  };

  /** A refused, unused file off the list; the services keep it in the audit trail. */
  const remove = (sheet: ReceivedSheet, reason: string, removedBy: string) =>
    action.run(() => mutate('removeSheet', { eventId: event.id, sheetId: sheet.id, reason, removedBy }));

  /** Every kept sheet verified again against the keys and the event as they are now. */
  const recheck = async () => {
    setRechecked(null);
    const answer = await action.run(() => mutate('recheckSheets', { eventId: event.id }));
    if (answer) setRechecked(answer.changed);
  };

  const accept = async (sheet: ReceivedSheet) => {
    setConfirming(null);
    const accepted = await action.run(() =>
      mutate('acceptKey', { eventId: event.id, sheetId: sheet.id, acceptedBy: acceptedBy[sheet.id] ?? '' }),
    );
    if (accepted) setFocusSheet(sheet.id);
  };
  /** Accepting is one step for a juror without a key, two (naming both keys) for one who has a key already. */
  const askToAccept = (sheet: ReceivedSheet) => {
    if (!sheet.jurorId || inbox.status !== 'ready') return void accept(sheet);
    const registered = [
      ...(enrolled.get(sheet.jurorId) ? [enrolled.get(sheet.jurorId)!.fingerprint] : []),
      ...inbox.value.acceptedKeys.filter((k) => k.jurorId === sheet.jurorId).map((k) => k.fingerprint),
    ].filter((fingerprint) => fingerprint !== sheet.signedWith);
    if (registered.length === 0) return void accept(sheet);
    setConfirming({ sheet, registered });
  };

  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const categoryName = (categoryId: string) =>
    pick(event.categories.find((c) => c.id === categoryId)?.name ?? { id: categoryId, en: categoryId }, lang);
  const shown = event.categories.filter((c) => rounds.some((r) => r.categoryIds.includes(c.id)));
  const short = categoryAbbreviations(shown.map((c) => ({ id: c.id, name: pick(c.name, lang) })));
  return (
    <>
      <div className="actions">
        <FilePicker label={t('sheets.import')} accept=".xlsx" multiple onFiles={(files) => void importAll(files)} busy={importing} />
        {importing && progress && (
          <Working what={t('progress.checkingSheet', { file: progress.file })} done={progress.done} total={progress.total} />
        )}
        {progress && !importing && <span role="status">{t('sheets.progress', progress)}</span>}
        <button type="button" onClick={() => void recheck()}>
          {t('sheets.recheck')}
        </button>
        {rechecked !== null && <span role="status">{t('sheets.rechecked', { count: rechecked })}</span>}
      </div>
      {refused.length > 0 && (
        <div className="notice notice-error" role="alert" data-testid="sheet-refusals">
          <strong>{t('sheets.refusedTitle', { count: refused.length })}</strong>
          <ul>
            {refused.map((r, i) => (
              <li key={i}>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice error={action.error} />
      {repeats.length > 0 && (
        <ul className="notice" role="status" data-testid="sheet-repeats">
          {repeats.map((r) => (
            <li key={r.file}>{t('sheets.again', r)}</li>
          ))}
        </ul>
      )}
      {inbox.status === 'ready' && (
        <>
          <table className="sheets-table">
            <thead>
              <tr>
                <th scope="col">{t('sheets.file')}</th>
                <th scope="col">{t('sheets.juror')}</th>
                <th scope="col" className="num">
                  {t('sheets.revision')}
                </th>
                <th scope="col">{t('sheets.status')}</th>
                <th scope="col">{t('sheets.use')}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.value.sheets.map((sheet) => (
                <tr key={sheet.id} data-sheet={sheet.fileName} data-sheet-id={sheet.id}>
                  <th scope="row" tabIndex={-1}>
                    {sheet.fileName}
                    {/* A paper sheet (kertas): which form, and who keyed it. */}
                    {sheet.paper && (
                      <>
                        <br />
                        <small className="paper-label" data-testid="paper-label">
                          {t('paper.label', { form: sheet.paper.formNumber, a: sheet.paper.operators[0], b: sheet.paper.operators[1] })}
                        </small>
                      </>
                    )}
                  </th>
                  <td>{jurorText(sheet.jurorId)}</td>
                  <td className="num">{sheet.sheetRevision ?? '—'}</td>
                  <td>
                    <span className={`status status-${sheet.status}`}>{t(`sheets.statusName.${sheet.status}`)}</span>
                    {/* A file that cannot be read says why at once (empty, not an Excel file, damaged): each its own reason. */}
                    {sheet.status === 'malformed' && sheet.details.length > 0 && (
                      <p className="sheet-reason" data-testid="sheet-reason">
                        {pick(sheet.details[0], lang)}
                      </p>
                    )}
                    {sheet.details.length > (sheet.status === 'malformed' ? 1 : 0) && (
                      <details>
                        <summary>{t('sheets.details', { count: sheet.details.length })}</summary>
                        <ul>
                          {sheet.details.map((d, i) => (
                            <li key={i}>{pick(d, lang)}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                    {sheet.status === 'unknown-key' && (
                      <form
                        className="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          askToAccept(sheet);
                        }}
                      >
                        <label>
                          {t('sheets.acceptedBy')}
                          <input
                            value={acceptedBy[sheet.id] ?? ''}
                            onChange={(e) => setAcceptedBy({ ...acceptedBy, [sheet.id]: e.target.value })}
                          />
                        </label>
                        <button type="submit" disabled={(acceptedBy[sheet.id] ?? '').trim().length < 2}>
                          {t('sheets.acceptKey', { fingerprint: sheet.signedWith })}
                        </button>
                      </form>
                    )}
                    {confirming?.sheet.id === sheet.id && (
                      <div
                        className="notice notice-warning confirm-key"
                        role="alertdialog"
                        aria-labelledby={`confirm-key-${sheet.id}`}
                        tabIndex={-1}
                        ref={confirmBox}
                        data-testid="confirm-key"
                      >
                        <strong id={`confirm-key-${sheet.id}`}>{t('sheets.confirmKeyTitle', { juror: jurorText(sheet.jurorId) })}</strong>
                        <p>
                          {t('sheets.confirmKeyRegistered')}{' '}
                          <span className="fingerprint" data-testid="registered-fingerprint">
                            {confirming.registered.join('; ')}
                          </span>
                          <br />
                          {t('sheets.confirmKeyNew', { file: sheet.fileName })}{' '}
                          <span className="fingerprint" data-testid="new-fingerprint">
                            {sheet.signedWith}
                          </span>
                        </p>
                        <p>{t('sheets.confirmKeyEffect', { juror: sheet.jurorId })}</p>
                        <div className="actions">
                          <button type="button" className="danger" onClick={() => void accept(sheet)}>
                            {t('sheets.confirmKeyYes', { fingerprint: sheet.signedWith, juror: sheet.jurorId })}
                          </button>
                          <button
                            type="button"
                            onClick={() => {
                              setConfirming(null);
                              document.querySelector<HTMLElement>(`[data-sheet-id="${sheet.id}"] form button`)?.focus();
                            }}
                          >
                            {t('scoring.cancel')}
                          </button>
                        </div>
                      </div>
                    )}
                  </td>
                  <td>
                    {t(`sheets.useName.${sheet.use}`)}
                    {/* Where paper took part: why the reconciliation uses the file so. */}
                    {sheet.notes?.map((note, i) => (
                      <p key={i} className="hint use-note" data-testid="use-note">
                        {pick(note, lang)}
                      </p>
                    ))}
                    {/* A refused file nobody uses can leave the list; the audit trail below keeps it. */}
                    {sheet.status !== 'valid' && sheet.status !== 'unknown-key' && sheet.use === 'not-used' && (
                      <details className="remove-sheet">
                        <summary>{t('sheets.remove')}</summary>
                        <form
                          className="inline-form"
                          onSubmit={(e) => {
                            e.preventDefault();
                            const form = new FormData(e.currentTarget);
                            void remove(sheet, String(form.get('reason') ?? ''), String(form.get('by') ?? ''));
                          }}
                        >
                          <label>
                            {t('sheets.removeReason')}
                            <input name="reason" required minLength={3} />
                          </label>
                          <label>
                            {t('sheets.removedBy')}
                            <input name="by" required minLength={2} />
                          </label>
                          <button type="submit" className="danger">
                            {t('sheets.removeYes', { file: sheet.fileName })}
                          </button>
                        </form>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {removed.status === 'ready' && removed.value.length > 0 && (
            <details data-testid="removed-sheets">
              <summary>{t('sheets.removedTitle', { count: removed.value.length })}</summary>
              <ul>
                {removed.value.map((r) => (
                  <li key={`${r.fileHash}-${r.removedAt}`}>
                    {t('sheets.removedLine', {
                      file: r.fileName,
                      status: t(`sheets.statusName.${r.status}`),
                      reason: r.reason,
                      by: r.removedBy,
                      when: formatDateTime(r.removedAt, lang, timeZone),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {inbox.value.acceptedKeys.length > 0 && (
            <p data-testid="accepted-keys">
              {t('sheets.acceptedKeys')}:{' '}
              {inbox.value.acceptedKeys
                .map((k) => `${jurorText(k.jurorId)} ${k.fingerprint} (${k.acceptedBy}, ${formatDateTime(k.acceptedAt, lang, timeZone)})`)
                .join('; ')}
            </p>
          )}
          <h3>{t('sheets.completeness')}</h3>
          <p className="hint">
            {t('sheets.completenessLegend')} · {t('shape.cell.legend')}
          </p>
          <div className="table-scroll">
            <table className="completeness" data-testid="completeness">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t('sheets.juror')}
                  </th>
                  {rounds.map((round) => (
                    <th key={round.id} scope="colgroup" colSpan={round.categoryIds.length} className="round-head">
                      {pick(round.name, lang)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {rounds.flatMap((round) =>
                    round.categoryIds.map((categoryId) => (
                      <th
                        key={`${round.id}/${categoryId}`}
                        scope="col"
                        title={`${pick(round.name, lang)} · ${categoryName(categoryId)}`}
                        data-section={`${round.id}/${categoryId}`}
                      >
                        <abbr title={categoryName(categoryId)}>{short.get(categoryId) ?? categoryId}</abbr>
                      </th>
                    )),
                  )}
                </tr>
              </thead>
              <tbody>
                {event.jurors.map((juror) => {
                  const name = juror.name || enrolled.get(juror.id)?.name;
                  return (
                    <tr key={juror.id} data-juror={juror.id}>
                      <th scope="row" className="juror-head">
                        {juror.id} · {juror.title}
                        {name && (
                          <>
                            <br />
                            <small>{name}</small>
                          </>
                        )}
                      </th>
                      {rounds.flatMap((round) =>
                        round.categoryIds.map((categoryId) => {
                          const state =
                            (inbox.value.completeness[juror.id]?.[`${round.id}/${categoryId}`] as
                              keyof typeof COMPLETENESS_MARK | undefined) ?? 'unassigned';
                          return (
                            <td key={`${round.id}/${categoryId}`} className={`cell-${state}`}>
                              <span aria-hidden="true">{COMPLETENESS_MARK[state]}</span>
                              <span className="visually-hidden">
                                {state === 'excused' || state === 'unassigned' ? t(`shape.cell.${state}`) : t(`sheets.cell.${state}`)}
                              </span>
                            </td>
                          );
                        }),
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="hint category-legend" data-testid="category-legend">
            {shown.map((c) => `${short.get(c.id)} = ${pick(c.name, lang)}`).join(' · ')}
          </p>
        </>
      )}
      {/* Issue 21: a juror's key change, the sheets of each key and how they are used. */}
      <KeyChangePanel eventId={event.id} timeZone={timeZone} />
    </>
  );
}
