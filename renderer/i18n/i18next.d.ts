// Typed translation keys: t('address.title') is checked against en.ts at compile time.

import 'i18next';
import type { Messages } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
