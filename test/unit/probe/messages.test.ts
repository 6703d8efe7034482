import { describe, expect, it } from 'vitest';
import { oauthMessages } from '../../../core/messages/oauth.js';
import { probeMessages } from '../../../core/messages/probe.js';
import { PROBE_REASONS } from '../../../core/probe/verdict.js';

/** The probe's reasons are worded in probe.ts, the token logins' in oauth.ts (issue 15). */
const REASON_TEXTS = {
  en: { ...probeMessages.en, ...oauthMessages.en },
  de: { ...probeMessages.de, ...oauthMessages.de },
};

describe('probe messages', () => {
  it('has the same keys in English and German, none empty', () => {
    expect(Object.keys(probeMessages.de).sort()).toEqual(Object.keys(probeMessages.en).sort());
    for (const lang of ['en', 'de'] as const) {
      for (const text of Object.values(probeMessages[lang])) expect(text.trim()).not.toBe('');
    }
  });

  it.each(PROBE_REASONS)('explains the reason %s and its fix in both languages', (reason) => {
    for (const key of [`probe.${reason}`, `probe.${reason}.fix`]) {
      expect(REASON_TEXTS.en[key]).toBeTruthy();
      expect(REASON_TEXTS.de[key]).toBeTruthy();
      expect(REASON_TEXTS.de[key]).not.toBe(REASON_TEXTS.en[key]);
    }
  });

  it('words no reason the probe cannot give', () => {
    const worded = Object.keys(REASON_TEXTS.en).flatMap(
      (key) => /^probe\.([^.]+)\.fix$/.exec(key)?.[1] ?? [],
    );
    expect(worded.filter((reason) => !(PROBE_REASONS as readonly string[]).includes(reason))).toEqual([]);
  });

  it('tells why the guard stopped: providers lock accounts after a few failures', () => {
    expect(probeMessages.en['probe.lockout-guard']).toMatch(/five failures lock it for an hour/);
    expect(probeMessages.de['probe.lockout-guard']).toMatch(/fünf Fehlversuchen für eine Stunde/);
  });
});
