import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategorySummary, NomineeRow } from '../../api/contract.ts';
import { pick } from '../i18n/index.ts';

/** The event's categories, each with its nominees; a filter shows one category. */
export function NomineeList({ categories, nominees }: { categories: CategorySummary[]; nominees: NomineeRow[] }) {
  const { t, i18n } = useTranslation();
  const [categoryFilter, setCategoryFilter] = useState('');
  const lang = i18n.language;
  const shown = categories.filter((c) => !categoryFilter || c.id === categoryFilter);
  return (
    <>
      <div className="toolbar">
        <label>
          {t('event.categoryFilter')}{' '}
          <select value={categoryFilter} onChange={(e) => setCategoryFilter(e.target.value)}>
            <option value="">{t('event.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {pick(c.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="totals" data-testid="event-totals">
          {t('event.totals', { categories: categories.length, nominees: nominees.length })}
        </span>
      </div>
      {shown.map((category) => {
        const rows = nominees.filter((n) => n.categoryId === category.id);
        return (
          <section key={category.id} className="category" aria-labelledby={`cat-${category.id}`} data-category={category.id}>
            <h2 id={`cat-${category.id}`}>
              {pick(category.name, lang)} <small>({t('event.nomineeCount', { count: category.nomineeCount })})</small>
            </h2>
            <table className="nominees">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('event.column.number')}
                  </th>
                  <th scope="col">{t('event.column.name')}</th>
                  <th scope="col">{t('event.column.region')}</th>
                  <th scope="col">{t('event.column.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((nominee, index) => (
                  <tr key={nominee.id} data-nominee={nominee.id}>
                    <td className="num">{index + 1}</td>
                    <th scope="row">
                      {nominee.name}
                      {nominee.fictional ? ' †' : ''}
                    </th>
                    <td>{nominee.region}</td>
                    <td>{nominee.fictional ? t('event.fictional') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
