import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliberationSummary, NomineeProtocol as Protocol } from '../../../api/contract.ts';
import { compositeKey } from '../../../core/composite-key.ts';
import type { Event } from '../../../core/model.ts';
import { useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { markText, pick } from '../../i18n/index.ts';
import { nomineeLabel } from '../../components/NomineeName.tsx';

interface Props {
  event: Event;
  /** The deliberation on screen: its rule, and who did not score whom. */
  result: DeliberationSummary;
  nomineeId: string;
}

/**
 * The protocol of one nominee: every juror's mark per criterion and round. A conflicted juror's cell says
 * so; a missing mark is shown as missing (never as zero); a mark the trimmed mean drops, and a mark far
 * from the panel median, are marked. The marks and flags are fetched when the nominee is opened
 * (`nomineeProtocol`), by the rule on screen: the deliberation itself never carries every mark.
 */
export function NomineeProtocol({ event, result, nomineeId }: Props) {
  const { t } = useTranslation();
  // Read again when the marks change (INVALIDATES: sheets, decisions), as the results hash then does.
  const loaded = useQuery('nomineeProtocol', { eventId: event.id, rule: result.rule, nomineeId });
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  // useQuery keeps the last answer while the next loads: never show another nominee's marks under this name.
  if (loaded.status !== 'ready' || loaded.value.nomineeId !== nomineeId || loaded.value.rule !== result.rule) {
    return (
      <p aria-busy="true" data-testid={`protocol-loading-${nomineeId}`}>
        {t('start.loading')}
      </p>
    );
  }
  return <ProtocolTables event={event} result={result} protocol={loaded.value} />;
}

function ProtocolTables({ event, result, protocol }: { event: Event; result: DeliberationSummary; protocol: Protocol }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { nomineeId } = protocol;
  const nominee = event.nominees.find((n) => n.id === nomineeId)!;
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order).filter((r) => r.categoryIds.includes(nominee.categoryId));
  const conflictOf = (jurorId: string) => result.conflicts.find((c) => c.jurorId === jurorId && c.nomineeId === nomineeId);
  // Each cell's marks (round, criterion), and the flagged ones, looked up rather than filtered per cell.
  const cells = useMemo(() => Map.groupBy(protocol.marks, (m) => compositeKey(m.roundId, m.criterionCode)), [protocol]);
  const flagged = useMemo(() => new Set(protocol.flags.map((f) => compositeKey(f.jurorId, f.roundId, f.criterionCode))), [protocol]);
  return (
    <div className="protocol" data-testid={`protocol-${nomineeId}`}>
      {rounds.map((round) => {
        const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(nominee.categoryId));
        return (
          <table key={round.id}>
            <caption>
              {nomineeLabel(nominee)} · {pick(round.name, lang)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('protocol.juror')}</th>
                {criteria.map((c) => (
                  <th key={c.code} scope="col" className="num" title={pick(c.label, lang)}>
                    {c.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {event.jurors.map((juror) => (
                <tr key={juror.id}>
                  <th scope="row" title={juror.institution}>
                    {juror.id} · {juror.title}
                  </th>
                  {criteria.map((criterion) => {
                    const conflict = conflictOf(juror.id);
                    if (conflict) {
                      const title = `${t('protocol.conflict')}: ${conflict.reason}${conflict.declared ? ` (${t('protocol.declared')})` : ''}`;
                      return (
                        <td key={criterion.code} className="num mark-conflict" title={title}>
                          ×
                        </td>
                      );
                    }
                    const cell = cells.get(compositeKey(round.id, criterion.code)) ?? [];
                    const mark = cell.find((m) => m.jurorId === juror.id);
                    if (!mark)
                      return (
                        <td key={criterion.code} className="num mark-missing" title={t('protocol.missing')}>
                          ·
                        </td>
                      );
                    const values = cell.map((m) => m.value).sort((a, b) => a - b);
                    const dropped =
                      result.rule === 'trimmed' && values.length >= 5 && (mark.value === values[0] || mark.value === values.at(-1));
                    const isFlagged = flagged.has(compositeKey(juror.id, round.id, criterion.code));
                    return (
                      <td
                        key={criterion.code}
                        className={`num${dropped ? ' mark-dropped' : ''}${isFlagged ? ' mark-flagged' : ''}`}
                        title={
                          [dropped ? t('protocol.dropped') : '', isFlagged ? t('protocol.flagged') : ''].filter(Boolean).join(' · ') ||
                          undefined
                        }
                      >
                        {markText(mark.value, lang)}
                        {isFlagged ? ' !' : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <p className="hint">{t('protocol.legend')}</p>
    </div>
  );
}
