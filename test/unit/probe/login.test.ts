// Login against small adversary servers: the method chosen from what the server offers, exactly one
// attempt, the password only inside verified TLS, the server's answer judged into our codes, and no form
// of the password in any transcript or detail.

import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../core/errors.js';
import type { Protocol, Security } from '../../../core/model.js';
import { probeServer } from '../../../core/probe/probe.js';
import { Secret } from '../../../core/probe/secret.js';
import type { ProbeResult } from '../../../core/probe/types.js';
import type { ProbeReason } from '../../../core/probe/verdict.js';
import {
  type AdversaryLogin,
  type Behaviour,
  CREDENTIAL_COMMANDS,
  type LoginSeen,
  startAdversary,
  staticResolver,
} from '../../peers/adversaries.js';
import { issueCert, issueExpiredCert, type KeyAndCert, makeUntrustedCa } from '../../peers/ca.js';

const IP = '127.0.5.1';
const HOST = 'mail.login.test';
const resolver = staticResolver({ [HOST]: IP });
const USER = 'alice@login.test';
const PASSWORD = 'Corr3ct-Horse"Battery\\Staple';

let good: KeyAndCert;
beforeAll(() => {
  good = issueCert({ names: [HOST] });
});

const OK_BEHAVIOUR: Record<Protocol, Behaviour> = { imap: 'imap-ok', pop3: 'pop3-ok', smtp: 'smtp-ok' };

interface Run {
  protocol?: Protocol;
  security?: Security;
  behaviour?: Behaviour;
  login?: AdversaryLogin;
  cert?: KeyAndCert;
  username?: string;
  password?: string;
  timeoutMs?: number;
}

interface Outcome {
  result: ProbeResult;
  received: string;
  logins: LoginSeen[];
}

async function login(run: Run = {}): Promise<Outcome> {
  const protocol = run.protocol ?? 'imap';
  const security = run.security ?? 'tls';
  const adversary = await startAdversary({
    ip: IP,
    behaviour: run.behaviour ?? OK_BEHAVIOUR[protocol],
    tls: run.cert ?? good,
    security,
    protocol,
    login: run.login ?? { password: run.password ?? PASSWORD },
  });
  try {
    const result = await probeServer({
      protocol,
      host: HOST,
      port: adversary.port,
      security,
      resolver,
      timeoutMs: run.timeoutMs ?? 3000,
      credentials: { username: run.username ?? USER, password: new Secret(run.password ?? PASSWORD) },
    });
    return { result, received: adversary.received(), logins: adversary.logins() };
  } finally {
    await adversary.close();
  }
}

/** Every form a password could leak in: itself, quoted, base64, the PLAIN blob. */
function leakForms(password: string, username = USER): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [password, JSON.stringify(password), b64(password), b64(`\0${username}\0${password}`)];
}

function expectNoLeak(result: ProbeResult, password = PASSWORD): void {
  const everything = JSON.stringify(result);
  for (const form of leakForms(password)) expect(everything).not.toContain(form);
  expect(everything).not.toContain(JSON.stringify(password).slice(1, -1));
}

function expectNoCredentialsSent({ received, logins }: Outcome, password = PASSWORD): void {
  expect(received).not.toMatch(CREDENTIAL_COMMANDS);
  for (const form of leakForms(password)) expect(received).not.toContain(form);
  expect(logins).toEqual([]);
}

describe('login with the right password', () => {
  const cases: [string, Protocol, Security, AdversaryLogin['offers'], RegExp][] = [
    [
      'IMAP AUTHENTICATE PLAIN with SASL-IR',
      'imap',
      'tls',
      ['SASL-IR', 'AUTH=PLAIN'],
      /^C: a2 AUTHENTICATE PLAIN \*\*\*\*$/,
    ],
    ['IMAP AUTHENTICATE PLAIN after "+"', 'imap', 'starttls', ['AUTH=PLAIN'], /^C: a4 AUTHENTICATE PLAIN$/],
    ['IMAP LOGIN with quoted strings', 'imap', 'tls', [], /^C: a2 LOGIN "alice@login\.test" \*\*\*\*$/],
    [
      'POP3 AUTH PLAIN with initial response',
      'pop3',
      'tls',
      ['USER', 'SASL PLAIN'],
      /^C: AUTH PLAIN \*\*\*\*$/,
    ],
    ['POP3 USER/PASS', 'pop3', 'starttls', ['USER'], /^C: PASS \*\*\*\*$/],
    ['POP3 AUTH LOGIN', 'pop3', 'tls', ['SASL LOGIN'], /^C: AUTH LOGIN$/],
    ['SMTP AUTH PLAIN', 'smtp', 'tls', ['AUTH PLAIN LOGIN'], /^C: AUTH PLAIN \*\*\*\*$/],
    ['SMTP AUTH PLAIN (old AUTH= form)', 'smtp', 'starttls', ['AUTH=PLAIN'], /^C: AUTH PLAIN \*\*\*\*$/],
    ['SMTP AUTH LOGIN', 'smtp', 'starttls', ['AUTH LOGIN'], /^C: AUTH LOGIN$/],
  ];
  it.each(cases)(
    '%s: signed in once, password redacted',
    async (_name, protocol, security, offers, shown) => {
      const outcome = await login({
        protocol,
        security,
        login: { password: PASSWORD, ...(offers ? { offers } : {}) },
      });
      const { result, logins } = outcome;
      expect(result.error).toBeUndefined();
      expect(result).toMatchObject({ ok: true, auth: 'ok' });
      expect(result.phases.auth).toEqual(expect.any(Number));
      expect(logins).toEqual([{ user: USER, password: PASSWORD, encrypted: true }]);
      expect(result.transcript.some((line) => shown.test(line))).toBe(true);
      // Every line we sent with a credential in it reads ****.
      for (const line of result.transcript.filter((l) => l.startsWith('C: '))) {
        if (/LOGIN "|PASS |AUTH(ENTICATE)? PLAIN \S/.test(line)) expect(line).toMatch(/\*\*\*\*$/);
      }
      expectNoLeak(result);
    },
  );

  it('AUTH LOGIN (SMTP) redacts both base64 lines, the user name too', async () => {
    const { result } = await login({
      protocol: 'smtp',
      login: { password: PASSWORD, offers: ['AUTH LOGIN'] },
    });
    const afterAuth = result.transcript.slice(result.transcript.indexOf('C: AUTH LOGIN'));
    expect(afterAuth.slice(0, 5)).toEqual([
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      'C: ****',
      'S: 334 UGFzc3dvcmQ6',
      'C: ****',
    ]);
    expect(JSON.stringify(result)).not.toContain(Buffer.from(USER).toString('base64'));
  });

  it('IMAP LOGIN sends 8-bit user name and password as literals, announced and confirmed', async () => {
    const username = 'jörg@müller.test';
    const password = 'pässwörd-ünïcode';
    const outcome = await login({ username, password, login: { password, offers: [] } });
    expect(outcome.result).toMatchObject({ ok: true, auth: 'ok' });
    expect(outcome.logins).toEqual([{ user: username, password, encrypted: true }]);
    const userBytes = Buffer.byteLength(username);
    expect(outcome.received).toContain(
      `a2 LOGIN {${userBytes}}\r\n${username} {${Buffer.byteLength(password)}}\r\n`,
    );
    // Not even the password's length shows.
    expect(outcome.result.transcript).toContain(`C: ${username} {****}`);
    expect(outcome.result.transcript).toContain('C: ****');
    expectNoLeak(outcome.result, password);
  });

  it('AUTHENTICATE PLAIN carries a UTF-8 user name and password', async () => {
    const username = 'jörg@müller.test';
    const password = 'pässwörd-ünïcode';
    const outcome = await login({ username, password, login: { password } });
    expect(outcome.result.auth).toBe('ok');
    expect(outcome.logins).toEqual([{ user: username, password, encrypted: true }]);
  });
});

describe('login with a wrong password', () => {
  it.each(['imap', 'pop3', 'smtp'] as const)(
    '%s: auth-failed in the server’s words, one attempt, no retry',
    async (protocol) => {
      const outcome = await login({ protocol, login: { password: 'the-right-one' } });
      const { result, logins, received } = outcome;
      expect(result).toMatchObject({
        ok: false,
        auth: 'failed',
        error: { code: 'auth-failed', phase: 'auth' },
      });
      expect(result.error?.detail).toMatch(/AUTHENTICATIONFAILED|\[AUTH\] Authentication failed|535 5\.7\.8/);
      expect(logins).toHaveLength(1);
      // PLAIN failed: no AUTH LOGIN, no USER/PASS after it.
      expect(received.match(/^(?:\S+ )?(?:LOGIN|AUTHENTICATE|AUTH|USER|PASS)\b/gim)).toHaveLength(1);
      expectNoLeak(result);
    },
  );

  it.each(['imap', 'pop3', 'smtp'] as const)(
    '%s: a server echoing the password back has it cut out',
    async (protocol) => {
      const offers = { imap: ['AUTH=PLAIN'], pop3: ['USER'], smtp: ['AUTH LOGIN'] }[protocol];
      const { result } = await login({ protocol, login: { password: 'other', echo: true, offers } });
      expect(result.error?.code).toBe('auth-failed');
      expect(result.error?.detail).toContain('****');
      expect(result.transcript.join('\n')).toContain(`with ****`);
      expectNoLeak(result);
    },
  );
});

describe('the server’s refusal, judged by its own words', () => {
  const answers: [Protocol, string, ErrorCode, ProbeReason?][] = [
    ['imap', 'NO [AUTHENTICATIONFAILED] Authentication failed.', 'auth-failed'],
    [
      'imap',
      'NO [UNAVAILABLE] Temporary authentication failure. [host:2024-01-01]',
      'auth-locked',
      'temporary',
    ],
    ['imap', 'NO [LIMIT] Too many invalid login attempts', 'auth-locked'],
    ['imap', 'NO [INUSE] Mailbox is in use by another session', 'auth-locked', 'in-use'],
    [
      'imap',
      '* NO [WEBALERT https://accounts.google.com/signin/continue?x=1] Web login required.\r\nNO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
      'app-password-required',
    ],
    [
      'imap',
      'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      'app-password-required',
    ],
    ['imap', 'NO [PRIVACYREQUIRED] Encryption required for this login', 'plaintext-auth-refused'],
    ['imap', 'BAD Error in IMAP command received by server.', 'protocol-error'],
    ['pop3', '-ERR [AUTH] Authentication failed.', 'auth-failed'],
    ['pop3', '-ERR Authentication failed', 'auth-failed'],
    ['pop3', '-ERR [IN-USE] Mailbox is locked by another POP3 session', 'auth-locked', 'in-use'],
    ['pop3', '-ERR [SYS/TEMP] Temporary problem, please try later', 'auth-locked', 'temporary'],
    ['pop3', '-ERR [AUTH] Account locked after too many failed logins', 'auth-locked'],
    [
      'pop3',
      '-ERR [AUTH] Web login required: https://support.google.com/mail/answer/78754',
      'app-password-required',
    ],
    ['pop3', '-ERR [SYS/PERM] Your account is not enabled for POP access.', 'auth-failed'],
    [
      'pop3',
      '-ERR [AUTH] Plaintext authentication disallowed on non-secure connections.',
      'plaintext-auth-refused',
    ],
    ['smtp', '535 5.7.8 Username and Password not accepted.', 'auth-failed'],
    [
      'smtp',
      '534-5.7.9 Application-specific password required. Learn more at\r\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor',
      'app-password-required',
    ],
    ['smtp', '454 4.7.0 Too many login attempts, please try again later.', 'auth-locked'],
    ['smtp', '421 4.7.0 Try again later, closing connection.', 'auth-locked'],
    ['smtp', '454 4.7.0 Temporary authentication failure', 'auth-locked', 'temporary'],
    [
      'smtp',
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [AM0PR01CA0001.eurprd01.prod.outlook.com]',
      'app-password-required',
    ],
    ['smtp', '535 5.7.3 Authentication unsuccessful', 'auth-failed'],
    [
      'smtp',
      '538 5.7.11 Encryption required for requested authentication mechanism',
      'plaintext-auth-refused',
    ],
  ];
  it.each(answers)('%s "%s" -> %s %s', async (protocol, reply, code, reason) => {
    const outcome = await login({ protocol, login: { reply } });
    const { result, logins } = outcome;
    expect(result.ok).toBe(false);
    expect(result.auth).toBe('failed');
    expect(result.error).toMatchObject({ code, phase: 'auth' });
    expect(result.error?.reason).toBe(reason);
    const lastLine = reply.split('\r\n').at(-1) ?? '';
    expect(result.error?.detail).toContain(lastLine.slice(0, 30));
    expect(logins).toHaveLength(1);
    expectNoLeak(result);
  });
});

describe('servers that offer no login we use', () => {
  const offers: [Protocol, string[], ErrorCode, ProbeReason | undefined, string][] = [
    [
      'imap',
      ['AUTH=NTLM', 'AUTH=GSSAPI', 'LOGINDISABLED'],
      'protocol-error',
      'no-password-login',
      'NTLM GSSAPI',
    ],
    [
      'imap',
      ['AUTH=XOAUTH2', 'AUTH=OAUTHBEARER', 'LOGINDISABLED'],
      'protocol-error',
      'oauth-only',
      'XOAUTH2 OAUTHBEARER',
    ],
    ['imap', ['LOGINDISABLED'], 'plaintext-auth-refused', undefined, 'LOGINDISABLED'],
    ['pop3', ['SASL NTLM GSSAPI'], 'protocol-error', 'no-password-login', 'NTLM GSSAPI'],
    ['smtp', ['AUTH NTLM GSSAPI CRAM-MD5'], 'protocol-error', 'no-password-login', 'NTLM GSSAPI CRAM-MD5'],
    ['smtp', ['AUTH XOAUTH2'], 'protocol-error', 'oauth-only', 'XOAUTH2'],
    ['smtp', [], 'protocol-error', 'no-login', 'no login'],
  ];
  it.each(offers)('%s offering %j: %s, nothing sent', async (protocol, offered, code, reason, named) => {
    for (const security of ['tls', 'starttls'] as const) {
      const outcome = await login({ protocol, security, login: { password: PASSWORD, offers: offered } });
      expect(outcome.result).toMatchObject({
        ok: false,
        auth: 'not-attempted',
        error: { code, phase: 'auth' },
      });
      expect(outcome.result.error?.reason).toBe(reason);
      expect(outcome.result.error?.detail).toContain(named);
      expectNoCredentialsSent(outcome);
    }
  });
});

describe('nothing is sent unless TLS is verified', () => {
  const flaws: [Behaviour, Protocol, Security, ErrorCode][] = [
    ['tls10-only', 'imap', 'tls', 'tls-version-too-old'],
    ['tls10-only', 'smtp', 'starttls', 'tls-version-too-old'],
    ['tls10-only', 'pop3', 'starttls', 'tls-version-too-old'],
    ['imap-no-starttls', 'imap', 'starttls', 'starttls-not-offered'],
    ['pop3-no-stls', 'pop3', 'starttls', 'starttls-not-offered'],
    ['smtp-no-starttls', 'smtp', 'starttls', 'starttls-not-offered'],
    ['imap-starttls-refused', 'imap', 'starttls', 'starttls-failed'],
    ['smtp-starttls-refused', 'smtp', 'starttls', 'starttls-failed'],
    ['starttls-injection', 'imap', 'starttls', 'starttls-failed'],
    ['starttls-injection', 'pop3', 'starttls', 'starttls-failed'],
    ['starttls-injection', 'smtp', 'starttls', 'starttls-failed'],
    ['close-mid-handshake', 'imap', 'tls', 'tls-handshake-failed'],
    ['close-mid-handshake', 'smtp', 'starttls', 'tls-handshake-failed'],
    ['garbage-greeting', 'imap', 'starttls', 'protocol-error'],
    ['huge-greeting', 'imap', 'starttls', 'protocol-error'],
    ['imap-preauth', 'imap', 'starttls', 'protocol-error'],
  ];
  it.each(flaws)(
    '%s (%s/%s): %s, no credential reached the server',
    async (behaviour, protocol, security, code) => {
      const outcome = await login({ behaviour, protocol, security });
      expect(outcome.result).toMatchObject({ ok: false, auth: 'not-attempted', error: { code } });
      expectNoCredentialsSent(outcome);
    },
  );

  let certificates: Record<string, KeyAndCert>;
  beforeAll(() => {
    certificates = {
      expired: issueExpiredCert([HOST]),
      selfSigned: issueCert({ names: [HOST], selfSigned: true }),
      untrustedCa: issueCert({ names: [HOST], issuer: makeUntrustedCa() }),
      wrongHost: issueCert({ names: ['other.login.test'] }),
    };
  });
  const certificateCases: [string, ErrorCode][] = [
    ['expired', 'certificate-expired'],
    ['selfSigned', 'certificate-untrusted'],
    ['untrustedCa', 'certificate-untrusted'],
    ['wrongHost', 'certificate-hostname-mismatch'],
  ];
  for (const [protocol, security] of [
    ['imap', 'tls'],
    ['pop3', 'starttls'],
    ['smtp', 'starttls'],
  ] as const) {
    it.each(certificateCases)(
      `${protocol}/${security}: a %s certificate gives %s, with its facts`,
      async (name, code) => {
        const outcome = await login({ protocol, security, cert: certificates[name] });
        const { result } = outcome;
        expect(result).toMatchObject({ ok: false, auth: 'not-attempted', error: { code, phase: 'tls' } });
        const certificate = result.tls?.certificate;
        expect(certificate).toMatchObject({
          subject: expect.any(String),
          issuer: expect.any(String),
          validFrom: expect.any(String),
          validTo: expect.any(String),
        });
        expect(certificate?.altNames.length).toBeGreaterThan(0);
        expect(certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        expectNoCredentialsSent(outcome);
      },
    );
  }

  it('gives up on a silent server at the deadline (+100 ms at most), nothing sent', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const outcome = await login({ behaviour: 'silent', security, timeoutMs: 400 });
      expect(outcome.result.error).toMatchObject({ code: 'timeout' });
      expect(outcome.result.ms).toBeGreaterThanOrEqual(395);
      expect(outcome.result.ms).toBeLessThanOrEqual(500);
      expectNoCredentialsSent(outcome);
    }
  });

  it('gives up on a server that never answers the login at the deadline, as one failed attempt', async () => {
    const outcome = await login({ login: { hang: true }, timeoutMs: 600 });
    expect(outcome.result).toMatchObject({
      ok: false,
      auth: 'failed',
      error: { code: 'timeout', phase: 'auth' },
    });
    expect(outcome.result.ms).toBeLessThanOrEqual(700);
    expect(outcome.logins).toHaveLength(1);
    expectNoLeak(outcome.result);
  });
});
