import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { mutate, mutateEach, useAction, useQuery } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { eventTimeZone } from '../../../core/local-time.ts';
import { KeyChangePanel } from './KeyChangePanel.tsx';

/** The jury, and each juror's laptop key: enrolment files imported, fingerprints confirmed aloud. */
export function JurorsView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  // Read again after each import, confirmation or removal, with the event's header (INVALIDATES).
  const enrolments = useQuery('listEnrolments', { eventId: event.id });
  const action = useAction();
  const [heard, setHeard] = useState<Record<string, string>>({});
  const [enrolled, setEnrolled] = useState<Enrolment[]>([]);
  // After confirming or removing a juror's key, the keyboard stays on that juror's row.
  const [focusJuror, setFocusJuror] = useState<string | null>(null);
  useEffect(() => {
    if (!focusJuror || enrolments.status !== 'ready') return;
    document.querySelector<HTMLElement>(`tr[data-juror="${CSS.escape(focusJuror)}"] th`)?.focus();
    setFocusJuror(null);
  }, [focusJuror, enrolments]);
  const attempt = (work: () => Promise<unknown>) => {
    setEnrolled([]);
    return action.run(work);
  };
  const byJuror = new Map<string, Enrolment>(enrolments.status === 'ready' ? enrolments.value.map((e) => [e.jurorId, e]) : []);

  return (
    <>
      <div className="actions">
        <FilePicker
          label={t('enrolment.import')}
          accept=".timbang-enrol"
          multiple
          onFiles={(files) =>
            attempt(async () => {
              // Every file is tried; the ones refused are all reported, not just the first.
              const refused: string[] = [];
              // One after another, as each may check that juror's sheets again; the list is read again once, at the end.
              await mutateEach('importEnrolment', files, {
                inTurn: true,
                onSettled: (outcome) => {
                  if (outcome.ok) setEnrolled((done) => [...done, outcome.value]);
                  else refused.push(errorText(outcome.error, i18n.language));
                },
              });
              if (refused.length) throw new Error(refused.join('\n'));
            })
          }
        />
      </div>
      {enrolled.length > 0 && (
        <p className="notice" role="status">
          {enrolled.map((e) => t('enrolment.done', { juror: e.jurorId, name: e.name, fingerprint: e.fingerprint })).join(' ')}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <table className="jurors-table">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">{t('enrolment.role')}</th>
            <th scope="col">{t('enrolment.position')}</th>
            <th scope="col">{t('enrolment.key')}</th>
          </tr>
        </thead>
        <tbody>
          {event.jurors.map((juror) => {
            const enrolment = byJuror.get(juror.id);
            return (
              <tr key={juror.id} data-juror={juror.id}>
                <td>{juror.id}</td>
                <td>{t(`jurorRole.${juror.role}`)}</td>
                <th scope="row" tabIndex={-1}>
                  {juror.title}
                  <br />
                  <small>{juror.institution}</small>
                </th>
                <td>
                  {!enrolment ? (
                    <span className="muted">{t('enrolment.notYet')}</span>
                  ) : (
                    <div className="enrolment">
                      <span>{enrolment.name}</span>
                      <span className="fingerprint">{enrolment.fingerprint}</span>
                      {enrolment.confirmedAt ? (
                        <span className="ok">✓ {t('enrolment.confirmed')}</span>
                      ) : (
                        <form
                          className="inline-form"
                          onSubmit={(e) => {
                            e.preventDefault();
                            setFocusJuror(juror.id);
                            void attempt(() =>
                              mutate('confirmEnrolment', { eventId: event.id, jurorId: juror.id, fingerprint: heard[juror.id] ?? '' }),
                            );
                          }}
                        >
                          <label>
                            {t('enrolment.heard')}
                            <input
                              inputMode="numeric"
                              value={heard[juror.id] ?? ''}
                              onChange={(e) => setHeard({ ...heard, [juror.id]: e.target.value })}
                            />
                          </label>
                          <button type="submit">{t('enrolment.confirm')}</button>
                        </form>
                      )}
                      <button
                        type="button"
                        onClick={() => {
                          if (!window.confirm(t('enrolment.removeConfirm', { juror: juror.id }))) return;
                          setFocusJuror(juror.id);
                          void attempt(() => mutate('removeEnrolment', { eventId: event.id, jurorId: juror.id }));
                        }}
                      >
                        {t('enrolment.remove', { juror: juror.id })}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {/* Issue 21: re-enrolling a juror from a new laptop (the old key bound to the new one), and the key changes so far. */}
      <KeyChangePanel eventId={event.id} timeZone={eventTimeZone(event)} reenrol />
    </>
  );
}
