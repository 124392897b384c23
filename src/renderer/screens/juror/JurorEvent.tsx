import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundAssignment } from '../../../api/contract.ts';
import { api, invalidate, mutate, useAction, useQuery, type Loadable } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { KeyPanel } from '../../components/KeyPanel.tsx';
import { Working } from '../../components/Working.tsx';
import { saveFileData } from '../../files.ts';
import { pick } from '../../i18n/index.ts';
import type { EventData } from '../event-data.ts';
import { ScoringScreen } from '../scoring/ScoringScreen.tsx';
import { eventTimeZone } from '../../../core/local-time.ts';
import { ResumePanel } from './ResumePanel.tsx';

/** A juror's laptop with the secretariat's package: who I am, my key, what I score. */
export function JurorEvent({ data }: { data: EventData }) {
  const { t } = useTranslation();
  const { summary, event } = data;
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [scoring, setScoring] = useState<{ roundId: string; categoryId: string } | null>(null);
  // The section the juror came back from: its row's button takes the keyboard again.
  const [cameFrom, setCameFrom] = useState<string | null>(null);
  const [changingIdentity, setChangingIdentity] = useState(false);
  const identityLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (summary.jurorId && !changingIdentity) identityLine.current?.focus();
  }, [summary.jurorId, changingIdentity]);
  // What this juror scores and how far they are: read once, for the list, the identity line and the sheet;
  // again after a new package, a juror chosen, marks resumed (INVALIDATES), and on coming back from scoring.
  const assignments = useQuery('jurorAssignments', { eventId: event.id });
  useEffect(() => {
    if (!cameFrom || scoring || assignments.status !== 'ready') return;
    document.querySelector<HTMLElement>(`[data-assignment="${CSS.escape(cameFrom)}"] button`)?.focus();
    setCameFrom(null);
  }, [cameFrom, scoring, assignments]);
  const attempt = (work: () => Promise<void>) => {
    setNotice(null);
    return action.run(work);
  };

  const packageInfo = (
    <p className="package-info">
      {t('package.received', { revision: summary.revision })}{' '}
      <span>
        {t('package.secretariatFingerprint')}:{' '}
        <strong className="fingerprint" data-testid="secretariat-fingerprint">
          {summary.secretariatFingerprint}
        </strong>
      </span>
      <br />
      <small>{t('package.compareFingerprint')}</small>
    </p>
  );

  if (!summary.jurorId || changingIdentity) {
    return (
      <>
        {packageInfo}
        <IdentityPicker
          jurors={event.jurors}
          current={summary.jurorId}
          onCancel={changingIdentity ? () => setChangingIdentity(false) : undefined}
          onChoose={(jurorId) =>
            attempt(async () => {
              await mutate('chooseJuror', { eventId: event.id, jurorId });
              setChangingIdentity(false);
            })
          }
        />
        <ErrorNotice error={action.error} />
      </>
    );
  }

  if (scoring) {
    return (
      <ScoringScreen
        event={event}
        roundId={scoring.roundId}
        categoryId={scoring.categoryId}
        onBack={() => {
          setCameFrom(`${scoring.roundId}/${scoring.categoryId}`);
          setScoring(null);
          invalidate(['listEvents', 'jurorAssignments']); // the marks given there: the list's progress
        }}
      />
    );
  }

  const me = event.jurors.find((j) => j.id === summary.jurorId);
  // Once this laptop has given a mark, it belongs to this juror: the API refuses another identity then.
  const anyScored = assignments.status === 'ready' && assignments.value.some((r) => r.categories.some((c) => c.scored > 0));
  if (!me) return <ErrorNotice error={new Error(t('juror.missingFromPackage', { id: summary.jurorId }))} />;
  return (
    <>
      <p className="identity" data-testid="identity" tabIndex={-1} ref={identityLine}>
        {t('juror.iAm', { id: me.id, title: me.title, institution: me.institution })} · {t(`jurorRole.${me.role}`)}{' '}
        {!anyScored && (
          <button type="button" className="link-button" onClick={() => setChangingIdentity(true)}>
            {t('juror.notMe')}
          </button>
        )}
      </p>
      {packageInfo}
      <KeyPanel
        onChange={() => {
          action.clear();
          // A key now exists: sending it to the secretariat is the next step.
          document
            .getElementById(document.querySelector<HTMLInputElement>('#enrol-name')?.value.trim() ? 'enrol-export' : 'enrol-name')
            ?.focus();
        }}
      />
      <EnrolmentExport eventId={event.id} initialName={summary.jurorName ?? ''} />
      <ResumePanel eventId={event.id} timeZone={eventTimeZone(event)} /> {/* issue 21 */}
      <Assignments rounds={assignments} onScore={(roundId, categoryId) => setScoring({ roundId, categoryId })} />
      <SheetExport
        event={event}
        initialName={summary.jurorName ?? ''}
        assignments={assignments.status === 'ready' ? assignments.value : []}
      />
      <section className="panel" aria-labelledby="update-title">
        <h2 id="update-title">{t('package.updateTitle')}</h2>
        <FilePicker
          label={t('package.importUpdate')}
          accept=".timbang"
          onFiles={([file]) =>
            attempt(async () => {
              const result = await mutate('importPackage', file);
              const rollover = result.secretariatRollover; // issue 21: the package moved the pin to a new secretariat key
              setNotice(
                t(`package.outcome.${result.outcome}`, { revision: result.event.revision, previous: result.previousRevision }) +
                  (rollover
                    ? ` ${t('continuity.rollover.accepted', { previous: rollover.previousFingerprint, next: rollover.nextFingerprint })}`
                    : ''),
              );
            })
          }
        />
        {notice && <p role="status">{notice}</p>}
      </section>
      <ErrorNotice error={action.error} />
    </>
  );
}

function IdentityPicker({
  jurors,
  current,
  onChoose,
  onCancel,
}: {
  jurors: EventData['event']['jurors'];
  current: string | null;
  onChoose(jurorId: string): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(current ?? '');
  const picker = useRef<HTMLFieldSetElement>(null);
  // Asked to change who one is ("Bukan saya? Ganti"): the keyboard goes to the choice.
  useEffect(() => {
    if (onCancel)
      (
        picker.current?.querySelector<HTMLInputElement>('input:checked') ?? picker.current?.querySelector<HTMLInputElement>('input')
      )?.focus();
  }, []); // once, on opening
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onChoose(choice);
      }}
    >
      <fieldset className="identity-picker" ref={picker}>
        <legend>{t('juror.whoAreYou')}</legend>
        {jurors.map((juror) => (
          <label key={juror.id}>
            <input type="radio" name="juror" value={juror.id} checked={choice === juror.id} onChange={() => setChoice(juror.id)} />
            {t('juror.iAm', { id: juror.id, title: juror.title, institution: juror.institution })}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('juror.identityHint')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={!choice}>
          {t('juror.confirmIdentity')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('scoring.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function EnrolmentExport({ eventId, initialName }: { eventId: string; initialName: string }) {
  const { t } = useTranslation();
  const status = useQuery('enrolmentStatus', { eventId });
  const [name, setName] = useState(initialName);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  return (
    <section className="panel" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('enrolment.sendTitle')}</h2>
      {status.status === 'ready' && status.value.matchesThisLaptop && (
        <p className="ok" data-testid="enrolled">
          ✓ {t('enrolment.registered', { fingerprint: status.value.enrolledFingerprint })}
        </p>
      )}
      {status.status === 'ready' && status.value.enrolledFingerprint && !status.value.matchesThisLaptop && (
        <p className="notice notice-warning">{t('enrolment.otherKey', { fingerprint: status.value.enrolledFingerprint })}</p>
      )}
      <p>{t('enrolment.sendIntro')}</p>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setDone(null);
          const file = await action.run(() => api.exportEnrolment({ eventId, name }));
          if (!file) return;
          saveFileData(file);
          setDone(file.fileName);
        }}
      >
        <label>
          {t('enrolment.yourName')}
          <input id="enrol-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <button type="submit" id="enrol-export" disabled={!name.trim()}>
          {t('enrolment.export')}
        </button>
        {done && <span role="status">{t('enrolment.exported', { file: done })}</span>}
      </form>
      <ErrorNotice error={action.error} />
    </section>
  );
}

function Assignments({ rounds, onScore }: { rounds: Loadable<RoundAssignment[]>; onScore(roundId: string, categoryId: string): void }) {
  const { t, i18n } = useTranslation();
  if (rounds.status === 'error') return <ErrorNotice error={rounds.error} />;
  if (rounds.status !== 'ready') return null;
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('juror.assignments')}</h2>
      {rounds.value.map((round) => (
        <section key={round.roundId} aria-labelledby={`assign-${round.roundId}`}>
          <h3 id={`assign-${round.roundId}`}>
            {round.order}. {pick(round.name, i18n.language)}
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('juror.category')}</th>
                <th scope="col" className="num">
                  {t('juror.nominees')}
                </th>
                <th scope="col" className="num">
                  {t('juror.criteria')}
                </th>
                <th scope="col">{t('juror.progress')}</th>
                <th scope="col">{t('juror.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('juror.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {round.categories.map((category) => (
                <tr key={category.categoryId} data-assignment={`${round.roundId}/${category.categoryId}`}>
                  <th scope="row">{pick(category.name, i18n.language)}</th>
                  <td className="num">{category.nominees}</td>
                  <td className="num">{category.criteria}</td>
                  <td>
                    <progress
                      max={category.required}
                      value={category.scored}
                      aria-label={t('juror.progressOf', { scored: category.scored, required: category.required })}
                    />{' '}
                    {t('juror.progressOf', { scored: category.scored, required: category.required })}
                  </td>
                  <td>
                    {!category.open ? t('juror.waitingShortlist') : category.finalized ? t('juror.finalized') : t('juror.open')}
                    {category.conflicted > 0 && <> · {t('juror.conflicted', { count: category.conflicted })}</>}
                  </td>
                  <td>
                    {category.open && (
                      <button
                        type="button"
                        onClick={() => onScore(round.roundId, category.categoryId)}
                        aria-label={`${t('juror.score')}: ${pick(round.name, i18n.language)}, ${pick(category.name, i18n.language)}`}
                      >
                        {t('juror.score')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** The juror's signed score sheet (.xlsx): the rounds chosen, signed with this laptop's key. */
function SheetExport({
  event,
  initialName,
  assignments,
}: {
  event: EventData['event'];
  initialName: string;
  assignments: RoundAssignment[];
}) {
  const { t, i18n } = useTranslation();
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const [chosen, setChosen] = useState<string[]>(rounds.map((r) => r.id));
  const [name, setName] = useState(initialName);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const busy = action.busy;
  // What the sheet would carry as a draft: the secretariat sees such sections as not final.
  const drafts = assignments
    .filter((r) => chosen.includes(r.roundId))
    .flatMap((r) =>
      r.categories
        .filter((c) => c.open && !c.finalized)
        .map((c) =>
          t('sheet.draftSection', {
            round: pick(r.name, i18n.language),
            category: pick(c.name, i18n.language),
            scored: c.scored,
            required: c.required,
          }),
        ),
    );
  return (
    <section className="panel" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('sheet.title')}</h2>
      <p>{t('sheet.intro')}</p>
      {drafts.length > 0 && (
        <p className="notice" data-testid="sheet-drafts">
          {t('sheet.drafts', { count: drafts.length, sections: drafts.join('; ') })}
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return; // one signing at a time; the button stays focusable meanwhile
          setDone(null);
          const file = await action.run(() => mutate('exportSheet', { eventId: event.id, name, roundIds: chosen }));
          if (!file) return;
          saveFileData(file);
          setDone(file.fileName);
        }}
      >
        <fieldset className="round-choice">
          <legend>{t('sheet.rounds')}</legend>
          {rounds.map((round) => (
            <label key={round.id}>
              <input
                type="checkbox"
                checked={chosen.includes(round.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, round.id] : chosen.filter((id) => id !== round.id))}
              />
              {pick(round.name, i18n.language)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('sheet.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <button type="submit" className="primary" aria-disabled={busy || undefined} disabled={!name.trim() || chosen.length === 0}>
          {t('sheet.export')}
        </button>
        {busy && <Working what={t('progress.signingSheet')} />}
        {done && <span role="status">{t('sheet.exported', { file: done })}</span>}
      </form>
      <ErrorNotice error={action.error} />
    </section>
  );
}
