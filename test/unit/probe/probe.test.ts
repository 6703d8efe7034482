import { beforeAll, describe, expect, it } from 'vitest';
import type { Protocol, Security } from '../../../core/model.js';
import { probeServer } from '../../../core/probe/probe.js';
import type { ProbeResult } from '../../../core/probe/types.js';
import {
  type Adversary,
  type Behaviour,
  CREDENTIAL_COMMANDS,
  startAdversary,
  staticResolver,
} from '../../peers/adversaries.js';
import { issueCert, issueExpiredCert, type KeyAndCert, makeUntrustedCa } from '../../peers/ca.js';

const IP = '127.0.5.2';
const HOST = 'mail.probe.test';
const resolver = staticResolver({ [HOST]: IP });

let good: KeyAndCert;
beforeAll(() => {
  good = issueCert({ names: [HOST] });
});

interface Run {
  protocol?: Protocol;
  security?: Security;
  cert?: KeyAndCert;
  timeoutMs?: number;
}

/** Probes a fresh adversary; returns the result and what the server received. */
async function probe(
  behaviour: Behaviour,
  run: Run = {},
): Promise<{ result: ProbeResult; received: string }> {
  const protocol = run.protocol ?? 'imap';
  const security = run.security ?? 'starttls';
  const adversary = await startAdversary({ ip: IP, behaviour, tls: run.cert ?? good, security, protocol });
  try {
    const result = await probeServer({
      protocol,
      host: HOST,
      port: adversary.port,
      security,
      resolver,
      timeoutMs: run.timeoutMs ?? 3000,
    });
    return { result, received: adversary.received() };
  } finally {
    await adversary.close();
  }
}

const hasControlCharacter = (text: string) => Array.from(text).some((char) => char.charCodeAt(0) < 0x20);

function expectNoCredentials(received: string): void {
  expect(received).not.toMatch(CREDENTIAL_COMMANDS);
}

describe('probeServer against honest servers', () => {
  const honest: [Behaviour, Protocol, Security, string][] = [
    ['imap-ok', 'imap', 'tls', 'AUTH=PLAIN'],
    ['imap-ok', 'imap', 'starttls', 'AUTH=PLAIN'],
    ['pop3-ok', 'pop3', 'tls', 'SASL PLAIN'],
    ['pop3-ok', 'pop3', 'starttls', 'SASL PLAIN'],
    ['smtp-ok', 'smtp', 'tls', 'AUTH PLAIN LOGIN'],
    ['smtp-ok', 'smtp', 'starttls', 'AUTH PLAIN LOGIN'],
  ];
  it.each(honest)(
    '%s over %s/%s: ok, with TLS facts and capabilities',
    async (behaviour, protocol, security, auth) => {
      const { result, received } = await probe(behaviour, { protocol, security });
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
      expect(['TLSv1.3', 'TLSv1.2']).toContain(result.tls?.version);
      expect(result.tls?.cipher).toMatch(/^TLS_|^ECDHE/);
      expect(result.tls?.authorized).toBe(true);
      expect(result.tls?.certificate?.subject).toContain(HOST);
      expect(result.tls?.certificate?.altNames).toContain(HOST);
      expect(result.tls?.certificate?.fingerprint256).toMatch(/^[0-9A-F:]+$/);
      expect(result.greeting).toBeTruthy();
      // Only the post-TLS capabilities remain: STARTTLS/STLS belongs to the plain part.
      expect(result.capabilities).toContain(auth);
      expect(result.capabilities.map((c) => c.toUpperCase())).not.toContain(
        protocol === 'pop3' ? 'STLS' : 'STARTTLS',
      );
      expect(result.transcript[0]).toMatch(/^S: /);
      expect(result.transcript.some((line) => line.startsWith('C: '))).toBe(true);
      expect(result.phases).toMatchObject({
        dns: expect.any(Number),
        connect: expect.any(Number),
        tls: expect.any(Number),
        greeting: expect.any(Number),
        capabilities: expect.any(Number),
      });
      if (security === 'starttls') expect(result.phases.starttls).toEqual(expect.any(Number));
      expect(result.ms).toBeGreaterThanOrEqual(0);
      expectNoCredentials(received);
    },
  );

  it('reads IMAP capabilities with a tagged answer after untagged lines', async () => {
    const { result } = await probe('imap-ok', { security: 'tls' });
    expect(result.capabilities).toEqual(['IMAP4rev1', 'ID', 'AUTH=PLAIN']);
    expect(result.transcript).toContain('C: a1 CAPABILITY');
    expect(result.transcript).toContain('S: a1 OK CAPABILITY completed');
  });

  it('reads a multi-line SMTP greeting and EHLO answer, and says EHLO with an address literal', async () => {
    const { result, received } = await probe('smtp-ok', { protocol: 'smtp', security: 'tls' });
    expect(result.greeting).toBe('220-adversary.test ESMTP\n220 adversary ready');
    expect(result.capabilities).toEqual(['PIPELINING', 'SIZE 10240000', 'AUTH PLAIN LOGIN', '8BITMIME']);
    expect(received).toMatch(/^EHLO \[127\.0\.\d+\.\d+\]\r\n/);
  });

  it('reads a dot-terminated POP3 CAPA list and undoes dot-stuffing', async () => {
    const { result } = await probe('pop3-ok', { protocol: 'pop3', security: 'tls' });
    expect(result.capabilities).toEqual(['USER', 'SASL PLAIN', '.dotted']);
  });

  it('sends only greeting-phase commands, then says goodbye', async () => {
    const { received } = await probe('imap-ok');
    expect(received).toBe('a1 CAPABILITY\r\na2 STARTTLS\r\na3 CAPABILITY\r\na4 LOGOUT\r\n');
  });
});

describe('probeServer against hostile servers', () => {
  it('ends a server that accepts and never speaks as timeout at the deadline', async () => {
    for (const security of ['starttls', 'tls'] as const) {
      const { result, received } = await probe('silent', { security, timeoutMs: 500 });
      expect(result.ok).toBe(false);
      expect(result.error).toMatchObject({ code: 'timeout', phase: security === 'tls' ? 'tls' : 'greeting' });
      expect(result.error?.detail).toContain('500 ms');
      expectNoCredentials(received);
    }
  });

  it.each(['imap', 'pop3', 'smtp'] as const)(
    'refuses a garbage greeting (%s) with a sanitized quote',
    async (protocol) => {
      const { result, received } = await probe('garbage-greeting', { protocol });
      expect(result.error).toMatchObject({ code: 'protocol-error', phase: 'greeting' });
      expect(result.error?.detail).toContain('SSH-2.0-OpenSSH_9.6');
      expect(hasControlCharacter(result.error?.detail ?? '')).toBe(false);
      expect(result.transcript.some(hasControlCharacter)).toBe(false);
      // Nothing is said to a server that did not speak the protocol.
      expect(received).toBe('');
    },
  );

  it('ends a 1 MB greeting as protocol-error', async () => {
    const { result, received } = await probe('huge-greeting');
    expect(result.error).toMatchObject({ code: 'protocol-error', phase: 'greeting' });
    expect(received).toBe('');
  });

  it('reports a server that hangs up mid-handshake as tls-handshake-failed', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const { result, received } = await probe('close-mid-handshake', { security });
      expect(result.error).toMatchObject({ code: 'tls-handshake-failed', phase: 'tls' });
      expectNoCredentials(received);
    }
  });

  const missing: [Behaviour, Protocol, string][] = [
    ['imap-no-starttls', 'imap', 'starttls-not-offered'],
    ['pop3-no-stls', 'pop3', 'starttls-not-offered'],
    ['smtp-no-starttls', 'smtp', 'starttls-not-offered'],
    ['imap-starttls-refused', 'imap', 'starttls-failed'],
    ['smtp-starttls-refused', 'smtp', 'starttls-failed'],
  ];
  it.each(missing)('%s: %s gives %s', async (behaviour, protocol, code) => {
    const { result, received } = await probe(behaviour, { protocol });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code, phase: 'starttls' });
    expect(result.tls).toBeUndefined();
    expectNoCredentials(received);
  });

  it.each(['imap', 'pop3', 'smtp'] as const)(
    'refuses bytes injected behind the STARTTLS go-ahead (%s)',
    async (protocol) => {
      const { result, received } = await probe('starttls-injection', { protocol });
      expect(result.error).toMatchObject({ code: 'starttls-failed', phase: 'starttls' });
      expect(result.error?.detail).toContain('injection');
      // The last thing we sent is the STARTTLS command itself.
      expect(received).toMatch(/(STARTTLS|STLS)\r\n$/);
      expectNoCredentials(received);
    },
  );

  it('refuses TLS 1.0/1.1 as tls-version-too-old', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const { result, received } = await probe('tls10-only', { security });
      expect(result.error).toMatchObject({ code: 'tls-version-too-old', phase: 'tls' });
      expectNoCredentials(received);
    }
  });

  it('reports a plain-text server on a TLS port as a handshake failure, not as old TLS', async () => {
    const adversary = await startAdversary({ ip: IP, behaviour: 'imap-ok', tls: good });
    try {
      const result = await probeServer({
        protocol: 'imap',
        host: HOST,
        port: adversary.port,
        security: 'tls',
        resolver,
      });
      expect(result.error).toMatchObject({ code: 'tls-handshake-failed', phase: 'tls' });
    } finally {
      await adversary.close();
    }
  });

  it('refuses IMAP PREAUTH on a plain connection (no STARTTLS possible after it)', async () => {
    const { result, received } = await probe('imap-preauth');
    expect(result.error).toMatchObject({ code: 'protocol-error', phase: 'greeting' });
    expect(result.error?.detail).toContain('PREAUTH');
    expectNoCredentials(received);
  });

  it('reports an SMTP 554 greeting as connection-refused', async () => {
    const { result } = await probe('smtp-refused', { protocol: 'smtp' });
    expect(result.error).toMatchObject({ code: 'connection-refused', phase: 'greeting' });
    expect(result.error?.detail).toContain('554 5.7.1 no service for you');
  });
});

describe('probeServer and certificates', () => {
  let certificates: Record<string, KeyAndCert>;
  beforeAll(() => {
    certificates = {
      expired: issueExpiredCert([HOST]),
      selfSigned: issueCert({ names: [HOST], selfSigned: true }),
      untrustedCa: issueCert({ names: [HOST], issuer: makeUntrustedCa() }),
      otherName: issueCert({ names: ['other.test'] }),
    };
  });

  const cases: [string, string][] = [
    ['expired', 'certificate-expired'],
    ['selfSigned', 'certificate-untrusted'],
    ['untrustedCa', 'certificate-untrusted'],
    ['otherName', 'certificate-hostname-mismatch'],
  ];
  const runs: [Behaviour, Protocol, Security][] = [
    ['imap-ok', 'imap', 'tls'],
    ['pop3-ok', 'pop3', 'starttls'],
    ['smtp-ok', 'smtp', 'starttls'],
  ];
  for (const [behaviour, protocol, security] of runs) {
    it.each(cases)(
      `${protocol}/${security}: a %s certificate gives %s, with what we saw`,
      async (name, code) => {
        const { result, received } = await probe(behaviour, { protocol, security, cert: certificates[name] });
        expect(result.ok).toBe(false);
        expect(result.error).toMatchObject({ code, phase: 'tls' });
        expect(result.tls?.certificate?.fingerprint256).toBeTruthy();
        // Not a byte after the handshake: nothing inside TLS, and on STARTTLS nothing after the command.
        if (security === 'tls') expect(received).toBe('');
        else expect(received).toMatch(/(STARTTLS|STLS)\r\n$/);
        expectNoCredentials(received);
      },
    );
  }
});

describe('probeServer before the protocol', () => {
  it('reports a name that does not resolve as dns-not-found', async () => {
    const result = await probeServer({
      protocol: 'imap',
      host: 'nowhere.probe.test',
      port: 993,
      security: 'tls',
      resolver,
    });
    expect(result.error).toMatchObject({ code: 'dns-not-found', phase: 'dns' });
  });

  it('reports a closed port as connection-refused', async () => {
    const adversary: Adversary = await startAdversary({ ip: IP, behaviour: 'silent' });
    const port = adversary.port;
    await adversary.close();
    const result = await probeServer({ protocol: 'smtp', host: HOST, port, security: 'tls', resolver });
    expect(result.error).toMatchObject({ code: 'connection-refused', phase: 'connect' });
  });

  it('rejects when the caller cancels, instead of reporting the server', async () => {
    const adversary = await startAdversary({ ip: IP, behaviour: 'silent' });
    try {
      const controller = new AbortController();
      const pending = probeServer({
        protocol: 'imap',
        host: HOST,
        port: adversary.port,
        security: 'starttls',
        resolver,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await adversary.close();
    }
  });
});
