import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/errors.ts';
import { pick } from '../i18n/index.ts';
import { useScrollIntoView } from '../use-scroll-into-view.ts';

/**
 * Shows an API error in the interface language; the message already names the file, row or field. The one
 * place the renderer shows a failure: a query's (`Loadable`) or an action's (`useAction`); nothing when none.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return <Shown error={error} />;
}

function Shown({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const ref = useScrollIntoView<HTMLDivElement>();
  const message = errorText(error, i18n.language);
  return (
    <div className="notice notice-error" role="alert" ref={ref}>
      <strong>{t('error.title')}</strong>
      <pre>{message}</pre>
    </div>
  );
}

/** An error's message in the interface language: the API's bilingual one, else what the error says. */
export function errorText(error: unknown, language: string): string {
  return error instanceof AppError ? pick(error.bilingual, language) : error instanceof Error ? error.message : String(error);
}
