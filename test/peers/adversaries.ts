// Small hostile (and a few honest) mail servers on loopback, for the probe's tests: each behaviour is
// one way a server or a man in the middle can go wrong. Every byte a server receives in clear text
// (before TLS, or inside it) is kept, so that a test can prove no credential was ever sent.

import type { LookupAddress } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import type { Protocol, Security } from '../../core/model.js';
import type { LookupFunction, Resolver } from '../../core/net/resolver.js';
import type { KeyAndCert } from './ca.js';

export type Behaviour =
  | 'silent'
  | 'garbage-greeting'
  | 'huge-greeting'
  | 'close-mid-handshake'
  | 'imap-no-starttls'
  | 'imap-starttls-refused'
  | 'pop3-no-stls'
  | 'smtp-no-starttls'
  | 'smtp-starttls-refused'
  | 'starttls-injection'
  | 'tls10-only'
  | 'imap-preauth'
  | 'smtp-refused'
  | 'imap-ok'
  | 'pop3-ok'
  | 'smtp-ok';

export interface AdversaryOptions {
  ip: string;
  /** 0 or absent: a free port. */
  port?: number;
  behaviour: Behaviour;
  /** Needed by every behaviour that gets as far as TLS. */
  tls?: KeyAndCert;
  /** `tls`: TLS from the first byte (993/995/465); default `starttls`. */
  security?: Security;
  /** For the behaviours not tied to one protocol (close-mid-handshake, starttls-injection, tls10-only). */
  protocol?: Protocol;
  maxVersion?: tls.SecureVersion;
}

export interface Adversary {
  ip: string;
  port: number;
  /** Everything received in clear text (before TLS, or decrypted), all connections in order. */
  received(): string;
  close(): Promise<void>;
}

type Flaw = 'none' | 'no-starttls' | 'starttls-refused' | 'injection' | 'close-mid-handshake';
type Raw = 'silent' | 'garbage' | 'huge';

interface Plan {
  raw?: Raw;
  protocol?: Protocol;
  flaw: Flaw;
  oldTls?: boolean;
  /** Replaces the protocol's normal greeting. */
  greeting?: string;
}

const PLANS: Record<Behaviour, Plan> = {
  silent: { raw: 'silent', flaw: 'none' },
  'garbage-greeting': { raw: 'garbage', flaw: 'none' },
  'huge-greeting': { raw: 'huge', flaw: 'none' },
  'close-mid-handshake': { flaw: 'close-mid-handshake' },
  'imap-no-starttls': { protocol: 'imap', flaw: 'no-starttls' },
  'imap-starttls-refused': { protocol: 'imap', flaw: 'starttls-refused' },
  'pop3-no-stls': { protocol: 'pop3', flaw: 'no-starttls' },
  'smtp-no-starttls': { protocol: 'smtp', flaw: 'no-starttls' },
  'smtp-starttls-refused': { protocol: 'smtp', flaw: 'starttls-refused' },
  'starttls-injection': { flaw: 'injection' },
  'tls10-only': { flaw: 'none', oldTls: true },
  // Pre-authenticated on a plain connection: STARTTLS is no longer allowed (RFC 3501 6.2.1).
  'imap-preauth': { protocol: 'imap', flaw: 'none', greeting: '* PREAUTH [CAPABILITY IMAP4rev1] welcome' },
  'smtp-refused': { protocol: 'smtp', flaw: 'none', greeting: '554 5.7.1 no service for you' },
  'imap-ok': { protocol: 'imap', flaw: 'none' },
  'pop3-ok': { protocol: 'pop3', flaw: 'none' },
  'smtp-ok': { protocol: 'smtp', flaw: 'none' },
};

/** Words that carry or announce a credential; a probe without login must never send them. */
export const CREDENTIAL_COMMANDS = /^(?:\S+ )?(?:LOGIN|AUTHENTICATE|AUTH|USER|PASS|APOP)\b/im;

interface Answer {
  text: string;
  /** Upgrade to TLS after writing `text`. */
  starttls?: boolean;
  close?: boolean;
}

interface Script {
  greeting: string;
  /** What a man in the middle would slip in behind the STARTTLS go-ahead. */
  injected: string;
  answer(line: string, encrypted: boolean, flaw: Flaw): Answer;
}

function goAhead(flaw: Flaw, ok: string, refused: string, unknown: string, encrypted: boolean): Answer {
  if (encrypted || flaw === 'no-starttls') return { text: unknown };
  if (flaw === 'starttls-refused') return { text: refused };
  return { text: ok, starttls: true };
}

const SCRIPTS: Record<Protocol, Script> = {
  imap: {
    greeting: '* OK adversary IMAP ready',
    injected: '* CAPABILITY IMAP4rev1 AUTH=PLAIN',
    answer(line, encrypted, flaw) {
      const [tag = '*', command = ''] = line.split(' ');
      switch (command.toUpperCase()) {
        case 'CAPABILITY': {
          const offered = !encrypted && flaw !== 'no-starttls' ? ' STARTTLS LOGINDISABLED' : '';
          const auth = encrypted ? ' AUTH=PLAIN' : '';
          return { text: `* CAPABILITY IMAP4rev1 ID${offered}${auth}\r\n${tag} OK CAPABILITY completed` };
        }
        case 'STARTTLS':
          return goAhead(
            flaw,
            `${tag} OK Begin TLS negotiation now`,
            `${tag} NO [UNAVAILABLE] TLS is not available`,
            `${tag} BAD unknown command`,
            encrypted,
          );
        case 'LOGOUT':
          return { text: `* BYE logging out\r\n${tag} OK LOGOUT completed`, close: true };
        case 'NOOP':
          return { text: `${tag} OK NOOP completed` };
        default:
          return { text: `${tag} BAD unknown command` };
      }
    },
  },
  pop3: {
    greeting: '+OK adversary POP3 ready',
    injected: '+OK injected',
    answer(line, encrypted, flaw) {
      switch (line.split(' ')[0]?.toUpperCase()) {
        case 'CAPA': {
          const stls = !encrypted && flaw !== 'no-starttls' ? 'STLS\r\n' : '';
          return { text: `+OK capability list follows\r\nUSER\r\nSASL PLAIN\r\n${stls}..dotted\r\n.` };
        }
        case 'STLS':
          return goAhead(
            flaw,
            '+OK Begin TLS negotiation',
            '-ERR TLS is not available',
            '-ERR unknown command',
            encrypted,
          );
        case 'QUIT':
          return { text: '+OK bye', close: true };
        default:
          return { text: '-ERR unknown command' };
      }
    },
  },
  smtp: {
    greeting: '220-adversary.test ESMTP\r\n220 adversary ready',
    injected: '250 AUTH PLAIN',
    answer(line, encrypted, flaw) {
      switch (line.split(' ')[0]?.toUpperCase()) {
        case 'EHLO': {
          const extensions = ['adversary.test', 'PIPELINING', 'SIZE 10240000'];
          if (!encrypted && flaw !== 'no-starttls') extensions.push('STARTTLS');
          // Like smtpd_tls_auth_only: AUTH only inside TLS.
          if (encrypted) extensions.push('AUTH PLAIN LOGIN');
          extensions.push('8BITMIME');
          const text = extensions
            .map((extension, index) => `250${index === extensions.length - 1 ? ' ' : '-'}${extension}`)
            .join('\r\n');
          return { text };
        }
        case 'STARTTLS':
          return goAhead(
            flaw,
            '220 2.0.0 Ready to start TLS',
            '454 4.7.0 TLS not available due to local problem',
            '502 5.5.1 command not implemented',
            encrypted,
          );
        case 'QUIT':
          return { text: '221 2.0.0 bye', close: true };
        default:
          return { text: '502 5.5.2 Error: command not recognized' };
      }
    },
  },
};

const GARBAGE = 'SSH-2.0-OpenSSH_9.6\u0007\u001b[2J\u0000 hello\r\n';

export async function startAdversary(options: AdversaryOptions): Promise<Adversary> {
  const plan = PLANS[options.behaviour];
  const security = options.security ?? 'starttls';
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  let context: tls.SecureContext | undefined;
  const secureContext = (): tls.SecureContext => {
    if (!options.tls) throw new Error(`adversary ${options.behaviour} needs a certificate`);
    context ??= tls.createSecureContext({
      ...options.tls,
      // TLS 1.0/1.1 need OpenSSL's security level 0 on OpenSSL 3.
      ...(plan.oldTls
        ? { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }
        : options.maxVersion
          ? { maxVersion: options.maxVersion }
          : {}),
    });
    return context;
  };

  const secure = (socket: net.Socket, then: (secured: tls.TLSSocket) => void): void => {
    const secured = new tls.TLSSocket(socket, { isServer: true, secureContext: secureContext() });
    sockets.add(secured);
    secured.on('error', () => secured.destroy());
    secured.once('secure', () => then(secured));
  };

  const talk = (stream: net.Socket, encrypted: boolean, greet: boolean): void => {
    if (plan.raw === 'garbage') {
      stream.write(GARBAGE);
      stream.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      return;
    }
    if (plan.raw === 'huge') {
      stream.write(`* OK ${'A'.repeat(1024 * 1024)}\r\n`);
      stream.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      return;
    }
    const script = SCRIPTS[plan.protocol ?? options.protocol ?? 'imap'];
    if (greet) stream.write(`${plan.greeting ?? script.greeting}\r\n`);
    let buffer = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      received.push(text);
      buffer += text;
      for (;;) {
        const end = buffer.indexOf('\n');
        if (end < 0) return;
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        const answer = script.answer(line, encrypted, plan.flaw);
        if (answer.starttls) {
          stream.off('data', onData);
          const injected = plan.flaw === 'injection' ? `${script.injected}\r\n` : '';
          stream.write(`${answer.text}\r\n${injected}`);
          if (plan.flaw === 'close-mid-handshake') {
            stream.once('data', () => stream.destroy());
          } else {
            secure(stream, (secured) => talk(secured, true, false));
          }
          return;
        }
        stream.write(`${answer.text}\r\n`);
        if (answer.close) {
          stream.end();
          return;
        }
      }
    };
    stream.on('data', onData);
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    if (plan.raw === 'silent') {
      socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      return;
    }
    if (security === 'starttls') return talk(socket, false, true);
    if (plan.flaw === 'close-mid-handshake') {
      // Take the ClientHello, then hang up.
      socket.once('data', () => socket.destroy());
      return;
    }
    secure(socket, (secured) => talk(secured, true, true));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.ip, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    ip: options.ip,
    port,
    received: () => received.join(''),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A resolver that knows only `names` (name -> IPv4), for tests that must not touch real DNS. */
export function staticResolver(names: Record<string, string>): Resolver {
  const notFound = (name: string) =>
    Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  const addresses = (name: string): LookupAddress[] | undefined => {
    const address = net.isIP(name) ? name : names[name.toLowerCase()];
    return address ? [{ address, family: net.isIP(address) }] : undefined;
  };
  // Asynchronous like dns.lookup.
  const lookup: LookupFunction = (hostname, options, callback) =>
    queueMicrotask(() => {
      const found = addresses(hostname);
      if (!found) return callback(notFound(hostname), '', 0);
      if (options.all) return callback(null, found);
      callback(null, found[0]!.address, found[0]!.family);
    });
  return {
    server: undefined,
    resolveMx: (name) => Promise.reject(notFound(name)),
    resolveSrv: (name) => Promise.reject(notFound(name)),
    resolveTxt: (name) => Promise.reject(notFound(name)),
    resolveAddresses: (name) => {
      const found = addresses(name);
      return found ? Promise.resolve(found) : Promise.reject(notFound(name));
    },
    lookup,
    cancel: () => undefined,
  };
}
