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
  /** How the honest behaviours (imap-ok, pop3-ok, smtp-ok) answer a login. */
  login?: AdversaryLogin;
}

export interface Adversary {
  ip: string;
  port: number;
  /** Everything received in clear text (before TLS, or decrypted), all connections in order. */
  received(): string;
  /** Every login the server judged (user and password as it decoded them), in order. */
  logins(): LoginSeen[];
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
  answer(line: string, session: Session): Answer;
}

/** How a server handles logins (the behaviours ending in -ok; the hostile ones never get that far). */
export interface AdversaryLogin {
  /** The one password this server accepts, for any user; other passwords get the protocol's "failed". */
  password?: string;
  /**
   * The answer to every login instead of a judgement: IMAP without the tag (untagged lines first,
   * separated by CRLF; the tag goes on the last), POP3 "-ERR ...", SMTP "535 5.7.8 ...".
   */
  reply?: string;
  /**
   * What is offered for login after TLS, replacing the default: IMAP capability words (AUTH=PLAIN),
   * POP3 CAPA lines (USER, SASL PLAIN), SMTP EHLO lines (AUTH PLAIN LOGIN). [] offers nothing.
   */
  offers?: string[];
  /** A careless server: its answer quotes the user, the password and the whole line it received. */
  echo?: boolean;
  /** Never answers the login (the client's deadline must end it). */
  hang?: boolean;
  /** Answers the login only after this long (a slow auth back end). */
  delayMs?: number;
}

export interface LoginSeen {
  user: string;
  password: string;
  encrypted: boolean;
}

/** One connection's state: encrypted or not, and a multi-step exchange (SASL, literal) in progress. */
interface Session {
  encrypted: boolean;
  flaw: Flaw;
  login: AdversaryLogin;
  /** Takes the next line while an exchange waits for the client. */
  pending?: ((line: string) => Answer) | undefined;
  /** Records the attempt; `words` replaces the protocol's own answer when set. */
  judge(user: string, password: string): { accepted: boolean; words: string | undefined };
  /** Appends what a careless server would quote back. */
  echo(text: string, user: string, password: string, raw: string): string;
}

function goAhead(flaw: Flaw, ok: string, refused: string, unknown: string, encrypted: boolean): Answer {
  if (encrypted || flaw === 'no-starttls') return { text: unknown };
  if (flaw === 'starttls-refused') return { text: refused };
  return { text: ok, starttls: true };
}

const fromBase64 = (text: string) => Buffer.from(text.trim(), 'base64').toString('utf8');

/** SASL PLAIN's "\0user\0password" (RFC 4616). */
function decodePlain(text: string): { user: string; password: string } {
  const [, user = '', password = ''] = fromBase64(text).split('\0');
  return { user, password };
}

/**
 * A SASL exchange (PLAIN with or without initial response, or LOGIN): `challenge` makes a challenge
 * line, `verdict` the final answer.
 */
function sasl(
  session: Session,
  mechanism: string,
  initial: string | undefined,
  challenge: (text: string) => string,
  verdict: (user: string, password: string, raw: string) => Answer,
): Answer {
  if (mechanism === 'PLAIN') {
    const finish = (response: string): Answer => {
      const { user, password } = decodePlain(response);
      return verdict(user, password, response);
    };
    if (initial) return finish(initial);
    session.pending = (line) => (line === '*' ? verdict('', '', '*') : finish(line));
    return { text: challenge('') };
  }
  if (mechanism === 'LOGIN') {
    session.pending = (userLine) => {
      session.pending = (passwordLine) =>
        verdict(fromBase64(userLine), fromBase64(passwordLine), passwordLine);
      return { text: challenge('UGFzc3dvcmQ6') };
    };
    return { text: challenge('VXNlcm5hbWU6') };
  }
  return { text: '' };
}

/** IMAP LOGIN's two astrings: quoted ("a\"b") or literal ({n} CRLF n octets), already joined by CRLF. */
function imapStrings(text: string): string[] {
  const out: string[] = [];
  let rest = Buffer.from(text, 'utf8');
  for (;;) {
    const head = rest.toString('utf8').replace(/^ +/, '');
    rest = Buffer.from(head, 'utf8');
    if (head === '') return out;
    const literal = /^\{(\d+)\+?\}\r\n/.exec(head);
    if (literal) {
      const start = Buffer.byteLength(literal[0]);
      const size = Number(literal[1]);
      out.push(rest.subarray(start, start + size).toString('utf8'));
      rest = rest.subarray(start + size);
    } else if (head.startsWith('"')) {
      const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(head);
      out.push((quoted?.[1] ?? '').replace(/\\(.)/g, '$1'));
      rest = Buffer.from(head.slice(quoted?.[0].length ?? head.length), 'utf8');
    } else {
      const atom = /^\S+/.exec(head)?.[0] ?? '';
      out.push(atom);
      rest = Buffer.from(head.slice(atom.length), 'utf8');
    }
  }
}

function imapVerdict(session: Session, tag: string, user: string, password: string, raw: string): Answer {
  const { accepted, words } = session.judge(user, password);
  const lines = (
    words ?? (accepted ? 'OK Logged in' : 'NO [AUTHENTICATIONFAILED] Authentication failed.')
  ).split('\r\n');
  lines.push(`${tag} ${lines.pop() ?? ''}`);
  return { text: session.echo(lines.join('\r\n'), user, password, raw) };
}

function imapLogin(session: Session, tag: string, text: string): Answer {
  // A synchronizing literal: ask for its octets, then read on (they arrive as the next line here).
  if (/\{\d+\}$/.test(text)) {
    session.pending = (line) => imapLogin(session, tag, `${text}\r\n${line}`);
    return { text: '+ Ready for literal data' };
  }
  const [user = '', password = ''] = imapStrings(text);
  return imapVerdict(session, tag, user, password, text);
}

const SCRIPTS: Record<Protocol, Script> = {
  imap: {
    greeting: '* OK adversary IMAP ready',
    injected: '* CAPABILITY IMAP4rev1 AUTH=PLAIN',
    answer(line, session) {
      const { encrypted, flaw } = session;
      const [tag = '*', command = '', ...args] = line.split(' ');
      switch (command.toUpperCase()) {
        case 'CAPABILITY': {
          const offered = !encrypted && flaw !== 'no-starttls' ? ' STARTTLS LOGINDISABLED' : '';
          const auth = encrypted
            ? (session.login.offers ?? ['AUTH=PLAIN']).map((word) => ` ${word}`).join('')
            : '';
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
        case 'LOGIN':
          if (!encrypted) return { text: `${tag} NO [PRIVACYREQUIRED] LOGIN is disabled before STARTTLS` };
          return imapLogin(session, tag, line.slice(`${tag} ${command} `.length));
        case 'AUTHENTICATE': {
          if (!encrypted) return { text: `${tag} NO [PRIVACYREQUIRED] not before STARTTLS` };
          const [mechanism = '', initial] = args;
          return sasl(
            session,
            mechanism.toUpperCase(),
            initial,
            (text) => `+ ${text}`,
            (user, password, raw) =>
              raw === '*' ? { text: `${tag} BAD cancelled` } : imapVerdict(session, tag, user, password, raw),
          );
        }
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
    answer(line, session) {
      const { encrypted, flaw } = session;
      const verdict = (user: string, password: string, raw: string): Answer => {
        if (raw === '*') return { text: '-ERR cancelled' };
        const { accepted, words } = session.judge(user, password);
        const text = words ?? (accepted ? '+OK Logged in.' : '-ERR [AUTH] Authentication failed.');
        return { text: session.echo(text, user, password, raw) };
      };
      const [command = '', ...args] = line.split(' ');
      switch (command.toUpperCase()) {
        case 'CAPA': {
          const stls = !encrypted && flaw !== 'no-starttls' ? 'STLS\r\n' : '';
          const login = encrypted ? (session.login.offers ?? ['USER', 'SASL PLAIN']) : ['USER', 'SASL PLAIN'];
          const lines = login.map((entry) => `${entry}\r\n`).join('');
          return { text: `+OK capability list follows\r\n${lines}${stls}..dotted\r\n.` };
        }
        case 'STLS':
          return goAhead(
            flaw,
            '+OK Begin TLS negotiation',
            '-ERR TLS is not available',
            '-ERR unknown command',
            encrypted,
          );
        case 'USER': {
          const user = args.join(' ');
          session.pending = (next) => {
            if (!/^PASS /i.test(next)) return { text: '-ERR expected PASS' };
            return verdict(user, next.slice(5), next);
          };
          return { text: '+OK send PASS' };
        }
        case 'AUTH': {
          const [mechanism = '', initial] = args;
          return sasl(session, mechanism.toUpperCase(), initial, (text) => `+ ${text}`, verdict);
        }
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
    answer(line, session) {
      const { encrypted, flaw } = session;
      const [command = '', ...args] = line.split(' ');
      switch (command.toUpperCase()) {
        case 'EHLO': {
          const extensions = ['adversary.test', 'PIPELINING', 'SIZE 10240000'];
          if (!encrypted && flaw !== 'no-starttls') extensions.push('STARTTLS');
          // Like smtpd_tls_auth_only: AUTH only inside TLS.
          if (encrypted) extensions.push(...(session.login.offers ?? ['AUTH PLAIN LOGIN']));
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
        case 'AUTH': {
          if (!encrypted) return { text: '530 5.7.0 Must issue a STARTTLS command first' };
          const [mechanism = '', initial] = args;
          return sasl(
            session,
            mechanism.toUpperCase(),
            initial,
            (text) => `334 ${text}`,
            (user, password, raw) => {
              if (raw === '*') return { text: '501 5.7.0 Authentication aborted' };
              const { accepted, words } = session.judge(user, password);
              const standard = accepted
                ? '235 2.7.0 Authentication successful'
                : '535 5.7.8 Error: authentication failed: authentication failure';
              return { text: session.echo(words ?? standard, user, password, raw) };
            },
          );
        }
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
  const logins: LoginSeen[] = [];
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
    const session: Session = {
      encrypted,
      flaw: plan.flaw,
      login: options.login ?? {},
      judge: (user, password) => {
        logins.push({ user, password, encrypted });
        const login = options.login ?? {};
        const accepted = login.reply === undefined && password === login.password;
        return { accepted, words: login.reply };
      },
      echo: (text, user, password, raw) =>
        options.login?.echo ? `${text} for ${user} with ${password} (${raw})` : text,
    };
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
        const waiting = session.pending;
        session.pending = undefined;
        const judgedBefore = logins.length;
        const answer = waiting ? waiting(line) : script.answer(line, session);
        if (logins.length > judgedBefore && options.login?.hang) continue;
        if (logins.length > judgedBefore && options.login?.delayMs) {
          const delayed = answer.text;
          setTimeout(() => stream.writable && stream.write(`${delayed}\r\n`), options.login.delayMs);
          continue;
        }
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
    logins: () => [...logins],
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
