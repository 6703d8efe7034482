// A real Dovecot 2.3 (IMAP and POP3) on one loopback address with the standard ports, TLS enforced,
// certificate from the test CA, users from a passwd-file. Its auth socket also serves Postfix's SASL.
// With `oauth2`, XOAUTH2 and OAUTHBEARER are offered too, each token checked by introspection (RFC 7662)
// at the test OpenID provider (oidc-provider.ts): Dovecot's `oauth2` passdb.

import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CA_CERT_FILE, type KeyAndCert } from './ca.js';
import {
  assertConfigValue,
  assertPortsFree,
  certificateFor,
  makePeerDir,
  readText,
  removePeerDir,
  settledText,
  spawnDaemon,
  stopGroup,
  systemUser,
  waitForGreeting,
} from './process.js';

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  ip: string;
  users: DovecotUser[];
  /** Names the certificate is valid for; the first is also the greeting's host name. */
  certNames: string[];
  /** Serve this certificate instead of one issued by the test CA for `certNames`. */
  certificate?: KeyAndCert;
  /** Also take OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER), checked at this provider. */
  oauth2?: DovecotOAuth2;
}

export interface DovecotOAuth2 {
  /** OidcProviderHandle.introspectionUrl: https://CLIENT:SECRET@IP/token/introspection */
  introspectionUrl: string;
  /** The scope a token must carry to be accepted (Dovecot's `scope`); any scope when absent. */
  scope?: string;
  /** Users whose tokens are good but who may not use these services (e.g. ['imap']): "IMAP disabled". */
  disabledServices?: { user: string; services: string[] }[];
}

export interface LoginAttempt {
  user: string;
  /** 'imap', 'pop3', or 'smtp' (Postfix asking through the auth socket). */
  service: string;
  ok: boolean;
}

export interface DovecotHandle {
  ip: string;
  dir: string;
  logFile: string;
  /** Unix socket for Postfix: `smtpd_sasl_type = dovecot`, `smtpd_sasl_path = <this>`. */
  authSocket: string;
  /** Every password check Dovecot made, in order, over all services. */
  loginAttempts(): Promise<LoginAttempt[]>;
  /** Failed password checks for `user` (any service unless given). */
  failedLoginAttempts(user: string, service?: string): Promise<number>;
  stop(): Promise<void>;
}

// The mail processes must not run as root (Dovecot refuses uid 0); 'mail' exists on every Debian.
const MAIL_ACCOUNT = 'mail';

// Dovecot lower-cases user names (auth_username_format = %Lu) byte by byte, ASCII only.
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function usersFile(users: DovecotUser[]): string {
  return users
    .map(({ user, password }) => {
      assertConfigValue(user, 'user name', /[:\r\n\t\0]/);
      // Base64 so any password (colons, spaces, non-ASCII) survives the colon-separated file.
      return `${asciiLower(user)}:{PLAIN.BASE64}${Buffer.from(password, 'utf8').toString('base64')}::::::\n`;
    })
    .join('');
}

// The token's `email` (from the provider's introspection answer) must equal the SASL user name; a token
// the provider calls inactive (expired, revoked) fails. The CA file makes the check of the provider's
// certificate real.
function oauth2Config(oauth2: DovecotOAuth2): string {
  assertConfigValue(oauth2.introspectionUrl, 'introspection URL');
  return `introspection_mode = post
introspection_url = ${oauth2.introspectionUrl}
force_introspection = yes
username_attribute = email
active_attribute = active
active_value = true
tls_ca_cert_file = ${CA_CERT_FILE}
${oauth2.scope ? `scope = ${oauth2.scope}\n` : ''}`;
}

// A user whose service is switched off, as a provider does per mailbox (Microsoft 365: IMAP, POP,
// SMTP AUTH). IMAP and POP3: after a good token a second passdb finds the user (a file per service,
// %s), takes any secret and sets `nologin`: the login process refuses with a plain NO, as Microsoft's
// "AUTHENTICATE failed". `nologin` means nothing to Postfix, so for SMTP a deny passdb before the token
// check fails the request itself, with a reason Postfix quotes in its 535.
function passdbs(dir: string, oauth2: DovecotOAuth2 | undefined): string {
  if (!oauth2) return `passdb {\n  driver = passwd-file\n  args = ${dir}/users\n}\n`;
  return `passdb {
  driver = passwd-file
  args = ${dir}/denied-%s
  deny = yes
  mechanisms = xoauth2 oauthbearer
}
passdb {
  driver = passwd-file
  args = ${dir}/users
  mechanisms = plain login
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
  result_success = continue-ok
}
passdb {
  driver = passwd-file
  args = ${dir}/disabled-%s
  mechanisms = xoauth2 oauthbearer
  skip = unauthenticated
  result_failure = continue
  result_internalfail = continue
}
`;
}

function config(dir: string, ip: string, mailUid: number, oauth2: DovecotOAuth2 | undefined): string {
  return `# Written by test/peers/dovecot.ts for one test file.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap pop3
listen = ${ip}
ssl = required
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login${oauth2 ? ' xoauth2 oauthbearer' : ''}
# Empty: any character, so non-ASCII user names reach the passdb.
auth_username_chars =
auth_failure_delay = 0
auth_verbose = yes
# The debug lines carry service and verdict of every attempt (passwords stay hidden).
auth_debug = yes
first_valid_uid = ${mailUid}
# %Mu: a directory name from the user name's MD5, whatever characters the name has.
mail_location = maildir:${dir}/mail/%Mu
${passdbs(dir, oauth2)}userdb {
  driver = static
  args = uid=${MAIL_ACCOUNT} gid=${MAIL_ACCOUNT} home=${dir}/mail/%Mu
}
service imap-login {
  inet_listener imap {
    port = 143
  }
  inet_listener imaps {
    port = 993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 110
  }
  inet_listener pop3s {
    port = 995
    ssl = yes
  }
}
service auth {
  unix_listener ${dir}/auth-postfix {
    mode = 0666
  }
}
# After a failed login the auth process delays the same IP by up to 15 s ("auth penalty"), and
# login_trusted_networks does not exempt anyone in 2.3. Mode 0 removes the penalty socket; without it
# the penalty is switched off, so one test's wrong password does not slow the next test.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

function parseAttempts(log: string): LoginAttempt[] {
  // Request ids count per auth client connection, so an id can repeat: pair each verdict with the
  // oldest open request of that id (exact unless two clients interleave requests with the same id).
  const open = new Map<string, string[]>();
  const attempts: LoginAttempt[] = [];
  for (const line of log.split('\n')) {
    const request = /auth: Debug: client in: AUTH\t(\d+)\t[^\t]+\t(.*)$/.exec(line);
    if (request?.[1] !== undefined) {
      const service = /(?:^|\t)service=([^\t]*)/.exec(request[2] ?? '')?.[1] ?? '';
      open.set(request[1], [...(open.get(request[1]) ?? []), service]);
      continue;
    }
    const verdict = /auth: Debug: client (?:passdb )?out: (OK|FAIL)\t(\d+)(.*)$/.exec(line);
    if (verdict?.[2] !== undefined) {
      const user = /\tuser=([^\t]*)/.exec(verdict[3] ?? '')?.[1] ?? '';
      const service = open.get(verdict[2])?.shift() ?? '';
      attempts.push({ user, service, ok: verdict[1] === 'OK' });
    }
  }
  return attempts;
}

export async function startDovecot(options: DovecotOptions): Promise<DovecotHandle> {
  await assertPortsFree(options.ip, [993, 143, 995, 110]);
  const dir = makePeerDir('dovecot');
  const mail = systemUser(MAIL_ACCOUNT);
  const pair = options.certificate ?? certificateFor(options.certNames);
  writeFileSync(path.join(dir, 'cert.pem'), pair.cert);
  writeFileSync(path.join(dir, 'key.pem'), pair.key, { mode: 0o600 });
  // Read by the auth process, which runs as 'dovecot'.
  writeFileSync(path.join(dir, 'users'), usersFile(options.users), { mode: 0o644 });
  mkdirSync(path.join(dir, 'mail'));
  chownSync(path.join(dir, 'mail'), mail.uid, mail.gid);
  const confFile = path.join(dir, 'dovecot.conf');
  if (options.oauth2) {
    writeFileSync(path.join(dir, 'oauth2.conf.ext'), oauth2Config(options.oauth2), { mode: 0o644 });
    for (const service of ['imap', 'pop3', 'smtp']) {
      const listed = (options.oauth2.disabledServices ?? []).filter((entry) =>
        entry.services.includes(service),
      );
      const users = listed.map(({ user }) => asciiLower(user));
      const smtp = service === 'smtp';
      const nologin = smtp ? [] : users.map((user) => `${user}:::::::nopassword=y nologin=y\n`);
      const denied = smtp ? users.map((user) => `${user}:::::::reason=5.7.139_SMTP_AUTH_is_disabled\n`) : [];
      writeFileSync(path.join(dir, `disabled-${service}`), nologin.join(''), { mode: 0o644 });
      writeFileSync(path.join(dir, `denied-${service}`), denied.join(''), { mode: 0o644 });
    }
  }
  writeFileSync(confFile, config(dir, options.ip, mail.uid, options.oauth2));
  const logFile = path.join(dir, 'dovecot.log');
  const outFile = path.join(dir, 'dovecot.out');

  // -F: stay in the foreground as our child, so it is stopped by its pid and never outlives the test.
  const daemon = spawnDaemon('dovecot', ['-F', '-c', confFile], outFile);
  const pid = daemon.child.pid;
  const stop = async (): Promise<void> => {
    if (pid !== undefined) await stopGroup(pid, daemon.exited);
  };
  try {
    await waitForGreeting({
      host: options.ip,
      port: 993,
      tls: true,
      expect: '* OK',
      timeoutMs: 15_000,
      daemon,
      describe: () => `${readText(outFile)}${readText(logFile)}`,
    });
  } catch (error) {
    await stop();
    throw new Error(
      `Dovecot on ${options.ip} did not start (config ${confFile}): ${(error as Error).message}`,
    );
  }

  const loginAttempts = async (): Promise<LoginAttempt[]> => parseAttempts(await settledText(logFile));
  return {
    ip: options.ip,
    dir,
    logFile,
    authSocket: path.join(dir, 'auth-postfix'),
    loginAttempts,
    failedLoginAttempts: async (user, service) =>
      (await loginAttempts()).filter(
        (attempt) =>
          !attempt.ok &&
          asciiLower(attempt.user) === asciiLower(user) &&
          (service === undefined || attempt.service === service),
      ).length,
    stop: async () => {
      await stop();
      removePeerDir(dir);
    },
  };
}
