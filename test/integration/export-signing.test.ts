// Signed profiles checked by OpenSSL itself: `openssl smime -verify` must accept the signature
// against IT's CA and give back exactly the unsigned profile.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as plist from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAccount, type SigningIdentity } from '../../core/export/index.js';
import { expectExit, runCli } from '../helpers/cli.js';
import { fixedDeps, JOERG } from '../unit/export/accounts.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-signing-'));
const file = (name: string) => path.join(dir, name);
let identity: SigningIdentity;

async function openssl(...args: string[]) {
  return run('openssl', args, { cwd: dir });
}

beforeAll(async () => {
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Test IT CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'signer.key',
    '-out',
    'signer.csr',
    '-subj',
    '/CN=Profile Signer',
  );
  writeFileSync(
    file('signer.ext'),
    'keyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection,codeSigning\n',
  );
  await openssl(
    'x509',
    '-req',
    '-in',
    'signer.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'signer.pem',
    '-days',
    '2',
    '-extfile',
    'signer.ext',
  );
  await openssl('genrsa', '-out', 'other.key', '2048');
  identity = {
    certificate: readFileSync(file('signer.pem'), 'utf8'),
    privateKey: readFileSync(file('signer.key'), 'utf8'),
  };
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(signed: string): Promise<{ ok: boolean; content: string; stderr: string }> {
  const out = `${signed}.content`;
  try {
    const result = await openssl(
      'smime',
      '-verify',
      '-inform',
      'der',
      '-in',
      signed,
      '-CAfile',
      'ca.pem',
      '-out',
      out,
    );
    return { ok: true, content: readFileSync(out, 'utf8'), stderr: result.stderr };
  } catch (error) {
    return { ok: false, content: '', stderr: String((error as { stderr?: string }).stderr) };
  }
}

describe('signed profiles', () => {
  it('verify with openssl smime against the CA and hold exactly the unsigned profile', async () => {
    const unsigned = await exportAccount({ account: JOERG, format: 'mobileconfig' }, fixedDeps());
    const signed = await exportAccount(
      { account: JOERG, format: 'mobileconfig', sign: identity },
      fixedDeps(),
    );
    expect(Buffer.isBuffer(signed.content)).toBe(true);
    expect(signed.mediaType).toBe('application/x-apple-aspen-config');
    writeFileSync(file('signed.mobileconfig'), signed.content);
    const result = await verify(file('signed.mobileconfig'));
    expect(result.stderr).toContain('Verification successful');
    expect(result.ok).toBe(true);
    expect(result.content).toBe(unsigned.content);
    expect(plist.parse(result.content)).toMatchObject({ PayloadType: 'Configuration' });
  });

  it('signs the same profile to the same bytes', async () => {
    const first = await exportAccount(
      { account: JOERG, format: 'mobileconfig', sign: identity },
      fixedDeps(),
    );
    const second = await exportAccount(
      { account: JOERG, format: 'mobileconfig', sign: identity },
      fixedDeps(),
    );
    expect(Buffer.compare(first.content as Buffer, second.content as Buffer)).toBe(0);
  });

  it('fails verification once a byte of the profile changes', async () => {
    const signed = (
      await exportAccount({ account: JOERG, format: 'mobileconfig', sign: identity }, fixedDeps())
    ).content as Buffer;
    const at = signed.indexOf('imap.xn--mller-kva.example');
    const tampered = Buffer.from(signed);
    tampered[at] = 'X'.charCodeAt(0);
    writeFileSync(file('tampered.mobileconfig'), tampered);
    expect((await verify(file('tampered.mobileconfig'))).ok).toBe(false);
  });

  it('refuses a key of another certificate', async () => {
    const wrong = { ...identity, privateKey: readFileSync(file('other.key'), 'utf8') };
    await expect(exportAccount({ account: JOERG, format: 'mobileconfig', sign: wrong })).rejects.toThrow(
      /does not belong/,
    );
  });

  it('is made by the command line with --sign-cert and --sign-key', async () => {
    const out = file('cli.mobileconfig');
    const args = ['export', JOERG.address, '--imap', 'imap.xn--mller-kva.example:993/tls'];
    args.push('--smtp', 'smtp.xn--mller-kva.example:587/starttls', '--format', 'mobileconfig');
    const signing = ['--sign-cert', file('signer.pem'), '--sign-key', file('signer.key')];
    const made = await runCli([...args, ...signing, '--out', out]);
    expectExit(made, 0);
    expect((await verify(out)).ok).toBe(true);

    expectExit(await runCli([...args, ...signing]), 2);
    expectExit(await runCli([...args, '--sign-cert', file('signer.pem'), '--out', out]), 2);
    const wrongKey = await runCli([
      ...args,
      '--sign-cert',
      file('signer.pem'),
      '--sign-key',
      file('other.key'),
      '--out',
      out,
    ]);
    expectExit(wrongKey, 2);
    expect(wrongKey.stderr).toMatch(/does not belong/);
    const guide = [...args.slice(0, -1), 'guide-applemail', ...signing, '--out', file('g.html')];
    expectExit(await runCli(guide), 2);
  });
});
