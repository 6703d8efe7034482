// The test internet itself: each peer starts, answers as a real server would, and stops. The mail
// protocols are spoken by hand here so these tests do not depend on the product's clients.

import { promises as dns } from 'node:dns';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DnsHandle, startDns, startSilentDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';

const MAIL_IP = '127.0.1.10';
const WEB_IP = '127.0.1.20';
const HANG_IP = '127.0.1.21';
const PLAIN_IP = '127.0.1.22';
const MAIL_HOST = 'mail.example.test';

const startUpMs: Record<string, number> = {};
async function timed<T>(peer: string, start: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const handle = await start();
  startUpMs[peer] = Math.round(performance.now() - began);
  return handle;
}
afterAll(() => {
  console.info('peer start-up times (ms):', startUpMs);
});

/** A line-based conversation on a socket: send a line, read until a reply's last line. */
function converse(socket: net.Socket) {
  let buffer = '';
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('utf8');
    wake?.();
  };
  socket.on('data', onData);
  const until = async (last: RegExp, timeoutMs = 5000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = last.exec(buffer);
      if (match) {
        const reply = buffer.slice(0, match.index + match[0].length);
        buffer = buffer.slice(reply.length);
        return reply;
      }
      if (Date.now() > deadline) throw new Error(`no reply matching ${last} in: ${buffer}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    until,
    command: (line: string, last: RegExp): Promise<string> => {
      socket.write(`${line}\r\n`);
      return until(last);
    },
    /** Hands the socket over to TLS (after STARTTLS / STLS). */
    upgrade: async (): Promise<tls.TLSSocket> => {
      socket.off('data', onData);
      const secure = tls.connect({ socket, servername: MAIL_HOST });
      await new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', resolve);
        secure.once('error', reject);
      });
      return secure;
    },
    close: (): void => {
      socket.destroy();
    },
  };
}

function connectTls(ip: string, port: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Trust comes from NODE_EXTRA_CA_CERTS (test/global-setup.ts), as for the product.
    const socket = tls.connect({ host: ip, port, servername: MAIL_HOST }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function connectPlain(ip: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: ip, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

const IMAP_TAGGED = (tag: string): RegExp => new RegExp(`^${tag} .*\\r\\n`, 'm');
const SMTP_LAST = /^\d{3} .*\r\n/m;
const POP3_LINE = /^[+-].*\r\n/m;

async function imapLogin(user: string, password: string): Promise<string> {
  const imap = converse(await connectTls(MAIL_IP, 993));
  try {
    await imap.until(/^\* OK.*\r\n/m);
    return await imap.command(
      `a1 LOGIN ${JSON.stringify(user)} ${JSON.stringify(password)}`,
      IMAP_TAGGED('a1'),
    );
  } finally {
    imap.close();
  }
}

async function smtpAuthPlain(user: string, password: string): Promise<string> {
  const smtp = converse(await connectTls(MAIL_IP, 465));
  try {
    await smtp.until(SMTP_LAST);
    await smtp.command('EHLO client.test', SMTP_LAST);
    const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
    return await smtp.command(`AUTH PLAIN ${token}`, SMTP_LAST);
  } finally {
    smtp.close();
  }
}

describe('dnsmasq', () => {
  let dnsServer: DnsHandle;
  const resolver = new dns.Resolver({ timeout: 1000, tries: 1 });

  beforeAll(async () => {
    dnsServer = await timed('dnsmasq', () =>
      startDns({
        authoritative: ['test'],
        a: { [MAIL_HOST]: ['127.0.1.10', '127.0.1.11'], 'autoconfig.example.test': [WEB_IP] },
        aaaa: { 'v6.example.test': ['::1'] },
        mx: { 'example.test': [{ exchange: MAIL_HOST, priority: 10 }] },
        srv: {
          '_imaps._tcp.example.test': [{ target: MAIL_HOST, port: 993, priority: 0, weight: 1 }],
          '_pop3._tcp.example.test': [{ target: '.', port: 0, priority: 0, weight: 0 }],
        },
        txt: { 'example.test': ['v=spf1 -all', 'quoted "text", with a comma'] },
        cname: { 'imap.example.test': MAIL_HOST },
      }),
    );
    resolver.setServers([dnsServer.server]);
  });
  afterAll(() => dnsServer?.stop());

  it('answers A, AAAA, MX, SRV, TXT and CNAME from the zone', async () => {
    expect((await resolver.resolve4(MAIL_HOST)).sort()).toEqual(['127.0.1.10', '127.0.1.11']);
    expect(await resolver.resolve6('v6.example.test')).toEqual(['::1']);
    expect(await resolver.resolveMx('example.test')).toEqual([{ exchange: MAIL_HOST, priority: 10 }]);
    expect(await resolver.resolveSrv('_imaps._tcp.example.test')).toEqual([
      { name: MAIL_HOST, port: 993, priority: 0, weight: 1 },
    ]);
    expect((await resolver.resolveTxt('example.test')).map((chunks) => chunks.join('')).sort()).toEqual([
      'quoted "text", with a comma',
      'v=spf1 -all',
    ]);
    expect(await resolver.resolveCname('imap.example.test')).toEqual([MAIL_HOST]);
    expect((await resolver.resolve4('imap.example.test')).sort()).toEqual(['127.0.1.10', '127.0.1.11']);
  });

  it('serves an SRV record with target "." (service not offered)', async () => {
    // node:dns shows the root name as an empty string.
    expect(await resolver.resolveSrv('_pop3._tcp.example.test')).toEqual([
      { name: '', port: 0, priority: 0, weight: 0 },
    ]);
  });

  it('answers NXDOMAIN for unknown names under the authoritative domain, NODATA for missing types', async () => {
    await expect(resolver.resolve4('nothing.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveMx(MAIL_HOST)).rejects.toMatchObject({ code: 'ENODATA' });
  });

  it('logs the look-ups it received', async () => {
    await resolver.resolveMx('example.test');
    await expect.poll(() => dnsServer.queries()).toContainEqual({ type: 'MX', name: 'example.test' });
  });

  it('a silent DNS server receives queries and never answers', async () => {
    const silent = await startSilentDns();
    try {
      const hung = new dns.Resolver({ timeout: 300, tries: 1 });
      hung.setServers([silent.server]);
      await expect(hung.resolveMx('example.test')).rejects.toMatchObject({ code: 'ETIMEOUT' });
      expect(silent.received()).toBeGreaterThan(0);
    } finally {
      await silent.stop();
    }
  });
});

describe('HTTPS hosts', () => {
  let web: HttpsHostsHandle;

  beforeAll(async () => {
    web = await timed('https-hosts', () =>
      startHttpsHosts({
        'autoconfig.example.test': {
          ip: WEB_IP,
          routes: {
            '/mail/config-v1.1.xml': (request) => ({
              body: `<clientConfig for="${request.query.get('emailaddress') ?? ''}"/>`,
              headers: { 'content-type': 'text/xml' },
            }),
          },
        },
        'hang.example.test': { ip: HANG_IP, mode: 'hang' },
        'plain.example.test': { ip: PLAIN_IP, mode: 'http-only', routes: { '/': { body: 'plain' } } },
      }),
    );
  });
  afterAll(() => web?.stop());

  function get(ip: string, host: string, path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = https.get({ host: ip, servername: host, headers: { host }, path }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
  }

  it('answers over a certificate of the test CA and records the request', async () => {
    const reply = await get(
      WEB_IP,
      'autoconfig.example.test',
      '/mail/config-v1.1.xml?emailaddress=a%40example.test',
    );
    expect(reply).toEqual({ status: 200, body: '<clientConfig for="a@example.test"/>' });
    const recorded = web.requests.at(-1);
    expect(recorded).toMatchObject({
      method: 'GET',
      host: 'autoconfig.example.test',
      path: '/mail/config-v1.1.xml',
    });
    expect(recorded?.headers.authorization).toBeUndefined();
    expect((await get(WEB_IP, 'autoconfig.example.test', '/other')).status).toBe(404);
  });

  it("'hang' accepts the connection and never answers TLS", async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: HANG_IP, port: 443, servername: 'hang.example.test' });
      socket.once('secureConnect', () => resolve('handshake'));
      socket.once('error', (error) => resolve(error.message));
      setTimeout(() => {
        socket.destroy();
        resolve('held');
      }, 500);
    });
    expect(outcome).toBe('held');
    expect(web.hungConnections('hang.example.test')).toBe(1);
  });

  it("'http-only' serves plain HTTP on 80 and nothing on 443", async () => {
    await expect(connectPlain(PLAIN_IP, 443)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const body = await new Promise<string>((resolve, reject) => {
      const request = net.connect({ host: PLAIN_IP, port: 80 }, () => {
        request.write('GET / HTTP/1.1\r\nHost: plain.example.test\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      request.on('end', () => resolve(text));
      request.on('error', reject);
    });
    expect(body).toMatch(/^HTTP\/1\.1 200/);
    expect(body).toMatch(/\r\n\r\nplain$/);
  });
});

describe('Dovecot and Postfix', () => {
  let dovecot: DovecotHandle;
  let postfix: PostfixHandle;
  const alice = { user: 'alice@example.test', password: 'correct horse:battery' };
  const carol = { user: 'carol@example.test', password: 'carols secret' };
  const umlaut = { user: 'müller@bücher.test', password: 'pässwörd' };

  beforeAll(async () => {
    dovecot = await timed('dovecot', () =>
      startDovecot({ ip: MAIL_IP, users: [alice, carol, umlaut], certNames: [MAIL_HOST] }),
    );
    postfix = await timed('postfix', () =>
      startPostfix({ ip: MAIL_IP, certNames: [MAIL_HOST], dovecotAuthSocket: dovecot.authSocket }),
    );
  });
  afterAll(async () => {
    await postfix?.stop();
    await dovecot?.stop();
  });

  it('IMAP on 993: greeting after TLS, LOGIN OK with the right password and NO with a wrong one', async () => {
    expect(await imapLogin(alice.user, alice.password)).toMatch(/^a1 OK/);
    expect(await imapLogin(alice.user, 'wrong')).toMatch(/^a1 NO \[AUTHENTICATIONFAILED\]/);
    expect(await imapLogin(umlaut.user, umlaut.password)).toMatch(/^a1 OK/);
  });

  it('counts exactly one failed attempt after one wrong login, without slowing the next', async () => {
    expect(await imapLogin(carol.user, 'wrong')).toMatch(/^a1 NO/);
    expect(await dovecot.failedLoginAttempts(carol.user)).toBe(1);
    // Dovecot's auth penalty would delay this by seconds; it is switched off.
    const began = Date.now();
    expect(await imapLogin(carol.user, carol.password)).toMatch(/^a1 OK/);
    expect(Date.now() - began).toBeLessThan(1500);
    expect(await dovecot.failedLoginAttempts(carol.user)).toBe(1);
    expect((await dovecot.loginAttempts()).filter((a) => a.user === carol.user)).toEqual([
      { user: carol.user, service: 'imap', ok: false },
      { user: carol.user, service: 'imap', ok: true },
    ]);
  });

  it('IMAP on 143: no LOGIN before STARTTLS, LOGIN works after it', async () => {
    const imap = converse(await connectPlain(MAIL_IP, 143));
    try {
      expect(await imap.until(/^\* OK.*\r\n/m)).toMatch(/STARTTLS.*LOGINDISABLED|LOGINDISABLED.*STARTTLS/);
      expect(await imap.command('a1 STARTTLS', IMAP_TAGGED('a1'))).toMatch(/^a1 OK/);
      const secure = converse(await imap.upgrade());
      try {
        const login = `a2 LOGIN ${JSON.stringify(alice.user)} ${JSON.stringify(alice.password)}`;
        expect(await secure.command(login, IMAP_TAGGED('a2'))).toMatch(/^a2 OK/);
      } finally {
        secure.close();
      }
    } finally {
      imap.close();
    }
  });

  it('POP3 on 995: greeting after TLS, USER/PASS accepted', async () => {
    const pop = converse(await connectTls(MAIL_IP, 995));
    try {
      expect(await pop.until(POP3_LINE)).toMatch(/^\+OK/);
      expect(await pop.command(`USER ${alice.user}`, POP3_LINE)).toMatch(/^\+OK/);
      expect(await pop.command(`PASS ${alice.password}`, POP3_LINE)).toMatch(/^\+OK/);
    } finally {
      pop.close();
    }
  });

  it('SMTP on 465: TLS greeting 220, AUTH PLAIN LOGIN offered, passwords checked by Dovecot', async () => {
    const smtp = converse(await connectTls(MAIL_IP, 465));
    try {
      expect(await smtp.until(SMTP_LAST)).toMatch(/^220 mail\.example\.test/);
      expect(await smtp.command('EHLO client.test', SMTP_LAST)).toMatch(/^250-AUTH PLAIN LOGIN\r$/m);
    } finally {
      smtp.close();
    }
    expect(await smtpAuthPlain(alice.user, alice.password)).toMatch(/^235 /);
    expect(await smtpAuthPlain(alice.user, 'wrong')).toMatch(/^535 /);
    expect((await dovecot.loginAttempts()).filter((a) => a.service === 'smtp')).toEqual([
      { user: alice.user, service: 'smtp', ok: true },
      { user: alice.user, service: 'smtp', ok: false },
    ]);
    expect(await postfix.log()).toMatch(/SASL PLAIN authentication failed/);
  });

  it('SMTP on 587: no AUTH before STARTTLS, AUTH after it', async () => {
    const smtp = converse(await connectPlain(MAIL_IP, 587));
    try {
      expect(await smtp.until(SMTP_LAST)).toMatch(/^220 /);
      const ehlo = await smtp.command('EHLO client.test', SMTP_LAST);
      expect(ehlo).toMatch(/^250-STARTTLS\r$/m);
      expect(ehlo).not.toMatch(/AUTH/);
      expect(await smtp.command('STARTTLS', SMTP_LAST)).toMatch(/^220 /);
      const secure = converse(await smtp.upgrade());
      try {
        expect(await secure.command('EHLO client.test', SMTP_LAST)).toMatch(/^250-AUTH PLAIN LOGIN\r$/m);
      } finally {
        secure.close();
      }
    } finally {
      smtp.close();
    }
  });
});
