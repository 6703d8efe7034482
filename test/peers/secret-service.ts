// A real Secret Service for one test file: gnome-keyring-daemon, unlocked, on its own session bus
// (dbus-run-session), with its own HOME and XDG folders so nothing touches the real user's keyring.
//
// Why the bus has its own config: the stock session config lets D-Bus start a second, locked
// gnome-keyring on the first call to org.freedesktop.secrets (and under the real HOME) if that call
// comes before ours has claimed the name. Ours lists no service files except those a test asks for.
// Why --foreground: --daemonize loses the unlock (LIBRARY-NOTES).

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makePeerDir, readText, removePeerDir, sleep, stopGroup } from './process.js';

const run = promisify(execFile);

export interface SecretServiceOptions {
  /**
   * Unlock prompts that never answer, as when a dialog waits for a person who is not there. Without
   * this no prompter exists on the bus, so an unlock prompt fails at once ("prompt dismissed").
   */
  hangingPrompt?: boolean;
  /** The bus only, no keyring daemon: a desktop without any Secret Service. */
  withoutKeyring?: boolean;
}

export interface SecretServiceHandle {
  /** For processes that use this keychain: the bus address and the isolated HOME and XDG folders. */
  env: Record<string, string>;
  busAddress: string;
  /** The keyring's HOME: the encrypted keyring file lives under it. */
  home: string;
  /** Locks the login keyring, as a screen lock does: the next access asks for an unlock prompt. */
  lock(): Promise<void>;
  /**
   * True when gnome-keyring-daemon died of its upstream race ("assertion 'client' failed" while
   * handling OpenSession): a daemon bug, not ours; a test may start a new keyring and run again.
   */
  diedOfUpstreamRace(): boolean;
  /** How many Secret Service items have these attributes (locked or not). */
  countItems(attributes: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

export const KEYRING_PASSWORD = 'test-keyring-unlock';
const SECRETS = 'org.freedesktop.secrets';

function busConfig(dir: string, serviceDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${serviceDir}</servicedir>
  <!-- No max_connections_per_user: dbus-daemon's default of 256 stays, so leaked connections show. -->
  <!-- How long an activated service (the hanging prompter) may take: longer than any test waits. -->
  <limit name="service_start_timeout">120000</limit>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

// Runs inside dbus-run-session: hands the bus address to the test, then becomes the keyring daemon
// (unlocked with the password on stdin) or, without a keyring, just keeps the session open.
const SESSION_SCRIPT = `#!/bin/sh
printf '%s\\n' "$DBUS_SESSION_BUS_ADDRESS" > "$1/bus-address.tmp" && mv "$1/bus-address.tmp" "$1/bus-address"
if [ "$2" = without-keyring ]; then exec sleep infinity; fi
printf '%s' "$KEYRING_UNLOCK" | exec gnome-keyring-daemon --unlock --components=secrets --foreground
`;

async function dbusSend(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await run(
    'dbus-send',
    [`--bus=${env.DBUS_SESSION_BUS_ADDRESS}`, '--print-reply', ...args],
    {
      env,
      timeout: 3000,
    },
  );
  return stdout;
}

async function ready(env: Record<string, string>, withKeyring: boolean): Promise<boolean> {
  try {
    // NameHasOwner asks the bus itself: unlike a call to the service, it never starts one.
    const owned = await dbusSend(env, [
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${SECRETS}`,
    ]);
    if (!withKeyring) return true;
    if (!owned.includes('boolean true')) return false;
    // The unlocked login collection is in place once "default" points at it.
    const alias = await dbusSend(env, [
      `--dest=${SECRETS}`,
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.ReadAlias',
      'string:default',
    ]);
    return alias.includes('/org/freedesktop/secrets/collection/');
  } catch {
    return false;
  }
}

export async function startSecretService(options: SecretServiceOptions = {}): Promise<SecretServiceHandle> {
  const dir = makePeerDir('secret-service');
  const home = path.join(dir, 'home');
  const serviceDir = path.join(dir, 'services');
  const runtimeDir = path.join(dir, 'run');
  for (const folder of [home, serviceDir, path.join(home, '.local', 'share'), path.join(home, '.config')]) {
    mkdirSync(folder, { recursive: true });
  }
  mkdirSync(runtimeDir, { mode: 0o700 });
  if (options.hangingPrompt) {
    // gnome-keyring asks D-Bus to start its prompter; this one starts and never answers.
    writeFileSync(
      path.join(serviceDir, 'org.gnome.keyring.SystemPrompter.service'),
      '[D-BUS Service]\nName=org.gnome.keyring.SystemPrompter\nExec=/bin/sleep 120\n',
    );
  }
  const configFile = path.join(dir, 'session.conf');
  writeFileSync(configFile, busConfig(dir, serviceDir));
  const script = path.join(dir, 'session.sh');
  writeFileSync(script, SESSION_SCRIPT, { mode: 0o755 });

  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: runtimeDir,
    LANG: 'C.UTF-8',
  };
  const outFile = path.join(dir, 'session.out');
  const out = openSync(outFile, 'a');
  const child: ChildProcess = spawn(
    'dbus-run-session',
    [
      `--config-file=${configFile}`,
      '--',
      'sh',
      script,
      dir,
      options.withoutKeyring ? 'without-keyring' : 'keyring',
    ],
    { detached: true, stdio: ['ignore', out, out], env: { ...baseEnv, KEYRING_UNLOCK: KEYRING_PASSWORD } },
  );
  closeSync(out);
  child.unref();
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const pid = child.pid;
  let started = false;
  const stop = async (): Promise<void> => {
    // A keyring that died while tests used it says why only in its own output: keep that for CI's log.
    if (started && exited)
      process.stderr.write(`Secret Service session ended early:\n${readText(outFile)}\n`);
    if (pid !== undefined) await stopGroup(pid, exit);
    removePeerDir(dir);
  };

  const deadline = Date.now() + 15_000;
  let env: Record<string, string> | undefined;
  for (;;) {
    if (exited || pid === undefined) {
      await stop();
      throw new Error(`the Secret Service session ended during start-up:\n${readText(outFile)}`);
    }
    const address = readText(path.join(dir, 'bus-address')).trim();
    if (address) {
      env ??= { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: address };
      if (await ready(env, !options.withoutKeyring)) break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the Secret Service did not come up within 15 s:\n${readText(outFile)}`);
    }
    await sleep(25);
  }
  const sessionEnv = env;
  started = true;

  return {
    env: sessionEnv,
    busAddress: sessionEnv.DBUS_SESSION_BUS_ADDRESS ?? '',
    home,
    lock: async () => {
      await dbusSend(sessionEnv, [
        `--dest=${SECRETS}`,
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/collection/login',
      ]);
    },
    countItems: async (attributes) => {
      const args = [`--dest=${SECRETS}`, '/org/freedesktop/secrets'];
      const dict = Object.entries(attributes).flat().join(',');
      // SearchItems answers with two arrays of object paths: unlocked and locked items.
      const reply = await dbusSend(sessionEnv, [
        ...args,
        'org.freedesktop.Secret.Service.SearchItems',
        `dict:string:string:${dict}`,
      ]);
      return (reply.match(/object path "\/org\/freedesktop\/secrets\/collection\/[^"]+\/\d+"/g) ?? []).length;
    },
    diedOfUpstreamRace: () =>
      exited &&
      readText(outFile).includes("gkd_secret_service_get_pkcs11_session: assertion 'client' failed"),
    stop,
  };
}
