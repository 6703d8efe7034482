import type { Catalogue } from './index.js';

export const addressMessages: Catalogue = {
  en: {},
  de: {},
};
