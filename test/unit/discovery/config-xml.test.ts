import { describe, expect, it } from 'vitest';
import { isHostName, parseConfigXml, parsePort } from '../../../core/discovery/config-xml.js';
import { decodeXmlText, parseSafeXml } from '../../../core/discovery/safe-xml.js';
import { fixture, testAddress } from '../../fixtures/xml/fake-context.js';

const jane = testAddress('jane.doe', 'gmail.com');
const joerg = testAddress('jörg', 'müller.example', 'xn--mller-kva.example');

/** A minimal valid file around one incoming server, with a fixed SMTP server. */
function withIncoming(server: string): string {
  return `<clientConfig version="1.1"><emailProvider id="test.example"><domain>test.example</domain>
    <incomingServer type="imap">${server}</incomingServer>
    <outgoingServer type="smtp"><hostname>smtp.test.example</hostname><port>465</port>
      <socketType>SSL</socketType><authentication>password-cleartext</authentication></outgoingServer>
  </emailProvider></clientConfig>`;
}

function imap(fields: { hostname?: string; port?: string; socketType?: string; username?: string }): string {
  const {
    hostname = 'imap.test.example',
    port = '993',
    socketType = 'SSL',
    username = '%EMAILADDRESS%',
  } = fields;
  return withIncoming(
    `<hostname>${hostname}</hostname><port>${port}</port><socketType>${socketType}</socketType>
     <username>${username}</username><authentication>password-cleartext</authentication>`,
  );
}

describe('parseConfigXml', () => {
  it('reads an ISPDB entry like gmail.com', () => {
    const config = parseConfigXml(fixture('gmail.com.xml'), jane);
    expect(config.provider).toEqual({ id: 'googlemail.com', name: 'Google Mail' });
    expect(config.domains).toEqual(['gmail.com', 'googlemail.com', 'google.com']);
    expect(config.incoming).toEqual([
      {
        protocol: 'imap',
        host: 'imap.gmail.com',
        port: 993,
        security: 'tls',
        username: 'jane.doe@gmail.com',
        auth: 'password',
      },
      {
        protocol: 'pop3',
        host: 'pop.gmail.com',
        port: 995,
        security: 'tls',
        username: 'jane.doe@gmail.com',
        auth: 'password',
      },
    ]);
    expect(config.outgoing).toEqual([
      {
        protocol: 'smtp',
        host: 'smtp.gmail.com',
        port: 465,
        security: 'tls',
        username: 'jane.doe@gmail.com',
        auth: 'password',
      },
    ]);
    expect(config.hints).toEqual([
      { code: 'oauth2-available' },
      // The http:// documentation link is dropped, its text kept.
      { code: 'provider-instruction', text: 'How to enable IMAP/POP3 in GMail' },
      {
        code: 'provider-instruction',
        text: 'How to configure email clients for IMAP',
        url: 'https://support.google.com/mail/answer/7126229',
      },
    ]);
  });

  it('prefers a password method over OAuth2 and keeps OAuth2 when it is the only one', () => {
    const config = parseConfigXml(fixture('oauth2-password.xml'), jane);
    expect(config.incoming[0]).toMatchObject({ host: 'imap.mail.example', auth: 'password' });
    expect(config.outgoing[0]).toMatchObject({
      host: 'smtp.mail.example',
      security: 'starttls',
      auth: 'oauth2',
    });
    expect(config.hints).toEqual([{ code: 'oauth2-available' }]);
  });

  it('drops plain-text, NTLM, GSSAPI, client-IP and exchange servers', () => {
    const config = parseConfigXml(fixture('plain-ntlm.xml'), jane);
    expect(config.incoming).toEqual([
      // socketType in lower case is forgiven; password-encrypted is a password.
      {
        protocol: 'pop3',
        host: 'pop.corp.example',
        port: 995,
        security: 'tls',
        username: 'jane.doe',
        auth: 'password',
      },
    ]);
    expect(config.outgoing).toEqual([
      {
        protocol: 'smtp',
        host: 'smtp.corp.example',
        port: 587,
        security: 'starttls',
        username: 'jane.doe',
        auth: 'password',
      },
    ]);
  });

  it('fills %EMAILLOCALPART% and %EMAILDOMAIN% and orders best first', () => {
    const config = parseConfigXml(fixture('localpart.xml'), testAddress('info', 'firma.example'));
    expect(config.provider).toEqual({ id: 'hosting.example', name: 'firma.example Mail' });
    expect(config.domains).toEqual(['hosting.example']);
    expect(
      config.incoming.map((server) => [server.protocol, server.host, server.port, server.username]),
    ).toEqual([
      ['imap', 'firma.example', 993, 'info'],
      ['imap', 'mail.firma.example', 143, 'info'],
      ['pop3', 'pop.firma.example', 995, 'info'],
    ]);
    expect(config.outgoing.map((server) => [server.port, server.security])).toEqual([
      [465, 'tls'],
      [587, 'starttls'],
    ]);
  });

  it('puts the xn-- form of an IDN domain into host names and the Unicode form into user names', () => {
    const config = parseConfigXml(fixture('localpart.xml'), joerg);
    expect(config.incoming[0]).toMatchObject({ host: 'xn--mller-kva.example', username: 'jörg' });
    expect(config.provider?.name).toBe('müller.example Mail');
    const full = parseConfigXml(imap({ hostname: '%EMAILDOMAIN%' }), joerg);
    expect(full.incoming[0]).toMatchObject({
      host: 'xn--mller-kva.example',
      username: 'jörg@müller.example',
    });
  });

  it("turns <enable> and <documentation> into hints in the person's language", () => {
    const address = testAddress('max', 'webmail.example');
    const german = parseConfigXml(fixture('enable-instruction.xml'), address, { lang: 'de' });
    expect(german.hints).toEqual([
      {
        code: 'provider-instruction',
        text: 'Sie müssen IMAP im Web-Mailer „einschalten“ & speichern.',
        url: 'https://hilfe.webmail.example/pop-imap/einschalten.html?a=1&b=2',
      },
      {
        code: 'provider-instruction',
        text: 'Allgemeine Beschreibung der IMAP-Einstellungen',
        url: 'https://hilfe.webmail.example/imap',
      },
      // javascript: link dropped; CDATA is literal (no entity decoding inside it).
      { code: 'provider-instruction', text: 'Text with <b>markup</b> &amp; no entity decoding' },
    ]);
    const english = parseConfigXml(fixture('enable-instruction.xml'), address);
    expect(english.hints[0]?.text).toBe('You need to enable IMAP in the web mailer & save.');
  });

  it('caps instruction text at 500 characters', () => {
    const long = 'x'.repeat(2000);
    const xml = imap({}).replace(
      '</emailProvider>',
      `<enable visiturl="https://help.test.example/"><instruction>${long}</instruction></enable></emailProvider>`,
    );
    const [hint] = parseConfigXml(xml, jane).hints;
    expect(Array.from(hint?.text ?? '')).toHaveLength(500);
  });

  it.each([
    ['port 99999', { port: '99999' }],
    ['port abc', { port: 'abc' }],
    ['port 0', { port: '0' }],
    ['host with space and slash', { hostname: 'evil host/..' }],
    ['host with @', { hostname: 'imap.test.example@evil.example' }],
    ['host with a Unicode label', { hostname: 'imap.müller.example' }],
    ['host that is a URL', { hostname: 'https://imap.test.example/' }],
    ['socketType plain', { socketType: 'plain' }],
    ['socketType Plain', { socketType: 'Plain' }],
    ['unknown socketType', { socketType: 'TLS1.0' }],
  ])('drops a server with %s', (_name, fields) => {
    expect(parseConfigXml(imap(fields), jane).incoming).toEqual([]);
  });

  it('drops a server whose host name becomes invalid once the local part is filled in', () => {
    const xml = imap({ hostname: '%EMAILLOCALPART%.test.example' });
    expect(parseConfigXml(xml, jane).incoming[0]?.host).toBe('jane.doe.test.example');
    expect(parseConfigXml(xml, joerg).incoming).toEqual([]);
  });

  it('accepts an IPv4 literal and forgives case and whitespace', () => {
    const config = parseConfigXml(imap({ hostname: ' 192.0.2.10 ', port: ' 993 ', socketType: 'ssl' }), jane);
    expect(config.incoming[0]).toMatchObject({ host: '192.0.2.10', port: 993, security: 'tls' });
    const upper = parseConfigXml(
      imap({ hostname: 'IMAP.Test.Example', socketType: 'starttls', port: '143' }),
      jane,
    );
    expect(upper.incoming[0]).toMatchObject({ host: 'imap.test.example', security: 'starttls' });
  });

  it('decodes the predefined entities, numeric references and CDATA in values', () => {
    const config = parseConfigXml(imap({ username: 'dom&#x5C;jane&amp;co<![CDATA[&lt;x]]>' }), jane);
    expect(config.incoming[0]?.username).toBe('dom\\jane&co&lt;x');
    const named = parseConfigXml(imap({ hostname: 'imap&#46;test&#x2E;example' }), jane);
    expect(named.incoming[0]?.host).toBe('imap.test.example');
  });

  it('ignores unknown elements and drops servers without a usable login method', () => {
    const config = parseConfigXml(
      withIncoming(`<hostname>imap.test.example</hostname><port>993</port><socketType>SSL</socketType>
        <futureElement a="b"><nested/></futureElement>
        <authentication>TLS-client-cert</authentication><authentication>none</authentication>`),
      jane,
    );
    expect(config.incoming).toEqual([]);
    expect(config.outgoing).toHaveLength(1);
  });

  it('refuses documents that are not a clientConfig', () => {
    expect(() => parseConfigXml('<Autodiscover/>', jane)).toThrow(/clientConfig/);
    expect(() => parseConfigXml('<clientConfig version="1.1"/>', jane)).toThrow(/emailProvider/);
  });
});

describe('hostile input (safe-xml)', () => {
  const refused = (xml: string, pattern: RegExp) => {
    expect(() => parseConfigXml(xml, jane)).toThrow(expect.objectContaining({ code: 'protocol-error' }));
    expect(() => parseConfigXml(xml, jane)).toThrow(pattern);
  };

  it('refuses a DOCTYPE with an external entity (XXE)', () => refused(fixture('xxe.xml'), /DOCTYPE/));
  it('refuses billion laughs, whatever the case', () => refused(fixture('billion-laughs.xml'), /DOCTYPE/));
  it('refuses a lone ENTITY declaration', () => refused('<a><!ENTITY x "y"></a>', /ENTITY/));

  it('refuses input over 1 MB before parsing, and accepts exactly 1 MB', () => {
    const head = '<clientConfig><emailProvider id="a.example"><displayName>';
    const tail = '</displayName></emailProvider></clientConfig>';
    const exactly = head + 'x'.repeat(1024 * 1024 - head.length - tail.length) + tail;
    expect(Buffer.byteLength(exactly)).toBe(1024 * 1024);
    expect(() => parseConfigXml(exactly, jane)).not.toThrow();
    refused(`${exactly} `, /larger than/);
  });

  it('refuses 10 000 nested elements', () => {
    refused(`<clientConfig>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</clientConfig>`, /nested/i);
  });

  it('refuses an HTML page, with or without a DOCTYPE', () => {
    refused(fixture('not-xml.txt'), /DOCTYPE/);
    refused(fixture('not-xml-no-doctype.txt'), /not well-formed/);
  });

  it('refuses an empty string and plain text', () => {
    refused('', /not well-formed/);
    refused('Not Found', /not well-formed/);
  });

  it('refuses prototype-polluting element names as a protocol error', () => {
    refused('<clientConfig><__proto__>x</__proto__></clientConfig>', /not well-formed/);
  });

  it('strips namespace prefixes and a byte-order mark', () => {
    const root = parseSafeXml('\uFEFF<?xml version="1.0"?>\n<x:a xmlns:x="urn:x"><x:b x:c="1">t</x:b></x:a>');
    expect(root.name).toBe('a');
    expect(root.children[0]?.name).toBe('b');
    expect(root.children[0]?.attributes.get('c')).toBe('1');
  });

  it('decodes only predefined entities and valid character references', () => {
    expect(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;')).toBe('<>&"\'A😀');
    expect(decodeXmlText('&nbsp;&#0;&#xD800;&#x110000;&amp;amp;')).toBe('&nbsp;&#0;&#xD800;&#x110000;&amp;');
  });
});

describe('host names and ports', () => {
  it.each([
    ['imap.example.com', true],
    ['xn--mller-kva.example', true],
    ['192.0.2.1', true],
    ['localhost', false],
    ['-bad.example', false],
    ['bad-.example', false],
    ['a..example', false],
    ['1.2.3', false],
    ['999.1.1.1', false],
    ['[::1]', false],
    [`${'a'.repeat(64)}.example`, false],
  ])('%s is a host name: %s', (host, expected) => {
    expect(isHostName(host)).toBe(expected);
  });

  it('parses ports 1–65535 only', () => {
    expect(parsePort('1')).toBe(1);
    expect(parsePort('65535')).toBe(65535);
    expect([
      parsePort('65536'),
      parsePort('-1'),
      parsePort('1e3'),
      parsePort(''),
      parsePort(undefined),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
