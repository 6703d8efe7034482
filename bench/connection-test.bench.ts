// Issue 3's figures: a whole `mailsetup test` of IMAP + POP3 + SMTP against local Dovecot and Postfix,
// beside three sequential `openssl s_client` logins to the same servers (issue 14's ratio); parallel versus
// sequential; and how long a silent server holds a test beyond its timeout.

import type { ServerSettings } from '../core/model.js';
import { LockoutGuard } from '../core/probe/lockout.js';
import { createMemoryLedger } from '../core/probe/lockout-ledger.js';
import { runConnectionTest } from '../core/probe/test-run.js';
import { startAdversary } from '../test/peers/adversaries.js';
import { CA_CERT_FILE, issueCert } from '../test/peers/ca.js';
import { type DnsHandle, startDns } from '../test/peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../test/peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../test/peers/postfix.js';
import {
  type DialogueStep,
  interleaved,
  median,
  ms,
  type Row,
  ratio,
  timeCli,
  timeOpensslDialogue,
} from './lib.js';

const RUNS = 10;
const IP = '127.0.9.20';
const SILENT_IP = '127.0.9.21';
const USER = 'bench@mail.test';
const PASSWORD = 'Bench-Password-4711';
const NAMES = ['imap.mail.test', 'pop3.mail.test', 'smtp.mail.test'];

const server = (protocol: ServerSettings['protocol'], host: string, port: number): ServerSettings => ({
  protocol,
  host,
  port,
  security: 'tls',
  username: USER,
  auth: 'password',
});
const SERVERS = [
  server('imap', 'imap.mail.test', 993),
  server('pop3', 'pop3.mail.test', 995),
  server('smtp', 'smtp.mail.test', 465),
];

const plain = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * What an administrator's check by hand costs: `openssl s_client` to one server, the certificate and
 * host name verified, logging in and out, each command sent only after the server's answer to the
 * previous one (the login's answer is awaited: the time includes the server checking the password).
 */
function sClientLogin(host: string, port: number, protocol: ServerSettings['protocol']) {
  const args = [
    '-connect',
    `${IP}:${port}`,
    '-servername',
    host,
    '-verify_hostname',
    host,
    '-verify_return_error',
    '-CAfile',
    CA_CERT_FILE,
  ];
  const dialogue: Record<ServerSettings['protocol'], DialogueStep[]> = {
    imap: [
      { expect: /^\* OK.*\r?\n/m, send: `a1 LOGIN "${USER}" "${PASSWORD}"` },
      { expect: /^a1 OK.*\r?\n/m, send: 'a2 LOGOUT' },
      { expect: /^a2 OK.*\r?\n/m },
    ],
    pop3: [
      { expect: /^\+OK.*\r?\n/m, send: `USER ${USER}` },
      { expect: /^\+OK.*\r?\n/m, send: `PASS ${PASSWORD}` },
      { expect: /^\+OK.*\r?\n/m, send: 'QUIT' },
      { expect: /^\+OK.*\r?\n/m },
    ],
    smtp: [
      { expect: /^220 .*\r?\n/m, send: 'EHLO bench.test' },
      { expect: /^250 .*\r?\n/m, send: `AUTH PLAIN ${plain(`\0${USER}\0${PASSWORD}`)}` },
      { expect: /^235 .*\r?\n/m, send: 'QUIT' },
      { expect: /^221 .*\r?\n/m },
    ],
  };
  return timeOpensslDialogue(args, dialogue[protocol]);
}

export async function benchConnectionTest(): Promise<Row[]> {
  const rows: Row[] = [];
  let dns: DnsHandle | undefined;
  let dovecot: DovecotHandle | undefined;
  let postfix: PostfixHandle | undefined;
  try {
    dns = await startDns({
      authoritative: ['test'],
      a: Object.fromEntries(NAMES.map((name) => [name, [IP]])),
    });
    dovecot = await startDovecot({ ip: IP, users: [{ user: USER, password: PASSWORD }], certNames: NAMES });
    postfix = await startPostfix({ ip: IP, certNames: NAMES, dovecotAuthSocket: dovecot.authSocket });
    const flags = [
      '--imap',
      'imap.mail.test:993/tls',
      '--pop3',
      'pop3.mail.test:995/tls',
      '--smtp',
      'smtp.mail.test:465/tls',
    ];

    // Issue 14: the whole command against three logins by hand, run alternately.
    const runs = await interleaved(
      RUNS * 2,
      async () => {
        const timed = await timeCli(
          ['test', USER, ...flags, '--password-stdin', '--json', '--dns', dns!.server],
          { stdin: PASSWORD },
        );
        if (timed.code !== 0) throw new Error(`mailsetup test failed: ${timed.stdout}${timed.stderr}`);
        return timed;
      },
      async () => {
        const started = performance.now();
        for (const entry of SERVERS) await sClientLogin(entry.host, entry.port, entry.protocol);
        return { ms: performance.now() - started, code: 0, stdout: '', stderr: '' };
      },
    );
    const cli = runs.subject.map((run) => run.ms);
    const openssl = runs.baseline.map((run) => run.ms);
    rows.push({
      figure:
        '`mailsetup test` IMAP + POP3 + SMTP (TLS, login, logout) against Dovecot/Postfix, whole process',
      target: '≤ 2 × three sequential `openssl s_client -quiet -ign_eof` logins, each awaiting the answers',
      measured: `${ratio(median(cli), median(openssl))}: median ${ms(median(cli))}; openssl ×3 median ${ms(median(openssl))}`,
      verdict: median(cli) / median(openssl) <= 2 ? 'pass' : 'FAIL',
      note: `medians of ${RUNS * 2}, interleaved; s_client sends each command after the previous answer and ends when the server closes after LOGOUT/QUIT`,
    });

    const parallel: number[] = [];
    const sequential: number[] = [];
    const guard = new LockoutGuard(createMemoryLedger());
    for (let run = 0; run < RUNS; run++) {
      const request = { address: USER, password: PASSWORD, dns: dns.server };
      const together = await runConnectionTest({ ...request, servers: SERVERS }, { guard });
      if (!together.ok)
        throw new Error(`parallel test failed: ${JSON.stringify(together.results.map((r) => r.error))}`);
      parallel.push(together.elapsedMs);
      let total = 0;
      for (const entry of SERVERS)
        total += (await runConnectionTest({ ...request, servers: [entry] }, { guard })).elapsedMs;
      sequential.push(total);
    }
    rows.push({
      figure: 'Three servers in parallel versus one after another (in process)',
      target: 'parallel ≈ the slowest server',
      measured: `parallel median ${ms(median(parallel))}, sequential ${ms(median(sequential))}, ratio ${(median(parallel) / median(sequential)).toFixed(2)}`,
      verdict: median(parallel) < median(sequential) ? 'pass' : 'FAIL',
    });
  } finally {
    await Promise.allSettled([postfix?.stop(), dovecot?.stop()]);
    await dns?.stop();
  }

  const silent = await startAdversary({
    ip: SILENT_IP,
    behaviour: 'silent',
    tls: issueCert({ names: ['silent.test'] }),
  });
  try {
    const overshoot: number[] = [];
    const timeoutMs = 2000;
    for (let run = 0; run < 5; run++) {
      const result = await runConnectionTest(
        {
          address: USER,
          password: PASSWORD,
          timeoutMs,
          servers: [{ ...server('imap', SILENT_IP, silent.port), security: 'starttls' }],
        },
        { guard: new LockoutGuard(createMemoryLedger()) },
      );
      overshoot.push((result.results[0]?.ms ?? result.elapsedMs) - timeoutMs);
    }
    rows.push({
      figure: 'Giving up on a server that accepts and never speaks (timeout 2 s)',
      target: '≤ timeout + 100 ms',
      measured: `median +${ms(median(overshoot))}, max +${ms(Math.max(...overshoot))}`,
      verdict: Math.max(...overshoot) <= 100 ? 'pass' : 'FAIL',
    });
  } finally {
    await silent.close();
  }
  return rows;
}
