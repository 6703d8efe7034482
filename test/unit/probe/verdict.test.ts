import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { imapLoginMethod } from '../../../core/probe/imap-login.js';
import { pop3LoginMethod } from '../../../core/probe/pop3-login.js';
import { hiddenForms, imapQuoted, plainResponse, scrub } from '../../../core/probe/sasl.js';
import { Secret } from '../../../core/probe/secret.js';
import { smtpLoginMethod, smtpMechanisms } from '../../../core/probe/smtp-login.js';
import { judgeRefusal } from '../../../core/probe/verdict.js';

describe('judgeRefusal', () => {
  const judge = (protocol: 'imap' | 'pop3' | 'smtp', ...lines: string[]) => {
    const failure = judgeRefusal(protocol, lines, lines.join(' '));
    return [failure.code, failure.reason];
  };

  it('puts an app-password answer before a lock word in the same reply', () => {
    expect(judge('smtp', '534 5.7.9 Too many attempts; application-specific password required')).toEqual([
      'app-password-required',
      undefined,
    ]);
  });

  it('reads untagged IMAP alerts along with the tagged answer', () => {
    expect(judge('imap', '* NO [WEBALERT https://x] Web login required.', 'a2 NO [ALERT] (Failure)')).toEqual(
      ['app-password-required', undefined],
    );
    expect(judge('imap', '* BYE Too many invalid login attempts')).toEqual(['auth-locked', undefined]);
  });

  it('treats any SMTP 4xx as temporary, and 5xx without words as a failed login', () => {
    expect(judge('smtp', '454 4.3.0 Try later')).toEqual(['auth-locked', 'temporary']);
    expect(judge('smtp', '535 Authentication failed')).toEqual(['auth-failed', undefined]);
    expect(judge('smtp', '501 5.5.2 Cannot decode response')).toEqual(['auth-failed', undefined]);
  });

  it('does not read "lock" into other words', () => {
    expect(judge('pop3', '-ERR [AUTH] Authentication failed (blockchain separate generated)')).toEqual([
      'auth-failed',
      undefined,
    ]);
  });
});

describe('login method choice', () => {
  it('IMAP: AUTHENTICATE PLAIN where offered, else LOGIN unless LOGINDISABLED', () => {
    expect(imapLoginMethod(['IMAP4rev1', 'AUTH=PLAIN', 'AUTH=LOGIN'])).toBe('AUTHENTICATE PLAIN');
    expect(imapLoginMethod(['IMAP4rev1', 'auth=plain', 'LOGINDISABLED'])).toBe('AUTHENTICATE PLAIN');
    expect(imapLoginMethod(['IMAP4rev1'])).toBe('LOGIN');
    expect(() => imapLoginMethod(['IMAP4rev1', 'LOGINDISABLED'])).toThrow(/LOGINDISABLED/);
    expect(() => imapLoginMethod(['IMAP4rev1', 'AUTH=GSSAPI', 'LOGINDISABLED'])).toThrow(/only GSSAPI/);
  });

  it('POP3: AUTH PLAIN, else USER/PASS (also without CAPA), else AUTH LOGIN', () => {
    expect(pop3LoginMethod(['USER', 'SASL LOGIN PLAIN'])).toBe('AUTH PLAIN');
    expect(pop3LoginMethod(['USER', 'SASL LOGIN'])).toBe('USER/PASS');
    expect(pop3LoginMethod([])).toBe('USER/PASS');
    expect(pop3LoginMethod(['TOP', 'SASL LOGIN'])).toBe('AUTH LOGIN');
    expect(() => pop3LoginMethod(['TOP', 'SASL NTLM'])).toThrow(/only NTLM/);
  });

  it('SMTP: PLAIN, else LOGIN, from either AUTH form; never CRAM-MD5 or NTLM', () => {
    expect(smtpMechanisms(['PIPELINING', 'AUTH LOGIN PLAIN', 'AUTH=LOGIN'])).toEqual([
      'LOGIN',
      'PLAIN',
      'LOGIN',
    ]);
    expect(smtpLoginMethod(['AUTH LOGIN PLAIN'])).toBe('PLAIN');
    expect(smtpLoginMethod(['AUTH=LOGIN'])).toBe('LOGIN');
    expect(() => smtpLoginMethod(['AUTH CRAM-MD5 NTLM'])).toThrow(/only CRAM-MD5 NTLM/);
    expect(() => smtpLoginMethod(['PIPELINING'])).toThrow(/offers no login/);
  });
});

describe('encodings and redaction', () => {
  it('encodes SASL PLAIN as base64 of UTF-8 "\\0user\\0password"', () => {
    expect(Buffer.from(plainResponse('jörg', 'pä ss'), 'base64').toString('utf8')).toBe('\0jörg\0pä ss');
  });

  it('quotes IMAP strings with escapes, and leaves 8-bit and line breaks to literals', () => {
    expect(imapQuoted('a"b\\c d')).toBe('"a\\"b\\\\c d"');
    expect(imapQuoted('jörg')).toBeUndefined();
    expect(imapQuoted('a\r\nb')).toBeUndefined();
  });

  it('cuts every form of the password out of server text, but not short ones that match anything', () => {
    const forms = hiddenForms('alice', 'hunter22');
    const echoed = `bad hunter22 "hunter22" ${Buffer.from('hunter22').toString('base64')} ${plainResponse('alice', 'hunter22')}`;
    expect(scrub(echoed, forms)).toBe('bad **** **** **** ****');
    expect(hiddenForms('alice', 'OK').includes('OK')).toBe(false);
  });

  it('shows a Secret as **** in JSON, strings and inspection', () => {
    const secret = new Secret('hunter22');
    expect(JSON.stringify({ secret })).toBe('{"secret":"****"}');
    expect(`${secret}`).toBe('****');
    expect(inspect({ secret })).not.toContain('hunter22');
    expect(secret.reveal()).toBe('hunter22');
    secret.forget();
    expect(() => secret.reveal()).toThrow(/forgotten/);
  });
});
