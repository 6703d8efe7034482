import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../electron/navigation.js';

describe('navigation policy', () => {
  it.each([
    ['app://mailsetup/index.html', 'allow', 'deny'],
    ['https://support.google.com/accounts/answer/185833', 'open-externally', 'open-externally'],
    ['mailto:helpdesk@corp.example', 'open-externally', 'open-externally'],
    ['tel:+49 30 1234567', 'open-externally', 'open-externally'],
    ['tel:+49;phone-context=evil', 'deny', 'deny'],
    ['https://user:secret@evil.example/', 'deny', 'deny'],
    ['http://example.com/', 'deny', 'deny'],
    ['file:///etc/passwd', 'deny', 'deny'],
    ['javascript:alert(1)', 'deny', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny', 'deny'],
    ['smb://server/share', 'deny', 'deny'],
    ['ms-msdt:/id PCWDiagnostic', 'deny', 'deny'],
    ['app://evil.example/index.html', 'deny', 'deny'],
    ['about:blank', 'deny', 'deny'],
    ['not a url', 'deny', 'deny'],
  ])('%s: navigate %s, new window %s', (url, navigation, windowOpen) => {
    expect(decideNavigation(url)).toBe(navigation);
    expect(decideWindowOpen(url)).toBe(windowOpen);
  });

  it('refuses very long links', () => {
    const url = `https://example.com/${'a'.repeat(2100)}`;
    expect(decideNavigation(url)).toBe('deny');
    expect(decideWindowOpen(url)).toBe('deny');
  });
});
