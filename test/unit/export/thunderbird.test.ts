import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { parseConfigXml } from '../../../core/discovery/config-xml.js';
import { type ExportAccount, exportAccount } from '../../../core/export/index.js';
import { HOSTILE, JOERG, POP_ACCOUNT, server } from './accounts.js';

// Read back with the library, not with our own reader: what any other XML reader sees.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'authentication',
});

async function thunderbird(account: ExportAccount): Promise<string> {
  const result = await exportAccount({ account, format: 'thunderbird' });
  expect(result.filename).toBe('config-v1.1.xml');
  expect(result.warnings).toEqual([]);
  return result.content as string;
}

describe('Thunderbird config-v1.1.xml', () => {
  it('writes every element Thunderbird reads, with the domain in its xn-- form', async () => {
    const xml = await thunderbird(JOERG);
    expect(parser.parse(xml)).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      clientConfig: {
        '@version': '1.1',
        emailProvider: {
          '@id': 'xn--mller-kva.example',
          domain: 'xn--mller-kva.example',
          displayName: 'Müller Mail',
          displayShortName: 'Müller Mail',
          incomingServer: {
            '@type': 'imap',
            hostname: 'imap.xn--mller-kva.example',
            port: '993',
            socketType: 'SSL',
            username: '%EMAILADDRESS%',
            authentication: ['password-cleartext'],
          },
          outgoingServer: {
            '@type': 'smtp',
            hostname: 'smtp.xn--mller-kva.example',
            port: '587',
            socketType: 'STARTTLS',
            username: '%EMAILADDRESS%',
            authentication: ['password-cleartext'],
          },
        },
      },
    });
  });

  it('reads back through our own autoconfig parser to the same servers', async () => {
    const address = parseAddress(JOERG.address);
    const parsed = parseConfigXml(await thunderbird(JOERG), address);
    expect(parsed.incoming).toEqual([JOERG.incoming]);
    expect(parsed.outgoing).toEqual([JOERG.outgoing]);
    expect(parsed.domains).toEqual(['xn--mller-kva.example']);
    expect(parsed.provider).toEqual({ id: 'xn--mller-kva.example', name: 'Müller Mail' });
  });

  it('writes POP3 with leaveMessagesOnServer and a user name of its own, and reads back the same', async () => {
    const xml = await thunderbird(POP_ACCOUNT);
    const incoming = parser.parse(xml).clientConfig.emailProvider.incomingServer;
    expect(incoming).toEqual({
      '@type': 'pop3',
      hostname: 'pop.example.org',
      port: '110',
      socketType: 'STARTTLS',
      username: 'anna.b',
      authentication: ['password-cleartext'],
      pop3: { leaveMessagesOnServer: 'true' },
    });
    const parsed = parseConfigXml(xml, parseAddress(POP_ACCOUNT.address));
    // An app password is a password to Thunderbird: the file cannot say more.
    expect(parsed.incoming).toEqual([{ ...POP_ACCOUNT.incoming, auth: 'password' }]);
    expect(parsed.outgoing).toEqual([{ ...POP_ACCOUNT.outgoing, auth: 'password' }]);

    const removing = await thunderbird({ ...POP_ACCOUNT, leaveMessagesOnServer: false });
    expect(parser.parse(removing).clientConfig.emailProvider.incomingServer.pop3).toEqual({
      leaveMessagesOnServer: 'false',
    });
  });

  it('follows OAuth2 with password-cleartext, which our reader takes as a password login', async () => {
    const account = {
      ...JOERG,
      incoming: { ...JOERG.incoming, auth: 'oauth2' as const },
      outgoing: { ...JOERG.outgoing, auth: 'oauth2' as const },
    };
    const xml = await thunderbird(account);
    const provider = parser.parse(xml).clientConfig.emailProvider;
    expect(provider.incomingServer.authentication).toEqual(['OAuth2', 'password-cleartext']);
    expect(provider.outgoingServer.authentication).toEqual(['OAuth2', 'password-cleartext']);
    const parsed = parseConfigXml(xml, parseAddress(account.address));
    expect(parsed.incoming[0]?.auth).toBe('password');
    expect(parsed.hints).toContainEqual({ code: 'oauth2-available' });
  });

  it('uses %EMAILLOCALPART% for a user name that is the local part', async () => {
    const account = { ...JOERG, incoming: server('imap', 'imap.xn--mller-kva.example', 993, 'tls', 'jörg') };
    const xml = await thunderbird(account);
    expect(parser.parse(xml).clientConfig.emailProvider.incomingServer.username).toBe('%EMAILLOCALPART%');
    expect(parseConfigXml(xml, parseAddress(account.address)).incoming[0]?.username).toBe('jörg');
  });

  it('escapes names and user names, and they read back unchanged', async () => {
    const xml = await thunderbird(HOSTILE);
    expect(xml).not.toContain('<Co>');
    expect(xml).not.toContain('user<&>');
    const provider = parser.parse(xml).clientConfig.emailProvider;
    expect(provider.displayName).toBe(HOSTILE.provider?.name);
    expect(provider.outgoingServer.username).toBe(`user<&>"'`);
    const parsed = parseConfigXml(xml, parseAddress(HOSTILE.address));
    expect(parsed.incoming).toEqual([HOSTILE.incoming]);
    expect(parsed.outgoing).toEqual([HOSTILE.outgoing]);
  });

  it('never carries a password', async () => {
    const xml = await thunderbird({ ...JOERG, includePassword: 'Geheim-123' });
    expect(xml).not.toContain('Geheim-123');
  });
});
