import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

const NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** Two toggle buttons rather than a menu: one keystroke away, and each names its language in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
