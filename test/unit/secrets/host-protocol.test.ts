// The keychain helper's messages (core/secrets/host-protocol.ts): what is accepted across the pipe.

import { describe, expect, it } from 'vitest';
import { isHostRequest, isHostResponse } from '../../../core/secrets/host-protocol.js';

describe('isHostRequest', () => {
  it('accepts set (with its password), get and delete', () => {
    expect(isHostRequest({ id: 1, op: 'set', service: 's', account: 'a', password: 'p' })).toBe(true);
    expect(isHostRequest({ id: 2, op: 'get', service: 's', account: 'a' })).toBe(true);
    expect(isHostRequest({ id: 3, op: 'delete', service: 's', account: 'a' })).toBe(true);
  });

  it.each([
    ['a set without password', { id: 1, op: 'set', service: 's', account: 'a' }],
    ['an unknown operation', { id: 1, op: 'list', service: 's', account: 'a' }],
    ['a missing id', { op: 'get', service: 's', account: 'a' }],
    ['a numeric account', { id: 1, op: 'get', service: 's', account: 1 }],
    ['null', null],
    ['a string', 'get'],
  ])('refuses %s', (_what, message) => {
    expect(isHostRequest(message)).toBe(false);
  });
});

describe('isHostResponse', () => {
  it('accepts an answer with an id and an outcome, and nothing else', () => {
    expect(isHostResponse({ id: 1, ok: true, value: null })).toBe(true);
    expect(isHostResponse({ id: 1, ok: false, unavailable: true, message: 'locked' })).toBe(true);
    expect(isHostResponse({ id: 1 })).toBe(false);
    expect(isHostResponse({ ok: true })).toBe(false);
    expect(isHostResponse(null)).toBe(false);
  });
});
