import { useTranslation } from 'react-i18next';
import type { Event } from '../../../core/model.ts';
import { NomineeName } from '../../components/NomineeName.tsx';

/** Declared conflicts of interest: these jurors do not score these nominees. */
export function ConflictsView({ event }: { event: Event }) {
  const { t } = useTranslation();
  if (event.conflicts.length === 0) return <p>{t('conflicts.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('conflicts.juror')}</th>
          <th scope="col">{t('conflicts.nominee')}</th>
          <th scope="col">{t('conflicts.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {event.conflicts.map((conflict) => {
          const juror = event.jurors.find((j) => j.id === conflict.jurorId);
          const nominee = event.nominees.find((n) => n.id === conflict.nomineeId);
          return (
            <tr key={`${conflict.jurorId}-${conflict.nomineeId}`}>
              <td>
                {conflict.jurorId} · {juror?.title}
              </td>
              <td>{nominee ? <NomineeName nominee={nominee} /> : conflict.nomineeId}</td>
              <td>{conflict.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
