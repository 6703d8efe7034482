import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkPacc,
  digestsOf,
  paccTxtName,
  paccUrl,
  parsePaccDocument,
} from '../../../core/discovery/pacc.js';
import { MailSetupError } from '../../../core/errors.js';
import type { Net } from '../../../core/net/index.js';
import { fakeNet } from '../../helpers/fake-net.js';

const BODY = JSON.stringify({
  protocols: { imap: { host: 'imap.example.org' }, smtp: { host: 'smtp.example.org', port: 465 } },
  authentication: { password: true, 'oauth-public': { issuer: 'https://auth.example.org' } },
  info: { provider: { name: 'Example Mail' } },
});
const digest = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('base64');
const record = (value: string) => `v=UAAC1; a=sha256; d=${value}`;

const check = (net: Net) => checkPacc('example.org', net, new AbortController().signal, 1000);
const noRecord = () => Object.assign(new Error('queryTxt ENOTFOUND'), { code: 'ENOTFOUND' });

describe('digestsOf', () => {
  it('reads every UAAC1 sha256 record, joins split strings, ignores unknown tags and other records', () => {
    const good = digest(BODY);
    const other = digest('other');
    const digests = digestsOf([
      [`v=UAAC1; a=sha256; x=ignored; d=${good.slice(0, 10)}`, good.slice(10)],
      [` v = UAAC1 ;A=SHA256; d=${other} `],
      [`v=spf1 -all`],
      [`v=UAAC2; a=sha256; d=${good}`],
      [`v=UAAC1; a=sha1; d=${good}`],
      [`v=UAAC1; a=sha256; d=not base64!`],
      [`v=UAAC1; a=sha256; d=${Buffer.from('short').toString('base64')}`],
    ]);
    expect(digests.map((value) => value.toString('base64'))).toEqual([good, other]);
  });
});

describe('parsePaccDocument', () => {
  it('takes imap, pop3 and smtp hosts, implicit-TLS ports by default, password over OAuth', () => {
    expect(parsePaccDocument(BODY)).toEqual({
      providerName: 'Example Mail',
      servers: [
        { protocol: 'imap', host: 'imap.example.org', port: 993 },
        { protocol: 'smtp', host: 'smtp.example.org', port: 465 },
      ],
      auth: 'password',
    });
    const oauthOnly = JSON.stringify({
      protocols: { pop3: { host: 'POP.example.org.' } },
      authentication: { 'oauth-public': { issuer: 'https://auth.example.org' } },
    });
    expect(parsePaccDocument(oauthOnly)).toMatchObject({
      servers: [{ protocol: 'pop3', host: 'pop.example.org', port: 995 }],
      auth: 'oauth2',
    });
  });

  it('refuses what cannot be used, saying what', () => {
    const refuses = (text: string, message: RegExp) => expect(() => parsePaccDocument(text)).toThrow(message);
    refuses('{', /not JSON/);
    refuses('[]', /no "protocols"/);
    refuses(
      JSON.stringify({
        protocols: { smtp: { host: 'smtp.example.org' } },
        authentication: { password: true },
      }),
      /no IMAP or POP3/,
    );
    refuses(
      JSON.stringify({ protocols: { imap: { host: 'bad host' } }, authentication: { password: true } }),
      /bad imap server/,
    );
    refuses(
      JSON.stringify({
        protocols: { imap: { host: 'imap.example.org', port: 0 } },
        authentication: { password: true },
      }),
      /bad imap server/,
    );
    refuses(
      JSON.stringify({ protocols: { imap: { host: 'imap.example.org' } }, authentication: {} }),
      /neither password nor OAuth/,
    );
  });
});

describe('checkPacc', () => {
  it('verifies the exact bytes against any of several records, fetching once without redirects', async () => {
    const { net, calls, txtNames } = fakeNet(BODY, {}, [
      [record(digest('old file'))],
      [record(digest(BODY))],
    ]);
    const result = await check(net);
    expect(txtNames).toEqual([paccTxtName('example.org')]);
    expect(result).toMatchObject({ state: 'verified', url: paccUrl('example.org') });
    expect(calls).toEqual([
      { url: paccUrl('example.org'), options: expect.objectContaining({ maxRedirects: 0 }) },
    ]);
  });

  it('refuses bytes that differ from the digest, even by one trailing newline', async () => {
    const bytes = Buffer.from(`${BODY}\n`);
    const { net } = fakeNet(BODY, { bytes }, [[record(digest(BODY))]]);
    expect(await check(net)).toMatchObject({ state: 'digest-mismatch', digest: digest(bytes) });
  });

  it('names a document without a TXT record, and a domain publishing neither', async () => {
    expect(await check(fakeNet(BODY, {}, noRecord()).net)).toMatchObject({
      state: 'digest-missing',
      digest: digest(BODY),
    });
    const absent = new MailSetupError('dns-not-found', 'getaddrinfo ENOTFOUND ua-auto-config.example.org');
    expect(await check(fakeNet(BODY, absent, noRecord()).net)).toMatchObject({ state: 'not-published' });
    expect(await check(fakeNet(BODY, { status: 404 }, noRecord()).net)).toMatchObject({
      state: 'not-published',
    });
  });

  it('calls a record whose document cannot be fetched or used broken, or throws the fetch error', async () => {
    const records = [[record(digest(BODY))]];
    expect(await check(fakeNet(BODY, { status: 500 }, records).net)).toMatchObject({ state: 'broken' });
    const bytes = Buffer.from('{"protocols":{}}');
    expect(await check(fakeNet(BODY, { bytes }, [[record(digest(bytes))]]).net)).toMatchObject({
      state: 'broken',
      error: expect.objectContaining({ code: 'protocol-error' }),
    });
    const refused = new MailSetupError('connection-refused', 'connect ECONNREFUSED', 'http');
    await expect(check(fakeNet(BODY, refused, records).net)).rejects.toThrow(/connection-refused/);
  });

  it('lets a failed TXT look-up (not a missing record) end the check', async () => {
    const servfail = Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' });
    await expect(check(fakeNet(BODY, {}, servfail).net)).rejects.toThrow(/ESERVFAIL/);
  });
});
