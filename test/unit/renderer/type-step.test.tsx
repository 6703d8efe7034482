// @vitest-environment jsdom
// Step 3: IMAP recommended; POP3 explained and confirmed.

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bundledResult, IMAP, SMTP } from './fixtures.js';
import { createFakeBridge, expectAccessible, renderApp, toTest, toType } from './harness.js';

describe('account type step', () => {
  it('recommends IMAP and continues without a question', async () => {
    const { user, container } = renderApp();
    await toType(user);
    expect(screen.getByRole('radio', { name: /IMAP \(recommended\)/ })).toBeChecked();
    await expectAccessible(container);
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('step-password')).toBeInTheDocument();
  });

  it('explains POP3 and needs it confirmed', async () => {
    const { user, container } = renderApp();
    await toType(user);
    await user.click(screen.getByRole('radio', { name: /^POP3/ }));
    expect(screen.getByTestId('pop3-warning')).toHaveTextContent('With POP3 your mail leaves the server');
    await user.click(screen.getByTestId('next'));
    const confirm = screen.getByTestId('confirm-pop3');
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(/Please confirm that you want POP3/);
    expect(screen.getByTestId('step-type')).toBeInTheDocument();
    await expectAccessible(container);
    await user.click(confirm);
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByTestId('step-password')).toBeInTheDocument();
  });

  it('tests the POP3 server when POP3 was chosen', async () => {
    const { user, bridge } = renderApp();
    await toType(user);
    await user.click(screen.getByTestId('type-pop3'));
    await user.click(screen.getByTestId('confirm-pop3'));
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('step-password');
    await user.type(screen.getByTestId('password-input'), 'x');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('test-summary');
    // The wizard names the person's choice; core picks the servers (here core's own choice function).
    expect(bridge.requestsOf('test')[0]).toMatchObject({ protocol: 'pop3', acceptUntrusted: false });
    expect(bridge.requestsOf('test')[0]).not.toHaveProperty('servers');
    expect(screen.getByTestId('test-server-pop3')).toHaveTextContent('pop.example.com:995');
    expect(screen.queryByTestId('test-server-imap')).toBeNull();
  });

  it('offers POP3 only where the settings have a POP3 server', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => ({ ...bundledResult(request.lang), incoming: [IMAP], outgoing: [SMTP] }),
    });
    const { user } = renderApp(bridge);
    await toType(user);
    expect(screen.getByTestId('type-pop3')).toBeDisabled();
    expect(screen.getByTestId('type-pop3')).toHaveAccessibleDescription(/Not offered by these settings/);
  });

  it('keeps the choice when going back and forth', async () => {
    const { user } = renderApp();
    await toTest(user);
    await screen.findByTestId('test-summary');
    await user.click(screen.getByTestId('back'));
    await user.click(await screen.findByTestId('back'));
    expect(await screen.findByTestId('step-type')).toBeInTheDocument();
    expect(screen.getByTestId('type-imap')).toBeChecked();
  });
});
