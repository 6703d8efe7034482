// @vitest-environment jsdom
// The administrator's policy in the wizard: a file that cannot be used (the banner, nothing searched),
// locked settings, IMAP only, the allowed downloads, the organisation's name, logo and helpdesk, and a
// required app password. The policy comes through the fake bridge as core's policy() returns it; the
// invalid one is read by core's own loader from a file.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { t as coreText } from '../../../core/messages/index.js';
import { loadPolicy } from '../../../core/policy/load.js';
import { policyProblem } from '../../../core/policy/problem.js';
import type { Policy, PolicyState } from '../../../core/policy/types.js';
import { bundledResult, notFoundResult, starttlsStripped, testResult } from './fixtures.js';
import {
  createFakeBridge,
  expectAccessible,
  type FakeApi,
  renderApp,
  submitAddress,
  toFinish,
  toPassword,
  toSettingsResult,
  toTest,
  toType,
} from './harness.js';

/** A 1×1 PNG. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const BRANDING = {
  name: 'Corp IT',
  logo: LOGO,
  supportPhone: '+49 30 1234-5678',
  supportMail: 'it-help@corp.example',
  supportUrl: 'https://it.corp.example/mail',
};

function withPolicy(policy: Omit<Policy, 'presets'>, overrides: Partial<FakeApi> = {}) {
  const state: PolicyState = {
    file: '/etc/mailsetup/policy.json',
    origin: 'machine',
    policy: { presets: [], ...policy },
  };
  return createFakeBridge({ policy: async () => state, ...overrides });
}

// A policy file with three mistakes, read by core's loader as the app would (in the request's language).
const root = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-renderer-policy-'));
const invalidFile = path.join(root, 'etc', 'mailsetup', 'policy.json');
mkdirSync(path.dirname(invalidFile), { recursive: true });
writeFileSync(
  invalidFile,
  JSON.stringify({
    presets: [
      {
        domains: ['corp.example'],
        incoming: [{ protocol: 'imap', host: 'mail.corp.example', port: 993, security: 'plain' }],
        outgoing: [{ protocol: 'smtp', host: 'mail.corp.example', port: 465, security: 'tls' }],
      },
    ],
    lockSetting: true,
  }),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function invalidPolicyBridge() {
  return createFakeBridge({
    policy: (request) =>
      loadPolicy({ lang: request?.lang ?? 'en', places: { platform: 'linux', env: {}, home: root, root } }),
  });
}

describe('an invalid policy file', () => {
  it("shows core's message, each field and reason, and the fix, and searches nothing", async () => {
    const bridge = invalidPolicyBridge();
    const { user, container } = renderApp(bridge);
    const banner = await screen.findByTestId('policy-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveAttribute('data-code', 'policy-invalid');
    expect(banner).toHaveTextContent('Your administrator’s settings for this app cannot be used');
    expect(banner).toHaveTextContent(coreText('en', 'policy.invalid', { file: invalidFile }));
    const issues = within(banner).getAllByTestId('policy-issue');
    expect(issues.map((issue) => issue.getAttribute('data-path'))).toEqual([
      'presets[0].incoming[0].security',
      'lockSetting',
    ]);
    expect(issues[0]).toHaveTextContent(/^presets\[0\]\.incoming\[0\]\.security: "plain" is not allowed/);
    expect(issues[1]).toHaveTextContent(/^lockSetting: .*"lockSetting"/);
    expect(banner).toHaveTextContent(`What to do: ${coreText('en', 'error.policy-invalid.fix')}`);

    // "Find settings" is off and says why; Enter in the field does not search either.
    const next = screen.getByTestId('next');
    expect(next).toBeDisabled();
    expect(next).toHaveAccessibleDescription(/Searching is paused/);
    await user.type(screen.getByTestId('address-input'), 'jane@corp.example{Enter}');
    expect(screen.getByTestId('step-address')).toBeInTheDocument();
    expect(bridge.requestsOf('detect')).toEqual([]);
    await expectAccessible(container);
  });

  it('names the file as a whole when it is not JSON', async () => {
    const bridge = createFakeBridge({
      policy: async (request) => ({
        file: invalidFile,
        origin: 'machine',
        error: policyProblem(
          invalidFile,
          [{ path: '', message: 'not valid JSON at line 3' }],
          request?.lang ?? 'en',
        ),
      }),
    });
    renderApp(bridge);
    const issue = await screen.findByTestId('policy-issue');
    expect(issue).toHaveTextContent('the file: not valid JSON at line 3');
  });

  it('asks again in the new language when the language changes', async () => {
    const bridge = invalidPolicyBridge();
    const { user } = renderApp(bridge);
    await screen.findByTestId('policy-banner');
    await user.click(screen.getByTestId('language-de'));
    await waitFor(() =>
      expect(screen.getByTestId('policy-banner')).toHaveTextContent(
        coreText('de', 'policy.invalid', { file: invalidFile }),
      ),
    );
    expect(screen.getByTestId('policy-banner')).toHaveTextContent(
      'Die Vorgaben Ihres Administrators für diese App sind nicht verwendbar',
    );
    expect(bridge.requestsOf('policy').map((request) => request.lang)).toEqual(['en', 'de']);
  });

  it('no banner and a usable button without a policy file', async () => {
    renderApp();
    await screen.findByTestId('step-address');
    await waitFor(() => expect(screen.getByTestId('next')).toBeEnabled());
    expect(screen.queryByTestId('policy-banner')).toBeNull();
  });
});

describe('a policy in force', () => {
  it('lockSettings: the settings are shown but cannot be changed, and the page says why', async () => {
    const bridge = withPolicy(
      { lockSettings: true },
      { test: async (request) => testResult(request.servers.map((server) => starttlsStripped(server))) },
    );
    const { user, container } = renderApp(bridge);
    await toSettingsResult(user);
    expect(screen.queryByTestId('change-settings')).toBeNull();
    expect(screen.getByTestId('settings-locked')).toHaveTextContent(
      'Your administrator has fixed these settings, so they cannot be changed here.',
    );
    await expectAccessible(container);
    // A failed test offers "Test again", not "Change settings".
    await user.click(screen.getByTestId('next'));
    await user.click(await screen.findByTestId('next'));
    await screen.findByTestId('step-password');
    await user.type(screen.getByTestId('password-input'), 'x');
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('test-summary')).toHaveAttribute('data-ok', 'false');
    expect(screen.getByTestId('next')).toHaveTextContent('Test again');
    expect(screen.queryByTestId('change-settings')).toBeNull();
  });

  it('lockSettings with nothing found: no manual form, the helpdesk instead', async () => {
    const bridge = withPolicy(
      { lockSettings: true, branding: BRANDING },
      { detect: async () => notFoundResult() },
    );
    const { user, container } = renderApp(bridge);
    await submitAddress(user);
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(screen.queryByTestId('manual-form')).toBeNull();
    expect(screen.getByTestId('settings-locked')).toHaveTextContent(/cannot be entered here/);
    expect(screen.getByTestId('support-box')).toBeInTheDocument();
    expect(screen.queryByTestId('next')).toBeNull();
    await expectAccessible(container);
  });

  it('protocols IMAP only: no POP3 choice, and a sentence why', async () => {
    const { user, container } = renderApp(withPolicy({ protocols: ['imap'] }));
    await toType(user);
    expect(screen.getByTestId('type-imap')).toBeChecked();
    expect(screen.queryByTestId('type-pop3')).toBeNull();
    expect(screen.queryByRole('radio', { name: /POP3/ })).toBeNull();
    expect(screen.getByTestId('protocols-note')).toHaveTextContent(
      'Your administrator allows only IMAP: your mail stays on the server',
    );
    await expectAccessible(container);
  });

  it('protocols IMAP only: the manual form offers no POP3 either', async () => {
    const bridge = withPolicy({ protocols: ['imap'] }, { detect: async () => notFoundResult() });
    const { user } = renderApp(bridge);
    await submitAddress(user);
    const form = await screen.findByTestId('manual-form');
    expect(within(form).getByTestId('manual-protocol-imap')).toBeChecked();
    expect(within(form).queryByTestId('manual-protocol-pop3')).toBeNull();
    expect(within(form).getByTestId('manual-protocols-note')).toHaveTextContent(/allows only IMAP/);
  });

  it('exportFormats: only the programs and downloads the policy allows', async () => {
    const { user, container } = renderApp(
      withPolicy({ exportFormats: ['guide-thunderbird', 'mobileconfig'] }),
    );
    await toFinish(user);
    expect(screen.queryByTestId('program-outlook')).toBeNull();
    await user.click(screen.getByTestId('program-thunderbird'));
    expect(screen.getByTestId('export-guide')).toBeInTheDocument();
    expect(screen.queryByTestId('export-file')).toBeNull();
    expect(screen.getByTestId('program-thunderbird')).toHaveAccessibleDescription(
      'Download the step-by-step guide with your settings.',
    );
    await user.click(screen.getByTestId('program-applemail'));
    expect(screen.getByTestId('export-file')).toHaveTextContent('Download the profile');
    expect(screen.queryByTestId('export-guide')).toBeNull();
    await expectAccessible(container);
  });

  it('exportFormats empty: no program to choose, and a sentence why', async () => {
    const { user } = renderApp(withPolicy({ exportFormats: [] }));
    await toFinish(user);
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByTestId('export-guide')).toBeNull();
    expect(screen.getByTestId('no-exports')).toHaveTextContent(/not allowed any set-up files or guides/);
  });

  it("branding: the organisation's name and logo in the header, its helpdesk on the finish step", async () => {
    const { user, container } = renderApp(withPolicy({ branding: BRANDING }));
    const logo = await screen.findByTestId('branding-logo');
    expect(logo).toHaveAttribute('src', LOGO);
    expect(logo).toHaveAccessibleName('Logo of Corp IT');
    expect(screen.getByTestId('branding-name')).toHaveTextContent('Corp IT');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('MailSetup Assistant');
    await expectAccessible(container);

    await toFinish(user);
    const box = screen.getByTestId('support-box');
    expect(within(box).getByRole('heading', { name: 'Need help?' })).toBeInTheDocument();
    expect(box).toHaveTextContent('Corp IT helps you with setting up your mail.');
    expect(within(box).getByRole('link', { name: '+49 30 1234-5678' })).toHaveAttribute(
      'href',
      'tel:+493012345678',
    );
    expect(within(box).getByRole('link', { name: 'it-help@corp.example' })).toHaveAttribute(
      'href',
      'mailto:it-help@corp.example',
    );
    const web = within(box).getByRole('link', { name: 'https://it.corp.example/mail' });
    expect(web).toHaveAttribute('href', 'https://it.corp.example/mail');
    expect(web).toHaveAttribute('target', '_blank');
    expect(web).toHaveAttribute('rel', 'noreferrer noopener');
    await expectAccessible(container);
  });

  it('branding: where an error is shown, how to reach the helpdesk', async () => {
    const bridge = withPolicy(
      { branding: BRANDING },
      {
        detect: async (request) => {
          if (request.offline) return bundledResult(request.lang);
          throw new MailSetupError('timeout');
        },
      },
    );
    const { user, container } = renderApp(bridge);
    await submitAddress(user);
    const error = await screen.findByTestId('search-error');
    const line = within(error).getByTestId('support-line');
    expect(line).toHaveTextContent('Need help? Call Corp IT: +49 30 1234-5678');
    expect(within(line).getByRole('link')).toHaveAttribute('href', 'tel:+493012345678');
    await expectAccessible(container);
  });

  it('branding: a failed test names the helpdesk once, by mail when there is no phone', async () => {
    const bridge = withPolicy(
      { branding: { name: 'Corp IT', supportMail: 'it-help@corp.example' } },
      { test: async (request) => testResult(request.servers.map((server) => starttlsStripped(server))) },
    );
    const { user } = renderApp(bridge);
    await toTest(user);
    await screen.findByTestId('test-summary');
    const lines = screen.getAllByTestId('support-line');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveTextContent('Need help? Write to Corp IT: it-help@corp.example');
  });

  it('no logo, no helpdesk and the usual header without branding', async () => {
    const { user } = renderApp();
    await toFinish(user);
    expect(screen.queryByTestId('branding-logo')).toBeNull();
    expect(screen.queryByTestId('branding-name')).toBeNull();
    expect(screen.queryByTestId('support-box')).toBeNull();
  });

  it('requireAppPassword: the password step asks for an app password', async () => {
    const { user, container } = renderApp(withPolicy({ requireAppPassword: true, branding: BRANDING }));
    await toPassword(user);
    expect(screen.getByTestId('app-password-required')).toHaveTextContent(
      'An app password is requiredCorp IT requires an app password for mail programs.',
    );
    expect(screen.getByTestId('password-input')).toHaveAccessibleName('App password');
    await user.click(screen.getByTestId('choosing-new'));
    expect(screen.getByText(/Most providers make the app password for you/)).toBeInTheDocument();
    expect(screen.getByTestId('choosing-new')).toHaveAccessibleName(
      'I am creating a new app password on my provider’s web page now',
    );
    await expectAccessible(container);
  });

  it('requireAppPassword without branding: "Your administrator" requires it', async () => {
    const { user } = renderApp(withPolicy({ requireAppPassword: true }));
    await toPassword(user);
    expect(screen.getByTestId('app-password-required')).toHaveTextContent(
      'Your administrator requires an app password',
    );
  });
});
