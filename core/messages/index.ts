// Core's message catalogue: every user-facing sentence core produces, in German and English. Each
// part of core owns one file of it; this index joins them and fills in `{name}` parameters.

import type { Lang } from '../model.js';
import { addressMessages } from './address.js';
import type { Catalogue } from './catalogue.js';
import { cliMessages } from './cli.js';
import { domainCheckMessages } from './domain-check.js';
import { errorMessages } from './errors.js';
import { exportMessages } from './export.js';
import { hintMessages } from './hints.js';
import { noticeMessages } from './notices.js';
import { oauthMessages } from './oauth.js';
import { policyMessages } from './policy.js';
import { probeMessages } from './probe.js';
import { reportMessages } from './report.js';
import { secretsMessages } from './secrets.js';

export type { Catalogue } from './catalogue.js';

const parts: Catalogue[] = [
  errorMessages,
  addressMessages,
  noticeMessages,
  hintMessages,
  probeMessages,
  secretsMessages,
  exportMessages,
  cliMessages,
  policyMessages,
  reportMessages,
  domainCheckMessages,
  oauthMessages,
];

const catalogue: Catalogue = {
  en: Object.assign({}, ...parts.map((part) => part.en)),
  de: Object.assign({}, ...parts.map((part) => part.de)),
};

export const LANGS: readonly Lang[] = ['en', 'de'];

/** The localized text for `key`, or the English one, or the key itself (never throws). */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogue[lang][key] ?? catalogue.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in catalogue.en;
}

/** Both languages hold the same keys (a test checks this, so nothing shows up half-translated). */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogue[lang]);
}

/** The language of the environment (LC_ALL, LC_MESSAGES, LANG), German or English. */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^de\b|^de[_-]/i.test(value ?? '') ? 'de' : 'en';
}
