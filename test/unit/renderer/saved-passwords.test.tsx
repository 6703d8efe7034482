// @vitest-environment jsdom
// "Saved passwords" (renderer/passwords/): listed by label and account, renamed and deleted through
// core's real keychain code (createKeychain with its file index in a temporary folder and an in-memory
// secret store in place of the OS keychain, which test/e2e/wizard-passwords.test.ts uses for real).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailSetupApi } from '../../../core/api.js';
import { MailSetupError } from '../../../core/errors.js';
import { t } from '../../../core/messages/index.js';
import { entryKey } from '../../../core/secrets/account.js';
import { createKeychain, type Keychain } from '../../../core/secrets/keychain.js';
import { createSavedIndex } from '../../../core/secrets/saved-index.js';
import type { KeychainStore } from '../../../core/secrets/store.js';
import { ADDRESS, PASSWORD } from './fixtures.js';
import { createFakeBridge, expectAccessible, renderApp, toFinish } from './harness.js';

const OFFICE = 'Outlook on the office PC';
const LAPTOP = 'Thunderbird on the laptop';

let dir: string;
let secrets: Map<string, string>;
let keychain: Keychain;

function memoryStore(): KeychainStore {
  return {
    async setPassword(account, password) {
      secrets.set(account, password);
    },
    async getPassword(account) {
      return secrets.get(account) ?? null;
    },
    async deletePassword(account) {
      return secrets.delete(account);
    },
    async close() {},
  };
}

/** The bridge over core's keychain methods (the rest as the harness answers). */
function keychainApi(overrides: Partial<MailSetupApi> = {}) {
  return createFakeBridge({
    keychainList: () => keychain.list(),
    keychainSet: (request) => keychain.set(request),
    keychainDelete: (request) => keychain.delete(request),
    keychainRename: (request) => keychain.rename(request),
    ...overrides,
  });
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-renderer-passwords-'));
  secrets = new Map();
  keychain = createKeychain({ store: memoryStore(), index: createSavedIndex(dir), hostname: 'test-pc' });
  await keychain.set({
    address: ADDRESS,
    label: OFFICE,
    password: 'office secret',
    hosts: ['imap.example.com'],
  });
  await keychain.set({ address: ADDRESS, label: LAPTOP, password: 'laptop secret' });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const secretOf = (label: string) => secrets.get(entryKey(ADDRESS, label).account);
const item = (label: string) => {
  const found = screen.getAllByTestId('saved-password').find((element) => element.dataset.label === label);
  if (!found) throw new Error(`no saved password "${label}" listed`);
  return found;
};
const labels = () => screen.queryAllByTestId('saved-password').map((element) => element.dataset.label);

async function openFromHeader(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByTestId('open-passwords'));
  await screen.findByTestId('passwords-view');
  await waitFor(() => expect(labels()).toHaveLength(2));
}

describe('saved passwords', () => {
  it('lists label, account, date and servers from the start screen, never a password', async () => {
    const { user, bridge, container } = renderApp(keychainApi());
    await openFromHeader(user);
    expect(screen.getByRole('heading', { level: 2, name: 'Saved passwords' })).toHaveFocus();
    expect(screen.queryByTestId('step-address')).toBeNull();
    expect(labels()).toEqual([OFFICE, LAPTOP]);
    const office = within(item(OFFICE));
    expect(office.getByRole('heading', { level: 3 })).toHaveTextContent(OFFICE);
    expect(office.getByTestId('saved-password-address')).toHaveTextContent(ADDRESS);
    expect(office.getByTestId('saved-password-servers')).toHaveTextContent('imap.example.com');
    const [listed] = await keychain.list();
    expect(
      office.getByText(
        new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(listed?.updated ?? '')),
      ),
    ).toBeInTheDocument();
    expect(within(item(LAPTOP)).getByTestId('saved-password-servers')).toHaveTextContent('not recorded');
    expect(container.innerHTML).not.toContain('office secret');
    expect(container.innerHTML).not.toContain('laptop secret');
    expect(bridge.requestsOf('keychainList')).toEqual([{ lang: 'en' }]);
    await expectAccessible(container);

    // Back to the set-up: the step the person left, its heading focused.
    await user.click(screen.getByTestId('close-passwords'));
    expect(await screen.findByTestId('step-address')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /Which e-mail address/ })).toHaveFocus();
  });

  it('renames: a taken name is refused, a free one moves the password inside core', async () => {
    const { user, bridge, container } = renderApp(keychainApi());
    await openFromHeader(user);
    await user.click(within(item(OFFICE)).getByRole('button', { name: `Rename “${OFFICE}”` }));
    const field = screen.getByTestId('rename-input');
    expect(field).toHaveValue(OFFICE);
    expect(field).toHaveFocus();

    await user.clear(field);
    await user.type(field, `${LAPTOP}{Enter}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'keychain-label-taken');
    expect(alert).toHaveTextContent(t('en', 'error.keychain-label-taken'));
    expect(screen.getByTestId('rename-replace')).toHaveTextContent(`Replace “${LAPTOP}”`);
    expect(secretOf(LAPTOP)).toBe('laptop secret');
    await expectAccessible(container);

    await user.clear(field);
    await user.type(field, 'Mail on the new PC{Enter}');
    await waitFor(() => expect(labels()).toEqual(['Mail on the new PC', LAPTOP]));
    expect(screen.getByTestId('passwords-status')).toHaveTextContent(
      `“${OFFICE}” is now called “Mail on the new PC”.`,
    );
    expect(screen.getByRole('button', { name: 'Rename “Mail on the new PC”' })).toHaveFocus();
    expect(secretOf('Mail on the new PC')).toBe('office secret');
    expect(secretOf(OFFICE)).toBeUndefined();
    // What crossed the bridge: names only, in both directions.
    expect(bridge.requestsOf('keychainRename')).toEqual([
      { address: ADDRESS, label: OFFICE, newLabel: LAPTOP, lang: 'en' },
      { address: ADDRESS, label: OFFICE, newLabel: 'Mail on the new PC', lang: 'en' },
    ]);
    expect(JSON.stringify(bridge.calls)).not.toContain('secret');
  });

  it('replaces the other password only when asked to', async () => {
    const { user } = renderApp(keychainApi());
    await openFromHeader(user);
    await user.click(within(item(OFFICE)).getByTestId('rename-password'));
    const field = screen.getByTestId('rename-input');
    await user.clear(field);
    await user.type(field, `${LAPTOP}{Enter}`);
    await user.click(await screen.findByTestId('rename-replace'));
    await waitFor(() => expect(labels()).toEqual([LAPTOP]));
    expect(screen.getByTestId('passwords-status')).toHaveTextContent(
      `the password saved before as “${LAPTOP}” was deleted`,
    );
    expect(secretOf(LAPTOP)).toBe('office secret');
  });

  it('asks for a name before calling core, and cancels back to the button', async () => {
    const { user, bridge } = renderApp(keychainApi());
    await openFromHeader(user);
    await user.click(within(item(OFFICE)).getByTestId('rename-password'));
    await user.clear(screen.getByTestId('rename-input'));
    await user.click(screen.getByTestId('rename-save'));
    expect(screen.getByTestId('rename-input')).toHaveAccessibleDescription(
      expect.stringContaining('Please enter a name.'),
    );
    expect(screen.getByTestId('rename-input')).toHaveFocus();
    await user.click(screen.getByTestId('rename-cancel'));
    expect(within(item(OFFICE)).getByTestId('rename-password')).toHaveFocus();
    expect(bridge.requestsOf('keychainRename')).toEqual([]);
  });

  it('deletes only after asking, and says which program needs the password again', async () => {
    const { user, bridge, container } = renderApp(keychainApi());
    await openFromHeader(user);
    await user.click(within(item(OFFICE)).getByRole('button', { name: `Delete “${OFFICE}”` }));
    const question = screen.getByRole('group', { name: `Delete “${OFFICE}”?` });
    expect(question).toHaveAccessibleDescription(
      expect.stringContaining(`The program it is for, “${OFFICE}”, will then ask for the password again`),
    );
    expect(screen.getByTestId('delete-keep')).toHaveFocus();
    await expectAccessible(container);
    await user.click(screen.getByTestId('delete-keep'));
    expect(within(item(OFFICE)).getByTestId('delete-password')).toHaveFocus();
    expect(bridge.requestsOf('keychainDelete')).toEqual([]);

    await user.click(within(item(OFFICE)).getByTestId('delete-password'));
    await user.click(screen.getByTestId('delete-confirm-yes'));
    await waitFor(() => expect(labels()).toEqual([LAPTOP]));
    expect(screen.getByTestId('passwords-status')).toHaveTextContent(
      `Deleted the saved password “${OFFICE}” for ${ADDRESS}.`,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Saved passwords' })).toHaveFocus();
    expect(bridge.requestsOf('keychainDelete')).toEqual([{ address: ADDRESS, label: OFFICE, lang: 'en' }]);
    expect(secretOf(OFFICE)).toBeUndefined();
    expect(secretOf(LAPTOP)).toBe('laptop secret');
  });

  it('shows a failed delete with core’s words and keeps the entry', async () => {
    const { user } = renderApp(
      keychainApi({
        keychainDelete: async () => {
          throw new MailSetupError('keychain-unavailable', 'locked');
        },
      }),
    );
    await openFromHeader(user);
    await user.click(within(item(OFFICE)).getByTestId('delete-password'));
    await user.click(screen.getByTestId('delete-confirm-yes'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The password was not deleted.');
    expect(alert).toHaveTextContent(t('en', 'error.keychain-unavailable'));
    expect(labels()).toEqual([OFFICE, LAPTOP]);
  });

  it('says when nothing is saved, and offers a failed list again', async () => {
    let fail = true;
    const { user } = renderApp(
      keychainApi({
        keychainList: async () => {
          if (fail) throw new MailSetupError('keychain-unavailable', 'no index');
          return [];
        },
      }),
    );
    await user.click(screen.getByTestId('open-passwords'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The saved passwords could not be listed.');
    fail = false;
    await user.click(screen.getByTestId('passwords-retry'));
    expect(await screen.findByTestId('passwords-empty')).toHaveTextContent(
      'MailSetup Assistant has not saved any passwords on this computer yet.',
    );
  });

  it('speaks German', async () => {
    const { user, container } = renderApp(keychainApi(), 'de');
    await user.click(screen.getByRole('button', { name: 'Gespeicherte Passwörter' }));
    await waitFor(() => expect(labels()).toHaveLength(2));
    expect(screen.getByRole('button', { name: `„${OFFICE}“ umbenennen` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `„${OFFICE}“ löschen` }));
    expect(screen.getByRole('group', { name: `„${OFFICE}“ löschen?` })).toHaveAccessibleDescription(
      expect.stringContaining('fragt dann erneut nach dem Passwort'),
    );
    expect(screen.getByTestId('close-passwords')).toHaveTextContent('Zurück zur Einrichtung');
    await expectAccessible(container);
  });

  it('is offered on the last step once the password is saved', async () => {
    const { user } = renderApp(keychainApi());
    await toFinish(user);
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-state', 'saved'));
    await user.click(screen.getByTestId('finish-manage-passwords'));
    await screen.findByTestId('passwords-view');
    await waitFor(() => expect(labels()).toEqual(['Mail on this computer', OFFICE, LAPTOP]));
    expect(secretOf('Mail on this computer')).toBe(PASSWORD);
    await user.click(screen.getByTestId('close-passwords'));
    expect(await screen.findByTestId('step-finish')).toBeInTheDocument();
  });
});
