import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../core/model.js';
import { cliJson, expectExit, runCli } from '../helpers/cli.js';

describe('mailsetup detect --offline (the built CLI)', () => {
  it('finds a bundled provider and prints only JSON on stdout (exit 0)', async () => {
    const run = await runCli(['detect', 'info@variomedia.de', '--offline', '--json']);
    expectExit(run, 0);
    const result = cliJson(run) as DetectResult;
    expect(result).toMatchObject({ found: true, source: 'bundled', trusted: true, domain: 'variomedia.de' });
    expect(result.incoming[0]).toEqual({
      protocol: 'imap',
      host: 'imap.variomedia.de',
      port: 993,
      security: 'tls',
      username: 'info@variomedia.de',
      auth: 'password',
    });
    expect(result.outgoing[0]).toMatchObject({ host: 'smtp.variomedia.de', port: 465, security: 'tls' });
    // Offline means no network at all: every network source says so.
    expect(
      result.lookups.filter((lookup) => lookup.outcome === 'skipped').map((lookup) => lookup.source),
    ).toEqual(['pacc', 'autoconfig', 'ispdb', 'mx', 'srv', 'autodiscover', 'guess']);
  });

  it('keeps the Unicode form of an IDN address and looks up its xn-- form', async () => {
    const run = await runCli(['detect', ' Jörg@Müller.example ', '--offline', '--json']);
    expectExit(run, 3);
    const result = cliJson(run) as DetectResult;
    expect(result.address).toBe('Jörg@müller.example');
    expect(result.domain).toBe('xn--mller-kva.example');
    expect(result.domainUnicode).toBe('müller.example');
    expect(result.found).toBe(false);
    const text = await runCli(['detect', 'jörg@müller.example', '--offline', '--lang', 'de']);
    expect(text.stdout).toContain('Mail-Domain: müller.example (xn--mller-kva.example)');
    expect(text.stdout).toContain('müller.example (xn--mller-kva.example) wurden keine Einstellungen');
  });

  it('warns of a domain that mixes alphabets, with both of its forms', async () => {
    // A Cyrillic "а" (U+0430) in an otherwise Latin name.
    const run = await runCli(['detect', 'max@p\u0430ypal.example', '--offline', '--json']);
    const result = JSON.parse(run.stdout) as DetectResult;
    const warning = result.warnings.find((notice) => notice.code === 'possible-lookalike');
    expect(warning?.message).toContain('p\u0430ypal.example');
    expect(warning?.message).toContain(result.domain);
    expect(result.domain).toMatch(/^xn--/);
  });

  it('says nothing was found with exit 3, and suggests a typo fix without changing the address', async () => {
    const run = await runCli(['detect', 'max@gmx.dee', '--offline', '--json']);
    expectExit(run, 3);
    const result = cliJson(run) as DetectResult;
    expect(result.address).toBe('max@gmx.dee');
    expect(result.hints).toContainEqual(
      expect.objectContaining({ code: 'possible-typo', detail: 'max@gmx.de' }),
    );
  });

  it('rejects an invalid address with exit 2 and a plain sentence, in German too', async () => {
    const en = await runCli(['detect', 'a@b@c.de', '--offline']);
    expectExit(en, 2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/@/);
    const de = await runCli(['detect', 'a@b@c.de', '--offline', '--lang', 'de', '--json']);
    expectExit(de, 2);
    expect(cliJson(de)).toMatchObject({ error: { code: 'invalid-address' } });
    expect(de.stdout).toMatch(/Adresse/);
  });

  it('treats an unknown flag or a missing address as a usage error (exit 2)', async () => {
    expectExit(await runCli(['detect', 'a@example.org', '--bogus']), 2);
    expectExit(await runCli(['detect']), 2);
    expectExit(await runCli(['detect', 'a@example.org', '--timeout', 'soon']), 2);
    expectExit(await runCli(['frobnicate']), 2);
  });

  it('writes a readable summary in the chosen language', async () => {
    const run = await runCli(['detect', 'max@gmx.de', '--offline', '--lang', 'de']);
    expectExit(run, 0);
    expect(run.stdout).toContain('Einstellungen für max@gmx.de');
    expect(run.stdout).toContain('imap.gmx.net:993');
    expect(run.stdout).toContain('SSL/TLS');
  });
});
