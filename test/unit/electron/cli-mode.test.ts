import { describe, expect, it } from 'vitest';
import { CLI_FLAG, cliArguments, userArguments } from '../../../electron/cli-mode.js';

const EXE = 'C:\\Program Files\\MailSetup Assistant\\MailSetup Assistant.exe';

describe('cliArguments', () => {
  it('takes everything after --cli from the packaged binary, unchanged', () => {
    const argv = [EXE, '--cli', 'detect', 'jörg müller@example.org', '--json', '"quoted"', ''];
    expect(cliArguments({ argv, packaged: true, defaultApp: false })).toEqual([
      'detect',
      'jörg müller@example.org',
      '--json',
      '"quoted"',
      '',
    ]);
  });

  it('skips the app path in development (`electron .`)', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '.', '--cli', 'detect', 'a@gmx.de'];
    expect(cliArguments({ argv, packaged: false, defaultApp: true })).toEqual(['detect', 'a@gmx.de']);
    // The same argv read as a packaged one has no --cli first: the app path is the first argument.
    expect(cliArguments({ argv, packaged: true, defaultApp: false })).toBeUndefined();
  });

  it('gives an empty command line for --cli alone (the CLI then prints its usage)', () => {
    expect(cliArguments({ argv: [EXE, CLI_FLAG], packaged: true, defaultApp: false })).toEqual([]);
  });

  it('is undefined when --cli is not the first user argument: the window opens', () => {
    for (const argv of [
      [EXE],
      [EXE, 'detect', '--cli'],
      [EXE, '--cli=1'],
      [EXE, '--CLI'],
      [EXE, '--', '--cli'],
    ]) {
      expect(cliArguments({ argv, packaged: true, defaultApp: false })).toBeUndefined();
    }
  });

  it('an unpackaged binary started without an app path (a local unpacked build) reads like a packaged one', () => {
    expect(
      userArguments({
        argv: ['/out/linux-unpacked/mailsetup-assistant', '--cli'],
        packaged: false,
        defaultApp: false,
      }),
    ).toEqual(['--cli']);
  });
});
