import { useTranslation } from 'react-i18next';

interface Named {
  name: string;
  fictional: boolean;
}

/** A nominee's name as text, with † for a demo nominee that does not exist (options, labels, messages). */
export const nomineeLabel = (nominee: Named): string => (nominee.fictional ? `${nominee.name} †` : nominee.name);

/**
 * A nominee's name on screen, with † (explained on hover and to a screen reader) for a fictional demo
 * nominee, as the list, the sheet and the printed report mark it: demo marks beside a real institution's
 * name must never pass for real results.
 */
export function NomineeName({ nominee }: { nominee: Named }) {
  const { t } = useTranslation();
  if (!nominee.fictional) return <>{nominee.name}</>;
  return (
    <>
      {nominee.name}{' '}
      <span className="dagger" title={t('event.fictional')} data-testid="fictional-mark">
        †<span className="visually-hidden"> ({t('event.fictional')})</span>
      </span>
    </>
  );
}
