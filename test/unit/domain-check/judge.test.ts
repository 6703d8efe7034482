// The domain check's judgements on records as published, without DNS.

import { describe, expect, it } from 'vitest';
import { judgeDmarc } from '../../../core/domain-check/dmarc.js';
import { tagged, tags } from '../../../core/domain-check/dns.js';
import { mxCovered, parseStsPolicy } from '../../../core/domain-check/mta-sts.js';
import { isNullMx } from '../../../core/domain-check/mx.js';
import { judgeSpf } from '../../../core/domain-check/spf.js';
import { judgeTlsRpt } from '../../../core/domain-check/tls-rpt.js';

const keys = (findings: { verdict: string; key: string }[]) => findings.map((f) => `${f.verdict}:${f.key}`);

describe('SPF', () => {
  it.each([
    ['v=spf1 mx include:_spf.provider.example -all', ['ok:hard-fail']],
    ['v=spf1 include:_spf.provider.example ~all', ['ok:soft-fail']],
    ['v=spf1 a ?all', ['warning:neutral']],
    ['v=spf1 +all', ['warning:pass-all']],
    ['v=spf1 all', ['warning:pass-all']],
    ['v=spf1 mx', ['warning:no-all']],
    ['v=spf1 redirect=_spf.provider.example', ['ok:redirect']],
  ])('%s', (record, expected) => {
    expect(keys(judgeSpf([record]))).toEqual(expected);
  });

  it('missing, two records, too many look-ups', () => {
    expect(keys(judgeSpf([]))).toEqual(['missing:missing']);
    expect(keys(judgeSpf(['v=spf1 -all', 'v=spf1 mx -all']))).toEqual(['warning:multiple', 'ok:hard-fail']);
    const many = `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.example`).join(' ')} -all`;
    expect(judgeSpf([many])).toContainEqual({
      verdict: 'warning',
      key: 'too-many-lookups',
      params: { count: 11, limit: 10 },
    });
  });

  it('only TXT records that start with v=spf1, their strings joined (RFC 7208 3.3)', () => {
    const records = [['v=spf1 include:a.example ', '-all'], ['google-site-verification=x'], ['v=spf10 nope']];
    expect(tagged(records, /^v=spf1(?:\s|$)/i)).toEqual(['v=spf1 include:a.example -all']);
  });
});

describe('DMARC', () => {
  it.each([
    ['v=DMARC1; p=reject; rua=mailto:d@corp.example', ['ok:reject']],
    ['v=DMARC1; p=quarantine; rua=mailto:d@corp.example', ['ok:quarantine']],
    ['v=DMARC1; p=none; rua=mailto:d@corp.example', ['warning:none']],
    ['v=DMARC1; rua=mailto:d@corp.example', ['warning:no-policy']],
    ['v=DMARC1; p=reject; pct=20', ['ok:reject', 'warning:partial', 'ok:no-reports']],
  ])('%s', (record, expected) => {
    expect(keys(judgeDmarc([record], false))).toEqual(expected);
  });

  it('an inherited record applies its sp= first', () => {
    expect(keys(judgeDmarc(['v=DMARC1; p=reject; sp=none; rua=mailto:d@x.example'], true))).toEqual([
      'warning:none',
    ]);
  });

  it('reads tags', () => {
    expect(tags('v=DMARC1;p=reject; rua = mailto:a@b.example ;x')).toEqual({
      v: 'DMARC1',
      p: 'reject',
      rua: 'mailto:a@b.example',
    });
  });
});

describe('TLS-RPT', () => {
  it('needs one record with a mailto: or https: rua', () => {
    expect(keys(judgeTlsRpt(['v=TLSRPTv1; rua=mailto:tls@corp.example']))).toEqual(['ok:ok']);
    expect(keys(judgeTlsRpt(['v=TLSRPTv1; rua=https://reports.example/tls']))).toEqual(['ok:ok']);
    expect(keys(judgeTlsRpt(['v=TLSRPTv1;']))).toEqual(['warning:no-rua']);
    expect(keys(judgeTlsRpt(['v=TLSRPTv1; rua=tls@corp.example']))).toEqual(['warning:no-rua']);
    expect(keys(judgeTlsRpt([]))).toEqual(['missing:missing']);
  });
});

describe('MTA-STS', () => {
  it('reads a policy (CRLF or LF) and names what is missing', () => {
    expect(
      parseStsPolicy(
        'version: STSv1\r\nmode: enforce\r\nmx: mx1.corp.example\r\nmx: *.corp.example\r\nmax_age: 604800\r\n',
      ),
    ).toEqual({
      version: 'STSv1',
      mode: 'enforce',
      mx: ['mx1.corp.example', '*.corp.example'],
      maxAge: 604800,
      problems: [],
    });
    expect(parseStsPolicy('version: STSv1\nmode: enforcing\n').problems).toEqual([
      'mode: enforce | testing | none',
      'max_age: 0..31557600',
      'mx: ...',
    ]);
  });

  it('a wildcard covers exactly one more label', () => {
    expect(mxCovered('mx1.corp.example', ['*.corp.example'])).toBe(true);
    expect(mxCovered('a.b.corp.example', ['*.corp.example'])).toBe(false);
    expect(mxCovered('corp.example', ['*.corp.example'])).toBe(false);
    expect(mxCovered('MX1.corp.example.', ['mx1.corp.example'])).toBe(true);
  });
});

describe('MX', () => {
  it('a null MX is a single record whose exchange is the root', () => {
    expect(isNullMx([{ exchange: '', priority: 0 }])).toBe(true);
    expect(isNullMx([{ exchange: 'mx.corp.example', priority: 10 }])).toBe(false);
    expect(isNullMx([])).toBe(false);
  });
});
