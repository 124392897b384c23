/**
 * Interface language: Bahasa Indonesia first, English second (i18next). The choice is remembered on
 * this computer. Texts that come from the event (category names, rubrics) carry both languages in the
 * event itself and are picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
const STORAGE_KEY = 'timbang.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

document.documentElement.lang = savedLanguage();
export default i18next;

export { clockText, formatDate, formatDateTime, markText, pick, scoreText } from './format.ts';
