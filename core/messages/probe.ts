import type { Catalogue } from './index.js';

export const probeMessages: Catalogue = {
  en: {},
  de: {},
};
