// The app's per-user data folder (core/secrets/data-dir.ts), per platform.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir } from '../../../core/secrets/data-dir.js';

describe('appDataDir', () => {
  it('takes MAILSETUP_DATA_DIR first, made absolute', () => {
    expect(appDataDir({ MAILSETUP_DATA_DIR: 'rel/dir', APPDATA: 'C:\\x' }, 'win32', '/home/u')).toBe(
      path.resolve('rel/dir'),
    );
  });

  it("uses each platform's place for per-user application data", () => {
    expect(appDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\MailSetup',
    );
    expect(appDataDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\MailSetup');
    expect(appDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/MailSetup');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/mailsetup');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/mailsetup');
  });
});
