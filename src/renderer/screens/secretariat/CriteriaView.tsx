import { useTranslation } from 'react-i18next';
import type { Event } from '../../../core/model.ts';
import { markText, pick } from '../../i18n/index.ts';

/** Rounds, and per category the criteria with weights and every rubric level's written anchor. */
export function CriteriaView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      {[...event.rounds]
        .sort((a, b) => a.order - b.order)
        .map((round) => (
          <section key={round.id} aria-labelledby={`round-${round.id}`}>
            <h2 id={`round-${round.id}`}>
              {pick(round.name, lang)} <small>({t('criteria.roundWeight', { weight: markText(round.weight, lang) })})</small>
            </h2>
            {event.categories
              .filter((c) => round.categoryIds.includes(c.id))
              .map((category) => {
                const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
                return (
                  <details key={category.id} className="criteria-group">
                    <summary>
                      {pick(category.name, lang)} · {t('criteria.count', { count: criteria.length })}
                    </summary>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('criteria.code')}</th>
                          <th scope="col">{t('criteria.label')}</th>
                          <th scope="col" className="num">
                            {t('criteria.weight')}
                          </th>
                          <th scope="col">{t('criteria.rubric')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {criteria.map((criterion) => (
                          <tr key={criterion.code}>
                            <td>{criterion.code}</td>
                            <th scope="row">{pick(criterion.label, lang)}</th>
                            <td className="num">{markText(criterion.weight, lang)}</td>
                            <td>
                              <ol className="rubric">
                                {criterion.rubric.map((level) => (
                                  <li key={level.score} value={level.score}>
                                    {pick(level.text, lang)}
                                  </li>
                                ))}
                              </ol>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                );
              })}
          </section>
        ))}
    </>
  );
}
