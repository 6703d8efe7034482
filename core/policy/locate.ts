// Where a policy file may be, in the order it is looked for: --policy, MAILSETUP_POLICY, the machine's
// file (written by an administrator), the user's file. The first that exists is the one in force, so
// the machine's file always beats the user's: what an administrator locks, the user cannot undo.

import os from 'node:os';
import path from 'node:path';
import type { PolicyOrigin } from './types.js';

export const POLICY_ENV = 'MAILSETUP_POLICY';

/** What decides the places: injectable, so that tests never touch /etc or %ProgramData%. */
export interface PolicyPlaces {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** A folder standing in for the file system's root on macOS and Linux (tests); default `/`. */
  root?: string;
}

export interface PolicyCandidate {
  origin: PolicyOrigin;
  file: string;
}

export function defaultPlaces(): PolicyPlaces {
  return { platform: process.platform, env: process.env, home: os.homedir() };
}

/** The per-machine file: %ProgramData%, /Library/Application Support, /etc. */
export function machinePolicyFile({ platform, env, root = '/' }: PolicyPlaces): string {
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'MailSetup', 'policy.json');
  }
  if (platform === 'darwin')
    return path.posix.join(root, 'Library/Application Support/MailSetup/policy.json');
  return path.posix.join(root, 'etc/mailsetup/policy.json');
}

/** The per-user file: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME (or ~/.config). */
export function userPolicyFile({ platform, env, home }: PolicyPlaces): string | undefined {
  if (platform === 'win32') {
    return env.APPDATA ? path.win32.join(env.APPDATA, 'MailSetup', 'policy.json') : undefined;
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'MailSetup', 'policy.json');
  }
  // XDG Base Directory: a relative XDG_CONFIG_HOME is invalid and is ignored.
  const config =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;
  return path.posix.join(config ?? path.posix.join(home, '.config'), 'mailsetup', 'policy.json');
}

/** Every place in the order of precedence; `option` is the --policy value. */
export function policyCandidates(places: PolicyPlaces, option?: string): PolicyCandidate[] {
  const candidates: PolicyCandidate[] = [];
  if (option !== undefined) candidates.push({ origin: 'option', file: path.resolve(option) });
  const fromEnv = places.env[POLICY_ENV];
  if (fromEnv) candidates.push({ origin: 'environment', file: path.resolve(fromEnv) });
  candidates.push({ origin: 'machine', file: machinePolicyFile(places) });
  const user = userPolicyFile(places);
  if (user) candidates.push({ origin: 'user', file: user });
  return candidates;
}
