// Do two sources say the same thing (core/discovery/agreement.ts)?

import { describe, expect, it } from 'vitest';
import { agrees, describeBest } from '../../../core/discovery/agreement.js';
import type { FoundConfig } from '../../../core/discovery/types.js';
import type { ServerSettings } from '../../../core/model.js';

function server(spec: string): ServerSettings {
  const [protocol, rest = ''] = spec.split(' ') as [ServerSettings['protocol'], string];
  const [host = '', port = '0', security = 'tls'] = rest.split(/[:/]/);
  return {
    protocol,
    host,
    port: Number(port),
    security: security as ServerSettings['security'],
    username: 'u',
    auth: 'password',
  };
}

function config(incoming: string[], outgoing: string[]): FoundConfig {
  return {
    source: 'autoconfig',
    trusted: true,
    incoming: incoming.map(server),
    outgoing: outgoing.map(server),
    hints: [],
    origin: 'https://autoconfig.example.org/mail/config-v1.1.xml',
    publishers: ['example.org'],
  };
}

describe('agrees', () => {
  const chosen = config(
    ['imap imap.example.org:993/tls', 'pop3 pop.example.org:995/tls'],
    ['smtp smtp.example.org:465/tls'],
  );

  it('holds when the other offers our best incoming and best outgoing server, anywhere in its list', () => {
    const other = config(
      ['imap imap.example.org:143/starttls', 'imap imap.example.org:993/tls'],
      ['smtp smtp.example.org:587/starttls', 'smtp smtp.example.org:465/tls'],
    );
    expect(agrees(chosen, other)).toBe(true);
  });

  it('fails on another port, security or host for either side', () => {
    expect(
      agrees(chosen, config(['imap imap.example.org:143/starttls'], ['smtp smtp.example.org:465/tls'])),
    ).toBe(false);
    expect(
      agrees(chosen, config(['imap imap.example.org:993/tls'], ['smtp smtp.example.org:465/starttls'])),
    ).toBe(false);
    expect(agrees(chosen, config(['imap mail.example.org:993/tls'], ['smtp smtp.example.org:465/tls']))).toBe(
      false,
    );
  });

  it('fails when we have nothing to compare', () => {
    expect(agrees(config([], ['smtp smtp.example.org:465/tls']), chosen)).toBe(false);
  });
});

describe('describeBest', () => {
  it('names the best incoming and outgoing server', () => {
    expect(describeBest(config(['imap imap.example.org:993/tls'], ['smtp smtp.example.org:465/tls']))).toBe(
      'imap imap.example.org:993, smtp smtp.example.org:465',
    );
    expect(describeBest(config([], ['smtp smtp.example.org:465/tls']))).toBe('smtp smtp.example.org:465');
  });
});
