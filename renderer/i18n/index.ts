// i18next for the wizard's own strings. The language follows the system (navigator.languages) and can
// be switched in the header; the same language goes to core as `lang` with every API call.

import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../api/types.js';
import { de } from './de.js';
import { en } from './en.js';

export const LANGUAGES: readonly Lang[] = ['de', 'en'];

export function isLang(value: string | undefined): value is Lang {
  return value === 'de' || value === 'en';
}

/** German for any German locale (de, de-AT, de-CH…), English otherwise. */
export function systemLanguage(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Lang {
  const first = languages[0] ?? navigator.language ?? 'en';
  return first.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function createI18n(lng: Lang = systemLanguage()): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** The language core should answer in: the UI's current one. */
export function langOf(instance: I18n): Lang {
  const current = instance.resolvedLanguage ?? instance.language;
  return isLang(current) ? current : 'en';
}
