// The one TLS policy: TLS 1.2 or newer, certificate valid for the dialled host name. The handshake
// itself does not reject, so that we can report the certificate we saw; `verifyPeer` then decides,
// before a single byte of ours is sent over the connection.

import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import tls from 'node:tls';
import { codeForNodeError, type ErrorCode, MailSetupError } from '../errors.js';
import { abortReason } from './abort.js';
import type { Resolver } from './resolver.js';

export const TLS_MIN_VERSION = 'TLSv1.2' as const;

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  altNames: string[];
  fingerprint256: string;
}

export interface TlsFacts {
  version: string;
  cipher: string;
  authorized: boolean;
  certificate?: CertificateFacts;
  /** The chain is not trusted, but the administrator's policy pins this exact certificate. */
  pinned?: boolean;
}

/**
 * An administrator's pin (policy `trustedCertificates`): the SHA-256 fingerprint of one server
 * certificate in Node's form ("AB:CD:..."), optionally for one host only.
 */
export interface CertificatePin {
  host?: string;
  sha256: string;
}

const CERT_CODES: Record<string, ErrorCode> = {
  CERT_HAS_EXPIRED: 'certificate-expired',
  CERT_NOT_YET_VALID: 'certificate-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate-hostname-mismatch',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate-untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate-untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'certificate-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate-untrusted',
  CERT_UNTRUSTED: 'certificate-untrusted',
  CERT_REVOKED: 'certificate-untrusted',
  CERT_SIGNATURE_FAILURE: 'certificate-untrusted',
  INVALID_CA: 'certificate-untrusted',
};

/** Classifies a TLS failure by Node's code or, where libraries hide it, OpenSSL's reason text. */
export function classifyTlsError(error: unknown): ErrorCode {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const mapped = CERT_CODES[code];
  if (mapped) return mapped;
  const text = `${code} ${(error as Error | null)?.message ?? ''}`.toLowerCase();
  if (
    text.includes('unsupported protocol') ||
    text.includes('unsupported_protocol') ||
    text.includes('protocol version') ||
    text.includes('no protocols available') ||
    text.includes('version too low')
  ) {
    return 'tls-version-too-old';
  }
  if (text.includes('certificate has expired')) return 'certificate-expired';
  if (text.includes('self-signed') || text.includes('self signed') || text.includes('unable to verify')) {
    return 'certificate-untrusted';
  }
  if (text.includes('hostname/ip does not match') || text.includes('altname'))
    return 'certificate-hostname-mismatch';
  return codeForNodeError(error) ?? 'tls-handshake-failed';
}

export function certificateFacts(cert: PeerCertificate | undefined): CertificateFacts | undefined {
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const name = (entity: PeerCertificate['subject'] | undefined) => {
    if (!entity) return '';
    const cn = entity.CN;
    const common = Array.isArray(cn) ? cn.join(', ') : cn;
    const org = Array.isArray(entity.O) ? entity.O.join(', ') : entity.O;
    return [common, org].filter(Boolean).join(', ');
  };
  const altNames = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  return {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    altNames,
    fingerprint256: cert.fingerprint256,
  };
}

export function tlsFacts(socket: TLSSocket): TlsFacts {
  const cipher = socket.getCipher();
  return {
    version: socket.getProtocol() ?? 'unknown',
    cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
    authorized: socket.authorized,
    certificate: certificateFacts(socket.getPeerCertificate()),
  };
}

/**
 * Throws the right certificate error unless the peer's chain is trusted and valid for `host`, and
 * returns what we saw. A pin lets exactly one thing through: a chain nobody vouches for
 * (certificate-untrusted) when the leaf is the pinned certificate. It must still be within its
 * validity dates and valid for the host name.
 */
export function verifyPeer(socket: TLSSocket, host: string, pins: readonly CertificatePin[] = []): TlsFacts {
  const facts = tlsFacts(socket);
  if (!socket.authorized) {
    const reason = socket.authorizationError;
    const mapped =
      CERT_CODES[String((reason as { code?: string } | string | null) ?? '')] ?? classifyTlsError(reason);
    const code = mapped === 'tls-handshake-failed' ? 'certificate-untrusted' : mapped;
    if (code !== 'certificate-untrusted' || !isPinned(facts.certificate, host, pins)) {
      throw new TlsError(code, String(reason), facts);
    }
    // OpenSSL reports only the first problem: an untrusted chain hides an expired certificate.
    const cert = socket.getPeerCertificate();
    const now = Date.now();
    if (now < new Date(cert.valid_from).getTime() || now > new Date(cert.valid_to).getTime()) {
      throw new TlsError(
        'certificate-expired',
        `pinned certificate outside ${cert.valid_from} - ${cert.valid_to}`,
        facts,
      );
    }
    facts.pinned = true;
  }
  const identityError = tls.checkServerIdentity(host, socket.getPeerCertificate());
  if (identityError) throw new TlsError('certificate-hostname-mismatch', identityError.message, facts);
  return facts;
}

function isPinned(
  certificate: CertificateFacts | undefined,
  host: string,
  pins: readonly CertificatePin[],
): boolean {
  if (!certificate?.fingerprint256) return false;
  const name = host.toLowerCase();
  return pins.some(
    (pin) => (pin.host === undefined || pin.host === name) && pin.sha256 === certificate.fingerprint256,
  );
}

/** A TLS failure that carries what we saw of the peer, for the report. */
export class TlsError extends MailSetupError {
  readonly tls: TlsFacts | undefined;
  constructor(code: ErrorCode, detail: string, facts?: TlsFacts) {
    super(code, detail, 'tls');
    this.name = 'TlsError';
    this.tls = facts;
  }
}

export interface TlsConnectOptions {
  host: string;
  port: number;
  resolver: Resolver;
  signal?: AbortSignal;
  /** Upgrade this plain socket (STARTTLS) instead of dialling. */
  socket?: Socket;
  /** The administrator's certificate pins (see verifyPeer). */
  pins?: readonly CertificatePin[];
}

/**
 * Implicit TLS or a STARTTLS upgrade, verified for `host` before it is handed back. On failure the
 * socket is destroyed and a TlsError tells which rule was broken.
 */
export function connectTls(options: TlsConnectOptions): Promise<{ socket: TLSSocket; tls: TlsFacts }> {
  const { host, port, resolver, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const socket = tls.connect({
      host,
      port,
      servername: isIpLiteral(host) ? undefined : host,
      minVersion: TLS_MIN_VERSION,
      rejectUnauthorized: false,
      lookup: resolver.lookup,
      socket: options.socket,
      ALPNProtocols: undefined,
    });
    const onAbort = () => {
      socket.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const onError = (error: Error) => {
      cleanup();
      socket.destroy();
      // A reset after the TCP connection stood is a broken handshake, not a refused connection.
      const reset = ['ECONNRESET', 'EPIPE'].includes(String((error as NodeJS.ErrnoException).code));
      const code = reset ? 'tls-handshake-failed' : classifyTlsError(error);
      reject(new TlsError(code, error.message));
    };
    const onClose = () => {
      cleanup();
      reject(
        new TlsError('tls-handshake-failed', 'the server closed the connection during the TLS handshake'),
      );
    };
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('secureConnect', () => {
      cleanup();
      let facts: TlsFacts;
      try {
        facts = verifyPeer(socket, host, options.pins);
      } catch (error) {
        socket.destroy();
        return reject(error);
      }
      verifiedSockets.add(socket);
      resolve({ socket, tls: facts });
    });
  });
}

/** Sockets whose peer connectTls verified (host name or an administrator's pin). */
const verifiedSockets = new WeakSet<TLSSocket>();

/** Versions at or above TLS_MIN_VERSION, as getProtocol() names them. */
const ACCEPTED_PROTOCOLS: ReadonlySet<string> = new Set(['TLSv1.2', 'TLSv1.3']);

/**
 * Whether a credential may go out on `socket` right now: a TLS socket that connectTls verified, still
 * open, speaking TLS 1.2 or newer. Asked of the socket itself, not of anyone's flag, so that no order of
 * statements in a protocol client can put a password on a plain connection.
 */
export function isVerifiedTls(socket: Socket): boolean {
  if (!(socket instanceof tls.TLSSocket) || !verifiedSockets.has(socket)) return false;
  if (!socket.encrypted || socket.destroyed || !socket.writable) return false;
  return ACCEPTED_PROTOCOLS.has(socket.getProtocol() ?? '');
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
