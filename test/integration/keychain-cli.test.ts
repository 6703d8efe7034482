// `mailsetup keychain` (the built CLI) against a real Secret Service, and the promise that the password
// exists nowhere but in the keychain. Build first: npm run build:cli.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../core/messages/index.js';
import { defaultLabel, entryKey, MAX_SECRET_LENGTH, SERVICE_NAME } from '../../core/secrets/account.js';
import { generatePassword } from '../../core/secrets/generate.js';
import { createIsolatedStore, forkHost } from '../../core/secrets/isolated-store.js';
import type { KeychainStore } from '../../core/secrets/store.js';
import { cliJson, expectExit, runCli } from '../helpers/cli.js';
import { filesHolding, filesUnder, outputsHold } from '../helpers/secret-search.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';

const ADDRESS = 'info@variomedia.de';

describe('mailsetup keychain (the built CLI) on a real Secret Service', () => {
  let peer: SecretServiceHandle;
  let work: string;
  let dataDir: string;
  let tmpDir: string;
  let env: NodeJS.ProcessEnv;
  let store: KeychainStore;

  beforeAll(async () => {
    peer = await startSecretService();
    work = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-cli-'));
    dataDir = path.join(work, 'data');
    tmpDir = path.join(work, 'tmp');
    env = { ...peer.env, MAILSETUP_DATA_DIR: dataDir, TMPDIR: tmpDir, LANG: 'en_US.UTF-8' };
    // Reads what the CLI stored, through the same helper, straight from the keychain.
    store = createIsolatedStore({ launch: () => forkHost({ env: { ...process.env, ...peer.env } }) });
  });

  afterAll(async () => {
    await store?.close();
    await peer?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const accountOf = (address: string, label?: string) => entryKey(address, label).account;

  it('sets, lists and deletes, with JSON alone on stdout', { timeout: 60_000 }, async () => {
    const set = await runCli(['keychain', 'set', 'Info@Variomedia.de', '--password-stdin', '--json'], {
      env,
      stdin: 'first app password\n',
    });
    expect(set.stderr).toBe('');
    expectExit(set, 0);
    const saved = cliJson<{ hosts: string[] }>(set);
    expect(saved).toMatchObject({ address: ADDRESS, label: defaultLabel(), saved: true, replaced: false });
    // The servers come from the bundled provider list, without going online.
    expect(saved.hosts).toEqual(expect.arrayContaining(['imap.variomedia.de', 'smtp.variomedia.de']));
    // The line break `echo` adds is not part of the password.
    expect(await store.getPassword(accountOf(ADDRESS))).toBe('first app password');

    const again = await runCli(['keychain', 'set', ADDRESS, '--password-stdin'], {
      env,
      stdin: 'second\r\n',
    });
    expectExit(again, 0);
    expect(again.stdout).toMatch(/^Replaced the saved password for info@variomedia\.de/);
    expect(await store.getPassword(accountOf(ADDRESS))).toBe('second');
    expect(await peer.countItems({ service: SERVICE_NAME, username: accountOf(ADDRESS) })).toBe(1);

    const list = await runCli(['keychain', 'list', '--json'], { env });
    expectExit(list, 0);
    const { entries } = cliJson<{ entries: unknown[] }>(list);
    expect(entries).toEqual([expect.objectContaining({ address: ADDRESS, label: defaultLabel() })]);
    const text = await runCli(['keychain', 'list', '--lang', 'de'], { env });
    expect(text.stdout).toContain('Von MailSetup Assistant gespeicherte Passwörter (1):');
    expect(text.stdout).toContain('imap.variomedia.de');

    const deleted = await runCli(['keychain', 'delete', ADDRESS, '--json'], { env });
    expect(cliJson(deleted)).toEqual({ address: ADDRESS, label: defaultLabel(), deleted: true });
    expect(await store.getPassword(accountOf(ADDRESS))).toBeNull();
    // Deleting what is not there: no error, and it says so.
    const nothing = await runCli(['keychain', 'delete', ADDRESS], { env });
    expectExit(nothing, 0);
    expect(nothing.stdout).toMatch(/nothing to delete/);
    expect(JSON.parse((await runCli(['keychain', 'list', '--json'], { env })).stdout)).toEqual({
      entries: [],
    });
  });

  it('keeps labels apart and takes unicode passwords from stdin', async () => {
    const password = 'Grüße 🔑 日本語';
    const run = await runCli(
      ['keychain', 'set', ADDRESS, '--label', 'Outlook auf dem Büro-PC', '--password-stdin'],
      {
        env,
        stdin: password,
      },
    );
    expectExit(run, 0);
    expect(await store.getPassword(accountOf(ADDRESS, 'Outlook auf dem Büro-PC'))).toBe(password);
    expect(await store.getPassword(accountOf(ADDRESS))).toBeNull();
    await runCli(['keychain', 'delete', ADDRESS, '--label', 'Outlook auf dem Büro-PC'], { env });
  });

  it('renames: the password moves to the new label in the keyring, never printed', {
    timeout: 60_000,
  }, async () => {
    const OLD = 'Outlook (office-pc)';
    const NEW = 'Outlook auf dem Büro-PC';
    const OTHER = 'Thunderbird am Laptop';
    const password = 'rename-me app password';
    for (const [label, secret] of [
      [OLD, password],
      [OTHER, 'other app password'],
    ] as const) {
      const set = await runCli(['keychain', 'set', ADDRESS, '--label', label, '--password-stdin'], {
        env,
        stdin: secret,
      });
      expect(set.code, set.stderr).toBe(0);
    }
    const before = JSON.parse((await runCli(['keychain', 'list', '--json'], { env })).stdout).entries;
    const saved = before.find((entry: { label: string }) => entry.label === OLD);

    const renamed = await runCli(['keychain', 'rename', ADDRESS, '--label', OLD, '--to', NEW, '--json'], {
      env,
    });
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(JSON.parse(renamed.stdout)).toEqual({
      entry: { ...saved, label: NEW },
      previousLabel: OLD,
      replaced: false,
    });
    expect(renamed.stdout + renamed.stderr).not.toContain(password);
    // In the keyring itself: one item under the new account, none under the old, the same secret.
    expect(await peer.countItems({ service: SERVICE_NAME, username: accountOf(ADDRESS, NEW) })).toBe(1);
    expect(await peer.countItems({ service: SERVICE_NAME, username: accountOf(ADDRESS, OLD) })).toBe(0);
    expect(await store.getPassword(accountOf(ADDRESS, NEW))).toBe(password);

    // The other entry's label is taken: refused with exit 2, in the person's language, nothing changed.
    const taken = await runCli(
      ['keychain', 'rename', ADDRESS, '--label', NEW, '--to', OTHER, '--lang', 'de'],
      {
        env,
      },
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(t('de', 'error.keychain-label-taken'));
    expect(await store.getPassword(accountOf(ADDRESS, OTHER))).toBe('other app password');
    expect(await store.getPassword(accountOf(ADDRESS, NEW))).toBe(password);

    // With --replace it takes the label; the other password is gone.
    const replaced = await runCli(
      ['keychain', 'rename', ADDRESS, '--label', NEW, '--to', OTHER, '--replace'],
      {
        env,
      },
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toBe(
      `${t('en', 'secrets.cli.renamed-replacing', { address: ADDRESS, from: NEW, label: OTHER })}\n`,
    );
    expect(await store.getPassword(accountOf(ADDRESS, OTHER))).toBe(password);
    expect(await peer.countItems({ service: SERVICE_NAME, username: accountOf(ADDRESS, NEW) })).toBe(0);
    const after = JSON.parse((await runCli(['keychain', 'list', '--json'], { env })).stdout).entries;
    expect(after.map((entry: { label: string }) => entry.label)).toEqual([OTHER]);

    // Nothing to rename, no --to, a bad new label: exit 2 with the code in the JSON.
    const missing = await runCli(['keychain', 'rename', ADDRESS, '--label', OLD, '--to', 'x', '--json'], {
      env,
    });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'keychain-entry-not-found' } });
    expect((await runCli(['keychain', 'rename', ADDRESS, '--label', OTHER], { env })).code).toBe(2);
    const badLabel = await runCli(['keychain', 'rename', ADDRESS, '--label', OTHER, '--to', 'a\nb'], { env });
    expect(badLabel.code).toBe(2);
    expect(badLabel.stderr).toContain(t('en', 'secrets.label.control-characters'));
    expect(await store.getPassword(accountOf(ADDRESS, OTHER))).toBe(password);
    await runCli(['keychain', 'delete', ADDRESS, '--label', OTHER], { env });
  });

  it('refuses bad input with exit 2 and never repeats a password back', { timeout: 60_000 }, async () => {
    const cases: [string[], string][] = [
      [['keychain', 'set', 'not-an-address', '--password-stdin', '--json'], 'x'],
      [['keychain', 'set', ADDRESS], 'x'],
      [['keychain', 'set', ADDRESS, 'hunter2-secret'], ''],
      [['keychain', 'set', ADDRESS, '--password=hunter2-secret'], ''],
      [['keychain', 'set', ADDRESS, '--password', 'hunter2-secret'], ''],
      [['keychain', 'set', ADDRESS, '-p', 'hunter2-secret'], ''],
      [['keychain', 'set', ADDRESS, '--password-stdin'], ''],
      [['keychain', 'set', ADDRESS, '--password-stdin'], '\n'],
      [['keychain', 'set', ADDRESS, '--password-stdin'], 'x'.repeat(MAX_SECRET_LENGTH + 1)],
      [['keychain', 'set', ADDRESS, '--password-stdin'], 'x'.repeat(100_000)],
      [['keychain', 'set', ADDRESS, '--label', 'two\nlines', '--password-stdin'], 'x'],
      [['keychain', 'set', ADDRESS, '--label', '', '--password-stdin'], 'x'],
      [['keychain', 'delete'], ''],
      [['keychain', 'list', 'extra'], ''],
      [['keychain'], ''],
      [['keychain', 'frobnicate'], ''],
      [['keychain', 'list', '--bogus'], ''],
    ];
    for (const [args, stdin] of cases) {
      const run = await runCli(args, { env, stdin });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout + run.stderr).not.toContain('hunter2');
    }
    const invalid = await runCli(['keychain', 'set', 'a@b@c.de', '--password-stdin', '--json'], {
      env,
      stdin: 'x',
    });
    expect(cliJson(invalid)).toMatchObject({ error: { code: 'invalid-address' } });
    // Too long for Windows' Credential Manager: refused on every platform, with its own code and words.
    const tooLong = await runCli(['keychain', 'set', ADDRESS, '--password-stdin', '--json', '--lang', 'de'], {
      env,
      stdin: '🔑'.repeat(MAX_SECRET_LENGTH / 2 + 1),
    });
    expectExit(tooLong, 2);
    expect(cliJson(tooLong)).toMatchObject({
      error: { code: 'secret-too-long', message: t('de', 'error.secret-too-long') },
    });
    const argument = await runCli(['keychain', 'set', ADDRESS, '--password=hunter2-secret', '--lang', 'de'], {
      env,
    });
    expect(argument.stderr).toMatch(/nie in der Befehlszeile/);
    expect(JSON.parse((await runCli(['keychain', 'list', '--json'], { env })).stdout)).toEqual({
      entries: [],
    });
  });

  it('lets two CLI processes write at once, to different entries and to the same one', {
    timeout: 60_000,
  }, async () => {
    const runs = await Promise.all([
      runCli(['keychain', 'set', 'one@example.org', '--password-stdin'], { env, stdin: 'pw-one' }),
      runCli(['keychain', 'set', 'two@example.org', '--password-stdin'], { env, stdin: 'pw-two' }),
      runCli(['keychain', 'set', 'same@example.org', '--password-stdin'], { env, stdin: 'pw-same-A' }),
      runCli(['keychain', 'set', 'same@example.org', '--password-stdin'], { env, stdin: 'pw-same-B' }),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await store.getPassword(accountOf('one@example.org'))).toBe('pw-one');
    expect(await store.getPassword(accountOf('two@example.org'))).toBe('pw-two');
    expect(await store.getPassword(accountOf('same@example.org'))).toMatch(/^pw-same-[AB]$/);
    expect(await peer.countItems({ service: SERVICE_NAME, username: accountOf('same@example.org') })).toBe(1);
    const { entries } = JSON.parse((await runCli(['keychain', 'list', '--json'], { env })).stdout);
    expect(entries.map((entry: { address: string }) => entry.address)).toEqual([
      'one@example.org',
      'same@example.org',
      'two@example.org',
    ]);
    for (const address of ['one@example.org', 'two@example.org', 'same@example.org']) {
      expectExit(await runCli(['keychain', 'delete', address], { env }), 0);
    }
  });

  // `mailsetup test --keychain` belongs in this walk too, once it reads the keychain; the lead adds it.
  it('the password exists nowhere but in the keychain: not in the data folder, temp files or output', {
    timeout: 60_000,
  }, async () => {
    const password = `${generatePassword({ length: 24 })}-${randomBytes(6).toString('hex')}`;
    const started = Date.now() - 1000;
    const outputs: string[] = [];
    const record = async (args: string[], stdin?: string) => {
      const run = await runCli(args, { env, ...(stdin === undefined ? {} : { stdin }) });
      outputs.push(run.stdout, run.stderr);
      return run;
    };
    expectExit(await record(['detect', ADDRESS, '--offline', '--json']), 0);
    expectExit(await record(['detect', ADDRESS, '--offline']), 0);
    const first = await record(['keychain', 'set', ADDRESS, '--password-stdin'], `${password}\n`);
    expect(first.code, first.stderr).toBe(0);
    expectExit(await record(['keychain', 'set', ADDRESS, '--password-stdin', '--json'], password), 0);
    expectExit(await record(['keychain', 'list']), 0);
    expectExit(await record(['keychain', 'list', '--json']), 0);
    // It was stored: the search below looks for something that exists.
    expect(await store.getPassword(accountOf(ADDRESS))).toBe(password);

    // Our runs' own folders in full, and whatever anyone wrote to the system's temp folder meanwhile.
    const searched = [
      ...[dataDir, tmpDir, peer.home].flatMap((dir) => filesUnder(dir)),
      ...filesUnder(os.tmpdir(), started),
    ];
    // The index is there (and holds the address), so the data folder was really written.
    expect(searched.some((file) => file.includes('keychain-index'))).toBe(true);
    // The keyring file is there too: gnome-keyring keeps it encrypted, so the plain bytes are absent.
    expect(searched.some((file) => file.endsWith('.keyring'))).toBe(true);
    expect(filesHolding(searched, password)).toEqual([]);
    expect(outputsHold(outputs, password)).toBe(false);
    await record(['keychain', 'delete', ADDRESS]);
  });

  it('starts light: detect and list load neither the strength dictionaries nor the native keychain', {
    timeout: 60_000,
  }, async () => {
    const hooks = path.join(work, 'hooks.mjs');
    const register = path.join(work, 'register.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/zxcvbn|napi-rs/.test(result.url)) process._rawDebug('LOADED ' + result.url);
  return result;
}\n`,
    );
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const traced = { ...env, NODE_OPTIONS: `--import=${pathToFileURL(register).href}` };
    for (const args of [
      ['detect', ADDRESS, '--offline'],
      ['keychain', 'list'],
    ]) {
      const run = await runCli(args, { env: traced });
      expectExit(run, 0);
      expect(run.stderr).not.toContain('LOADED');
    }
    // Saving loads the native module only in the helper process, whose stderr stays its own.
    const set = await runCli(['keychain', 'set', ADDRESS, '--password-stdin'], { env: traced, stdin: 'x' });
    expectExit(set, 0);
    expect(set.stderr).not.toContain('LOADED');
    await runCli(['keychain', 'delete', ADDRESS], { env });
  });
});

describe('mailsetup keychain without a keychain', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-nokeychain-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says keychain-unavailable in plain words, exits 1 quickly, writes nothing; listing still works', {
    timeout: 60_000,
  }, async () => {
    for (const bus of [`unix:path=${path.join(dataDir, 'no-bus-here')}`, undefined]) {
      const env = { MAILSETUP_DATA_DIR: dataDir, DBUS_SESSION_BUS_ADDRESS: bus, DISPLAY: undefined };
      const json = await runCli(['keychain', 'set', ADDRESS, '--password-stdin', '--json'], {
        env,
        stdin: 'pw',
      });
      expectExit(json, 1);
      expect(json.ms).toBeLessThan(5000);
      expect(cliJson(json)).toMatchObject({
        error: {
          code: 'keychain-unavailable',
          message: "The system's password store is not available.",
          fix: expect.stringMatching(/used for this session only/),
          detail: expect.stringMatching(/D-?Bus/i),
        },
      });
      const text = await runCli(['keychain', 'set', ADDRESS, '--password-stdin', '--lang', 'de'], {
        env,
        stdin: 'pw',
      });
      expectExit(text, 1);
      expect(text.stdout).toBe('');
      expect(text.stderr).toMatch(/Passwortspeicher des Systems ist nicht verfügbar/);
      const deleted = await runCli(['keychain', 'delete', ADDRESS, '--json'], { env });
      expectExit(deleted, 1);
      const list = await runCli(['keychain', 'list', '--json'], { env });
      expectExit(list, 0);
      expect(cliJson(list)).toEqual({ entries: [] });
    }
    // Never a file instead of the keychain.
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
