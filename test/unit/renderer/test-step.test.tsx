// @vitest-environment jsdom
// Step 5: the live checklist, failures in plain words with the fix, details on demand, the report.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/messages/index.js';
import type { TestResult } from '../../../core/probe/test-run.js';
import { PASSWORD, passed, starttlsStripped, testResult } from './fixtures.js';
import {
  createFakeBridge,
  deferred,
  expectAccessible,
  type FakeTestRequest,
  renderApp,
  toTest,
} from './harness.js';

describe('test step', () => {
  it('ticks off each phase live and then shows TLS version and certificate date', async () => {
    const done = deferred<TestResult>();
    let request: FakeTestRequest | undefined;
    const bridge = createFakeBridge({
      test: async (received) => {
        request = received;
        return done.promise;
      },
    });
    const { user, container } = renderApp(bridge);
    await toTest(user);
    const imap = request!.servers[0]!;
    request!.onProgress?.({
      protocol: 'imap',
      host: imap.host,
      port: imap.port,
      security: 'tls',
      step: 'connect',
    });
    await waitFor(() =>
      expect(screen.getByTestId('check-imap-connect')).toHaveAttribute('data-state', 'active'),
    );
    request!.onProgress?.({
      protocol: 'imap',
      host: imap.host,
      port: imap.port,
      security: 'tls',
      step: 'tls',
    });
    await waitFor(() =>
      expect(screen.getByTestId('check-imap-encrypt')).toHaveAttribute('data-state', 'active'),
    );
    expect(screen.getByTestId('check-imap-connect')).toHaveAttribute('data-state', 'done');
    // A server shows as soon as core names it in its first progress event (core chooses the servers).
    expect(screen.queryByTestId('test-server-smtp')).toBeNull();
    const smtp = request!.servers[1]!;
    request!.onProgress?.({
      protocol: 'smtp',
      host: smtp.host,
      port: smtp.port,
      security: 'tls',
      step: 'dns',
    });
    await waitFor(() =>
      expect(screen.getByTestId('test-server-smtp')).toHaveTextContent('smtp.example.com:465'),
    );
    expect(screen.getByTestId('test-status')).toHaveTextContent('Testing…');
    await expectAccessible(container);

    done.resolve(testResult(request!.servers.map(passed)));
    expect(await screen.findByTestId('test-summary')).toHaveAttribute('data-ok', 'true');
    const card = screen.getByTestId('test-server-imap');
    expect(within(card).getByRole('heading')).toHaveTextContent('IMAP imap.example.com:993 (SSL/TLS)');
    expect(screen.getByTestId('check-imap-encrypt')).toHaveTextContent('Encrypted with TLS 1.3');
    expect(screen.getByTestId('check-imap-certificate')).toHaveTextContent(
      'Certificate valid until March 15, 2030',
    );
    expect(screen.getByTestId('check-imap-signin')).toHaveTextContent('Signed in');
    expect(screen.getByTestId('test-status')).toHaveTextContent('Everything works.');
    await expectAccessible(container);
  });

  it('explains a failure in plain words, says what to do, and keeps the details on demand', async () => {
    const bridge = createFakeBridge({
      test: async (request) =>
        testResult([
          starttlsStripped({ ...request.servers[0]!, port: 143, security: 'starttls' }, request.lang),
          passed(request.servers[1]!),
        ]),
    });
    const { user, container } = renderApp(bridge);
    await toTest(user);
    expect(await screen.findByTestId('test-summary')).toHaveTextContent('The test found a problem.');
    const error = screen.getByTestId('test-error-imap');
    expect(error).toHaveTextContent(t('en', 'error.starttls-not-offered'));
    expect(error).toHaveTextContent(`What to do: ${t('en', 'error.starttls-not-offered.fix')}`);
    expect(screen.getByTestId('check-imap-connect')).toHaveAttribute('data-state', 'done');
    expect(screen.getByTestId('check-imap-encrypt')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByTestId('check-imap-encrypt')).toHaveTextContent('No secure connection (failed)');
    expect(screen.getByTestId('check-imap-signin')).toHaveAttribute('data-state', 'skipped');
    // Not a password problem: test again or change the settings.
    expect(screen.getByTestId('next')).toHaveTextContent('Test again');
    expect(screen.getByTestId('change-settings')).toBeInTheDocument();
    await expectAccessible(container);

    const details = screen.getByTestId('details-smtp');
    expect(details).not.toHaveAttribute('open');
    await user.click(within(details).getByText('Technical details'));
    expect(details).toHaveAttribute('open');
    expect(details).toHaveTextContent('TLS_AES_256_GCM_SHA384');
    expect(details).toHaveTextContent('Example Test CA');
    expect(details).toHaveTextContent('AB:CD:EF:01:23:45:67:89');
    expect(screen.getByTestId('transcript-smtp')).toHaveTextContent('C: a1 LOGIN "jo@example.com" ****');

    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('test-summary');
    expect(bridge.requestsOf('test')).toHaveLength(2);
  });

  it('copies a report for the helpdesk with the facts and without the password', async () => {
    const { user, bridge } = renderApp();
    await toTest(user);
    await screen.findByTestId('test-summary');
    await user.click(screen.getByRole('button', { name: 'Copy report for the helpdesk' }));
    expect(screen.getByTestId('report-status')).toHaveTextContent('The report is on the clipboard.');
    const report = await navigator.clipboard.readText();
    // Core's writer (the same as `mailsetup report`), from the results on screen: nothing tested again.
    expect(report).toContain('MailSetup Assistant diagnostics report');
    expect(report).toContain('[OK] IMAP imap.example.com:993 SSL/TLS');
    expect(report).toContain('[OK] SMTP smtp.example.com:465 SSL/TLS');
    expect(report).toContain('Encrypted with TLSv1.3 (TLS_AES_256_GCM_SHA384)');
    expect(report).toContain('Certificate for: imap.example.com');
    expect(report).toContain('S: a1 OK logged in');
    expect(report).toContain(`Found in: ${t('en', 'cli.source.bundled')}`);
    expect(report).not.toContain(PASSWORD);
    expect(bridge.requestsOf('test')).toHaveLength(1);
    expect(bridge.requestsOf('renderReport')[0]).toMatchObject({
      address: 'jo@example.com',
      servers: 'detected',
      login: 'tested',
      detection: { source: 'bundled' },
    });
  });

  it('cuts the password out of the report even if a server answer repeated it', async () => {
    const bridge = createFakeBridge({
      test: async (request) => {
        const leaky = passed(request.servers[0]!);
        leaky.transcript = [...leaky.transcript, `S: * BYE password ${request.password} is wrong`];
        return testResult([leaky, passed(request.servers[1]!)]);
      },
    });
    const { user } = renderApp(bridge);
    await toTest(user);
    await screen.findByTestId('test-summary');
    await user.click(screen.getByTestId('copy-report'));
    const report = await navigator.clipboard.readText();
    expect(report).toContain('S: * BYE password **** is wrong');
    expect(report).not.toContain(PASSWORD);
  });

  it('shows the report for copying by hand when the clipboard refuses', async () => {
    const { user } = renderApp();
    await toTest(user);
    await screen.findByTestId('test-summary');
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    await user.click(screen.getByTestId('copy-report'));
    expect((await screen.findByTestId<HTMLTextAreaElement>('report-text')).value).toContain(
      'imap.example.com:993',
    );
    expect(screen.getByTestId('report-status')).toHaveTextContent('could not be copied');
  });
});
