import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppError, type ErrorDetails, type MissingMarks } from '../../../api/errors.ts';
import { keyParts } from '../../../core/composite-key.ts';
import { eventTimeZone } from '../../../core/local-time.ts';
import type { Event } from '../../../core/model.ts';
import { filterNominees, roundNominees } from '../../../core/scoring.ts';
import { mutate, useAction } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { nomineeLabel } from '../../components/NomineeName.tsx';
import { clockText, markText, pick } from '../../i18n/index.ts';
import { RubricPanel } from './RubricPanel.tsx';
import { ScoreGrid, type CellRefusal } from './ScoreGrid.tsx';
import { SingleNominee } from './SingleNominee.tsx';
import type { Focus } from './use-grid-keys.ts';
import { jump, onJumpKey, useScoringFocus } from './use-scoring-focus.ts';
import { markKey } from './marks.ts';
import { useScoring } from './use-scoring.ts';

/** An 'incomplete' refusal of finalizing lists the marks still owed, nominee by nominee. */
const isMissingMarks = (details: ErrorDetails<'incomplete'> | undefined): details is MissingMarks[] =>
  Array.isArray(details) && details.every((d) => 'nomineeId' in d);

interface Props {
  event: Event;
  roundId: string;
  categoryId: string;
  onBack(): void;
}

/**
 * Where a juror scores one round of one category: a grid, or one nominee at a time for the interview.
 * On opening, keyboard focus is on the first mark still to give; Alt+C and Alt+K (and the links above
 * the grid) reach the notes and Finalisasi without tabbing through every cell (use-scoring-focus.ts).
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
  const action = useAction();
  const [query, setQuery] = useState('');
  const [view, setView] = useState<'grid' | 'single'>(round.interview ? 'single' : 'grid');
  const [reopenReason, setReopenReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(() => filterNominees(nominees, query), [nominees, query]);
  const singleList = shown.length > 0 ? shown : nominees;
  // A keystroke the grid refused, shown at its cell until the juror moves on.
  const [refusal, setRefusal] = useState<CellRefusal | null>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const missingList = useRef<HTMLDivElement>(null);
  const keyboard = useScoringFocus({
    nominees,
    criteria,
    state: scoring.state,
    marks: scoring.marks,
    listed: view === 'grid' ? shown : singleList,
    reveal: (nomineeId) => {
      if (!shown.some((n) => n.id === nomineeId)) setQuery('');
    },
    undo: scoring.undo,
    afterFinalize: backButton,
  });
  const { focus } = keyboard;
  // Finalize refused: what is missing, each a way to the mark to give (the keyboard goes to the first).
  const refused = action.error;
  const missing = isAppError(refused, 'incomplete') && isMissingMarks(refused.details) ? refused.details : null;
  const missingShown = missing !== null;
  useEffect(() => {
    if (missingShown) missingList.current?.querySelector<HTMLElement>('button')?.focus();
  }, [missingShown, action.error]);
  const timeZone = eventTimeZone(event);

  if (!scoring.state) return scoring.loadError ? <ErrorNotice error={scoring.loadError} /> : <p aria-busy="true">{t('start.loading')}</p>;
  const state = scoring.state;
  const conflicts = new Map(state.conflicts.map((c) => [c.nomineeId, c]));
  const required = nominees.filter((n) => !conflicts.has(n.id)).length * criteria.length;
  const given = [...scoring.marks.entries()].filter(([key, mark]) => mark.value !== null && !conflicts.has(keyParts(key)[0])).length;
  const focusedNominee = nominees.find((n) => n.id === focus.nomineeId) ?? nominees[0];
  const focusedCriterion = criteria.find((c) => c.code === focus.criterionCode) ?? criteria[0];

  const finalize = async () => {
    setNotice(null);
    const done = await action.run(async () => {
      await scoring.settled(); // marks typed just before are still being saved: finalize what is on disk then
      return mutate('finalizeRound', { eventId: event.id, roundId, categoryId });
    });
    if (!done) return;
    setNotice(t('scoring.finalized'));
    setRefusal(null);
    keyboard.focusAfterFinalize();
  };
  const reopen = async () => {
    const reopened = await action.run(() => mutate('reopenRound', { eventId: event.id, roundId, categoryId, reason: reopenReason }));
    if (!reopened) return;
    setReopenReason('');
    setNotice(t('scoring.reopened', { revision: reopened.sheetRevision }));
    setRefusal(null);
    keyboard.placeAfterReload();
  };
  /** A mark typed: a refusal of finalizing shown so far is out of date. */
  const record = (nomineeId: string, criterionCode: string, value: number | null) => {
    action.clear();
    return scoring.record(nomineeId, criterionCode, value);
  };
  // What the API refused to save is shown at its cell too, in the interface language.
  const apiRefusal: CellRefusal | null = scoring.cellError
    ? {
        nomineeId: scoring.cellError.nomineeId,
        criterionCode: scoring.cellError.criterionCode,
        message: errorText(scoring.cellError.error, lang),
      }
    : null;
  const cellRefusal = refusal ?? apiRefusal;
  const moveFocus = (next: Focus) => {
    keyboard.setFocus(next);
    if (cellRefusal && (cellRefusal.nomineeId !== next.nomineeId || cellRefusal.criterionCode !== next.criterionCode)) {
      setRefusal(null);
      scoring.setCellError(null);
    }
  };
  const lastSavedNominee = scoring.lastSaved ? nominees.find((n) => n.id === scoring.lastSaved!.nomineeId) : undefined;

  return (
    <section className="scoring" aria-labelledby="scoring-title" onKeyDown={onJumpKey}>
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
              focusRequest={keyboard.focusRequest}
              onRecord={async (nomineeId, criterionCode, value) => {
                setRefusal(null);
                await record(nomineeId, criterionCode, value);
              }}
              onUndo={() => void keyboard.undoFromKeyboard()}
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
                focusRequest={keyboard.focusRequest}
                onSelect={(nomineeId) => keyboard.setFocus((f) => ({ ...f, nomineeId }))}
                onFocusCriterion={(criterionCode) => keyboard.setFocus((f) => ({ ...f, criterionCode }))}
                onRecord={record}
                apiRefusal={apiRefusal}
                onUndo={() => void keyboard.undoFromKeyboard()}
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
            mark={scoring.marks.get(markKey(focusedNominee.id, focusedCriterion.code))?.value ?? null}
            note={state.notes.find((n) => n.nomineeId === focusedNominee.id)?.text ?? ''}
            conflict={conflicts.get(focusedNominee.id)}
            locked={state.finalized}
            onChanged={keyboard.placeAfterReload}
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
      {!missing && <ErrorNotice error={action.error ?? scoring.loadError} />}

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
                        <button type="button" className="link-button" onClick={() => keyboard.goTo(m.nomineeId, m.criteria[0])}>
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
