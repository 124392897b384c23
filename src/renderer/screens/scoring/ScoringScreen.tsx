import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../api/errors.ts';
import type { Criterion, Event, Nominee } from '../../../core/model.ts';
import { filterNominees, roundNominees } from '../../../core/scoring.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { eventTimeZone } from '../../../core/local-time.ts';
import { nomineeLabel } from '../../components/NomineeName.tsx';
import { clockText, markText, pick } from '../../i18n/index.ts';
import { RubricPanel } from './RubricPanel.tsx';
import { ScoreGrid, type CellRefusal, type Focus } from './ScoreGrid.tsx';
import { SingleNominee } from './SingleNominee.tsx';
import { markKey, useScoring, type Mark } from './use-scoring.ts';

interface Props {
  event: Event;
  roundId: string;
  categoryId: string;
  onBack(): void;
}

/** The first mark still to give, nominee by nominee in the order shown (conflicted nominees passed over). */
function firstUnscored(
  nominees: Nominee[],
  criteria: Criterion[],
  marks: ReadonlyMap<string, Mark>,
  conflicted: ReadonlySet<string>,
): Focus | null {
  for (const nominee of nominees) {
    if (conflicted.has(nominee.id)) continue;
    const criterion = criteria.find((c) => (marks.get(markKey(nominee.id, c.code))?.value ?? null) === null);
    if (criterion) return { nomineeId: nominee.id, criterionCode: criterion.code };
  }
  return null;
}

/** Alt+C and Alt+K: from anywhere on the screen (the grid too) to the notes and to Finalisasi. */
const JUMP_KEYS = { note: 'c', finalize: 'k' } as const;
const jumpOf = (event: KeyboardEvent): keyof typeof JUMP_KEYS | null => {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  // The letter typed; where Alt makes another character (⌥C is "ç" on a Mac), the key's place.
  const typed = event.key.toLowerCase();
  const letter = /^[a-z]$/.test(typed) ? typed : /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : typed;
  return letter === JUMP_KEYS.note ? 'note' : letter === JUMP_KEYS.finalize ? 'finalize' : null;
};

/**
 * Where a juror scores one round of one category: a grid, or one nominee at a time for the interview.
 * On opening, keyboard focus is on the first mark still to give; Alt+C and Alt+K (and the links above
 * the grid) reach the notes and Finalisasi without tabbing through every cell.
 */
export function ScoringScreen({ event, roundId, categoryId, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const round = event.rounds.find((r) => r.id === roundId)!;
  const category = event.categories.find((c) => c.id === categoryId)!;
  const criteria = useMemo(
    () => event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId)),
    [event, roundId, categoryId],
  );
  const nominees = useMemo(() => roundNominees(event, round, categoryId) ?? [], [event, round, categoryId]);
  const scoring = useScoring(event.id, roundId, categoryId);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<'grid' | 'single'>(round.interview ? 'single' : 'grid');
  const [focus, setFocus] = useState<Focus>({ nomineeId: nominees[0]?.id ?? '', criterionCode: criteria[0]?.code ?? '' });
  // Bumped to move keyboard focus onto the focused cell or criterion: once on opening, and after an undo.
  const [focusRequest, setFocusRequest] = useState(0);
  const placed = useRef(false);
  useEffect(() => {
    if (!scoring.state || placed.current) return;
    placed.current = true;
    const first = firstUnscored(nominees, criteria, scoring.marks, new Set(scoring.state.conflicts.map((c) => c.nomineeId)));
    if (first) setFocus(first);
    setFocusRequest((n) => n + 1);
  }, [scoring.state, scoring.marks, nominees, criteria]);
  const [reopenReason, setReopenReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(() => filterNominees(nominees, query), [nominees, query]);
  // A keystroke the grid refused, shown at its cell until the juror moves on.
  const [refusal, setRefusal] = useState<CellRefusal | null>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const missingList = useRef<HTMLDivElement>(null);
  // After an action that reloads the section (a conflict declared or withdrawn, a reopening), the keyboard
  // goes to the next mark still to give once the new state is in.
  const [placeAfterReload, setPlaceAfterReload] = useState(false);
  const [focusAfterFinalize, setFocusAfterFinalize] = useState(false);
  useEffect(() => {
    if (!placeAfterReload || !scoring.state) return;
    setPlaceAfterReload(false);
    const first = firstUnscored(nominees, criteria, scoring.marks, new Set(scoring.state.conflicts.map((c) => c.nomineeId)));
    if (first) setFocus(first);
    setFocusRequest((n) => n + 1);
  }, [placeAfterReload, scoring.state, scoring.marks, nominees, criteria]);
  useEffect(() => {
    if (!focusAfterFinalize || !scoring.state?.finalized) return;
    setFocusAfterFinalize(false);
    backButton.current?.focus(); // the section is done: back to the list is what comes next
  }, [focusAfterFinalize, scoring.state]);
  const missingShown = scoring.error instanceof AppError && scoring.error.code === 'incomplete';
  useEffect(() => {
    if (missingShown) missingList.current?.querySelector<HTMLElement>('button')?.focus();
  }, [missingShown, scoring.error]);
  const timeZone = eventTimeZone(event);

  if (!scoring.state) return scoring.error ? <ErrorNotice error={scoring.error} /> : <p aria-busy="true">{t('start.loading')}</p>;
  const state = scoring.state;
  const conflicts = new Map(state.conflicts.map((c) => [c.nomineeId, c]));
  const required = nominees.filter((n) => !conflicts.has(n.id)).length * criteria.length;
  const given = [...scoring.marks.entries()].filter(([key, mark]) => mark.value !== null && !conflicts.has(key.split('\u0000')[0])).length;
  const focusedNominee = nominees.find((n) => n.id === focus.nomineeId) ?? nominees[0];
  const singleList = shown.length > 0 ? shown : nominees;
  const focusedCriterion = criteria.find((c) => c.code === focus.criterionCode) ?? criteria[0];

  const finalize = async () => {
    setNotice(null);
    scoring.setError(null);
    try {
      await scoring.settled(); // marks typed just before are still being saved: finalize what is on disk then
      await api.finalizeRound({ eventId: event.id, roundId, categoryId });
      setNotice(t('scoring.finalized'));
      setRefusal(null);
      setFocusAfterFinalize(true);
      scoring.reload();
    } catch (failure) {
      scoring.setError(failure);
    }
  };
  const reopen = async () => {
    scoring.setError(null);
    try {
      const { sheetRevision } = await api.reopenRound({ eventId: event.id, roundId, categoryId, reason: reopenReason });
      setReopenReason('');
      setNotice(t('scoring.reopened', { revision: sheetRevision }));
      setRefusal(null);
      setPlaceAfterReload(true);
      scoring.reload();
    } catch (failure) {
      scoring.setError(failure);
    }
  };
  /** Ctrl+Z in the grid or the interview view: undone, and the mark it changed back is focused. */
  const undoFromKeyboard = async () => {
    const change = await scoring.undo();
    if (!change || !(view === 'grid' ? shown : singleList).some((n) => n.id === change.nomineeId)) return;
    setFocus({ nomineeId: change.nomineeId, criterionCode: change.criterionCode });
    setFocusRequest((n) => n + 1);
  };
  const jump = (to: keyof typeof JUMP_KEYS) => {
    const targets = to === 'note' ? ['scoring-note', 'rubric-panel'] : ['finalize-button', 'reopen-reason'];
    for (const id of targets) {
      const element = document.getElementById(id) as (HTMLElement & { disabled?: boolean }) | null;
      if (element && !element.disabled) return element.focus();
    }
  };
  const missing =
    scoring.error instanceof AppError && scoring.error.code === 'incomplete'
      ? (scoring.error.details as { nomineeId: string; name: string; criteria: string[] }[])
      : null;
  /** Moves the keyboard to a cell (or criterion), showing it first when the filter hides it. */
  const goTo = (nomineeId: string, criterionCode: string) => {
    if (!shown.some((n) => n.id === nomineeId)) setQuery('');
    setFocus({ nomineeId, criterionCode });
    setFocusRequest((n) => n + 1);
  };
  // What the API refused to save is shown at its cell too, in the interface language.
  const apiRefusal: CellRefusal | null = scoring.cellError
    ? {
        nomineeId: scoring.cellError.nomineeId,
        criterionCode: scoring.cellError.criterionCode,
        message:
          scoring.cellError.error instanceof AppError
            ? pick(scoring.cellError.error.bilingual, lang)
            : String((scoring.cellError.error as Error)?.message ?? scoring.cellError.error),
      }
    : null;
  const cellRefusal = refusal ?? apiRefusal;
  const moveFocus = (next: Focus) => {
    setFocus(next);
    if (cellRefusal && (cellRefusal.nomineeId !== next.nomineeId || cellRefusal.criterionCode !== next.criterionCode)) {
      setRefusal(null);
      scoring.setCellError(null);
    }
  };
  const lastSavedNominee = scoring.lastSaved ? nominees.find((n) => n.id === scoring.lastSaved!.nomineeId) : undefined;

  return (
    <section
      className="scoring"
      aria-labelledby="scoring-title"
      onKeyDown={(event) => {
        const to = jumpOf(event);
        if (!to) return;
        event.preventDefault();
        jump(to);
      }}
    >
      <div className="scoring-head">
        <button type="button" ref={backButton} onClick={onBack}>
          ← {t('scoring.back')}
        </button>
        <h2 id="scoring-title">
          {pick(round.name, lang)} · {pick(category.name, lang)}
        </h2>
        <span className="badge" data-testid="progress">
          {t('scoring.progress', { given, required })}
        </span>
      </div>
      {state.finalized && (
        <p className="notice notice-locked" id="grid-locked" data-testid="locked">
          <span aria-hidden="true">🔒 </span>
          {t('scoring.locked')}
        </p>
      )}

      <div className="toolbar">
        <div role="group" aria-label={t('scoring.view')} className="segmented">
          <button type="button" aria-pressed={view === 'grid'} onClick={() => setView('grid')}>
            {t('scoring.gridView')}
          </button>
          <button type="button" aria-pressed={view === 'single'} onClick={() => setView('single')}>
            {t('scoring.singleView')}
          </button>
        </div>
        <label>
          {t('scoring.filter')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="button" onClick={() => void scoring.undo()} disabled={state.finalized}>
          {t('scoring.undo')}
        </button>
        <nav className="jump-links" aria-label={t('scoring.jumpTo')}>
          {t('scoring.jumpTo')}:{' '}
          <button type="button" className="link-button" aria-keyshortcuts="Alt+C" onClick={() => jump('note')}>
            {t('scoring.jumpNote')}
          </button>
          {' · '}
          <button type="button" className="link-button" aria-keyshortcuts="Alt+K" onClick={() => jump('finalize')}>
            {t('scoring.jumpFinalize')}
          </button>
        </nav>
      </div>
      <p className="hint keys-hint" data-testid="keys-hint">
        {view === 'grid'
          ? criteria.some((c) => c.scale.step < 1)
            ? t('scoring.keysHalf')
            : t('scoring.keys')
          : criteria.some((c) => c.scale.step < 1)
            ? t('scoring.keysSingleHalf')
            : t('scoring.keysSingle')}
      </p>

      <div className="scoring-body">
        <div className="scoring-main">
          {view === 'grid' ? (
            <ScoreGrid
              nominees={shown}
              criteria={criteria}
              marks={scoring.marks}
              conflicts={conflicts}
              locked={state.finalized}
              focus={focus}
              onFocus={moveFocus}
              focusRequest={focusRequest}
              onRecord={async (nomineeId, criterionCode, value) => {
                setRefusal(null);
                await scoring.record(nomineeId, criterionCode, value);
              }}
              onUndo={() => void undoFromKeyboard()}
              onRefuse={(nomineeId, criterionCode, message) => setRefusal({ nomineeId, criterionCode, message })}
              refusal={cellRefusal}
            />
          ) : (
            focusedNominee && (
              <SingleNominee
                event={event}
                round={round}
                nominees={singleList}
                nominee={focusedNominee}
                criteria={criteria}
                marks={scoring.marks}
                conflict={conflicts.get(focusedNominee.id)}
                locked={state.finalized}
                criterionCode={focusedCriterion?.code ?? ''}
                focusRequest={focusRequest}
                onSelect={(nomineeId) => setFocus((f) => ({ ...f, nomineeId }))}
                onFocusCriterion={(criterionCode) => setFocus((f) => ({ ...f, criterionCode }))}
                onRecord={scoring.record}
                apiRefusal={apiRefusal}
                onUndo={() => void undoFromKeyboard()}
              />
            )
          )}
        </div>
        {focusedNominee && focusedCriterion && (
          <RubricPanel
            eventId={event.id}
            roundId={roundId}
            rounds={event.rounds.filter((r) => r.categoryIds.includes(categoryId))}
            nominee={focusedNominee}
            criterion={focusedCriterion}
            mark={scoring.marks.get(`${focusedNominee.id}\u0000${focusedCriterion.code}`)?.value ?? null}
            note={state.notes.find((n) => n.nomineeId === focusedNominee.id)?.text ?? ''}
            conflict={conflicts.get(focusedNominee.id)}
            locked={state.finalized}
            onChanged={() => {
              setPlaceAfterReload(true);
              scoring.reload();
            }}
            lastSavedAt={scoring.lastSaved?.at}
            timeZone={timeZone}
            figures={event.figures}
            documents={event.documents}
          />
        )}
      </div>

      <div aria-live="polite" className="save-status" data-testid="save-status">
        {scoring.lastSaved &&
          t('scoring.saved', {
            time: clockText(scoring.lastSaved.at, lang, timeZone),
            code: scoring.lastSaved.criterionCode,
            nominee: lastSavedNominee?.name ?? '',
            value: markText(scoring.lastSaved.value, lang),
          })}
      </div>
      {notice && <p role="status">{notice}</p>}
      {!missing && scoring.error !== null && <ErrorNotice error={scoring.error} />}

      <section className="panel finalize" aria-labelledby="finalize-title">
        <h3 id="finalize-title">{t('scoring.finalizeTitle')}</h3>
        {!state.finalized ? (
          <>
            <p>{t('scoring.finalizeIntro')}</p>
            <button type="button" className="primary" id="finalize-button" onClick={finalize}>
              {t('scoring.finalize')}
            </button>
            {/* Refused: what is missing, beside the button that asked, each a way to the mark to give. */}
            {missing && (
              <div className="notice notice-error" role="alert" ref={missingList} data-testid="missing">
                <strong>{t('scoring.missingTitle')}</strong>
                <ul>
                  {missing.map((m) => {
                    const nominee = nominees.find((n) => n.id === m.nomineeId);
                    return (
                      <li key={m.nomineeId}>
                        <button type="button" className="link-button" onClick={() => goTo(m.nomineeId, m.criteria[0])}>
                          {nominee ? nomineeLabel(nominee) : m.name}: {m.criteria.join(', ')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </>
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void reopen();
            }}
          >
            <label>
              {t('scoring.reopenReason')}
              <input id="reopen-reason" value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} />
            </label>
            <button type="submit" disabled={reopenReason.trim().length < 3}>
              {t('scoring.reopen')}
            </button>
          </form>
        )}
      </section>
    </section>
  );
}
