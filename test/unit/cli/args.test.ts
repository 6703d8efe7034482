// The one password-argument parser of the command line (cli/args.ts), as test, report, keychain and
// export use it: anything that looks like a password is refused with the command's message, and the
// refusal never carries the password.

import { describe, expect, it } from 'vitest';
import { parseFlagsRefusingPasswords } from '../../../cli/args.js';
import { parseReportArgs } from '../../../cli/report-command.js';
import { parseTestArgs } from '../../../cli/test-args.js';

const FLAGS = { json: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } } as const;
const refusal = { key: 'cmd.password-argument', maxPositionals: 1 };

function refused(argv: string[], options = refusal): unknown {
  try {
    parseFlagsRefusingPasswords(argv, FLAGS, options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseFlagsRefusingPasswords', () => {
  it.each([
    [['a@b.test', '--password', 'hunter2-secret']],
    [['a@b.test', '--password=hunter2-secret']],
    [['a@b.test', '--pass=hunter2-secret']],
    [['a@b.test', '--pw', 'hunter2-secret']],
    [['a@b.test', '-p', 'hunter2-secret']],
    [['a@b.test', '-P=hunter2-secret']],
    [['a@b.test', 'hunter2-secret']],
  ])('refuses %j with the command’s message, without the password', (argv) => {
    const error = refused(argv);
    expect(error).toMatchObject({ key: 'cmd.password-argument', params: {} });
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(String(error)).not.toContain('hunter2');
  });

  it('takes --password-stdin and the expected words', () => {
    expect(
      parseFlagsRefusingPasswords(['a@b.test', '--password-stdin', '--json'], FLAGS, refusal),
    ).toMatchObject({
      values: { 'password-stdin': true, json: true },
      positionals: ['a@b.test'],
    });
  });

  it('may name extra words differently (keychain: too many arguments)', () => {
    const options = { key: 'k.password-argument', maxPositionals: 2, extraKey: 'k.too-many' };
    expect(refused(['set', 'a@b.test', 'x'], options)).toMatchObject({ key: 'k.too-many' });
    expect(refused(['set', 'a@b.test', '--password=x'], options)).toMatchObject({
      key: 'k.password-argument',
    });
  });

  it('is what test and report use', () => {
    expect(() => parseTestArgs(['a@b.test', '-p', 'x'])).toThrow(
      expect.objectContaining({ key: 'cli.test.password-argument' }),
    );
    expect(() => parseReportArgs(['a@b.test', 'secret'])).toThrow(
      expect.objectContaining({ key: 'cli.report.password-argument' }),
    );
  });
});
