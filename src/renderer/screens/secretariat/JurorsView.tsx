import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../../api/contract.ts';
import { AppError } from '../../../api/errors.ts';
import type { Event } from '../../../core/model.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { pick } from '../../i18n/index.ts';
import { useApi } from '../../use-api.ts';
import { eventTimeZone } from '../../../core/local-time.ts';
import { KeyChangePanel } from './KeyChangePanel.tsx';

/** The jury, and each juror's laptop key: enrolment files imported, fingerprints confirmed aloud. */
export function JurorsView({ event, onChanged }: { event: Event; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const enrolments = useApi(() => api.listEnrolments({ eventId: event.id }), [event.id, version]);
  const [error, setError] = useState<unknown>(null);
  const [heard, setHeard] = useState<Record<string, string>>({});
  const [enrolled, setEnrolled] = useState<Enrolment[]>([]);
  // After confirming or removing a juror's key, the keyboard stays on that juror's row.
  const [focusJuror, setFocusJuror] = useState<string | null>(null);
  useEffect(() => {
    if (!focusJuror || enrolments.status !== 'ready') return;
    document.querySelector<HTMLElement>(`tr[data-juror="${CSS.escape(focusJuror)}"] th`)?.focus();
    setFocusJuror(null);
  }, [focusJuror, enrolments]);
  const refresh = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const attempt = async (action: () => Promise<unknown>) => {
    setError(null);
    setEnrolled([]);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      refresh();
    }
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
              for (const file of files) {
                try {
                  const enrolment = await api.importEnrolment(file);
                  setEnrolled((done) => [...done, enrolment]);
                } catch (failure) {
                  refused.push(failure instanceof AppError ? pick(failure.bilingual, i18n.language) : String(failure));
                }
              }
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
      {error !== null && <ErrorNotice error={error} />}
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
                              api.confirmEnrolment({ eventId: event.id, jurorId: juror.id, fingerprint: heard[juror.id] ?? '' }),
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
                          void attempt(() => api.removeEnrolment({ eventId: event.id, jurorId: juror.id }));
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
      <KeyChangePanel eventId={event.id} timeZone={eventTimeZone(event)} reenrol onChanged={refresh} />
    </>
  );
}
