// @vitest-environment jsdom
// German and English: the same keys, no empty string, the system's language, switching in the header,
// and the current language sent to core with every call.

import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { t as coreText } from '../../../core/messages/index.js';
import { App } from '../../../renderer/app.js';
import { de } from '../../../renderer/i18n/de.js';
import { en } from '../../../renderer/i18n/en.js';
import { createI18n, systemLanguage } from '../../../renderer/i18n/index.js';
import { createFakeBridge, expectAccessible, renderApp, toFinish, toSettingsResult } from './harness.js';

function flatten(messages: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      value !== null && typeof value === 'object'
        ? Object.entries(flatten(value, `${prefix}${key}.`))
        : [[`${prefix}${key}`, value]],
    ),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('translations', () => {
  it('has the same keys in German and English, each a non-empty string', () => {
    const english = flatten(en);
    const german = flatten(de);
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of [...Object.entries(english), ...Object.entries(german)]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const german = flatten(de);
    for (const [key, value] of Object.entries(flatten(en))) {
      expect(placeholders(german[key]), key).toEqual(placeholders(value));
    }
  });

  it('follows the system language: German for any German locale, else English', () => {
    expect(systemLanguage(['de-CH', 'en'])).toBe('de');
    expect(systemLanguage(['de'])).toBe('de');
    expect(systemLanguage(['fr-FR', 'de'])).toBe('en');
    expect(systemLanguage(['en-GB'])).toBe('en');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-AT', 'de']);
    render(<App i18n={createI18n()} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Welche E-Mail-Adresse');
    expect(document.documentElement.lang).toBe('de');
  });

  it('switches language in the header and asks core in that language', async () => {
    const bridge = createFakeBridge();
    const { user, container } = renderApp(bridge, 'en');
    const german = screen.getByRole('button', { name: 'Deutsch' });
    expect(german).toHaveAttribute('aria-pressed', 'false');
    await user.click(german);
    expect(german).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Welche E-Mail-Adresse möchten Sie einrichten?',
    );
    expect(screen.getByRole('navigation', { name: 'Schritte der Einrichtung' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await toSettingsResult(user);
    expect(bridge.requestsOf('detect').map((request) => request.lang)).toEqual(['de', 'de']);
    // Core's words arrive in German and are marked so.
    const hint = screen.getByTestId('result-hints');
    expect(hint).toHaveTextContent(
      coreText('de', 'hint.app-password-required', { provider: 'Example Mail' }),
    );
    expect(hint.querySelector('li')).toHaveAttribute('lang', 'de');
    await expectAccessible(container);
  });

  it('sends the language with every call, also where the request type has no lang (keychain)', async () => {
    const bridge = createFakeBridge({
      keychainSet: async () => {
        throw new MailSetupError('keychain-unavailable');
      },
    });
    const { user, container } = renderApp(bridge, 'de');
    await toFinish(user);
    const status = await screen.findByTestId('save-status');
    expect(status).toHaveTextContent('Nicht im Passwortspeicher gespeichert');
    expect(status).toHaveTextContent(coreText('de', 'error.keychain-unavailable'));
    for (const method of ['detect', 'test', 'keychainSet'] as const) {
      for (const request of bridge.requestsOf(method)) expect(request.lang, method).toBe('de');
    }
    await expectAccessible(container);
  });
});
