import { useTranslation } from 'react-i18next';
import type { Event, MergeRule } from '../../../core/model.ts';
import { useQuery } from '../../api.ts';
import { pick } from '../../i18n/index.ts';

/**
 * On the results screen (issue 16, item 3): the round × category sections below their quorum, and the
 * nominees scored by other jurors than the rest of their category (recusals apart), with names.
 */
export function PanelChecks({ event, rule }: { event: Event; rule: MergeRule }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const checks = useQuery('panelChecks', { eventId: event.id, rule });
  if (checks.status !== 'ready') return null;
  const round = (id: string) => pick(event.rounds.find((r) => r.id === id)?.name ?? { id, en: id }, lang);
  const category = (id: string) => pick(event.categories.find((c) => c.id === id)?.name ?? { id, en: id }, lang);
  const nominee = (id: string) => event.nominees.find((n) => n.id === id)?.name ?? id;
  const below = checks.value.sections.filter((s) => !s.quorumMet);
  const unequal = checks.value.sections.filter((s) => s.unequal.length > 0);
  if (below.length === 0 && unequal.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="panel-checks">
      {below.map((s) => (
        <p key={`q-${s.roundId}-${s.categoryId}`} data-quorum={`${s.roundId}/${s.categoryId}`}>
          {t('shape.panel.belowQuorum', {
            round: round(s.roundId),
            category: category(s.categoryId),
            present: s.present.length,
            required: s.required,
            assigned: s.assigned.length,
            jurors: s.present.join(', ') || '—',
          })}
        </p>
      ))}
      {unequal.map((s) => (
        <div key={`u-${s.roundId}-${s.categoryId}`} data-unequal={`${s.roundId}/${s.categoryId}`}>
          <p>{t('shape.panel.unequal', { round: round(s.roundId), category: category(s.categoryId), jurors: s.assessedBy.join(', ') })}</p>
          <ul>
            {s.unequal.map((u) => (
              <li key={u.nomineeId}>
                {t('shape.panel.unequalNominee', {
                  name: nominee(u.nomineeId),
                  count: u.scoredBy.length,
                  jurors: u.scoredBy.join(', ') || '—',
                })}
                {u.missing.length > 0 && ` · ${t('shape.panel.missing', { jurors: u.missing.join(', ') })}`}
                {u.partial.length > 0 && ` · ${t('shape.panel.partial', { jurors: u.partial.join(', ') })}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
