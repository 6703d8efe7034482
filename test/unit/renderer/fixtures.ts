// Canned results for the renderer's fake API, with core's real wording (core's catalogue, in the
// language each request asks for), so the tests see what the app would show.

import { t } from '../../../core/messages/index.js';
import type {
  DetectResult,
  Lang,
  ServerSettings,
  ServerTestResult,
  TestResult,
} from '../../../renderer/api/types.js';

export const ADDRESS = 'jo@example.com';
export const PASSWORD = 'Sup3r-Secret-Pa55';

export const IMAP: ServerSettings = {
  protocol: 'imap',
  host: 'imap.example.com',
  port: 993,
  security: 'tls',
  username: ADDRESS,
  auth: 'password',
};
export const POP3: ServerSettings = { ...IMAP, protocol: 'pop3', host: 'pop.example.com', port: 995 };
export const SMTP: ServerSettings = { ...IMAP, protocol: 'smtp', host: 'smtp.example.com', port: 465 };

export function bundledResult(lang: Lang = 'en'): DetectResult {
  return {
    address: ADDRESS,
    domain: 'example.com',
    domainUnicode: 'example.com',
    found: true,
    source: 'bundled',
    asOf: '2026-03',
    trusted: true,
    provider: { id: 'example', name: 'Example Mail' },
    incoming: [IMAP, POP3],
    outgoing: [SMTP],
    hints: [
      {
        code: 'app-password-required',
        message: t(lang, 'hint.app-password-required', { provider: 'Example Mail' }),
        url: 'https://help.example.com/app-passwords',
      },
    ],
    warnings: [],
    confirmedBy: [],
    lookups: [{ source: 'bundled', target: 'example.com', outcome: 'found', ms: 1 }],
    elapsedMs: 3,
  };
}

/** Settings only the domain's MX pointed to, on servers of another organisation: not trusted. */
export function untrustedResult(lang: Lang = 'en'): DetectResult {
  const host = 'mail.hoster.example.net';
  return {
    ...bundledResult(lang),
    source: 'mx',
    trusted: false,
    provider: { id: 'hoster', name: 'Hoster' },
    incoming: [{ ...IMAP, host }],
    outgoing: [{ ...SMTP, host }],
    hints: [],
    warnings: [
      {
        code: 'mail-hosted-elsewhere',
        message: t(lang, 'warning.mail-hosted-elsewhere', { domain: 'hoster.example.net' }),
        detail: 'hoster.example.net',
      },
      {
        code: 'server-outside-domain',
        message: t(lang, 'warning.server-outside-domain', { host, domain: 'hoster.example.net' }),
        detail: host,
      },
    ],
    lookups: [
      {
        source: 'autoconfig',
        target: 'https://autoconfig.example.com/mail/config-v1.1.xml',
        outcome: 'not-found',
        ms: 9,
      },
      { source: 'mx', target: 'example.com', outcome: 'found', ms: 4 },
    ],
  };
}

/** Settings autoconfig.example.com's redirect brought from another domain: not trusted. */
export function redirectedResult(lang: Lang = 'en'): DetectResult {
  const host = 'mail.provider.example';
  const chain = [
    'https://autoconfig.example.com/mail/config-v1.1.xml',
    'https://autoconfig.provider.example/mail/config-v1.1.xml',
  ];
  return {
    ...untrustedResult(lang),
    source: 'autoconfig',
    origin: chain[1],
    incoming: [{ ...IMAP, host }],
    outgoing: [{ ...SMTP, host }],
    warnings: [
      {
        code: 'redirect-to-other-domain',
        message: t(lang, 'warning.redirect-to-other-domain', {
          from: 'autoconfig.example.com',
          to: 'provider.example',
          domain: 'example.com',
        }),
        detail: chain.join(' -> '),
      },
      {
        code: 'server-outside-domain',
        message: t(lang, 'warning.server-outside-domain', { host, domain: 'provider.example' }),
        detail: host,
      },
    ],
  };
}

export function notFoundResult(): DetectResult {
  return {
    ...bundledResult(),
    found: false,
    source: undefined,
    provider: undefined,
    trusted: false,
    incoming: [],
    outgoing: [],
    hints: [],
    lookups: [{ source: 'guess', target: 'imap.example.com', outcome: 'not-found', ms: 30 }],
  };
}

const CERTIFICATE = {
  issuer: 'Example Test CA',
  validFrom: 'Jan  1 00:00:00 2025 GMT',
  validTo: 'Mar 15 12:00:00 2030 GMT',
  fingerprint256: 'AB:CD:EF:01:23:45:67:89',
};

export function passed(server: ServerSettings): ServerTestResult {
  return {
    ...server,
    ok: true,
    tls: {
      version: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      authorized: true,
      certificate: { ...CERTIFICATE, subject: server.host, altNames: [server.host] },
    },
    auth: 'ok',
    greeting: '* OK ready',
    capabilities: ['IMAP4rev1', 'AUTH=PLAIN'],
    transcript: ['S: * OK ready', `C: a1 LOGIN "${server.username}" ****`, 'S: a1 OK logged in'],
    ms: 42,
    phases: { connect: 5, tls: 10, auth: 20 },
  };
}

export function authFailed(server: ServerSettings, lang: Lang = 'en'): ServerTestResult {
  return {
    ...passed(server),
    ok: false,
    auth: 'failed',
    error: {
      code: 'auth-failed',
      message: t(lang, 'error.auth-failed'),
      fix: t(lang, 'error.auth-failed.fix'),
      detail: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
      phase: 'auth',
    },
    transcript: ['S: * OK ready', `C: a1 LOGIN "${server.username}" ****`, 'S: a1 NO [AUTHENTICATIONFAILED]'],
  };
}

export function lockoutGuarded(server: ServerSettings, lang: Lang = 'en'): ServerTestResult {
  return {
    ...passed(server),
    ok: false,
    auth: 'not-attempted',
    error: {
      code: 'auth-locked',
      reason: 'lockout-guard',
      message: t(lang, 'probe.lockout-guard'),
      fix: t(lang, 'probe.lockout-guard.fix'),
      detail: `no login attempted: 3 failed logins for ${server.username} on ${server.host}:${server.port}`,
      phase: 'auth',
    },
    transcript: ['S: * OK ready'],
  };
}

/** A STARTTLS server whose offer was stripped: nothing was sent. */
export function starttlsStripped(server: ServerSettings, lang: Lang = 'en'): ServerTestResult {
  return {
    ...server,
    ok: false,
    auth: 'not-attempted',
    error: {
      code: 'starttls-not-offered',
      message: t(lang, 'error.starttls-not-offered'),
      fix: t(lang, 'error.starttls-not-offered.fix'),
      detail: 'capabilities without STARTTLS',
      phase: 'starttls',
    },
    capabilities: [],
    transcript: ['S: * OK ready', 'C: a0 CAPABILITY', 'S: * CAPABILITY IMAP4rev1', 'S: a0 OK'],
    ms: 12,
    phases: { connect: 5 },
  };
}

export function testResult(results: ServerTestResult[]): TestResult {
  const settings = results.map(({ protocol, host, port, security, username }) => ({
    protocol,
    host,
    port,
    security,
    username,
    auth: 'password' as const,
  }));
  return { address: ADDRESS, ok: results.every((result) => result.ok), results, settings, elapsedMs: 50 };
}
