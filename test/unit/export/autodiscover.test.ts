import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { isPoxRedirect, parsePoxResponse } from '../../../core/discovery/pox.js';
import { type ExportAccount, exportAccount } from '../../../core/export/index.js';
import { HOSTILE, HOSTILE_NAME, JOERG, POP_ACCOUNT } from './accounts.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'Protocol',
});

async function autodiscover(account: ExportAccount, lang: 'de' | 'en' = 'en') {
  const result = await exportAccount({ account, format: 'autodiscover', lang });
  expect(result.filename).toBe('autodiscover.xml');
  return { result, xml: result.content as string };
}

function readBack(xml: string, address: string) {
  const parsed = parsePoxResponse(xml, parseAddress(address));
  if (!parsed || isPoxRedirect(parsed)) throw new Error('no settings in the POX answer');
  return parsed;
}

describe('Outlook autodiscover POX', () => {
  it('writes the schema, the account and every protocol element, SPA off and AuthRequired on', async () => {
    const { result, xml } = await autodiscover(JOERG);
    expect(result.warnings).toEqual([]);
    expect(parser.parse(xml)).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
      Autodiscover: {
        '@xmlns': 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006',
        Response: {
          '@xmlns': 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
          User: { DisplayName: 'Jörg Müller' },
          Account: {
            AccountType: 'email',
            Action: 'settings',
            Protocol: [
              {
                Type: 'IMAP',
                Server: 'imap.xn--mller-kva.example',
                Port: '993',
                DomainRequired: 'off',
                LoginName: 'jörg@müller.example',
                SPA: 'off',
                SSL: 'on',
                Encryption: 'SSL',
                AuthRequired: 'on',
              },
              {
                Type: 'SMTP',
                Server: 'smtp.xn--mller-kva.example',
                Port: '587',
                DomainRequired: 'off',
                LoginName: 'jörg@müller.example',
                SPA: 'off',
                SSL: 'on',
                Encryption: 'TLS',
                AuthRequired: 'on',
                UsePOPAuth: 'on',
              },
            ],
          },
        },
      },
    });
  });

  it('reads back through our own POX parser to the same servers', async () => {
    const { xml } = await autodiscover(JOERG);
    const parsed = readBack(xml, JOERG.address);
    expect(parsed.incoming).toEqual([JOERG.incoming]);
    expect(parsed.outgoing).toEqual([JOERG.outgoing]);
  });

  it('writes POP3 with STARTTLS and warns that leave-on-server is not in the file', async () => {
    const { result, xml } = await autodiscover(POP_ACCOUNT, 'de');
    const [pop3, smtp] = parser.parse(xml).Autodiscover.Response.Account.Protocol;
    expect(pop3).toMatchObject({
      Type: 'POP3',
      Port: '110',
      Encryption: 'TLS',
      LoginName: 'anna.b',
      SPA: 'off',
    });
    expect(smtp).toMatchObject({ Type: 'SMTP', Port: '465', Encryption: 'SSL', UsePOPAuth: 'on' });
    const parsed = readBack(xml, POP_ACCOUNT.address);
    expect(parsed.incoming).toEqual([{ ...POP_ACCOUNT.incoming, auth: 'password' }]);
    expect(parsed.outgoing).toEqual([{ ...POP_ACCOUNT.outgoing, auth: 'password' }]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['leave-on-server-not-in-file']);
  });

  it('leaves out <User> without a name', async () => {
    const { xml } = await autodiscover({ ...JOERG, displayName: '' });
    expect(xml).not.toContain('<User>');
  });

  it('escapes names and user names, which read back unchanged', async () => {
    const { xml } = await autodiscover(HOSTILE);
    expect(xml).not.toContain('<script>');
    const response = parser.parse(xml).Autodiscover.Response;
    expect(response.User.DisplayName).toBe(HOSTILE_NAME);
    expect(response.Account.Protocol[0].LoginName).toBe(HOSTILE.address);
    expect(response.Account.Protocol[1].LoginName).toBe(`user<&>"'`);
    expect(response.Account.Protocol[1].UsePOPAuth).toBe('off');
    const parsed = readBack(xml, HOSTILE.address);
    expect(parsed.incoming).toEqual([HOSTILE.incoming]);
    expect(parsed.outgoing).toEqual([HOSTILE.outgoing]);
  });

  it('never carries a password', async () => {
    const { xml } = await autodiscover({ ...JOERG, includePassword: 'Geheim-123' });
    expect(xml).not.toContain('Geheim-123');
  });
});
