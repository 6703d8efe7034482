import type { Catalogue } from './index.js';

export const noticeMessages: Catalogue = {
  en: {},
  de: {},
};
