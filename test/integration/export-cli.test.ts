// mailsetup export, as helpdesk staff and IT scripts run it (the built CLI; `npm run build` first).

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as plist from 'plist';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAddress } from '../../core/address/parse.js';
import { parseConfigXml } from '../../core/discovery/config-xml.js';
import { isPoxRedirect, parsePoxResponse } from '../../core/discovery/pox.js';
import { t } from '../../core/messages/index.js';
import { cliJson, expectExit, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOERG_SERVERS = [
  'jörg@müller.example',
  '--imap',
  'imap.xn--mller-kva.example:993/tls',
  '--smtp',
  'smtp.xn--mller-kva.example:587/starttls',
];

describe('mailsetup export (the built CLI)', () => {
  it('writes a detected configuration to stdout, with hints on stderr only', async () => {
    const run = await runCli(['export', 'max@gmx.de', '--offline', '--format', 'thunderbird']);
    expectExit(run, 0);
    const parsed = parseConfigXml(run.stdout, parseAddress('max@gmx.de'));
    expect(parsed.incoming[0]).toMatchObject({
      protocol: 'imap',
      host: 'imap.gmx.net',
      port: 993,
      security: 'tls',
    });
    expect(parsed.outgoing[0]).toMatchObject({ protocol: 'smtp', port: 465, security: 'tls' });
    expect(parsed.provider?.name).toBe('GMX');
    // The provider's hint, worded for after an export (no "here"), under its own heading.
    expect(run.stderr).toContain(
      `Before you use this file:\n- ${t('en', 'export.hint.enable-imap-first', { provider: 'GMX' })}`,
    );
    expect(run.stderr).not.toMatch(/\bhere\b/);
  });

  it('opens a detected provider’s guide with its hints, and lists them in --json', async () => {
    const out = path.join(dir, 'gmx-guide.html');
    const run = await runCli([
      'export',
      'max@gmx.de',
      '--offline',
      '--format',
      'guide-thunderbird',
      '--lang',
      'de',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const sentence = t('de', 'export.hint.enable-imap-first', { provider: 'GMX' });
    expect(JSON.parse(run.stdout).hints).toEqual([
      expect.objectContaining({ code: 'enable-imap-first', message: sentence }),
    ]);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('Bevor Sie beginnen');
    expect(page.indexOf('Bevor Sie beginnen')).toBeLessThan(page.indexOf('Ihre Einstellungen'));
    const pdf = path.join(dir, 'gmx-guide.pdf');
    const pdfRun = await runCli([
      'export',
      'max@gmx.de',
      '--offline',
      '--format',
      'guide-outlook',
      '--out',
      pdf,
    ]);
    expect(pdfRun.code, pdfRun.stderr).toBe(0);
    const { stdout: text } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    expect(text).toContain('Before you start');
    expect(text.replace(/\s+/g, ' ')).toContain('switch on POP3/IMAP access');
  });

  it('makes a PDF guide from server flags, with --json describing the file', async () => {
    const out = path.join(dir, 'guide.pdf');
    const run = await runCli([
      'export',
      ...JOERG_SERVERS,
      '--format',
      'guide-applemail',
      '--lang',
      'de',
      '--name',
      'Jörg Müller',
      '--out',
      out,
      '--json',
    ]);
    expectExit(run, 0);
    expect(run.stderr).toBe('');
    const summary = cliJson(run);
    expect(summary).toEqual({
      file: out,
      format: 'guide-applemail',
      mediaType: 'application/pdf',
      bytes: statSync(out).size,
      warnings: [],
      hints: [],
    });
    const { stdout: text } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', out, '-']);
    expect(text).toContain('smtp.xn--mller-kva.example');
    expect(text).toContain('Jörg Müller');
    expect(text).toContain('TLS/SSL verwenden');
  });

  it('writes an HTML guide and says so', async () => {
    const out = path.join(dir, 'guide.html');
    const run = await runCli(['export', ...JOERG_SERVERS, '--format', 'guide-outlook', '--out', out]);
    expectExit(run, 0);
    expect(run.stdout).toBe(`Written: ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('imap.xn--mller-kva.example');
  });

  it('writes autodiscover for POP3 with its own user name, and warns on stderr', async () => {
    const run = await runCli([
      'export',
      'anna@example.org',
      '--pop3',
      'pop.example.org:995/tls',
      '--smtp',
      'smtp.example.org:465/tls',
      '--username',
      'anna.b',
      '--format',
      'autodiscover',
    ]);
    expectExit(run, 0);
    const parsed = parsePoxResponse(run.stdout, parseAddress('anna@example.org'));
    if (!parsed || isPoxRedirect(parsed)) throw new Error('no settings');
    expect(parsed.incoming).toEqual([
      {
        protocol: 'pop3',
        host: 'pop.example.org',
        port: 995,
        security: 'tls',
        username: 'anna.b',
        auth: 'password',
      },
    ]);
    expect(run.stderr).toMatch(/^Warning: .*POP3/m);
  });

  it('puts the password from stdin into a profile readable by its owner only, and warns', async () => {
    const out = path.join(dir, 'jörg.mobileconfig');
    const run = await runCli(
      ['export', ...JOERG_SERVERS, '--format', 'mobileconfig', '--include-password-stdin', '--out', out],
      { stdin: 'Geheim <&> 1\n' },
    );
    expectExit(run, 0);
    expect(run.stdout).not.toContain('Geheim');
    expect(run.stderr).toMatch(/contains your password/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const profile = plist.parse(readFileSync(out, 'utf8')) as { PayloadContent: Record<string, unknown>[] };
    expect(profile.PayloadContent[0]).toMatchObject({
      IncomingPassword: 'Geheim <&> 1',
      OutgoingPassword: 'Geheim <&> 1',
      EmailAddress: 'jörg@müller.example',
    });
  });

  it('writes no password unless asked', async () => {
    const run = await runCli(['export', ...JOERG_SERVERS, '--format', 'mobileconfig'], { stdin: 'Geheim' });
    expectExit(run, 0);
    expect(run.stdout).toContain('<key>EmailAddress</key>');
    expect(run.stdout).not.toContain('Password</key>\n        <string>');
    expect(run.stdout).not.toContain('Geheim');
  });

  it('says nothing was found with exit 3', async () => {
    const run = await runCli(['export', 'jörg@müller.example', '--offline', '--format', 'thunderbird']);
    expectExit(run, 3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('xn--mller-kva.example');
  });

  it.each([
    ['an unknown format', ['export', 'a@example.org', '--format', 'prf']],
    ['no format', ['export', 'a@example.org', '--offline']],
    ['a PDF of a file format', ['export', ...JOERG_SERVERS, '--format', 'thunderbird', '--out', 'x.pdf']],
    ['an invalid address', ['export', 'a@b@example.org', '--format', 'thunderbird', '--offline']],
    [
      'no outgoing server',
      ['export', 'a@example.org', '--imap', 'imap.example.org:993/tls', '--format', 'thunderbird'],
    ],
    [
      'two incoming servers',
      [
        'export',
        'a@example.org',
        '--imap',
        'imap.example.org:993/tls',
        '--pop3',
        'pop.example.org:995/tls',
        '--smtp',
        'smtp.example.org:465/tls',
        '--format',
        'thunderbird',
      ],
    ],
    [
      'a plain-text server',
      ['export', 'a@example.org', '--imap', 'imap.example.org:143/plain', '--format', 'thunderbird'],
    ],
    ['--json without --out', ['export', ...JOERG_SERVERS, '--format', 'thunderbird', '--json']],
    [
      'a password for a non-profile',
      ['export', ...JOERG_SERVERS, '--format', 'thunderbird', '--include-password-stdin'],
    ],
    ['a password argument', ['export', ...JOERG_SERVERS, '--format', 'mobileconfig', '--password', 'x']],
    [
      'a folder that does not exist',
      ['export', ...JOERG_SERVERS, '--format', 'thunderbird', '--out', '/nonexistent/x.xml'],
    ],
  ])('refuses %s with exit 2', async (_, args) => {
    const run = await runCli(args, { stdin: 'pw' });
    expectExit(run, 2);
    if (args.includes('--json')) {
      // JSON runs get their error as JSON on stdout, as detect does.
      expect(cliJson(run)).toMatchObject({ error: { code: 'usage' } });
    } else {
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toBe('');
    }
  });

  it('speaks German with --lang de, and prints its usage with --help', async () => {
    const bad = await runCli(['export', 'a@example.org', '--format', 'prf', '--lang', 'de']);
    expect(bad.stderr).toContain('Unbekanntes Format „prf“');
    const help = await runCli(['export', '--help']);
    expectExit(help, 0);
    expect(help.stdout).toContain('mailsetup export <address> --format FORMAT');
    expect(help.stdout).toContain('guide-applemail');
  });
});
