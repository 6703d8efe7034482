// The renderer's pure helpers: address and host checks, source rows, the test checklist, downloads.

import { describe, expect, it } from 'vitest';
import { checkAddress } from '../../../renderer/logic/address-check.js';
import { liveChecklist, resultChecklist, tlsVersionLabel } from '../../../renderer/logic/checklist.js';
import { blobOf } from '../../../renderer/logic/download.js';
import { isHostName, parsePort } from '../../../renderer/logic/host-check.js';
import { rowsFromLookups, rowsFromProgress } from '../../../renderer/logic/source-progress.js';
import { IMAP, passed, SMTP, starttlsStripped } from './fixtures.js';

describe('address check', () => {
  it('finds what a person can fix while typing', () => {
    expect(checkAddress('')).toBe('empty');
    expect(checkAddress('jo.example.com')).toBe('missing-at');
    expect(checkAddress('jo@@example.com')).toBe('several-at');
    expect(checkAddress('@example.com')).toBe('missing-name');
    expect(checkAddress('jo@example')).toBe('domain-without-dot');
    expect(checkAddress('jo@example.')).toBe('domain-without-dot');
    expect(checkAddress(' jörg@müller.example ')).toBeUndefined();
  });
});

describe('host check', () => {
  it('accepts host names, also in Unicode, and refuses the rest', () => {
    expect(isHostName('imap.example.com')).toBe(true);
    expect(isHostName('mail.müller.de.')).toBe(true);
    expect(isHostName('imap')).toBe(false);
    expect(isHostName('imap example.com')).toBe(false);
    expect(isHostName('-imap.example.com')).toBe(false);
    expect(isHostName('imap..example.com')).toBe(false);
  });

  it('accepts ports 1 to 65535 only', () => {
    expect(parsePort('993')).toBe(993);
    expect(parsePort('0')).toBeUndefined();
    expect(parsePort('65536')).toBeUndefined();
    expect(parsePort('99a')).toBeUndefined();
    expect(parsePort('')).toBeUndefined();
  });
});

describe('source rows', () => {
  it('shows the best news per source, in the order sources started', () => {
    const rows = rowsFromProgress([
      { source: 'autoconfig', target: 'https://a/1', state: 'started' },
      { source: 'autoconfig', target: 'https://a/2', state: 'started' },
      { source: 'mx', target: 'example.com', state: 'started' },
      { source: 'autoconfig', target: 'https://a/1', state: 'not-found' },
      { source: 'mx', target: 'example.com', state: 'timeout' },
    ]);
    expect(rows.map((row) => [row.source, row.state])).toEqual([
      ['autoconfig', 'asking'],
      ['mx', 'failed'],
    ]);
    expect(
      rowsFromLookups([{ source: 'autoconfig', target: 'https://a/2', outcome: 'found', ms: 3 }])[0]?.state,
    ).toBe('found');
    // A redirect loop is a failed answer, not "nothing there".
    expect(
      rowsFromLookups([
        { source: 'autoconfig', target: 'https://a/1', outcome: 'too-many-redirects', ms: 2 },
      ])[0]?.state,
    ).toBe('failed');
  });
});

describe('test checklist', () => {
  it('follows the steps of a STARTTLS server: still connecting until STARTTLS', () => {
    const states = (steps: Parameters<typeof liveChecklist>[1]) =>
      liveChecklist('starttls', steps).map((item) => item.state);
    expect(states(['dns', 'connect', 'greeting', 'capabilities'])).toEqual([
      'active',
      'pending',
      'pending',
      'pending',
    ]);
    expect(states(['connect', 'greeting', 'capabilities', 'starttls'])).toEqual([
      'done',
      'active',
      'pending',
      'pending',
    ]);
    expect(states(['connect', 'starttls', 'capabilities'])).toEqual(['done', 'done', 'done', 'active']);
    expect(states(['auth', 'logout'])).toEqual(['done', 'done', 'done', 'done']);
  });

  it('marks where a failed test stopped', () => {
    expect(resultChecklist(passed(IMAP)).map((item) => item.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(resultChecklist(starttlsStripped(SMTP)).map((item) => item.state)).toEqual([
      'done',
      'failed',
      'skipped',
      'skipped',
    ]);
    const expired = { ...passed(IMAP), ok: false, auth: 'not-attempted' as const };
    expired.error = { code: 'certificate-expired', detail: 'CERT_HAS_EXPIRED', phase: 'tls' };
    expect(resultChecklist(expired).map((item) => item.state)).toEqual(['done', 'done', 'failed', 'skipped']);
    const refused = { ...passed(IMAP), ok: false, tls: undefined, auth: 'not-attempted' as const };
    refused.error = { code: 'connection-refused', detail: 'ECONNREFUSED', phase: 'connect' };
    expect(resultChecklist(refused).map((item) => item.state)).toEqual([
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(tlsVersionLabel('TLSv1.3')).toBe('TLS 1.3');
  });
});

describe('download', () => {
  it('makes a blob from text, bytes, or a JSON-encoded Buffer', () => {
    expect(blobOf('<xml/>', 'text/xml').size).toBe(6);
    expect(blobOf(new Uint8Array([1, 2, 3]), 'application/pdf').size).toBe(3);
    expect(blobOf({ type: 'Buffer', data: [1, 2, 3, 4] }, 'application/pdf').size).toBe(4);
    expect(blobOf(Buffer.from('abc'), 'text/plain').type).toBe('text/plain');
  });
});
