import { describe, expect, it } from 'vitest';
import { buildPoxRequest, isPoxRedirect, parsePoxResponse } from '../../../core/discovery/pox.js';
import { parseSafeXml } from '../../../core/discovery/safe-xml.js';
import { fixture, testAddress } from '../../fixtures/xml/fake-context.js';

const jane = testAddress('jane', 'corp.example');

function account(protocols: string): string {
  return `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
    <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
      <Account><AccountType>email</AccountType><Action>settings</Action>${protocols}</Account>
    </Response></Autodiscover>`;
}

function imap(fields: string): string {
  return `<Protocol><Type>IMAP</Type><Server>imap.corp.example</Server>${fields}</Protocol>`;
}

describe('buildPoxRequest', () => {
  it('writes the standard Outlook request', () => {
    const root = parseSafeXml(buildPoxRequest('jane@corp.example'));
    expect(root.name).toBe('Autodiscover');
    const request = root.children[0];
    expect(request?.name).toBe('Request');
    expect(request?.children.map((child) => [child.name, child.text])).toEqual([
      ['EMailAddress', 'jane@corp.example'],
      [
        'AcceptableResponseSchema',
        'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
      ],
    ]);
    expect(buildPoxRequest('a@b.example')).toContain(
      'xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"',
    );
  });

  it('escapes the address', () => {
    const xml = buildPoxRequest('"a<b>&c\'"@corp.example');
    expect(xml).not.toContain('<b>');
    expect(parseSafeXml(xml).children[0]?.children[0]?.text).toBe('"a<b>&c\'"@corp.example');
  });
});

describe('parsePoxResponse', () => {
  it('reads IMAP and SMTP, skips EXCH, orders best first', () => {
    const config = parsePoxResponse(fixture('pox-imap-smtp.xml'), jane);
    expect(config).toEqual({
      domains: [],
      hints: [],
      incoming: [
        {
          protocol: 'imap',
          host: 'imap.corp.example',
          port: 993,
          security: 'tls',
          username: 'jane.doe',
          auth: 'password',
        },
      ],
      outgoing: [
        // Encryption Auto on 465 is implicit TLS.
        {
          protocol: 'smtp',
          host: 'smtp.corp.example',
          port: 465,
          security: 'tls',
          username: 'jane.doe',
          auth: 'password',
        },
        // No LoginName but UsePOPAuth on: the incoming login.
        {
          protocol: 'smtp',
          host: 'smtp.corp.example',
          port: 587,
          security: 'starttls',
          username: 'jane.doe',
          auth: 'password',
        },
      ],
    });
  });

  it('reads POP3 with Encryption TLS as STARTTLS and drops Encryption None, SSL off and AuthRequired off', () => {
    const config = parsePoxResponse(fixture('pox-pop3-tls.xml'), jane);
    expect(config).toEqual({
      domains: [],
      hints: [],
      incoming: [
        // No LoginName: the full address.
        {
          protocol: 'pop3',
          host: 'pop.corp.example',
          port: 110,
          security: 'starttls',
          username: 'jane@corp.example',
          auth: 'password',
        },
      ],
      outgoing: [
        // SSL on, port 587: STARTTLS.
        {
          protocol: 'smtp',
          host: 'smtp.corp.example',
          port: 587,
          security: 'starttls',
          username: 'jane@corp.example',
          auth: 'password',
        },
      ],
    });
  });

  it('drops servers that demand SPA (NTLM)', () => {
    expect(parsePoxResponse(fixture('pox-spa-on.xml'), jane)).toMatchObject({ incoming: [], outgoing: [] });
  });

  it('returns a redirectAddr for the caller to follow', () => {
    const result = parsePoxResponse(fixture('pox-redirect-addr.xml'), jane);
    expect(result).toEqual({ redirectAddr: 'jane@hosted.example' });
    expect(result && isPoxRedirect(result)).toBe(true);
  });

  it('returns a redirectUrl only when it is https', () => {
    const redirect = (url: string) =>
      parsePoxResponse(
        `<Autodiscover><Response><Account><AccountType>email</AccountType><Action>redirectUrl</Action>
          <RedirectUrl>${url}</RedirectUrl></Account></Response></Autodiscover>`,
        jane,
      );
    expect(redirect('https://autodiscover.hosted.example/autodiscover/autodiscover.xml')).toEqual({
      redirectUrl: 'https://autodiscover.hosted.example/autodiscover/autodiscover.xml',
    });
    expect(redirect('http://autodiscover.hosted.example/autodiscover/autodiscover.xml')).toBeNull();
  });

  it('returns null for an Error response or a non-email account', () => {
    expect(parsePoxResponse(fixture('pox-error.xml'), jane)).toBeNull();
    expect(
      parsePoxResponse(
        '<Autodiscover><Response><Account><AccountType>mobile</AccountType></Account></Response></Autodiscover>',
        jane,
      ),
    ).toBeNull();
  });

  it.each([
    ['SSL on by default, port 993', '<Port>993</Port>', 'tls'],
    ['SSL on by default, port 143', '<Port>143</Port>', 'starttls'],
    ['Encryption SSL', '<Port>993</Port><Encryption>SSL</Encryption>', 'tls'],
    [
      'Encryption overrides SSL off',
      '<Port>143</Port><SSL>off</SSL><Encryption>TLS</Encryption>',
      'starttls',
    ],
    ['Encryption Auto on 143', '<Port>143</Port><Encryption>Auto</Encryption>', 'starttls'],
    ['SPA off', '<Port>993</Port><SPA>off</SPA>', 'tls'],
  ])('%s', (_name, fields, security) => {
    const config = parsePoxResponse(account(imap(fields)), jane);
    expect(config && !isPoxRedirect(config) && config.incoming[0]?.security).toBe(security);
  });

  it.each([
    ['Encryption None', '<Port>993</Port><Encryption>None</Encryption>'],
    ['SSL off', '<Port>143</Port><SSL>off</SSL>'],
    ['SPA on', '<Port>993</Port><SPA>on</SPA>'],
    ['no port', ''],
    ['port 99999', '<Port>99999</Port>'],
    ['port abc', '<Port>abc</Port>'],
  ])('drops %s', (_name, fields) => {
    expect(parsePoxResponse(account(imap(fields)), jane)).toMatchObject({ incoming: [] });
  });

  it('drops a bad server name', () => {
    const bad = '<Protocol><Type>IMAP</Type><Server>evil host/..</Server><Port>993</Port></Protocol>';
    expect(parsePoxResponse(account(bad), jane)).toMatchObject({ incoming: [] });
  });

  it('refuses hostile or non-autodiscover documents', () => {
    expect(() => parsePoxResponse(fixture('xxe.xml'), jane)).toThrow(/DOCTYPE/);
    expect(() => parsePoxResponse(fixture('not-xml.txt'), jane)).toThrow(
      expect.objectContaining({ code: 'protocol-error' }),
    );
    expect(() => parsePoxResponse(fixture('gmail.com.xml'), jane)).toThrow(/Autodiscover/);
    expect(() => parsePoxResponse('', jane)).toThrow(expect.objectContaining({ code: 'protocol-error' }));
  });
});
