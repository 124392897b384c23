import { useTranslation } from 'react-i18next';
import type { Deliberation } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { pick } from '../../i18n/index.ts';

interface Props {
  event: Event;
  result: Deliberation;
  nomineeId: string;
}

/**
 * The protocol of one nominee: every juror's mark per criterion and round. A conflicted juror's cell says
 * so; a missing mark is shown as missing (never as zero); a mark the trimmed mean drops, and a mark far
 * from the panel median, are marked.
 */
export function NomineeProtocol({ event, result, nomineeId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nominee = event.nominees.find((n) => n.id === nomineeId)!;
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order).filter((r) => r.categoryIds.includes(nominee.categoryId));
  const conflictOf = (jurorId: string) => result.conflicts.find((c) => c.jurorId === jurorId && c.nomineeId === nomineeId);
  return (
    <div className="protocol" data-testid={`protocol-${nomineeId}`}>
      {rounds.map((round) => {
        const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(nominee.categoryId));
        return (
          <table key={round.id}>
            <caption>{nominee.name} · {pick(round.name, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocol.juror')}</th>
                {criteria.map((c) => <th key={c.code} scope="col" className="num" title={pick(c.label, lang)}>{c.code}</th>)}
              </tr>
            </thead>
            <tbody>
              {event.jurors.map((juror) => (
                <tr key={juror.id}>
                  <th scope="row">{juror.id}</th>
                  {criteria.map((criterion) => {
                    const conflict = conflictOf(juror.id);
                    if (conflict) {
                      const title = `${t('protocol.conflict')}: ${conflict.reason}${conflict.declared ? ` (${t('protocol.declared')})` : ''}`;
                      return <td key={criterion.code} className="num mark-conflict" title={title}>×</td>;
                    }
                    const cell = result.marks.filter((m) => m.roundId === round.id && m.nomineeId === nomineeId && m.criterionCode === criterion.code);
                    const mark = cell.find((m) => m.jurorId === juror.id);
                    if (!mark) return <td key={criterion.code} className="num mark-missing" title={t('protocol.missing')}>·</td>;
                    const values = cell.map((m) => m.value).sort((a, b) => a - b);
                    const dropped = result.rule === 'trimmed' && values.length >= 5 && (mark.value === values[0] || mark.value === values.at(-1));
                    const flagged = result.flags.some((f) => f.jurorId === juror.id && f.roundId === round.id && f.nomineeId === nomineeId && f.criterionCode === criterion.code);
                    return (
                      <td key={criterion.code} className={`num${dropped ? ' mark-dropped' : ''}${flagged ? ' mark-flagged' : ''}`}
                        title={[dropped ? t('protocol.dropped') : '', flagged ? t('protocol.flagged') : ''].filter(Boolean).join(' · ') || undefined}>
                        {mark.value}{flagged ? ' !' : ''}
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
