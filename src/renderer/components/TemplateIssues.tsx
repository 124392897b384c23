import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateIssue } from '../../api/contract.ts';
import { pick } from '../i18n/index.ts';
import { useScrollIntoView } from '../use-scroll-into-view.ts';

/** Every problem of an Excel import, each at its sheet and cell, so the whole file is fixed in one pass. */
export function TemplateIssues({ fileName, issues }: { fileName: string; issues: TemplateIssue[] }) {
  const { t, i18n } = useTranslation();
  const ref = useScrollIntoView<HTMLDivElement>();
  // The keyboard goes to the list of what to fix (the file button it came from would only import again).
  useEffect(() => ref.current?.focus(), [ref]);
  return (
    <div className="notice notice-error" role="alert" ref={ref} tabIndex={-1} data-testid="template-issues">
      <strong>{t('template.issuesTitle', { file: fileName, count: issues.length })}</strong>
      <p>{t('template.nothingImported')}</p>
      <table className="issues">
        <thead>
          <tr>
            <th scope="col">{t('template.place')}</th>
            <th scope="col">{t('template.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={index}>
              <td className="cell-ref">{issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet}</td>
              <td>{pick(issue.message, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
