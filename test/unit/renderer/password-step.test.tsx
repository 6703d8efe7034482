// @vitest-environment jsdom
// Step 4: hints, label, show/hide, Caps Lock, generator and strength, the lockout warning and guard.

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/messages/index.js';
import { authFailed, lockoutGuarded, PASSWORD, passed, testResult } from './fixtures.js';
import {
  createFakeBridge,
  expectAccessible,
  type FakeTestRequest,
  renderApp,
  toPassword,
  toTest,
} from './harness.js';

describe('password step', () => {
  it("shows the provider's hint with its link and suggests a name for the password", async () => {
    const { user, container } = renderApp();
    await toPassword(user);
    expect(screen.getByTestId('password-hints')).toHaveTextContent('Example Mail needs an app password');
    expect(screen.getByRole('link', { name: /Open the instructions/ })).toHaveAttribute(
      'href',
      'https://help.example.com/app-passwords',
    );
    expect(screen.getByLabelText('Name for this password')).toHaveValue('Mail on this computer');
    await expectAccessible(container);
  });

  it('shows and hides the password', async () => {
    const { user } = renderApp();
    await toPassword(user);
    const input = screen.getByLabelText('Password or app password');
    await user.type(input, PASSWORD);
    expect(input).toHaveAttribute('type', 'password');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'password');
  });

  it('warns when Caps Lock is on', async () => {
    const { user } = renderApp();
    await toPassword(user);
    await user.click(screen.getByTestId('password-input'));
    await user.keyboard('a');
    expect(screen.getByTestId('caps-lock-warning')).toBeEmptyDOMElement();
    await user.keyboard('{CapsLock}A');
    expect(screen.getByTestId('caps-lock-warning')).toHaveTextContent('Caps Lock is on.');
    await user.keyboard('{CapsLock}b');
    expect(screen.getByTestId('caps-lock-warning')).toBeEmptyDOMElement();
  });

  it('lets the person replace the suggested name, and needs one', async () => {
    const { user, bridge } = renderApp();
    await toPassword(user);
    const label = screen.getByTestId('label-input');
    await user.clear(label);
    expect(label).toHaveValue('');
    await user.type(screen.getByTestId('password-input'), PASSWORD);
    await user.click(screen.getByTestId('next'));
    expect(label).toHaveFocus();
    expect(label).toHaveAccessibleDescription(/Please give this password a name/);
    await user.type(label, 'Outlook on the office PC');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('test-summary');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('save-status');
    expect(bridge.requestsOf('keychainSet')[0]).toMatchObject({ label: 'Outlook on the office PC' });
  });

  it('needs a password before testing', async () => {
    const { user, bridge } = renderApp();
    await toPassword(user);
    await user.click(screen.getByTestId('next'));
    expect(screen.getByTestId('password-input')).toHaveFocus();
    expect(screen.getByTestId('password-input')).toHaveAccessibleDescription('Please enter the password.');
    expect(bridge.requestsOf('test')).toEqual([]);
  });

  it('generates a password and rates a new one with core’s reasons', async () => {
    const { user, bridge, container } = renderApp();
    await toPassword(user);
    await user.click(screen.getByLabelText(/I am setting a new password/));
    await user.type(screen.getByTestId('password-input'), 'short');
    expect(await screen.findByTestId('strength-level')).toHaveTextContent('Weak');
    expect(screen.getByTestId('strength')).toHaveTextContent(
      t('en', 'secrets.strength.too-short', { min: 12 }),
    );
    await user.click(screen.getByRole('button', { name: 'Generate a password' }));
    expect(await screen.findByLabelText('Generated password')).toHaveValue('Gen3rated#Passw0rd-XYZ');
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Use it here' }));
    expect(screen.getByTestId('password-input')).toHaveValue('Gen3rated#Passw0rd-XYZ');
    await waitFor(() => expect(screen.getByTestId('strength-level')).toHaveTextContent('Very strong'));
    const rating = bridge.requestsOf('ratePassword').at(-1);
    expect(rating).toMatchObject({ address: 'jo@example.com', label: 'Mail on this computer', lang: 'en' });
  });

  it('warns about the lockout after a refused password, and tries past the guard only when confirmed', async () => {
    const answers = [
      (request: FakeTestRequest) =>
        testResult([authFailed(request.servers[0]!, request.lang), passed(request.servers[1]!)]),
      (request: FakeTestRequest) => ({
        ...testResult([lockoutGuarded(request.servers[0]!, request.lang), passed(request.servers[1]!)]),
        lockout: LOCKOUT,
      }),
      (request: FakeTestRequest) => testResult(request.servers.map(passed)),
    ];
    const bridge = createFakeBridge({ test: async (request) => answers.shift()!(request) });
    const { user, container } = renderApp(bridge);

    await toTest(user);
    expect(await screen.findByTestId('test-summary')).toHaveAttribute('data-ok', 'false');
    await user.click(screen.getByRole('button', { name: 'Check the password' }));
    await screen.findByTestId('step-password');
    expect(screen.getByTestId('auth-failed-warning')).toHaveTextContent(
      'after a few more failures providers lock the account for an hour',
    );
    await expectAccessible(container);

    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('test-summary');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('step-password');
    const guard = screen.getByTestId('lockout-guard');
    expect(guard).toHaveTextContent(t('en', 'probe.lockout-guard'));
    expect(guard).toHaveTextContent(t('en', 'probe.lockout-guard.fix'));
    // How many failures core counted, and when the count expires, in the person's words.
    expect(screen.getByTestId('lockout-count')).toHaveTextContent(
      `We counted 3 failed sign-ins for this account in the last 60 minutes. Without your confirmation no further sign-in is tried before ${expiry('en')}.`,
    );
    await user.click(screen.getByTestId('next'));
    const confirm = screen.getByRole('checkbox', { name: /I have checked the password/ });
    expect(confirm).toHaveFocus();
    expect(bridge.requestsOf('test')).toHaveLength(2);
    await expectAccessible(container);

    await user.click(confirm);
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('test-summary')).toHaveAttribute('data-ok', 'true');
    const requests = bridge.requestsOf('test');
    expect(requests).toHaveLength(3);
    expect(requests[0]).not.toHaveProperty('force');
    expect(requests[1]).not.toHaveProperty('force');
    expect(requests[2]).toMatchObject({ force: true });
  });

  it('says the count and its expiry in German too', async () => {
    const bridge = createFakeBridge({
      test: async (request) => ({
        ...testResult([lockoutGuarded(request.servers[0]!, request.lang), passed(request.servers[1]!)]),
        lockout: LOCKOUT,
      }),
    });
    const { user } = renderApp(bridge, 'de');
    await toTest(user);
    await screen.findByTestId('test-summary');
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('lockout-count')).toHaveTextContent(
      `Wir haben für dieses Konto 3 fehlgeschlagene Anmeldungen in den letzten 60 Minuten gezählt. Ohne Ihre Bestätigung wird vor ${expiry('de')} keine weitere Anmeldung versucht.`,
    );
  });
});

/** Core's count after a refused login: three failures, expiring an hour after the newest. */
const LOCKOUT = {
  failures: 3,
  limit: 3,
  windowMinutes: 60,
  expiresAt: '2026-12-07T09:02:00.000Z',
  message: 'counted',
  skipped: [],
};

function expiry(lang: 'de' | 'en'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(LOCKOUT.expiresAt),
  );
}
