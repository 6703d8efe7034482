import { describe, expect, it } from 'vitest';
import { COMMANDS, commandHelp, generalHelp } from '../../../cli/help.js';
import { hasMessage, t } from '../../../core/messages/index.js';

describe('help for every command', () => {
  it('lists every command and the shared options in the general help, in both languages', () => {
    for (const lang of ['en', 'de'] as const) {
      const help = generalHelp(lang);
      for (const command of COMMANDS)
        expect(help, `${lang} ${command}`).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      for (const option of ['--json', '--lang', '--policy', '--dns', '--timeout', '--offline']) {
        expect(help, `${lang} ${option}`).toContain(option);
      }
    }
    expect(generalHelp('de')).not.toBe(generalHelp('en'));
  });

  it.each(COMMANDS)('gives %s its own usage and examples in both languages', async (command) => {
    expect(hasMessage(`cli.examples.${command}`)).toBe(true);
    const en = await commandHelp(command, 'en');
    const de = await commandHelp(command, 'de');
    for (const [help, examples] of [
      [en, 'Examples:'],
      [de, 'Beispiele:'],
    ] as const) {
      expect(help).toContain(`mailsetup ${command} `);
      expect(help).toContain(examples);
      // Every example runs this command, and none is left with a placeholder unfilled.
      const lines = help.slice(help.indexOf(examples)).split('\n').slice(1);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toContain(`mailsetup ${command} `);
      expect(help).not.toMatch(/\{\w+\}/);
    }
    expect(de).not.toBe(en);
  });

  it('fills what a usage names: the export formats and the keychain’s default label', async () => {
    expect(await commandHelp('export', 'en')).toContain('thunderbird, mobileconfig, autodiscover');
    expect(await commandHelp('keychain', 'de')).toMatch(/Bezeichnung „MailSetup \(.+\)“/);
    expect(t('en', 'cli.unknown-option', { option: '--x' })).toBe('Unknown option --x.');
  });
});
