// The app's per-user data folder, where the non-secret index of saved passwords lives. Never a secret:
// a test searches this folder for the password's bytes.

import os from 'node:os';
import path from 'node:path';

/**
 * MAILSETUP_DATA_DIR when set (tests, portable installs); otherwise the platform's place for per-user
 * application data: %APPDATA%\MailSetup, ~/Library/Application Support/MailSetup,
 * $XDG_CONFIG_HOME/mailsetup (default ~/.config/mailsetup).
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.MAILSETUP_DATA_DIR) return path.resolve(env.MAILSETUP_DATA_DIR);
  if (platform === 'win32')
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'MailSetup');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'MailSetup');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(configHome, 'mailsetup');
}
