import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { figuresFor, formatFigureValue } from '../../../core/evidence.ts';
import type { Criterion, EvidenceDocument, EvidenceFigure, Nominee, Round } from '../../../core/model.ts';
import { api, mutate, useAction, useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { nomineeLabel } from '../../components/NomineeName.tsx';
import { formatDate, formatDateTime, markText, pick } from '../../i18n/index.ts';

interface Props {
  eventId: string;
  roundId: string;
  /** The rounds the nominee's category has: declaring a conflict sets aside its marks in every one. */
  rounds: Round[];
  nominee: Nominee;
  criterion: Criterion;
  mark: number | null;
  note: string;
  conflict: { reason: string; declared: boolean } | undefined;
  locked: boolean;
  /** A conflict declared or withdrawn: the scoring screen puts the keyboard on the next mark to give. */
  onChanged(): void;
  /** The event's time zone: the history says when, as the panel's clock read. */
  timeZone: string;
  /** Issue 17: the nominee's figures from the event package; those informing this criterion are shown with it. */
  figures?: EvidenceFigure[];
  /** Issue 17: the event's documents; the nominee's are listed, each opened offline from the package. */
  documents?: EvidenceDocument[];
}

const NOTE_SAVE_DELAY_MS = 600;

/**
 * Always in view beside the grid: the focused criterion's rubric with the chosen level marked, the
 * nominee's notes (saved as the juror types), the mark's history, and declaring a conflict.
 */
export function RubricPanel({
  eventId,
  roundId,
  rounds,
  nominee,
  criterion,
  mark,
  note,
  conflict,
  locked,
  onChanged,
  timeZone,
  figures = [],
  documents = [],
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Read again whenever a mark is saved (INVALIDATES.recordScore), so the history shown stays current.
  const history = useQuery('scoreHistory', { eventId, roundId, nomineeId: nominee.id, criterionCode: criterion.code });
  return (
    <aside className="rubric-panel" id="rubric-panel" tabIndex={-1} aria-label={t('scoring.rubricPanel')}>
      <h3>
        {criterion.code} · {pick(criterion.label, lang)}
      </h3>
      <p className="hint">
        {t('scoring.weightScale', {
          weight: markText(criterion.weight, lang),
          min: markText(criterion.scale.min, lang),
          max: markText(criterion.scale.max, lang),
        })}
      </p>
      <CriterionFigures figures={figuresFor({ figures }, nominee.id, criterion.code)} lang={lang} />
      <ol className="rubric-levels" data-testid="rubric">
        {criterion.rubric.map((level) => (
          <li key={level.score} aria-current={mark !== null && Math.floor(mark) === level.score ? 'true' : undefined}>
            <strong>{level.score}</strong> {pick(level.text, lang)}
          </li>
        ))}
      </ol>
      <NomineeDocuments key={`documents/${nominee.id}`} eventId={eventId} documents={documents.filter((d) => d.nomineeId === nominee.id)} />
      <NoteEditor
        key={`${roundId}/${nominee.id}`}
        eventId={eventId}
        roundId={roundId}
        nominee={nominee}
        initial={note}
        disabled={locked || !!conflict}
      />
      {history.status === 'ready' && history.value.length > 0 && (
        <details className="history">
          <summary>{t('scoring.history', { count: history.value.length })}</summary>
          <ol>
            {history.value.map((h, i) => (
              <li key={i} data-testid="history-line">
                {formatDateTime(h.recordedAt, lang, timeZone)}: {markText(h.previous, lang)} → {markText(h.value, lang)}
                {h.origin && <> · {pick(h.origin, lang)}</>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {!conflict && !locked && (
        <DeclareConflict key={nominee.id} eventId={eventId} rounds={rounds} nominee={nominee} onDeclared={onChanged} />
      )}
      {conflict?.declared && !locked && <WithdrawConflict key={nominee.id} eventId={eventId} nominee={nominee} onWithdrawn={onChanged} />}
    </aside>
  );
}

/** Issue 17: the nominee's figures that inform the focused criterion, with source and date, beside its rubric. */
function CriterionFigures({ figures, lang }: { figures: EvidenceFigure[]; lang: string }) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  const language = lang === 'en' ? 'en' : 'id';
  return (
    <section className="criterion-figures" aria-label={t('evidence.figuresLabel')}>
      <ul data-testid="criterion-figures">
        {figures.map((f, i) => (
          <li key={i}>
            <strong>
              {pick(f.label, lang)} {formatFigureValue(f, language)}
            </strong>
            <span className="hint">
              {' '}
              · {f.source}, {t('evidence.asOf')} {formatDate(f.date, lang)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Issue 17: the nominee's documents, opened offline from the package on this laptop: the bytes (checked
 * against the package's hash by the API) become a blob: URL shown in an <img> or a fully sandboxed <iframe>
 * (no scripts, no navigation, no network); the URL is revoked when it is closed.
 */
function NomineeDocuments({ eventId, documents }: { eventId: string; documents: EvidenceDocument[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ fileName: string; mime: string; url: string } | null>(null);
  const action = useAction();
  useEffect(
    () => () => {
      if (open) URL.revokeObjectURL(open.url);
    },
    [open],
  );
  if (documents.length === 0) return null;
  const show = async (doc: EvidenceDocument) => {
    const file = await action.run(() => api.openDocument({ eventId, nomineeId: doc.nomineeId, fileName: doc.fileName }));
    if (!file) return;
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    setOpen({ fileName: file.fileName, mime: file.mime, url: URL.createObjectURL(new Blob([bytes], { type: file.mime })) });
  };
  return (
    <section className="nominee-documents" aria-label={t('evidence.documentsLabel')}>
      <ul data-testid="nominee-documents">
        {documents.map((doc) => (
          <li key={doc.fileName}>
            <button type="button" onClick={() => void show(doc)}>
              {t('evidence.open')} {doc.fileName}
            </button>
            <span className="hint"> · {t(`evidence.kind.${doc.kind}`)}</span>
          </li>
        ))}
      </ul>
      {open && (
        <div className="document-view" data-testid="document-view">
          <button type="button" onClick={() => setOpen(null)}>
            {t('evidence.close')} {open.fileName}
          </button>
          {open.mime === 'application/pdf' ? (
            <iframe src={open.url} sandbox="" title={open.fileName} />
          ) : (
            <img src={open.url} alt={open.fileName} />
          )}
        </div>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}

function NoteEditor({
  eventId,
  roundId,
  nominee,
  initial,
  disabled,
}: {
  eventId: string;
  roundId: string;
  nominee: Nominee;
  initial: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const action = useAction();
  const savedText = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textRef = useRef(text);
  textRef.current = text;

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === savedText.current) return;
    setStatus('saving');
    const saved = await action.run(() => mutate('saveNote', { eventId, roundId, nomineeId: nominee.id, text: value }));
    if (saved === undefined) return setStatus('idle');
    savedText.current = value;
    setStatus('saved');
  };
  // Whatever is typed is saved when the juror moves to another nominee, even mid-pause.
  useEffect(() => () => void save(textRef.current), []);

  return (
    <div className="note-editor">
      <label>
        {t('scoring.note', { nominee: nomineeLabel(nominee) })}
        <textarea
          id="scoring-note"
          rows={3}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setStatus('idle');
            clearTimeout(timer.current);
            const value = e.target.value;
            timer.current = setTimeout(() => void save(value), NOTE_SAVE_DELAY_MS);
          }}
          onBlur={() => void save(text)}
        />
      </label>
      <span className="hint" aria-live="polite" data-testid="note-status">
        {status === 'saving' ? t('scoring.noteSaving') : status === 'saved' ? t('scoring.noteSaved') : ''}
      </span>
      <ErrorNotice error={action.error} />
    </div>
  );
}

/** The marks a conflict would set aside: this juror's, for this nominee, in every round. */
async function marksGiven(eventId: string, rounds: Round[], nominee: Nominee) {
  const states = await Promise.all(rounds.map((round) => api.scoringState({ eventId, roundId: round.id, categoryId: nominee.categoryId })));
  return rounds
    .map((round, i) => ({ round, count: states[i].marks.filter((m) => m.nomineeId === nominee.id).length }))
    .filter((r) => r.count > 0);
}

/**
 * Declaring a conflict of interest, in two steps: the reason, then a confirmation that says how many
 * marks already given will be set aside (and that it can be withdrawn only until the round is finalized).
 */
function DeclareConflict({
  eventId,
  rounds,
  nominee,
  onDeclared,
}: {
  eventId: string;
  rounds: Round[];
  nominee: Nominee;
  onDeclared(): void;
}) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<'closed' | 'reason' | 'confirm'>('closed');
  const [reason, setReason] = useState('');
  const [given, setGiven] = useState<{ round: Round; count: number }[] | null>(null);
  const action = useAction();
  const error = action.error;
  const confirmation = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (step === 'reason') reasonField.current?.focus();
    if (step === 'confirm') confirmation.current?.focus();
    if (step === 'closed' && cancelled.current) opener.current?.focus(); // back where the juror started
    cancelled.current = false;
  }, [step]);

  if (step === 'closed')
    return (
      <button type="button" ref={opener} onClick={() => setStep('reason')}>
        {t('scoring.declareConflict')}
      </button>
    );
  const cancel = () => {
    cancelled.current = true;
    setStep('closed');
    setGiven(null);
    action.clear();
  };
  if (step === 'reason') {
    return (
      <form
        className="declare"
        onSubmit={(e) => {
          e.preventDefault();
          setGiven(null);
          setStep('confirm');
          void action.run(() => marksGiven(eventId, rounds, nominee)).then((counted) => counted && setGiven(counted));
        }}
      >
        <label>
          {t('scoring.conflictReason', { nominee: nomineeLabel(nominee) })}
          {/* Opening the declaration puts the keyboard in its one field. */}
          <input value={reason} onChange={(e) => setReason(e.target.value)} ref={reasonField} data-testid="conflict-reason" />
        </label>
        <button type="submit" disabled={reason.trim().length < 3}>
          {t('scoring.declare')}
        </button>
        <button type="button" onClick={cancel}>
          {t('scoring.cancel')}
        </button>
        <ErrorNotice error={error} />
      </form>
    );
  }
  const count = given?.reduce((sum, r) => sum + r.count, 0) ?? 0;
  return (
    <div
      className="declare declare-confirm"
      role="group"
      aria-labelledby="declare-confirm-title"
      tabIndex={-1}
      ref={confirmation}
      data-testid="conflict-confirm"
    >
      <strong id="declare-confirm-title">{t('scoring.conflictConfirmTitle', { nominee: nomineeLabel(nominee) })}</strong>
      <span>{t('scoring.conflictReasonGiven', { reason: reason.trim() })}</span>
      {given === null ? (
        error === null && <span aria-busy="true">{t('scoring.conflictCounting')}</span>
      ) : count === 0 ? (
        <span data-testid="conflict-marks">{t('scoring.conflictNoMarks', { nominee: nominee.name })}</span>
      ) : (
        <span data-testid="conflict-marks">
          {t('scoring.conflictMarks', {
            count,
            nominee: nominee.name,
            rounds: given.map((r) => `${pick(r.round.name, i18n.language)}: ${r.count}`).join('; '),
          })}
        </span>
      )}
      <span className="declare-final">{t('scoring.conflictFinal')}</span>
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={given === null}
          onClick={async () => {
            if ((await action.run(() => mutate('declareConflict', { eventId, nomineeId: nominee.id, reason }))) === undefined) return;
            setStep('closed');
            onDeclared();
          }}
        >
          {t('scoring.conflictConfirm')}
        </button>
        <button type="button" onClick={cancel}>
          {t('scoring.cancel')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}

/**
 * Withdrawing a conflict this juror declared by mistake (never one from the event package): a reason,
 * then the marks it set aside come back. Only until the round is finalized, as the API enforces too.
 */
function WithdrawConflict({ eventId, nominee, onWithdrawn }: { eventId: string; nominee: Nominee; onWithdrawn(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const reasonField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) reasonField.current?.focus();
  }, [open]);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('scoring.withdrawConflict')}
      </button>
    );
  return (
    <form
      className="declare"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await action.run(() => mutate('withdrawConflict', { eventId, nomineeId: nominee.id, reason }))) === undefined) return;
        setOpen(false);
        onWithdrawn();
      }}
    >
      <label>
        {t('scoring.withdrawReason', { nominee: nomineeLabel(nominee) })}
        <input value={reason} onChange={(e) => setReason(e.target.value)} ref={reasonField} />
      </label>
      <span className="hint">{t('scoring.withdrawEffect')}</span>
      <button type="submit" disabled={reason.trim().length < 3}>
        {t('scoring.withdraw')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('scoring.cancel')}
      </button>
      <ErrorNotice error={action.error} />
    </form>
  );
}
