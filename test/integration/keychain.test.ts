// core/secrets against a real Secret Service (gnome-keyring on its own D-Bus session), through the
// helper process the CLI uses. The bus address reaches the helper through its environment: libdbus
// reads it once per process, so each scenario's helper is a process of its own.

import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../core/errors.js';
import { entryKey, MAX_SECRET_LENGTH, SERVICE_NAME } from '../../core/secrets/account.js';
import { createIsolatedStore, forkHost } from '../../core/secrets/isolated-store.js';
import { createKeychain, type Keychain } from '../../core/secrets/keychain.js';
import { createSavedIndex } from '../../core/secrets/saved-index.js';
import type { KeychainStore } from '../../core/secrets/store.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';

const HOSTNAME = 'test-pc';

function storeWith(env: Record<string, string | undefined>, timeoutMs?: number): KeychainStore {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return createIsolatedStore({
    launch: () => forkHost({ env: merged }),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

function keychainWith(store: KeychainStore, dataDir: string): Keychain {
  return createKeychain({ store, index: createSavedIndex(dataDir), hostname: HOSTNAME });
}

/** Runs `work` over `items`, BATCH at a time: as an app saving several accounts would, and quicker. */
const BATCH = 8;
async function inBatches<T>(items: T[], work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map((item, offset) => work(item, start + offset)));
  }
}

async function expectUnavailable(action: Promise<unknown>, withinMs: number): Promise<MailSetupError> {
  const started = performance.now();
  const error = await action.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(MailSetupError);
  expect((error as MailSetupError).code).toBe('keychain-unavailable');
  expect(ms).toBeLessThan(withinMs);
  return error as MailSetupError;
}

describe('the keychain on a real Secret Service (gnome-keyring)', () => {
  let peer: SecretServiceHandle;
  let dataDir: string;
  let keychain: Keychain;

  beforeAll(async () => {
    peer = await startSecretService();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-data-'));
    keychain = keychainWith(storeWith(peer.env), dataDir);
  });

  afterAll(async () => {
    await keychain?.close();
    await peer?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // gnome-keyring-daemon sometimes aborts on an upstream race under this load (see vitest.config.ts).
  // Only then does a stress test get a new keyring and another run; any other failure fails it.
  beforeEach(async () => {
    if (!peer.diedOfUpstreamRace()) return;
    await keychain.close();
    await peer.stop();
    peer = await startSecretService();
    keychain = keychainWith(storeWith(peer.env), dataDir);
    for (const entry of await keychain.list()) await keychain.delete(entry);
  });

  const itemsOf = (address: string, label?: string) =>
    peer.countItems({ service: SERVICE_NAME, username: entryKey(address, label, HOSTNAME).account });

  it('saves, reads, replaces and deletes a password (round trip)', async () => {
    const first = await keychain.set({
      address: 'Jörg@Müller.example',
      password: 'first app password',
      hosts: ['IMAP.müller.example', 'smtp.müller.example.', 'imap.müller.example'],
    });
    expect(first.replaced).toBe(false);
    expect(first.entry).toMatchObject({
      address: 'jörg@müller.example',
      label: 'MailSetup (test-pc)',
      hosts: ['imap.müller.example', 'smtp.müller.example'],
    });
    expect(await keychain.getPassword({ address: 'jörg@müller.example' })).toBe('first app password');

    // Setting again replaces, never duplicates: one Secret Service item, one index entry.
    const second = await keychain.set({ address: 'JÖRG@müller.example', password: 'second app password' });
    expect(second.replaced).toBe(true);
    expect(second.entry.created).toBe(first.entry.created);
    expect(second.entry.hosts).toEqual(first.entry.hosts);
    expect(await keychain.getPassword({ address: 'jörg@müller.example' })).toBe('second app password');
    expect(await itemsOf('jörg@müller.example')).toBe(1);
    expect(await keychain.list()).toHaveLength(1);

    expect(await keychain.delete({ address: 'jörg@müller.example' })).toEqual({
      address: 'jörg@müller.example',
      label: 'MailSetup (test-pc)',
      deleted: true,
    });
    expect(await keychain.getPassword({ address: 'jörg@müller.example' })).toBeNull();
    expect(await itemsOf('jörg@müller.example')).toBe(0);
    expect(await keychain.list()).toEqual([]);
  });

  it('keeps unicode and the longest allowed secrets byte for byte, and refuses longer ones before writing', async () => {
    const passwords = [
      'Grüße, 日本語 🔑 עברית ǅ\u00a0Ende',
      '  leading and trailing spaces  ',
      'ü'.repeat(MAX_SECRET_LENGTH), // 2,560 bytes of UTF-8
      '🔑'.repeat(MAX_SECRET_LENGTH / 2), // all outside the BMP: two UTF-16 units each
      'x'.repeat(MAX_SECRET_LENGTH),
    ];
    for (const [i, password] of passwords.entries()) {
      const request = { address: 'unicode@example.org', label: `case ${i}`, password };
      await keychain.set(request);
      expect(await keychain.getPassword(request)).toBe(password);
    }
    await expect(
      keychain.set({
        address: 'unicode@example.org',
        label: 'too long',
        password: 'x'.repeat(MAX_SECRET_LENGTH + 1),
      }),
    ).rejects.toMatchObject({ code: 'secret-too-long' });
    await expect(
      keychain.set({ address: 'unicode@example.org', label: 'lone surrogate', password: 'ab\ud800cd' }),
    ).rejects.toThrow(/not-text/);
    expect(await keychain.getPassword({ address: 'unicode@example.org', label: 'too long' })).toBeNull();
    for (const [i] of passwords.entries()) {
      expect((await keychain.delete({ address: 'unicode@example.org', label: `case ${i}` })).deleted).toBe(
        true,
      );
    }
  });

  it('keeps one password per address and label', async () => {
    await keychain.set({ address: 'max@example.org', label: 'Outlook on the office PC', password: 'one' });
    await keychain.set({ address: 'max@example.org', label: 'Thunderbird at home', password: 'two' });
    await keychain.set({
      address: 'Max@Example.org',
      label: '  Outlook  on the office PC ',
      password: 'three',
    });
    expect((await keychain.list()).map((entry) => entry.label)).toEqual([
      'Outlook on the office PC',
      'Thunderbird at home',
    ]);
    expect(
      await keychain.getPassword({ address: 'max@example.org', label: 'Outlook on the office PC' }),
    ).toBe('three');
    expect(await keychain.getPassword({ address: 'max@example.org', label: 'Thunderbird at home' })).toBe(
      'two',
    );
    // Without a label (mailsetup test --keychain): the only entry of the address, else the default's.
    expect(await keychain.getPassword({ address: 'max@example.org' })).toBeNull();
    await keychain.delete({ address: 'max@example.org', label: 'Outlook on the office PC' });
    expect(await keychain.getPassword({ address: 'max@example.org' })).toBe('two');
    await keychain.set({ address: 'max@example.org', password: 'default label' });
    expect(await keychain.getPassword({ address: 'max@example.org' })).toBe('default label');
    await keychain.delete({ address: 'max@example.org' });
    await keychain.delete({ address: 'max@example.org', label: 'Thunderbird at home' });
  });

  it('says so when deleting what is not there, without an error', async () => {
    const result = await keychain.delete({ address: 'nobody@example.org', label: 'never saved' });
    expect(result).toEqual({ address: 'nobody@example.org', label: 'never saved', deleted: false });
    expect(await keychain.list()).toEqual([]);
  });

  it('saves, lists, reads and deletes 500 entries', { timeout: 120_000, retry: 2 }, async () => {
    const addresses = Array.from({ length: 500 }, (_, i) => `user${i}@bulk.example`);
    const timings: Record<string, number> = {};
    const time = async (step: string, work: () => Promise<unknown>): Promise<void> => {
      const started = performance.now();
      await work();
      timings[step] = Math.round(performance.now() - started);
    };
    await time('set 500', () =>
      inBatches(addresses, (address, i) => keychain.set({ address, password: `bulk-${i}` })),
    );
    let listed = 0;
    await time('list', async () => {
      listed = (await keychain.list()).length;
    });
    expect(listed).toBe(500);
    await time('get 500', () =>
      inBatches(addresses, async (address, i) =>
        expect(await keychain.getPassword({ address })).toBe(`bulk-${i}`),
      ),
    );
    expect(await peer.countItems({ service: SERVICE_NAME })).toBe(500);
    await time('delete 500', () =>
      inBatches(addresses, async (address) =>
        expect((await keychain.delete({ address })).deleted).toBe(true),
      ),
    );
    expect(await keychain.list()).toEqual([]);
    expect(await peer.countItems({ service: SERVICE_NAME })).toBe(0);
    console.info(`500 keychain entries, ${BATCH} at a time (ms):`, timings);
  });

  it('lets two processes write at once: different entries and the same one', {
    timeout: 60_000,
    retry: 2,
  }, async () => {
    const writers = ['A', 'B'].map((name) => ({
      name,
      keychain: keychainWith(storeWith(peer.env), dataDir),
    }));
    try {
      await Promise.all(
        writers.map(async ({ name, keychain: writer }) => {
          for (let i = 0; i < 50; i++) {
            await writer.set({
              address: `${name.toLowerCase()}${i}@two.example`,
              password: `${name}-own-${i}`,
            });
            if (i % 2 === 0)
              await writer.set({ address: 'shared@two.example', password: `${name}-shared-${i}` });
          }
        }),
      );
      const entries = await keychain.list();
      expect(entries).toHaveLength(101);
      for (const name of ['a', 'b']) {
        for (let i = 0; i < 50; i++) {
          expect(await keychain.getPassword({ address: `${name}${i}@two.example` })).toBe(
            `${name.toUpperCase()}-own-${i}`,
          );
        }
      }
      // Whoever wrote last wins, and there is exactly one item: no duplicate, no mix.
      expect(await keychain.getPassword({ address: 'shared@two.example' })).toMatch(/^[AB]-shared-48$/);
      expect(await itemsOf('shared@two.example')).toBe(1);
    } finally {
      for (const { keychain: writer } of writers) await writer.close();
      for (const entry of await keychain.list()) await keychain.delete(entry);
    }
  });
});

describe('without a usable keychain: keychain-unavailable, quickly, and no file instead', () => {
  const dataDirs: string[] = [];
  const peers: SecretServiceHandle[] = [];
  const stores: KeychainStore[] = [];

  function setUp(
    env: Record<string, string | undefined>,
    timeoutMs?: number,
  ): { keychain: Keychain; dataDir: string } {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-data-'));
    dataDirs.push(dataDir);
    const store = storeWith(env, timeoutMs);
    stores.push(store);
    return { keychain: keychainWith(store, dataDir), dataDir };
  }

  async function expectNothingSaved(keychain: Keychain): Promise<void> {
    expect(await keychain.list()).toEqual([]);
  }

  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const peer of peers) await peer.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a locked keychain whose unlock prompt cannot be shown', async () => {
    const peer = await startSecretService();
    peers.push(peer);
    const { keychain } = setUp(peer.env);
    await keychain.set({ address: 'locked@example.org', password: 'before the lock' });
    await peer.lock();
    const error = await expectUnavailable(
      keychain.set({ address: 'locked@example.org', label: 'after', password: 'secret' }),
      5000,
    );
    expect(error.detail).toMatch(/prompt|locked|access/i);
    await expectUnavailable(keychain.getPassword({ address: 'locked@example.org' }), 5000);
    expect((await keychain.list()).map((entry) => entry.label)).toEqual(['MailSetup (test-pc)']);
  });

  it('an unlock prompt nobody answers: gives up at the deadline instead of hanging', async () => {
    const peer = await startSecretService({ hangingPrompt: true });
    peers.push(peer);
    const { keychain } = setUp(peer.env, 1500);
    await peer.lock();
    const error = await expectUnavailable(
      keychain.set({ address: 'wait@example.org', password: 'secret' }),
      5000,
    );
    expect(error.detail).toMatch(/did not answer within 1.5 s/);
    await expectNothingSaved(keychain);
    // The stuck helper was killed; the next call starts a fresh one (and waits again).
    await expectUnavailable(keychain.set({ address: 'wait@example.org', password: 'again' }), 5000);
  });

  it('a session bus without any Secret Service', async () => {
    const peer = await startSecretService({ withoutKeyring: true });
    peers.push(peer);
    const { keychain } = setUp(peer.env);
    const error = await expectUnavailable(
      keychain.set({ address: 'bus@example.org', password: 'secret' }),
      5000,
    );
    expect(error.detail).toMatch(/secrets|ServiceUnknown|Secret Service/i);
    await expectNothingSaved(keychain);
  });

  it('no session bus at all: an address pointing at nothing, or none', async () => {
    const nowhere = setUp({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(os.tmpdir(), 'no-such-bus')}` });
    const error = await expectUnavailable(
      nowhere.keychain.set({ address: 'a@example.org', password: 'x' }),
      5000,
    );
    expect(error.detail).toMatch(/D-?Bus|socket/i);
    await expectNothingSaved(nowhere.keychain);
    const none = setUp({ DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined });
    await expectUnavailable(none.keychain.set({ address: 'a@example.org', password: 'x' }), 5000);
    await expectUnavailable(none.keychain.delete({ address: 'a@example.org' }), 5000);
    await expectNothingSaved(none.keychain);
  });

  it('a bus that accepts and never answers: gives up at the deadline', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'silent-bus-'));
    dataDirs.push(dir);
    const socketPath = path.join(dir, 'bus');
    const silent = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(socketPath, resolve));
    try {
      const { keychain } = setUp({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${socketPath}` }, 1000);
      const error = await expectUnavailable(keychain.set({ address: 's@example.org', password: 'x' }), 4000);
      expect(error.detail).toMatch(/did not answer/);
      await expectNothingSaved(keychain);
    } finally {
      silent.close();
    }
  });
});
