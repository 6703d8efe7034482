// mailsetup --help, COMMAND --help and usage errors through the built CLI, as a person or a script meets
// them: in the language asked for, with the command's own usage. No network, no peers.

import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/help.js';
import { t } from '../../core/messages/index.js';
import { expectExit, runCli } from '../helpers/cli.js';

describe('mailsetup help', () => {
  it.each(['en', 'de'] as const)('lists every command with --help (%s)', async (lang) => {
    const run = await runCli(['--help', '--lang', lang]);
    expectExit(run, 0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(run.stdout).toContain('--policy');
  });

  it.each(COMMANDS.flatMap((command) => (['en', 'de'] as const).map((lang) => [command, lang] as const)))(
    '%s --help (%s) gives that command’s usage and examples',
    async (command, lang) => {
      const run = await runCli([command, '--help', '--lang', lang]);
      expectExit(run, 0);
      expect(run.stdout).toContain(`mailsetup ${command} `);
      expect(run.stdout).toContain(lang === 'en' ? 'Examples:' : 'Beispiele:');
      expect(run.stderr).toBe('');
    },
  );

  it.each(COMMANDS)(
    '%s: an unknown option is refused in the person’s language, with the command’s usage',
    async (command) => {
      const run = await runCli([command, '--bogus', '--lang', 'de']);
      expectExit(run, 2);
      expect(run.stderr).toContain(t('de', 'cli.unknown-option', { option: '--bogus' }));
      expect(run.stderr).toContain(`mailsetup ${command} `);
      expect(run.stderr).toContain('Beispiele:');
      expect(run.stderr).not.toMatch(/To specify a positional argument/);
    },
  );

  it('says which option lacks its value, and which takes none', async () => {
    for (const args of [['--dns'], ['--dns', '--lang', 'en']]) {
      const missing = await runCli(['detect', 'a@example.org', ...args]);
      expectExit(missing, 2);
      expect(missing.stderr).toContain(t('en', 'cli.option-needs-value', { option: '--dns' }));
    }
    const extra = await runCli(['detect', 'a@example.org', '--json=yes']);
    expectExit(extra, 2);
    expect(extra.stderr).toContain(t('en', 'cli.option-takes-no-value', { option: '--json' }));
  });

  it('says an offline run asked only the built-in list', async () => {
    const run = await runCli(['detect', 'a@nowhere.example', '--offline']);
    expectExit(run, 3);
    expect(run.stdout).toMatch(/Offline: only the built-in provider list was asked \(\d+ ms\)\./);
  });
});
