import { useTranslation } from 'react-i18next';
import type { MergeRule } from '../../core/model.ts';

/** The four merge rules, in the order the secretariat weighs them (the event's own is chosen in its template). */
export const MERGE_RULES: MergeRule[] = ['mean', 'trimmed', 'median', 'zscore'];

/** "Metode": which rule the results, the audit and the penetapan are read by; one select for all three screens. */
export function MergeRuleSelect({ value, onChange }: { value: MergeRule; onChange(rule: MergeRule): void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('results.rule')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as MergeRule)}>
        {MERGE_RULES.map((r) => (
          <option key={r} value={r}>
            {t(`results.ruleName.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
