// Finding the policy in force: the places per system, their order, and what happens to a file that
// exists but cannot be used (never skipped). Real files in a temporary folder stand in for /etc and
// the home folder.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonErrorPosition } from '../../../core/policy/json-position.js';
import { loadPolicy } from '../../../core/policy/load.js';
import {
  machinePolicyFile,
  type PolicyPlaces,
  policyCandidates,
  userPolicyFile,
} from '../../../core/policy/locate.js';

const preset = (host: string) => ({
  domains: ['corp.example'],
  incoming: [{ protocol: 'imap', host, port: 993, security: 'tls' }],
  outgoing: [{ protocol: 'smtp', host, port: 465, security: 'tls' }],
});

describe('the places per system', () => {
  it('Windows: %ProgramData% for the machine, %APPDATA% for the user', () => {
    const places: PolicyPlaces = {
      platform: 'win32',
      env: { ProgramData: 'D:\\ProgramData', APPDATA: 'C:\\Users\\jane\\AppData\\Roaming' },
      home: 'C:\\Users\\jane',
    };
    expect(machinePolicyFile(places)).toBe('D:\\ProgramData\\MailSetup\\policy.json');
    expect(userPolicyFile(places)).toBe('C:\\Users\\jane\\AppData\\Roaming\\MailSetup\\policy.json');
    expect(machinePolicyFile({ ...places, env: {} })).toBe('C:\\ProgramData\\MailSetup\\policy.json');
  });

  it('macOS: /Library and ~/Library, Application Support', () => {
    const places: PolicyPlaces = { platform: 'darwin', env: {}, home: '/Users/jane' };
    expect(machinePolicyFile(places)).toBe('/Library/Application Support/MailSetup/policy.json');
    expect(userPolicyFile(places)).toBe('/Users/jane/Library/Application Support/MailSetup/policy.json');
  });

  it('Linux: /etc/mailsetup and $XDG_CONFIG_HOME (or ~/.config), a relative XDG_CONFIG_HOME ignored', () => {
    const places: PolicyPlaces = {
      platform: 'linux',
      env: { XDG_CONFIG_HOME: '/home/jane/.cfg' },
      home: '/home/jane',
    };
    expect(machinePolicyFile(places)).toBe('/etc/mailsetup/policy.json');
    expect(userPolicyFile(places)).toBe('/home/jane/.cfg/mailsetup/policy.json');
    expect(userPolicyFile({ ...places, env: { XDG_CONFIG_HOME: 'cfg' } })).toBe(
      '/home/jane/.config/mailsetup/policy.json',
    );
  });

  it('the order: --policy, MAILSETUP_POLICY, machine, user', () => {
    const places: PolicyPlaces = {
      platform: 'linux',
      env: { MAILSETUP_POLICY: '/srv/p.json' },
      home: '/home/jane',
    };
    expect(policyCandidates(places, '/tmp/flag.json').map((candidate) => candidate.origin)).toEqual([
      'option',
      'environment',
      'machine',
      'user',
    ]);
  });
});

describe('loadPolicy', () => {
  let dir: string;
  let places: PolicyPlaces;
  let machine: string;
  let user: string;
  const write = (file: string, content: unknown) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-policy-'));
    places = { platform: 'linux', env: {}, home: path.join(dir, 'home'), root: path.join(dir, 'root') };
    machine = machinePolicyFile(places);
    user = userPolicyFile(places)!;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds nothing when no file exists: no policy, no error', async () => {
    expect(await loadPolicy({ places })).toEqual({});
  });

  it('takes the user file when it is the only one', async () => {
    write(user, { presets: [preset('user.corp.example')] });
    const state = await loadPolicy({ places });
    expect(state).toMatchObject({ origin: 'user', file: user });
    expect(state.policy?.presets[0]?.incoming[0]?.host).toBe('user.corp.example');
  });

  it('the machine file beats the user file, which is named as shadowed', async () => {
    write(user, { presets: [preset('user.corp.example')] });
    write(machine, { presets: [preset('machine.corp.example')], lockSettings: true });
    const state = await loadPolicy({ places });
    expect(state).toMatchObject({ origin: 'machine', file: machine, shadowed: [user] });
    expect(state.policy?.presets[0]?.incoming[0]?.host).toBe('machine.corp.example');
  });

  it('MAILSETUP_POLICY beats an unlocked machine file; --policy beats MAILSETUP_POLICY', async () => {
    const fromEnv = path.join(dir, 'env.json');
    const fromFlag = path.join(dir, 'flag.json');
    write(machine, { presets: [preset('machine.corp.example')] });
    write(fromEnv, { presets: [preset('env.corp.example')] });
    write(fromFlag, { presets: [preset('flag.corp.example')] });
    const withEnv = { ...places, env: { MAILSETUP_POLICY: fromEnv } };
    expect(await loadPolicy({ places: withEnv })).toMatchObject({ origin: 'environment', file: fromEnv });
    const both = await loadPolicy({ places: withEnv, file: fromFlag });
    expect(both).toMatchObject({ origin: 'option', file: fromFlag, shadowed: [fromEnv, machine] });
    expect(both.policy?.presets[0]?.incoming[0]?.host).toBe('flag.corp.example');
  });

  it('a locked machine file cannot be replaced by --policy or MAILSETUP_POLICY', async () => {
    const other = path.join(dir, 'mine.json');
    write(machine, { lockSettings: true });
    write(other, {});
    for (const state of [
      await loadPolicy({ places, file: other }),
      await loadPolicy({ places: { ...places, env: { MAILSETUP_POLICY: other } } }),
    ]) {
      expect(state.policy).toBeUndefined();
      expect(state.error?.issues).toEqual([
        {
          path: '',
          message: expect.stringContaining(`the per-machine policy ${machine} locks the settings`),
        },
      ]);
    }
  });

  it('an explicit file that does not exist is an error, not a fall-back to the next place', async () => {
    write(machine, {});
    const state = await loadPolicy({ places, file: path.join(dir, 'typo.json') });
    expect(state.error).toMatchObject({
      code: 'policy-invalid',
      file: path.join(dir, 'typo.json'),
      issues: [{ path: '', message: 'the file does not exist' }],
    });
  });

  it('an invalid machine file is never skipped for the user file', async () => {
    write(machine, {
      presets: [
        {
          ...preset('x.corp.example'),
          incoming: [{ protocol: 'imap', host: 'x.corp.example', port: 143, security: 'plain' }],
        },
      ],
    });
    write(user, {});
    const state = await loadPolicy({ places });
    expect(state.policy).toBeUndefined();
    expect(state).toMatchObject({ origin: 'machine', file: machine });
    expect(state.error?.issues).toEqual([
      { path: 'presets[0].incoming[0].security', message: expect.stringContaining('no unencrypted choice') },
    ]);
  });

  it('bad JSON: where (line and column) and why, in German too', async () => {
    write(user, '{\n  "presets": [],\n  "lockSettings": tru\n}\n');
    expect((await loadPolicy({ places })).error?.issues[0]?.message).toMatch(
      /^not valid JSON at line 3, column 19: /,
    );
    expect((await loadPolicy({ places, lang: 'de' })).error?.issues[0]?.message).toMatch(
      /^kein gültiges JSON in Zeile 3, Spalte 19: /,
    );
  });

  it('a folder where the file should be', async () => {
    mkdirSync(user, { recursive: true });
    expect((await loadPolicy({ places })).error?.issues).toEqual([
      { path: '', message: 'this is not a file' },
    ]);
  });

  it('reads a logo next to the policy into a data: URL, and names a missing one', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    write(user, { branding: { name: 'Corp', logo: 'logo.png' } });
    writeFileSync(path.join(path.dirname(user), 'logo.png'), png);
    const state = await loadPolicy({ places });
    expect(state.policy?.branding?.logo).toBe(`data:image/png;base64,${png.toString('base64')}`);
    write(user, { branding: { name: 'Corp', logo: 'missing.png' } });
    expect((await loadPolicy({ places })).error?.issues).toEqual([
      { path: 'branding.logo', message: expect.stringContaining('the logo file cannot be read') },
    ]);
  });
});

describe('jsonErrorPosition', () => {
  it.each([
    ['{"a": 1,}', { line: 1, column: 9 }],
    ['{\n  "a": [1, 2\n}', { line: 3, column: 1 }],
    ['{"a": "x\ny"}', { line: 1, column: 9 }],
    ['', { line: 1, column: 1 }],
    ['{"a": 01}', { line: 1, column: 8 }],
  ])('%j -> %j', (text, position) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition(text)).toEqual(position);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(jsonErrorPosition('{"a": [1, -2.5e3, true, null, "\\u00fc\\n"], "b": {}}')).toBeUndefined();
  });
});
