import type { Catalogue } from './index.js';

export const exportMessages: Catalogue = {
  en: {},
  de: {},
};
