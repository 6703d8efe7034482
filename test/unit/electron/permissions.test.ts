import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../electron/permissions.js';

describe('isPermissionAllowed', () => {
  it('lets the app page write text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://mailsetup/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://mailsetup')).toBe(true);
  });

  it.each([
    ['clipboard-sanitized-write', 'https://evil.example/'],
    ['clipboard-sanitized-write', undefined],
    ['clipboard-read', 'app://mailsetup/index.html'],
    ['media', 'app://mailsetup/index.html'],
    ['notifications', 'app://mailsetup/index.html'],
    ['geolocation', 'app://mailsetup/index.html'],
    ['openExternal', 'app://mailsetup/index.html'],
    ['hid', 'app://mailsetup/index.html'],
    ['fullscreen', 'app://mailsetup/index.html'],
  ])('refuses %s to %s', (permission, url) => {
    expect(isPermissionAllowed(permission, url)).toBe(false);
  });
});
