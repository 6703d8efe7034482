// Certificate pins (policy trustedCertificates) through the real connection test: small mail servers
// in this process on 127.0.6.x with certificates nobody trusts. A pin lets exactly the pinned
// certificate past "untrusted", never past an expired certificate or a wrong host name, and only
// the administrator's policy can bring one (not the request).

import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi, type TestRequest } from '../../../core/api.js';
import type { Security, ServerSettings } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';
import type { CertificatePin } from '../../../core/net/tls.js';
import { policySchema } from '../../../core/policy/schema.js';
import { LockoutGuard } from '../../../core/probe/lockout.js';
import { createMemoryLedger } from '../../../core/probe/lockout-ledger.js';
import { runConnectionTest } from '../../../core/probe/test-run.js';
import { type Adversary, type Behaviour, startAdversary, staticResolver } from '../../peers/adversaries.js';
import { issueCert, type KeyAndCert, makeUntrustedCa } from '../../peers/ca.js';

const HOST = 'mail.pins.test';
const IP = '127.0.6.60';
const PASSWORD = 'pinned-company-secret';
const DAY = 24 * 60 * 60 * 1000;

const started: Adversary[] = [];
afterAll(async () => Promise.all(started.map((server) => server.close())));

const fingerprint = (pair: KeyAndCert) => new X509Certificate(pair.cert).fingerprint256;

async function serve(tls: KeyAndCert, behaviour: Behaviour = 'imap-ok', security: Security = 'tls') {
  const server = await startAdversary({ ip: IP, behaviour, tls, security, login: { password: PASSWORD } });
  started.push(server);
  return server;
}

function settings(
  server: Adversary,
  protocol: ServerSettings['protocol'] = 'imap',
  security: Security = 'tls',
) {
  return {
    protocol,
    host: HOST,
    port: server.port,
    security,
    username: `jane@pins.test`,
    auth: 'password',
  } as const;
}

const deps = (pins?: CertificatePin[]) => ({
  net: { offline: false, resolver: staticResolver({ [HOST]: IP }), fetch: createNet().fetch },
  guard: new LockoutGuard(createMemoryLedger()),
  ...(pins ? { trustedCertificates: pins } : {}),
});

async function check(
  server: Adversary,
  pins?: CertificatePin[],
  protocol: ServerSettings['protocol'] = 'imap',
  security: Security = 'tls',
) {
  const request = {
    address: 'jane@pins.test',
    servers: [settings(server, protocol, security)],
    password: PASSWORD,
  };
  return (await runConnectionTest(request, deps(pins))).results[0]!;
}

describe('a self-signed company server', () => {
  const selfSigned = issueCert({ names: [HOST], selfSigned: true });

  it('fails as certificate-untrusted without a pin, and no password is sent', async () => {
    const server = await serve(selfSigned);
    const result = await check(server);
    expect(result).toMatchObject({
      ok: false,
      auth: 'not-attempted',
      error: { code: 'certificate-untrusted' },
    });
    expect(result.tls).toMatchObject({ authorized: false });
    expect(result.tls?.pinned).toBeUndefined();
    expect(server.logins()).toEqual([]);
  });

  it('passes with its fingerprint pinned: tls.pinned true, authorized still false', async () => {
    const server = await serve(selfSigned);
    const result = await check(server, [{ sha256: fingerprint(selfSigned) }]);
    expect(result).toMatchObject({ ok: true, auth: 'ok' });
    expect(result.tls).toMatchObject({ authorized: false, pinned: true });
    expect(result.tls?.certificate?.fingerprint256).toBe(fingerprint(selfSigned));
  });

  it('passes over STARTTLS too', async () => {
    const server = await serve(selfSigned, 'smtp-ok', 'starttls');
    const result = await check(server, [{ host: HOST, sha256: fingerprint(selfSigned) }], 'smtp', 'starttls');
    expect(result).toMatchObject({ ok: true, auth: 'ok', tls: { pinned: true } });
  });

  it('a pin for another host does not apply', async () => {
    const server = await serve(selfSigned);
    const result = await check(server, [{ host: 'other.pins.test', sha256: fingerprint(selfSigned) }]);
    expect(result.error?.code).toBe('certificate-untrusted');
  });

  it('another certificate’s pin does not apply', async () => {
    const server = await serve(selfSigned);
    const other = issueCert({ names: [HOST], selfSigned: true });
    expect((await check(server, [{ sha256: fingerprint(other) }])).error?.code).toBe('certificate-untrusted');
  });
});

describe('what a pin never lets through', () => {
  it('a certificate of a company CA nobody trusts passes when its own fingerprint is pinned', async () => {
    const leaf = issueCert({ names: [HOST], issuer: makeUntrustedCa() });
    const server = await serve(leaf);
    expect(await check(server, [{ sha256: fingerprint(leaf) }])).toMatchObject({
      ok: true,
      tls: { pinned: true },
    });
  });

  it('the pinned certificate on the wrong host name: certificate-hostname-mismatch, nothing sent', async () => {
    const wrongName = issueCert({ names: ['intranet.pins.test'], selfSigned: true });
    const server = await serve(wrongName);
    const result = await check(server, [{ sha256: fingerprint(wrongName) }]);
    expect(result).toMatchObject({
      ok: false,
      auth: 'not-attempted',
      error: { code: 'certificate-hostname-mismatch' },
    });
    expect(server.logins()).toEqual([]);
  });

  it('the pinned certificate after its end date: certificate-expired, nothing sent', async () => {
    const expired = issueCert({
      names: [HOST],
      selfSigned: true,
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const server = await serve(expired);
    const result = await check(server, [{ sha256: fingerprint(expired) }]);
    expect(result).toMatchObject({
      ok: false,
      auth: 'not-attempted',
      error: { code: 'certificate-expired' },
    });
    expect(server.logins()).toEqual([]);
  });
});

describe('where pins come from', () => {
  const selfSigned = issueCert({ names: [HOST], selfSigned: true });

  it('createApi takes them from the policy in force', async () => {
    const server = await serve(selfSigned);
    const policy = policySchema('en').parse({
      trustedCertificates: [{ host: HOST, sha256: fingerprint(selfSigned) }],
    });
    const api = createApi({
      ...deps(),
      policy: { file: '/etc/mailsetup/policy.json', origin: 'machine', policy },
    });
    const result = await api.test({
      address: 'jane@pins.test',
      servers: [settings(server)],
      password: PASSWORD,
    });
    expect(result.results[0]).toMatchObject({ ok: true, tls: { pinned: true } });
  });

  it('a request cannot bring its own pin (requests come from the renderer)', async () => {
    const server = await serve(selfSigned);
    const api = createApi({ ...deps(), policy: {} });
    const request = {
      address: 'jane@pins.test',
      servers: [settings(server)],
      password: PASSWORD,
      trustedCertificates: [{ sha256: fingerprint(selfSigned) }],
    } as TestRequest;
    const result = await api.test(request);
    expect(result.results[0]?.error?.code).toBe('certificate-untrusted');
    expect(server.logins()).toEqual([]);
  });
});
