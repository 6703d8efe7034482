// The one TLS policy (core/net/tls.ts) against real TLS servers on loopback: what passes, what each
// broken certificate or old version is called, what a pin lets through, and which sockets may carry a
// credential.

import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolver } from '../../../core/net/resolver.js';
import {
  certificateFacts,
  classifyTlsError,
  connectTls,
  isVerifiedTls,
  TLS_MIN_VERSION,
  TlsError,
} from '../../../core/net/tls.js';
import { issueCert, issueExpiredCert, type KeyAndCert } from '../../peers/ca.js';

const IP = '127.0.12.1';
const resolver = createResolver();
const servers: tls.Server[] = [];

async function tlsServer(identity: KeyAndCert, options: tls.TlsOptions = {}): Promise<number> {
  const server = tls.createServer({ ...identity, ...options }, (socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  return (server.address() as AddressInfo).port;
}

async function failure(promise: Promise<unknown>): Promise<TlsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TlsError);
  return error as TlsError;
}

let valid: number;
let expired: number;
let otherName: number;
let selfSigned: number;
let selfSignedIdentity: KeyAndCert;
let oldVersion: number;

beforeAll(async () => {
  valid = await tlsServer(issueCert({ names: ['mail.example'], ips: [IP] }));
  expired = await tlsServer(issueExpiredCert([IP]));
  otherName = await tlsServer(issueCert({ names: ['other.example'] }));
  selfSignedIdentity = issueCert({ names: ['mail.example'], ips: [IP], selfSigned: true });
  selfSigned = await tlsServer(selfSignedIdentity);
  oldVersion = await tlsServer(issueCert({ names: ['mail.example'], ips: [IP] }), {
    minVersion: 'TLSv1',
    maxVersion: 'TLSv1.1',
    ciphers: 'DEFAULT@SECLEVEL=0',
  });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('connectTls', () => {
  it('hands back a verified socket and what it saw of the peer', async () => {
    const { socket, tls: facts } = await connectTls({ host: IP, port: valid, resolver });
    try {
      expect(facts).toMatchObject({ version: 'TLSv1.3', authorized: true });
      expect(facts.certificate).toMatchObject({ subject: 'mail.example', altNames: ['mail.example', IP] });
      expect(facts.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(facts.pinned).toBeUndefined();
    } finally {
      socket.destroy();
    }
  });

  it('calls an expired certificate expired, and reports it', async () => {
    const error = await failure(connectTls({ host: IP, port: expired, resolver }));
    expect(error.code).toBe('certificate-expired');
    expect(error.phase).toBe('tls');
    expect(error.tls?.certificate?.altNames).toContain(IP);
  });

  it('refuses a trusted certificate for another name', async () => {
    const error = await failure(connectTls({ host: IP, port: otherName, resolver }));
    expect(error.code).toBe('certificate-hostname-mismatch');
    expect(error.tls?.certificate?.altNames).toEqual(['other.example']);
  });

  it('refuses a certificate nobody vouches for, unless the administrator pinned exactly it', async () => {
    const error = await failure(connectTls({ host: IP, port: selfSigned, resolver }));
    expect(error.code).toBe('certificate-untrusted');
    const fingerprint = error.tls?.certificate?.fingerprint256 ?? '';
    const { socket, tls: facts } = await connectTls({
      host: IP,
      port: selfSigned,
      resolver,
      pins: [{ host: IP, sha256: fingerprint }],
    });
    socket.destroy();
    expect(facts).toMatchObject({ authorized: false, pinned: true });
    // A pin for another host lets nothing through.
    const elsewhere = await failure(
      connectTls({
        host: IP,
        port: selfSigned,
        resolver,
        pins: [{ host: 'other.example', sha256: fingerprint }],
      }),
    );
    expect(elsewhere.code).toBe('certificate-untrusted');
  });

  it(`refuses a server that speaks nothing newer than TLS 1.1 (minimum ${TLS_MIN_VERSION})`, async () => {
    const error = await failure(connectTls({ host: IP, port: oldVersion, resolver }));
    expect(error.code).toBe('tls-version-too-old');
  });

  it('stops when the caller gives up', async () => {
    const controller = new AbortController();
    controller.abort(new Error('given up'));
    await expect(connectTls({ host: IP, port: valid, resolver, signal: controller.signal })).rejects.toThrow(
      'given up',
    );
  });
});

describe('isVerifiedTls', () => {
  it('holds for a socket connectTls verified, while it is open', async () => {
    const { socket } = await connectTls({ host: IP, port: valid, resolver });
    expect(isVerifiedTls(socket)).toBe(true);
    socket.destroy();
    expect(isVerifiedTls(socket)).toBe(false);
  });

  it('does not hold for TLS nobody verified, nor for a plain socket under it', async () => {
    const socket = tls.connect({ host: IP, port: selfSigned, rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    try {
      expect(socket.encrypted).toBe(true);
      expect(isVerifiedTls(socket)).toBe(false);
    } finally {
      socket.destroy();
    }
  });
});

describe('classifyTlsError', () => {
  it.each([
    [{ code: 'CERT_HAS_EXPIRED' }, 'certificate-expired'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'certificate-hostname-mismatch'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'certificate-untrusted'],
    // Libraries that hide the code: OpenSSL's reason in the message decides.
    [new Error('C0:error:0A000102:SSL routines::unsupported protocol'), 'tls-version-too-old'],
    [new Error('tlsv1 alert protocol version'), 'tls-version-too-old'],
    [new Error('self-signed certificate in certificate chain'), 'certificate-untrusted'],
    [new Error("Hostname/IP does not match certificate's altnames"), 'certificate-hostname-mismatch'],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'connection-refused'],
    [new Error('something else'), 'tls-handshake-failed'],
  ])('calls %o %s', (error, code) => {
    expect(classifyTlsError(error)).toBe(code);
  });
});

describe('certificateFacts', () => {
  it('is undefined when the peer showed no certificate', () => {
    expect(certificateFacts(undefined)).toBeUndefined();
    expect(certificateFacts({} as tls.PeerCertificate)).toBeUndefined();
  });
});
