// A real Postfix on one loopback address: submission with implicit TLS on 465 and with mandatory
// STARTTLS on 587, AUTH only inside TLS, passwords checked by Dovecot over its auth socket. Its own
// config and queue directories, so several instances run side by side. Accepted mail is discarded.

import { chownSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyAndCert } from './ca.js';
import {
  assertPortsFree,
  certificateFor,
  makePeerDir,
  readText,
  removePeerDir,
  settledText,
  spawnDaemon,
  stopGroup,
  systemUser,
  trackGroup,
  waitForGreeting,
  waitUntil,
} from './process.js';

export interface PostfixOptions {
  ip: string;
  /** Names the certificate is valid for; the first is also `myhostname` (the banner). */
  certNames: string[];
  /** DovecotHandle.authSocket */
  dovecotAuthSocket: string;
  /** Serve this certificate instead of one issued by the test CA for `certNames`. */
  certificate?: KeyAndCert;
}

export interface PostfixHandle {
  ip: string;
  dir: string;
  logFile: string;
  /** The log so far (connections, SASL failures), once Postfix has finished writing it. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

function mainCf(dir: string, hostname: string, authSocket: string): string {
  return `# Written by test/peers/postfix.ts for one test file.
compatibility_level = 3.6
queue_directory = ${dir}/queue
data_directory = ${dir}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = ${hostname}
mydestination =
local_recipient_maps =
relay_domains =
relayhost =
mynetworks_style = host
alias_maps =
alias_database =
biff = no
# Postfix refuses an inet_interfaces address that no interface carries, and 127.0.1.x is only routed
# to lo, not assigned. Every service in master.cf names its own address:port instead.
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
# No syslog in a test run: postlogd writes here (the prefix list is a safety check of Postfix).
maillog_file = ${dir}/postfix.log
maillog_file_prefixes = ${dir}
# No reverse look-up of the client: a CI machine may have no working DNS.
smtpd_peername_lookup = no
smtpd_banner = $myhostname ESMTP
smtpd_tls_chain_files = ${dir}/key.pem, ${dir}/cert.pem
smtpd_tls_protocols = >=TLSv1.2
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_auth_only = yes
smtpd_sasl_type = dovecot
# Absolute: smtpd runs unchrooted, so the path need not be relative to the queue directory.
smtpd_sasl_path = ${authSocket}
smtpd_sasl_security_options = noanonymous
smtpd_relay_restrictions = permit_sasl_authenticated, reject
default_transport = discard
local_transport = discard
relay_transport = discard
virtual_transport = discard
`;
}

function masterCf(ip: string): string {
  // Two listeners; the rest are the internal services smtpd talks to. No pickup: nothing is sent.
  return `# service type private unpriv chroot wakeup maxproc command
${ip}:465 inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes
${ip}:587 inet n - n - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_tls_auth_only=yes -o smtpd_sasl_auth_enable=yes
cleanup unix n - n - 0 cleanup
rewrite unix - - n - - trivial-rewrite
qmgr unix n - n 300 1 qmgr
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
proxymap unix - - n - - proxymap
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
tlsmgr unix - - n 1000? 1 tlsmgr
discard unix - - n - - discard
error unix - - n - - error
retry unix - - n - - error
postlog unix-dgram n - n - 1 postlogd
`;
}

export async function startPostfix(options: PostfixOptions): Promise<PostfixHandle> {
  await assertPortsFree(options.ip, [465, 587]);
  const dir = makePeerDir('postfix');
  const hostname = options.certNames[0] ?? 'mail.test';
  const pair = options.certificate ?? certificateFor(options.certNames);
  writeFileSync(path.join(dir, 'cert.pem'), pair.cert);
  writeFileSync(path.join(dir, 'key.pem'), pair.key, { mode: 0o600 });
  const confDir = path.join(dir, 'conf');
  mkdirSync(confDir);
  // `postfix check` (run by start) creates the queue's subdirectories with their owners.
  mkdirSync(path.join(dir, 'queue'));
  mkdirSync(path.join(dir, 'data'));
  const owner = systemUser('postfix');
  chownSync(path.join(dir, 'data'), owner.uid, owner.gid);
  writeFileSync(path.join(confDir, 'main.cf'), mainCf(dir, hostname, options.dovecotAuthSocket));
  writeFileSync(path.join(confDir, 'master.cf'), masterCf(options.ip));
  // Postfix waits for a config file modified within the last second to "cool down" (300 ms naps, in
  // every program that reads it): about 2 s per start. Dating the files back skips the wait.
  const past = new Date(Date.now() - 60_000);
  for (const file of ['main.cf', 'master.cf']) utimesSync(path.join(confDir, file), past, past);
  const logFile = path.join(dir, 'postfix.log');
  const outFile = path.join(dir, 'postfix.out');
  const pidFile = path.join(dir, 'queue', 'pid', 'master.pid');

  // start-fg keeps `postfix` running as our child until the master exits. The master makes its own
  // process group (`master -s`), so it is the master's group we signal; it takes its children along.
  const daemon = spawnDaemon('postfix', ['-c', confDir, 'start-fg'], outFile);
  const masterPid = (): number => Number(readText(pidFile).trim()) || 0;
  const stop = async (): Promise<void> => {
    const pid = masterPid();
    if (pid > 0)
      await stopGroup(
        pid,
        waitUntil(() => daemon.hasExited(), 60_000, 20),
      );
    if (daemon.child.pid !== undefined) await stopGroup(daemon.child.pid, daemon.exited);
  };
  try {
    await waitForGreeting({
      host: options.ip,
      port: 465,
      tls: true,
      expect: '220',
      timeoutMs: 20_000,
      daemon,
      // Postfix writes to stderr only on a terminal; after the config is read it logs to the file.
      describe: () => `${readText(outFile)}${readText(logFile)}`,
    });
  } catch (error) {
    await stop();
    throw new Error(
      `Postfix on ${options.ip} did not start (config ${confDir}): ${(error as Error).message}`,
    );
  }
  trackGroup(masterPid());
  return {
    ip: options.ip,
    dir,
    logFile,
    log: () => settledText(logFile),
    stop: async () => {
      await stop();
      removePeerDir(dir);
    },
  };
}
