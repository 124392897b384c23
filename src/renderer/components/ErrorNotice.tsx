import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/errors.ts';
import { pick } from '../i18n/index.ts';
import { useScrollIntoView } from '../use-scroll-into-view.ts';

/** Shows an API error in the interface language; the message already names the file, row or field. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const ref = useScrollIntoView<HTMLDivElement>();
  const message = error instanceof AppError ? pick(error.bilingual, i18n.language) : error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert" ref={ref}>
      <strong>{t('error.title')}</strong>
      <pre>{message}</pre>
    </div>
  );
}
