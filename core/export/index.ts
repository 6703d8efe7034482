// Export: set-up files and step-by-step guides for Outlook, Thunderbird and Apple Mail, from one
// checked account. One writer per format; the record below is the only switch.

import type { Lang, Notice } from '../model.js';
import { type Account, normalizeAccount, providerName } from './account.js';
import { autodiscoverXml } from './autodiscover.js';
import { type ExportEnvironment, exportEnvironment } from './environment.js';
import { renderGuide } from './guides/index.js';
import { localizedExportHints } from './hints.js';
import { thunderbirdConfig } from './thunderbird.js';
import {
  type ExportDeps,
  type ExportFormat,
  type ExportRequest,
  type ExportResult,
  type GuideFormat,
  isGuideFormat,
} from './types.js';
import { limitationWarnings } from './warnings.js';

interface FormatContext {
  account: Account;
  lang: Lang;
  env: ExportEnvironment;
  deps: ExportDeps;
  document: 'html' | 'pdf';
  sign: ExportRequest['sign'];
  branding: ExportRequest['branding'];
}

type Writer = (context: FormatContext) => Promise<Omit<ExportResult, 'hints'>>;

const XML = 'text/xml; charset=utf-8';

const WRITERS: Readonly<Record<ExportFormat, Writer>> = {
  thunderbird: async ({ account }) => ({
    filename: 'config-v1.1.xml',
    mediaType: XML,
    content: thunderbirdConfig(account),
    warnings: [],
  }),
  mobileconfig: async ({ account, lang, env, sign }) => {
    // The plist writer (xmlbuilder, xmldom: 400 KB) loads only for a profile.
    const { mobileconfig } = await import('./mobileconfig.js');
    const profile = mobileconfig(account, lang, env);
    return {
      filename: `${account.address.domain}.mobileconfig`,
      mediaType: 'application/x-apple-aspen-config',
      content: sign ? await (await import('./sign.js')).signProfile(profile.content, sign) : profile.content,
      warnings: profile.warnings,
    };
  },
  autodiscover: async ({ account, lang }) => ({
    filename: 'autodiscover.xml',
    mediaType: XML,
    content: autodiscoverXml(account),
    warnings: limitationWarnings(account, lang),
  }),
  'guide-outlook': (context) => guide('guide-outlook', context),
  'guide-thunderbird': (context) => guide('guide-thunderbird', context),
  'guide-applemail': (context) => guide('guide-applemail', context),
};

async function guide(format: GuideFormat, context: FormatContext): Promise<Omit<ExportResult, 'hints'>> {
  const { document, lang } = context;
  const content = await renderGuide(format, context.account, {
    document,
    lang,
    createdAt: context.env.now(),
    fontDir: context.deps.fontDir,
    branding: context.branding,
  });
  return {
    filename: `${format}-${lang}.${document}`,
    mediaType: document === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
    content,
    warnings: [] satisfies Notice[],
  };
}

/**
 * Throws MailSetupError('invalid-address') for a bad address, a TypeError for what only a bug can
 * send (bad servers, a PDF of a format that is no guide), and an Error from node-forge for a signing
 * identity that checkSigningIdentity would have refused.
 */
export async function exportAccount(request: ExportRequest, deps: ExportDeps = {}): Promise<ExportResult> {
  const document = request.document ?? 'html';
  if (document === 'pdf' && !isGuideFormat(request.format)) {
    throw new TypeError(`export: ${request.format} has no PDF form; only guides do`);
  }
  if (request.sign && request.format !== 'mobileconfig') {
    throw new TypeError(`export: only profiles are signed, not ${request.format}`);
  }
  const writer = WRITERS[request.format];
  if (!writer) throw new TypeError(`export: unknown format ${JSON.stringify(request.format)}`);
  const account = normalizeAccount(request.account);
  const lang = request.lang ?? 'en';
  const written = await writer({
    account,
    lang,
    env: exportEnvironment(deps),
    deps,
    document,
    sign: request.sign,
    branding: request.branding,
  });
  return { ...written, hints: localizedExportHints(account.hints, providerName(account), lang) };
}

export { checkSigningIdentity } from './sign.js';
export * from './types.js';
