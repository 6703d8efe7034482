import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { normalizeAccount } from '../../../core/export/account.js';
import { exportAccount } from '../../../core/export/index.js';
import { escapeMarkup, Markup, markup } from '../../../core/export/markup.js';
import { JOERG, POP_ACCOUNT, server } from './accounts.js';

describe('export input', () => {
  it('refuses an invalid address with the address error code', async () => {
    const attempt = exportAccount({ account: { ...JOERG, address: 'a@b@c.example' }, format: 'thunderbird' });
    await expect(attempt).rejects.toBeInstanceOf(MailSetupError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-address' });
  });

  it('treats a server of the wrong kind or with a bad host or port as a bug', () => {
    const bad = [
      { ...JOERG, incoming: JOERG.outgoing },
      { ...JOERG, outgoing: JOERG.incoming },
      { ...JOERG, incoming: server('imap', 'imap host', 993, 'tls') },
      { ...JOERG, incoming: server('imap', 'imap.example.org', 0, 'tls') },
      { ...JOERG, outgoing: server('smtp', 'smtp.example.org', 70000, 'tls') },
      { ...JOERG, outgoing: { ...JOERG.outgoing, security: 'none' as 'tls' } },
    ];
    for (const account of bad) expect(() => normalizeAccount(account)).toThrow(TypeError);
  });

  it('makes PDFs of guides only', async () => {
    await expect(exportAccount({ account: JOERG, format: 'thunderbird', document: 'pdf' })).rejects.toThrow(
      TypeError,
    );
  });

  it('fills in defaults: leave mail on the server, a description, the address as user name', () => {
    const account = normalizeAccount({
      ...POP_ACCOUNT,
      description: undefined,
      incoming: { ...POP_ACCOUNT.incoming, username: '  ' },
    });
    expect(account.leaveMessagesOnServer).toBe(true);
    expect(account.description).toBe('anna@example.org');
    expect(account.incoming.username).toBe('anna@example.org');
    expect(normalizeAccount(JOERG).description).toBe('Müller Mail');
    expect(
      normalizeAccount({ ...JOERG, incoming: { ...JOERG.incoming, host: 'IMAP.Example.ORG' } }).incoming.host,
    ).toBe('imap.example.org');
  });

  it('keeps names readable: white space collapsed, control characters dropped, length capped', () => {
    expect(normalizeAccount({ ...JOERG, displayName: '  Jörg\n\tMüller\u0000 ' }).displayName).toBe(
      'Jörg Müller',
    );
    expect(Array.from(normalizeAccount({ ...JOERG, displayName: 'ä'.repeat(500) }).displayName)).toHaveLength(
      200,
    );
  });
});

describe('markup', () => {
  it('escapes interpolated text but not markup, and writes nothing for false, null and undefined', () => {
    const inner = markup`<b>${'<&>'}</b>`;
    expect(
      markup`<p title="${`"'`}">${inner}${false}${null}${undefined}${0}${['a', markup`<br>`]}</p>`.text,
    ).toBe('<p title="&quot;&apos;"><b>&lt;&amp;&gt;</b>0a<br></p>');
    expect(new Markup('<x>').toString()).toBe('<x>');
  });

  it('removes what no XML document may hold', () => {
    expect(escapeMarkup('a\u0000b\u0008c\ufffed\ud800e\u{1F600}')).toBe('abcde\u{1F600}');
  });
});
