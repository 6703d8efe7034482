// The `mailsetup test` pieces that need no server: flags, the password from stdin, the checklist.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseTestArgs, readPasswordFromStdin } from '../../../cli/test-args.js';
import { serverChecklist } from '../../../cli/test-report.js';
import type { ServerTestResult } from '../../../core/api.js';

describe('parseTestArgs', () => {
  it('takes detect’s flags, the server flags, --password-stdin and --force', () => {
    const args = parseTestArgs([
      'a@b.test',
      '--imap',
      'imap.b.test:993/tls',
      '--password-stdin',
      '--force',
      '--timeout',
      '5',
      '--lang',
      'de',
    ]);
    expect(args).toMatchObject({
      address: 'a@b.test',
      passwordStdin: true,
      force: true,
      servers: { imap: 'imap.b.test:993/tls' },
      options: { timeoutMs: 5000, lang: 'de' },
    });
  });

  it.each([[['a@b.test', '--password', 'x']], [['a@b.test', '--password=x']], [['a@b.test', 'secret-word']]])(
    'refuses a password as an argument: %j',
    (argv) => {
      expect(() => parseTestArgs(argv)).toThrow(
        expect.objectContaining({ key: 'cli.test.password-argument', params: {} }),
      );
    },
  );
});

describe('readPasswordFromStdin', () => {
  const read = (...chunks: string[]) =>
    readPasswordFromStdin(Readable.from(chunks.map((c) => Buffer.from(c))));

  it('strips exactly one trailing line break and keeps everything else', async () => {
    expect(await read('pa', 'ss word \n')).toBe('pa' + 'ss word ');
    expect(await read('pw\r\n')).toBe('pw');
    expect(await read('  pw  ')).toBe('  pw  ');
  });

  it('refuses an empty password and one with a line break inside', async () => {
    await expect(read('\n')).rejects.toMatchObject({ key: 'cli.test.password-empty' });
    await expect(read('a\nb\n')).rejects.toMatchObject({ key: 'cli.test.password-characters' });
  });
});

describe('serverChecklist', () => {
  const expired: ServerTestResult = {
    protocol: 'imap',
    host: 'imap.b.test',
    port: 993,
    security: 'tls',
    username: 'a@b.test',
    ok: false,
    tls: {
      version: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      authorized: false,
      certificate: {
        subject: 'imap.b.test',
        issuer: 'Test CA, Example',
        validFrom: '2024-01-01T00:00:00.000Z',
        validTo: '2025-01-02T00:00:00.000Z',
        altNames: ['imap.b.test'],
        fingerprint256: 'AB:CD',
      },
    },
    auth: 'not-attempted',
    error: {
      code: 'certificate-expired',
      message: "The server's certificate has expired.",
      fix: 'Do not continue.',
      detail: 'CERT_HAS_EXPIRED',
      phase: 'tls',
    },
    capabilities: [],
    transcript: [],
    ms: 12,
    phases: { dns: 1, connect: 2, tls: 5 },
  };

  it('ticks what passed and explains the failure with the certificate facts', () => {
    expect(serverChecklist(expired, 'en')).toEqual([
      'IMAP imap.b.test:993 SSL/TLS, user name a@b.test',
      '  ✓ Connected (2 ms)',
      "  ✗ The server's certificate has expired.",
      '    What to do: Do not continue.',
      '    Not signed in: the password was not sent.',
      '    Certificate for: imap.b.test',
      '    Issued by: Test CA, Example',
      '    Valid from 1 January 2024 until 2 January 2025',
      '    Names: imap.b.test',
      '    SHA-256 fingerprint: AB:CD',
      '    Details: CERT_HAS_EXPIRED',
    ]);
    expect(serverChecklist(expired, 'de')).toContain('    Gültig von 1. Januar 2024 bis 2. Januar 2025');
  });
});
