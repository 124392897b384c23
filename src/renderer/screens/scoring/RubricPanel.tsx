import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Nominee } from '../../../core/model.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDateTime, pick } from '../../i18n/index.ts';
import { useApi } from '../../use-api.ts';

interface Props {
  eventId: string;
  roundId: string;
  nominee: Nominee;
  criterion: Criterion;
  mark: number | null;
  note: string;
  conflict: { reason: string } | undefined;
  locked: boolean;
  onChanged(): void;
  /** Changes whenever a mark is saved, so the history shown stays current. */
  lastSavedAt: string | undefined;
}

const NOTE_SAVE_DELAY_MS = 600;

/**
 * Always in view beside the grid: the focused criterion's rubric with the chosen level marked, the
 * nominee's notes (saved as the juror types), the mark's history, and declaring a conflict.
 */
export function RubricPanel({ eventId, roundId, nominee, criterion, mark, note, conflict, locked, onChanged, lastSavedAt }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const history = useApi(
    () => api.scoreHistory({ eventId, roundId, nomineeId: nominee.id, criterionCode: criterion.code }),
    [eventId, roundId, nominee.id, criterion.code, lastSavedAt],
  );
  return (
    <aside className="rubric-panel" aria-label={t('scoring.rubricPanel')}>
      <h3>{criterion.code} · {pick(criterion.label, lang)}</h3>
      <p className="hint">{t('scoring.weightScale', { weight: criterion.weight, min: criterion.scale.min, max: criterion.scale.max })}</p>
      <ol className="rubric-levels" data-testid="rubric">
        {criterion.rubric.map((level) => (
          <li key={level.score} aria-current={mark !== null && Math.floor(mark) === level.score ? 'true' : undefined}>
            <strong>{level.score}</strong> {pick(level.text, lang)}
          </li>
        ))}
      </ol>
      <NoteEditor key={`${roundId}/${nominee.id}`} eventId={eventId} roundId={roundId} nominee={nominee} initial={note} disabled={locked || !!conflict} />
      {history.status === 'ready' && history.value.length > 0 && (
        <details className="history">
          <summary>{t('scoring.history', { count: history.value.length })}</summary>
          <ol>
            {history.value.map((h, i) => (
              <li key={i}>{formatDateTime(h.recordedAt, lang)}: {h.previous ?? '—'} → {h.value ?? '—'}</li>
            ))}
          </ol>
        </details>
      )}
      {!conflict && !locked && <DeclareConflict eventId={eventId} nominee={nominee} onDeclared={onChanged} />}
    </aside>
  );
}

function NoteEditor({ eventId, roundId, nominee, initial, disabled }: { eventId: string; roundId: string; nominee: Nominee; initial: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const savedText = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textRef = useRef(text);
  textRef.current = text;

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === savedText.current) return;
    setStatus('saving');
    try {
      await api.saveNote({ eventId, roundId, nomineeId: nominee.id, text: value });
      savedText.current = value;
      setStatus('saved');
      setError(null);
    } catch (failure) {
      setError(failure);
      setStatus('idle');
    }
  };
  // Whatever is typed is saved when the juror moves to another nominee, even mid-pause.
  useEffect(() => () => void save(textRef.current), []);

  return (
    <div className="note-editor">
      <label>
        {t('scoring.note', { nominee: nominee.name })}
        <textarea
          rows={4}
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
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

function DeclareConflict({ eventId, nominee, onDeclared }: { eventId: string; nominee: Nominee; onDeclared(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!open) return <button type="button" onClick={() => setOpen(true)}>{t('scoring.declareConflict')}</button>;
  return (
    <form className="declare" onSubmit={async (e) => {
      e.preventDefault();
      try {
        await api.declareConflict({ eventId, nomineeId: nominee.id, reason });
        setOpen(false);
        onDeclared();
      } catch (failure) {
        setError(failure);
      }
    }}>
      <label>
        {t('scoring.conflictReason', { nominee: nominee.name })}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={reason.trim().length < 3}>{t('scoring.declare')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('scoring.cancel')}</button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
