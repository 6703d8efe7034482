// @vitest-environment jsdom
// Step 2: live progress per source, cancel, the result card, untrusted settings, the manual form.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DetectRequest } from '../../../core/detect.js';
import { MailSetupError } from '../../../core/errors.js';
import { t } from '../../../core/messages/index.js';
import type { DetectResult } from '../../../core/model.js';
import {
  bundledResult,
  notFoundResult,
  PASSWORD,
  passed,
  redirectedResult,
  testResult,
  untrustedResult,
} from './fixtures.js';
import {
  createFakeBridge,
  deferred,
  expectAccessible,
  renderApp,
  submitAddress,
  toSettingsResult,
} from './harness.js';

/** A detect that reports progress and finishes only when the test says so. */
function slowDetect() {
  const done = deferred<DetectResult>();
  let progress: DetectRequest['onProgress'];
  const bridge = createFakeBridge({
    detect: async (request) => {
      if (request.offline) return bundledResult(request.lang);
      progress = request.onProgress;
      return done.promise;
    },
  });
  return {
    bridge,
    done,
    progress: (...args: Parameters<NonNullable<DetectRequest['onProgress']>>) => progress?.(...args),
  };
}

describe('settings step', () => {
  it('shows each source live: which is being asked, found or not', async () => {
    const slow = slowDetect();
    const { user, container } = renderApp(slow.bridge);
    await submitAddress(user);
    slow.progress({
      source: 'autoconfig',
      target: 'https://autoconfig.example.com/mail/config-v1.1.xml',
      state: 'started',
    });
    slow.progress({
      source: 'ispdb',
      target: 'https://autoconfig.thunderbird.net/v1.1/example.com',
      state: 'started',
    });
    const autoconfig = await screen.findByTestId('source-autoconfig');
    expect(autoconfig).toHaveAttribute('data-state', 'asking');
    expect(autoconfig).toHaveTextContent("Your provider's set-up fileAsking…");
    slow.progress({
      source: 'autoconfig',
      target: 'https://autoconfig.example.com/mail/config-v1.1.xml',
      state: 'not-found',
    });
    slow.progress({
      source: 'ispdb',
      target: 'https://autoconfig.thunderbird.net/v1.1/example.com',
      state: 'found',
    });
    await waitFor(() => expect(screen.getByTestId('source-ispdb')).toHaveAttribute('data-state', 'found'));
    expect(screen.getByTestId('source-autoconfig')).toHaveAttribute('data-state', 'not-found');
    expect(screen.getByTestId('settings-status')).toHaveTextContent('Thunderbird provider database: Found');
    await expectAccessible(container);
    slow.done.resolve(bundledResult());
    expect(await screen.findByTestId('result-card')).toBeInTheDocument();
    expect(screen.getByTestId('settings-status')).toHaveTextContent('Settings found.');
  });

  it('can be cancelled: back to the address, the late result ignored', async () => {
    const slow = slowDetect();
    const { user } = renderApp(slow.bridge);
    await submitAddress(user);
    await user.click(screen.getByRole('button', { name: 'Cancel search' }));
    expect(await screen.findByTestId('step-address')).toBeInTheDocument();
    expect(screen.getByTestId('address-input')).toHaveValue('jo@example.com');
    slow.done.resolve(bundledResult());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByTestId('step-address')).toBeInTheDocument();
  });

  it('shows the result as a card: provider, servers, source, trust, hints', async () => {
    const { user, container } = renderApp();
    await toSettingsResult(user);
    const card = screen.getByTestId('result-card');
    expect(within(card).getByRole('heading', { name: 'Example Mail' })).toBeInTheDocument();
    expect(screen.getByTestId('server-imap')).toHaveTextContent('imap.example.com993SSL/TLS');
    expect(screen.getByTestId('server-pop3')).toHaveTextContent('pop.example.com995SSL/TLS');
    expect(screen.getByTestId('server-smtp')).toHaveTextContent('smtp.example.com465SSL/TLS');
    expect(screen.getByTestId('result-source')).toHaveTextContent(
      'Built-in list of providers, as of 2026-03',
    );
    expect(screen.getByTestId('trust-badge')).toHaveTextContent('From our checked provider list');
    expect(screen.getByTestId('result-hints')).toHaveTextContent('Example Mail needs an app password');
    expect(screen.queryByTestId('untrusted-confirmation')).not.toBeInTheDocument();
    await expectAccessible(container);
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('step-type')).toBeInTheDocument();
  });

  it('needs an explicit "this is right" for settings the domain does not stand behind', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => untrustedResult(request.lang),
    });
    const { user, container } = renderApp(bridge);
    await toSettingsResult(user);
    expect(screen.getByTestId('trust-badge')).toHaveTextContent('Not confirmed by your mail domain');
    const warnings = screen.getByTestId('result-warnings');
    expect(warnings).toHaveTextContent('hoster.example.net runs your mail');
    expect(warnings).toHaveTextContent('The server mail.hoster.example.net belongs to hoster.example.net');
    await user.click(screen.getByTestId('next'));
    expect(screen.getByTestId('step-settings')).toBeInTheDocument();
    const confirm = screen.getByRole('checkbox', { name: /Yes, this is right/ });
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(/Please confirm/);
    await expectAccessible(container);
    await user.click(confirm);
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('step-type')).toBeInTheDocument();
  });

  it.each([
    [
      'en',
      /^autoconfig\.example\.com sent us on to provider\.example, .*not example\.com's/,
      'Not confirmed',
    ],
    [
      'de',
      /^autoconfig\.example\.com hat uns an provider\.example weitergeleitet: .*nicht von example\.com/,
      'Nicht',
    ],
  ] as const)(
    'names both domains of a redirect in plain words (%s) and needs the confirmation',
    async (lang, said, badge) => {
      const bridge = createFakeBridge({ detect: async (request) => redirectedResult(request.lang) });
      const { user } = renderApp(bridge, lang);
      await toSettingsResult(user);
      expect(screen.getByTestId('trust-badge')).toHaveAttribute('data-trusted', 'false');
      expect(screen.getByTestId('trust-badge')).toHaveTextContent(badge);
      const warnings = within(screen.getByTestId('result-warnings')).getAllByRole('listitem');
      expect(warnings[0]?.textContent).toMatch(said);
      await user.click(screen.getByTestId('next'));
      expect(screen.getByTestId('untrusted-confirmation')).toBeInTheDocument();
      expect(screen.queryByTestId('step-type')).not.toBeInTheDocument();
    },
  );

  it('carries the answer to core, which judges the settings and tests its own choice', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => untrustedResult(request.lang),
      // Core's refusal when the answer is missing (its own code and words), else its result.
      test: async (request) =>
        request.acceptUntrusted
          ? testResult(request.servers.map(passed))
          : {
              ...testResult([]),
              ok: false,
              error: {
                code: 'untrusted-settings',
                message: t('en', 'error.untrusted-settings'),
                fix: t('en', 'error.untrusted-settings.fix'),
              },
            },
    });
    const { user } = renderApp(bridge);
    await toSettingsResult(user);
    await user.click(screen.getByRole('checkbox', { name: /Yes, this is right/ }));
    await user.click(screen.getByTestId('next'));
    await toTestFromType(user);
    expect(await screen.findByTestId('test-summary')).toHaveAttribute('data-ok', 'true');
    const [request] = bridge.requestsOf('test');
    expect(request).toMatchObject({ acceptUntrusted: true, protocol: 'imap' });
    expect(request).not.toHaveProperty('servers');
    expect(screen.getByTestId('test-server-imap')).toHaveTextContent('mail.hoster.example.net:993');
  });

  it('opens the manual form when nothing was found', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => (request.offline ? bundledResult(request.lang) : notFoundResult()),
    });
    const { user, container } = renderApp(bridge);
    await submitAddress(user);
    expect(await screen.findByTestId('not-found')).toHaveTextContent(
      'No settings were found for example.com.',
    );
    expect(screen.getByTestId('manual-form')).toBeInTheDocument();
    expect(screen.queryByTestId('next')).not.toBeInTheDocument();
    await expectAccessible(container);
  });

  it("shows core's error when the search fails, with a retry and the manual form", async () => {
    let attempts = 0;
    const bridge = createFakeBridge({
      detect: async (request) => {
        if (request.offline) return bundledResult(request.lang);
        attempts++;
        if (attempts === 1) throw new MailSetupError('timeout', 'deadline of 15 s passed');
        return bundledResult(request.lang);
      },
    });
    const { user, container } = renderApp(bridge);
    await submitAddress(user);
    const error = await screen.findByTestId('search-error');
    expect(error).toHaveTextContent('The search did not finish.');
    expect(error).toHaveTextContent(t('en', 'error.timeout'));
    expect(error).toHaveTextContent(t('en', 'error.timeout.fix'));
    expect(screen.getByTestId('manual-form')).toBeInTheDocument();
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Search again' }));
    expect(await screen.findByTestId('result-card')).toBeInTheDocument();
  });

  it('validates the manual form and offers no unencrypted connection', async () => {
    const { user, container } = renderApp();
    await toSettingsResult(user);
    await user.click(screen.getByRole('button', { name: 'Change settings' }));
    const form = screen.getByTestId('manual-form');
    // Encryption: SSL/TLS or STARTTLS, for receiving and for sending; nothing else.
    const security = within(form).getAllByRole('group', { name: 'Encryption' });
    expect(security).toHaveLength(2);
    for (const group of security) {
      expect(
        within(group)
          .getAllByRole('radio')
          .map((radio) => radio.getAttribute('value')),
      ).toEqual(['tls', 'starttls']);
    }
    expect(within(form).queryByText(/none|unencrypted|no encryption/i)).not.toBeInTheDocument();

    const host = screen.getByTestId('manual-incoming-host');
    const port = screen.getByTestId('manual-incoming-port');
    expect(host).toHaveValue('imap.example.com');
    await user.clear(host);
    await user.type(host, 'imap example');
    await user.clear(port);
    await user.type(port, '70000');
    await user.click(screen.getByRole('button', { name: 'Use these settings' }));
    expect(host).toHaveAttribute('aria-invalid', 'true');
    expect(host).toHaveAccessibleDescription(/Enter a server name/);
    expect(port).toHaveAccessibleDescription('Enter a port from 1 to 65535.');
    expect(host).toHaveFocus();
    await expectAccessible(container);

    await user.clear(host);
    await user.type(host, 'mail.example.org');
    await user.clear(port);
    await user.type(port, '993');
    await user.click(screen.getByTestId('manual-incoming-security-starttls'));
    // The port follows the encryption while it is the usual one.
    expect(port).toHaveValue('143');
    await user.click(screen.getByRole('button', { name: 'Use these settings' }));
    expect(screen.queryByTestId('manual-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('server-imap')).toHaveTextContent('mail.example.org143STARTTLS');
    expect(screen.getByTestId('result-source')).toHaveTextContent('Entered by you');
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('step-type')).toBeInTheDocument();
  });

  it('takes POP3 in the manual form, with its own port', async () => {
    const { user } = renderApp();
    await toSettingsResult(user);
    await user.click(screen.getByTestId('change-settings'));
    await user.click(screen.getByTestId('manual-protocol-pop3'));
    expect(screen.getByTestId('manual-incoming-host')).toHaveValue('pop.example.com');
    expect(screen.getByTestId('manual-incoming-port')).toHaveValue('995');
    await user.click(screen.getByTestId('manual-save'));
    expect(screen.getByTestId('server-pop3')).toHaveTextContent('pop.example.com995');
    expect(screen.queryByTestId('server-imap')).not.toBeInTheDocument();
  });
});

/** From the account type to the test's result: IMAP, a password, Test. */
async function toTestFromType(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  await screen.findByTestId('step-type');
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-password');
  await user.type(screen.getByTestId('password-input'), PASSWORD);
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-test');
}
