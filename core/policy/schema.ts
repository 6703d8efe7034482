// The policy file's schema (zod 4), with messages in the person's language. Loaded only when a policy
// file exists: zod costs start-up time that a run without a policy should not pay.
// docs/policy.schema.json is made from this (test/unit/policy/json-schema.test.ts keeps it current).

import * as z from 'zod';
import { isValidHostname } from '../address/hostname.js';
import { toDomainForms } from '../address/idn.js';
import { parseAddress } from '../address/parse.js';
import { isWithin } from '../discovery/domains.js';
import { checkLogoDataUrl, isLogoPath, LOGO_LIMITS } from '../export/logo.js';
import { EXPORT_FORMATS } from '../export/types.js';
import { t } from '../messages/index.js';
import type { Lang } from '../model.js';
import type { Policy } from './types.js';

export const POLICY_SCHEMA_ID = 'https://mailsetup.invalid/schemas/policy.schema.json';

const PLACEHOLDERS = ['%EMAILADDRESS%', '%EMAILLOCALPART%', '%EMAILDOMAIN%'] as const;
// Colons between the pairs as OpenSSL prints them, or none; both ends may carry spaces from a paste.
const FINGERPRINT = /^\s*[0-9a-fA-F]{2}(?::?[0-9a-fA-F]{2}){31}\s*$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{2,30}$/;
const CONTROL = /\p{Cc}/u;

type Issue = { input?: unknown };

const schemas = new Map<Lang, z.ZodType<Policy>>();

/** The policy schema whose messages speak `lang`. */
export function policySchema(lang: Lang): z.ZodType<Policy> {
  let schema = schemas.get(lang);
  if (!schema) {
    schema = buildSchema(lang);
    schemas.set(lang, schema);
  }
  return schema;
}

/** zod's own messages (wrong type, unknown key) in the person's language. */
export function zodMessages(lang: Lang): z.core.$ZodErrorMap {
  return (lang === 'de' ? z.locales.de() : z.locales.en()).localeError;
}

/** The JSON Schema of the policy file, for editors and for docs/policy.schema.json. */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(policySchema('en'), { io: 'input' });
  return {
    $schema,
    $id: POLICY_SCHEMA_ID,
    title: 'MailSetup Assistant policy',
    description:
      "The administrator's presets and locks for MailSetup Assistant (docs/policy.md). Generated from core/policy/schema.ts.",
    ...rest,
  };
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function buildSchema(lang: Lang): z.ZodType<Policy> {
  const say = (key: string, params: Record<string, string | number> = {}) =>
    t(lang, `policy.issue.${key}`, params);
  /** A field's own message naming the value it got, or "required" when there was none. */
  const refuse =
    (key: string, params: Record<string, string | number> = {}) =>
    (issue: Issue) =>
      issue.input === undefined ? say('required') : say(key, { value: show(issue.input), ...params });

  const domainName = z
    .string({ error: refuse('domain') })
    .describe('A mail domain such as example.com (IDN allowed; compared in its ASCII form).')
    .transform((value, context) => {
      const forms = toDomainForms(value.trim().replace(/\.$/, ''));
      if (!forms || !isValidHostname(forms.ascii)) {
        context.addIssue({ code: 'custom', message: say('domain', { value: show(value) }) });
        return z.NEVER;
      }
      return forms.ascii;
    });

  const hostName = z
    .string({ error: refuse('host') })
    .describe('A host name such as mail.example.com (no IP address).')
    .transform((value, context) => {
      const forms = toDomainForms(value.trim().replace(/\.$/, ''));
      if (!forms || !isValidHostname(forms.ascii)) {
        context.addIssue({ code: 'custom', message: say('host', { value: show(value) }) });
        return z.NEVER;
      }
      return forms.ascii;
    });

  const port = z
    .int({ error: refuse('port') })
    .min(1, { error: refuse('port') })
    .max(65535, { error: refuse('port') });

  const security = z
    .enum(['tls', 'starttls'], { error: refuse('security') })
    .describe('tls: SSL/TLS from the first byte (993, 995, 465); starttls: upgrade (143, 110, 587).');

  const username = z
    .string({ error: refuse('username') })
    .min(1, { error: refuse('username') })
    .max(254, { error: refuse('username') })
    .describe('User name pattern with %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%.')
    .superRefine((value, context) => {
      if (CONTROL.test(value)) context.addIssue({ code: 'custom', message: say('username-characters') });
      for (const placeholder of value.match(/%[A-Za-z]+%/g) ?? []) {
        if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
          context.addIssue({ code: 'custom', message: say('placeholder', { placeholder }) });
        }
      }
    });

  const auth = z.enum(['password', 'app-password', 'oauth2'], { error: refuse('auth') });

  const server = <P extends 'imap' | 'pop3' | 'smtp'>(protocols: readonly [P, ...P[]], key: string) =>
    z.strictObject({
      protocol: z.enum(protocols, { error: refuse(key) }),
      host: hostName,
      port,
      security,
      username: username.optional(),
      auth: auth.optional(),
    });

  const preset = z.strictObject({
    domains: z.array(domainName, { error: refuse('list') }).min(1, { error: say('empty-list') }),
    incoming: z
      .array(server(['imap', 'pop3'], 'incoming-protocol'), { error: refuse('list') })
      .min(1, { error: say('empty-list') }),
    outgoing: z
      .array(server(['smtp'], 'outgoing-protocol'), { error: refuse('list') })
      .min(1, { error: say('empty-list') }),
    provider: z
      .strictObject({
        id: z.string().trim().min(1).max(64),
        name: z.string().trim().min(1).max(100),
      })
      .optional(),
  });

  const branding = z.strictObject({
    name: z
      .string({ error: refuse('text') })
      .trim()
      .min(1)
      .max(80),
    logo: z
      .string({ error: refuse('logo') })
      .describe(
        `A file path (.png, .jpg, .jpeg, .svg, .webp; relative to the policy file) or a data:image/...;base64 URL; at most ${LOGO_LIMITS.maxBytes / 1024} KB.`,
      )
      .superRefine((value, context) => {
        if (value.startsWith('data:')) {
          const problem = checkLogoDataUrl(value);
          if (problem) context.addIssue({ code: 'custom', message: say(`logo-${problem}`, LOGO_PARAMS) });
        } else if (!isLogoPath(value)) {
          context.addIssue({ code: 'custom', message: say('logo', { value: show(value) }) });
        }
      })
      .optional(),
    supportPhone: z
      .string({ error: refuse('phone') })
      .regex(PHONE, { error: refuse('phone') })
      .optional(),
    supportMail: z
      .string({ error: refuse('support-mail') })
      .superRefine((value, context) => {
        try {
          parseAddress(value);
        } catch {
          context.addIssue({ code: 'custom', message: say('support-mail', { value: show(value) }) });
        }
      })
      .optional(),
    supportUrl: z
      .string({ error: refuse('support-url') })
      .superRefine((value, context) => {
        if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
          context.addIssue({ code: 'custom', message: say('support-url', { value: show(value) }) });
        }
      })
      .optional(),
  });

  const pin = z.strictObject({
    host: hostName.optional(),
    sha256: z
      .string({ error: refuse('fingerprint') })
      .regex(FINGERPRINT, { error: refuse('fingerprint') })
      .describe('SHA-256 fingerprint of the server certificate: 64 hex digits, colons allowed.')
      .transform((value) => (value.trim().replaceAll(':', '').toUpperCase().match(/../g) ?? []).join(':')),
  });

  const oauthClient = z.strictObject({
    issuer: z
      .string({ error: refuse('oauth-issuer') })
      .describe(
        "The issuer's https:// identifier, with the tenant where the issuer has one (e.g. https://login.microsoftonline.com/TENANT-ID/v2.0).",
      )
      .superRefine((value, context) => {
        if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
          context.addIssue({ code: 'custom', message: say('oauth-issuer', { value: show(value) }) });
        }
      }),
    clientId: z
      .string({ error: refuse('text') })
      .trim()
      .min(1, { error: refuse('text') })
      .max(200, { error: refuse('text') })
      .regex(/^[\x21-\x7e]+$/, { error: refuse('text') })
      .describe("The application (client) id of the organisation's own app registration."),
    redirectPort: port
      .optional()
      .describe(
        'A fixed port for the redirect to http://127.0.0.1:PORT/callback; any free port when absent.',
      ),
  });

  return z
    .strictObject({
      $schema: z.string().optional(),
      presets: z
        .array(preset, { error: refuse('list') })
        .default([])
        .describe("Servers for the organisation's mail domains; a preset wins over every other source."),
      allowedDomains: z
        .array(domainName, { error: refuse('list') })
        .min(1, { error: say('empty-list') })
        .optional()
        .describe('Addresses must be at one of these domains or below one; others are refused.'),
      protocols: z
        .array(z.enum(['imap', 'pop3'], { error: refuse('incoming-protocol') }), { error: refuse('list') })
        .min(1, { error: say('empty-list') })
        .optional()
        .describe('The incoming protocols that may be used; servers of others are left out.'),
      lockSettings: z
        .boolean({ error: refuse('boolean') })
        .optional()
        .describe(
          'The app shows the servers but does not let them be changed; no other policy file may replace this one.',
        ),
      requireAppPassword: z
        .boolean({ error: refuse('boolean') })
        .optional()
        .describe('Mail programs sign in with an app password; the app and the guides say so.'),
      exportFormats: z
        .array(
          z.enum(EXPORT_FORMATS, { error: refuse('export-format', { formats: EXPORT_FORMATS.join(', ') }) }),
          {
            error: refuse('list'),
          },
        )
        .optional()
        .describe('The set-up files and guides that may be made; absent: all.'),
      branding: branding
        .optional()
        .describe('Name, logo and support contacts shown in the app and the guides.'),
      oauthClients: z
        .array(oauthClient, { error: refuse('list') })
        .optional()
        .describe(
          "The organisation's app registrations for sign-in through the provider (OAuth2): without one for the provider's issuer, the app explains instead of signing in.",
        ),
      trustedCertificates: z
        .array(pin, { error: refuse('list') })
        .optional()
        .describe(
          'Server certificates accepted although no trusted authority issued them (a company CA): the exact certificate, still valid for the host name and within its dates.',
        ),
    })
    .superRefine((policy, context) => crossCheck(policy, context, say))
    .transform(({ $schema: _schema, ...policy }) => policy);
}

const LOGO_PARAMS = { max: LOGO_LIMITS.maxBytes / 1024 };

/** Rules between fields: one preset per domain, presets inside allowedDomains and protocols. */
function crossCheck(
  policy: Omit<Policy, 'presets'> & { presets: Policy['presets'] },
  context: z.RefinementCtx,
  say: (key: string, params?: Record<string, string | number>) => string,
): void {
  const seen = new Map<string, number>();
  for (const [index, preset] of policy.presets.entries()) {
    for (const [position, domain] of preset.domains.entries()) {
      const path = ['presets', index, 'domains', position];
      const first = seen.get(domain);
      if (first !== undefined && first !== index) {
        context.addIssue({
          code: 'custom',
          path,
          message: say('duplicate-domain', { domain, index: first }),
        });
      }
      seen.set(domain, first ?? index);
      const allowed = policy.allowedDomains;
      if (allowed && !allowed.some((parent) => isWithin(domain, parent))) {
        context.addIssue({ code: 'custom', path, message: say('preset-domain-not-allowed', { domain }) });
      }
    }
    const protocols = policy.protocols;
    if (!protocols) continue;
    for (const [position, server] of preset.incoming.entries()) {
      if (!protocols.includes(server.protocol)) {
        context.addIssue({
          code: 'custom',
          path: ['presets', index, 'incoming', position, 'protocol'],
          message: say('preset-protocol-not-allowed', { protocol: server.protocol }),
        });
      }
    }
  }
}
