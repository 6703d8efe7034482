import { describe, expect, it } from 'vitest';
import { bestFirst, compareCatalogServers } from '../../../core/discovery/order.js';
import type { Protocol, Security } from '../../../core/model.js';

const server = (protocol: Protocol, port: number, security: Security) => ({ protocol, port, security });
const names = (list: { protocol: string; port: number; security: string }[]) =>
  list.map((entry) => `${entry.protocol}:${entry.port}/${entry.security}`);

describe('bestFirst', () => {
  it('puts IMAP before POP3 and implicit TLS before STARTTLS, keeping the source order otherwise', () => {
    const sorted = bestFirst([
      server('pop3', 110, 'starttls'),
      server('imap', 143, 'starttls'),
      server('pop3', 995, 'tls'),
      server('imap', 993, 'tls'),
      server('imap', 1993, 'tls'),
    ]);
    expect(names(sorted)).toEqual([
      'imap:993/tls',
      'imap:1993/tls',
      'imap:143/starttls',
      'pop3:995/tls',
      'pop3:110/starttls',
    ]);
  });
});

describe('compareCatalogServers', () => {
  it('adds one rule for the catalogue: SMTP on port 25 after 465 and 587', () => {
    const sorted = [
      server('smtp', 25, 'starttls'),
      server('smtp', 587, 'starttls'),
      server('smtp', 465, 'tls'),
    ].sort(compareCatalogServers);
    expect(names(sorted)).toEqual(['smtp:465/tls', 'smtp:587/starttls', 'smtp:25/starttls']);
    expect(compareCatalogServers(server('smtp', 587, 'starttls'), server('smtp', 2525, 'starttls'))).toBe(0);
  });
});
