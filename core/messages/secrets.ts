import type { Catalogue } from './index.js';

export const secretsMessages: Catalogue = {
  en: {},
  de: {},
};
