// @vitest-environment jsdom
// Step 1: the address, live checks, core's invalid-address message, the typo hint.

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { t } from '../../../core/messages/index.js';
import { bundledResult } from './fixtures.js';
import { createFakeBridge, expectAccessible, renderApp, submitAddress } from './harness.js';

describe('address step', () => {
  it('takes an address and a name and starts the search', async () => {
    const { user, bridge } = renderApp();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Which e-mail address');
    await user.type(screen.getByLabelText('Your name'), 'Jo Example');
    await submitAddress(user);
    expect(await screen.findByTestId('result-card')).toHaveTextContent('Example Mail');
    const detects = bridge.requestsOf('detect');
    expect(detects).toEqual([
      { address: 'jo@example.com', offline: true, lang: 'en' },
      { address: 'jo@example.com', lang: 'en' },
    ]);
    // The new step's heading takes focus, so screen readers announce it.
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
  });

  it('gives live feedback once the person has left the field', async () => {
    const { user } = renderApp();
    const input = screen.getByTestId('address-input');
    await user.type(input, 'jo.example.com');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/has an @ sign/);
    await user.clear(input);
    await user.type(input, 'jo@example');
    expect(screen.getByText(/needs a dot/)).toBeInTheDocument();
    await user.type(input, '.com');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('does not call the API for an address that fails the light checks', async () => {
    const { user, bridge } = renderApp();
    await user.type(screen.getByTestId('address-input'), 'jo@@example.com');
    await user.click(screen.getByTestId('next'));
    expect(screen.getByText(/exactly one @ sign/)).toBeInTheDocument();
    expect(screen.getByTestId('address-input')).toHaveFocus();
    // Only the policy, asked once at start.
    expect(bridge.calls.map((call) => call.method)).toEqual(['policy']);
  });

  it("shows core's own message when detect rejects the address", async () => {
    const bridge = createFakeBridge({
      detect: async () => {
        throw new MailSetupError('invalid-address', 'invalid-domain');
      },
    });
    const { user } = renderApp(bridge);
    await user.type(screen.getByTestId('address-input'), 'jo@exa_mple.com');
    await user.click(screen.getByTestId('next'));
    expect(await screen.findByText(t('en', 'address.invalid.invalid-domain'))).toBeInTheDocument();
    expect(screen.getByTestId('address-input')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('step-address')).toBeInTheDocument();
  });

  it('offers the typo suggestion and replaces the address only on a click', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => ({
        ...bundledResult(request.lang),
        hints: request.address.endsWith('@gmx.dr')
          ? [
              {
                code: 'possible-typo',
                message: t('en', 'address.typo', { suggestion: 'jo@gmx.de' }),
                detail: 'jo@gmx.de',
              },
            ]
          : [],
      }),
    });
    const { user } = renderApp(bridge);
    await user.type(screen.getByTestId('address-input'), 'jo@gmx.dr');
    await user.click(screen.getByTestId('next'));
    const hint = await screen.findByTestId('typo-hint');
    expect(hint).toHaveTextContent('Did you mean jo@gmx.de?');
    expect(screen.getByTestId('address-input')).toHaveValue('jo@gmx.dr');
    await user.click(screen.getByRole('button', { name: 'Use jo@gmx.de' }));
    expect(screen.getByTestId('address-input')).toHaveValue('jo@gmx.de');
    expect(screen.queryByTestId('typo-hint')).not.toBeInTheDocument();
  });

  it('keeps the typed address when the person continues past the typo hint', async () => {
    const bridge = createFakeBridge({
      detect: async (request) => ({
        ...bundledResult(request.lang),
        hints: [{ code: 'possible-typo', message: 'Did you mean jo@gmx.de?', detail: 'jo@gmx.de' }],
      }),
    });
    const { user } = renderApp(bridge);
    await user.type(screen.getByTestId('address-input'), 'jo@gmx.dr');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('typo-hint');
    await user.click(screen.getByTestId('next'));
    await screen.findByTestId('step-settings');
    expect(bridge.requestsOf('detect').at(-1)).toEqual({ address: 'jo@gmx.dr', lang: 'en' });
  });

  it('has no serious accessibility problem, also with an error shown', async () => {
    const { user, container } = renderApp();
    await expectAccessible(container);
    await user.type(screen.getByTestId('address-input'), 'jo');
    await user.click(screen.getByTestId('next'));
    await expectAccessible(container);
  });
});
