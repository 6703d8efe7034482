import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPaccPublication } from '../../../core/domain-check/pacc.js';
import { MailSetupError } from '../../../core/errors.js';
import { fakeNet } from '../../helpers/fake-net.js';

const BODY = JSON.stringify({
  protocols: { imap: { host: 'imap.example.org' }, smtp: { host: 'smtp.example.org' } },
  authentication: { password: true },
});
const record = (body: string) => `v=UAAC1; a=sha256; d=${createHash('sha256').update(body).digest('base64')}`;
const noRecord = () => Object.assign(new Error('queryTxt ENOTFOUND'), { code: 'ENOTFOUND' });
const run = (net: ReturnType<typeof fakeNet>['net']) =>
  checkPaccPublication('example.org', net, new AbortController().signal);

describe('checkPaccPublication', () => {
  it('ok with the servers a mail program will find, and the records it was judged by', async () => {
    const check = await run(fakeNet(BODY, {}, [[record(BODY)]]).net);
    expect(check).toMatchObject({
      check: 'pacc',
      findings: [
        {
          verdict: 'ok',
          key: 'ok',
          params: { servers: 'IMAP imap.example.org:993 SSL/TLS, SMTP smtp.example.org:465 SSL/TLS' },
        },
      ],
      records: [record(BODY)],
    });
  });

  it('a missing or stale record is a warning that carries the record to publish', async () => {
    const missing = await run(fakeNet(BODY, {}, noRecord()).net);
    expect(missing.findings).toEqual([
      { verdict: 'warning', key: 'digest-missing', params: expect.objectContaining({ txt: record(BODY) }) },
    ]);
    const stale = await run(fakeNet(BODY, {}, [[record(`${BODY} `)]]).net);
    expect(stale.findings).toEqual([
      { verdict: 'warning', key: 'digest-mismatch', params: expect.objectContaining({ txt: record(BODY) }) },
    ]);
  });

  it('missing when nothing is published; broken when a record has no HTTPS document; a DNS failure is a failed look-up', async () => {
    const absent = new MailSetupError('dns-not-found', 'ENOTFOUND ua-auto-config.example.org');
    expect((await run(fakeNet(BODY, absent, noRecord()).net)).findings).toEqual([
      { verdict: 'missing', key: 'missing' },
    ]);
    const refused = new MailSetupError('connection-refused', 'connect ECONNREFUSED', 'http');
    expect((await run(fakeNet(BODY, refused, [[record(BODY)]]).net)).findings).toMatchObject([
      { verdict: 'warning', key: 'broken', params: { reason: 'connection-refused' } },
    ]);
    const servfail = Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' });
    expect((await run(fakeNet(BODY, {}, servfail).net)).findings).toMatchObject([
      { verdict: 'warning', key: 'lookup-failed' },
    ]);
  });
});
