// A throwaway certificate authority for the test internet. The CA lives in test/.tmp/ca and is trusted
// by every test process through NODE_EXTRA_CA_CERTS (set in test/global-setup.ts), exactly as a
// company CA would be. Leaf certificates are made on demand: valid, expired, self-signed, other CA.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export const TEST_TMP = path.resolve(import.meta.dirname, '..', '.tmp');
export const CA_DIR = path.join(TEST_TMP, 'ca');
export const CA_CERT_FILE = path.join(CA_DIR, 'ca.pem');
const CA_KEY_FILE = path.join(CA_DIR, 'ca.key');

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface LeafOptions {
  /** DNS names; the first is also the subject's CN. */
  names: string[];
  ips?: string[];
  /** Validity window; defaults to a week ago until a year from now. */
  notBefore?: Date;
  notAfter?: Date;
  /** Sign with its own key instead of the test CA. */
  selfSigned?: boolean;
  /** Sign with this (untrusted) CA instead of the test CA. */
  issuer?: KeyAndCert;
}

const DAY = 24 * 60 * 60 * 1000;

function newKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  pem: string;
} {
  // Node's native key generation is ~50x faster than forge's JavaScript one.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serial(): string {
  // Positive, 16 bytes.
  return `01${randomBytes(15).toString('hex')}`;
}

function makeCa(commonName: string): KeyAndCert {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 7 * DAY);
  cert.validity.notAfter = new Date(Date.now() + 3650 * DAY);
  const attrs = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'MailSetup Test Internet' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

/** Creates the trusted test CA once (idempotent across processes of one run). */
export function ensureTestCa(): KeyAndCert {
  if (existsSync(CA_CERT_FILE) && existsSync(CA_KEY_FILE)) {
    return { key: readFileSync(CA_KEY_FILE, 'utf8'), cert: readFileSync(CA_CERT_FILE, 'utf8') };
  }
  mkdirSync(CA_DIR, { recursive: true });
  const ca = makeCa('MailSetup Test CA');
  writeFileSync(CA_KEY_FILE, ca.key, { mode: 0o600 });
  writeFileSync(CA_CERT_FILE, ca.cert);
  return ca;
}

/** A CA nobody trusts: certificates from it must fail as certificate-untrusted. */
export function makeUntrustedCa(): KeyAndCert {
  return makeCa('Untrusted Test CA');
}

export function issueCert(options: LeafOptions): KeyAndCert {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 7 * DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  cert.setSubject([{ name: 'commonName', value: options.names[0] ?? options.ips?.[0] ?? 'localhost' }]);
  const altNames = [
    ...options.names.map((value) => ({ type: 2, value })),
    ...(options.ips ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  if (options.selfSigned) {
    cert.setIssuer(cert.subject.attributes);
    cert.sign(keys.privateKey, forge.md.sha256.create());
  } else {
    const issuer = options.issuer ?? ensureTestCa();
    const issuerCert = forge.pki.certificateFromPem(issuer.cert);
    cert.setIssuer(issuerCert.subject.attributes);
    cert.sign(forge.pki.privateKeyFromPem(issuer.key), forge.md.sha256.create());
  }
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

/** A certificate that expired yesterday. */
export function issueExpiredCert(names: string[]): KeyAndCert {
  return issueCert({
    names,
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - DAY),
  });
}
