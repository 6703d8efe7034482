// A password that never prints (core/probe/secret.ts), and can be dropped.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HIDDEN, Secret } from '../../../core/probe/secret.js';

describe('Secret', () => {
  it('shows as **** in every way it could be printed by accident', () => {
    const secret = new Secret('correct horse');
    expect(`${secret}`).toBe(HIDDEN);
    expect(JSON.stringify({ password: secret })).toBe('{"password":"****"}');
    expect(inspect({ secret })).not.toContain('correct horse');
    expect(String(secret)).toBe('****');
  });

  it('reveals the password until it is forgotten', () => {
    const secret = new Secret('correct horse');
    expect(secret.reveal()).toBe('correct horse');
    secret.forget();
    expect(() => secret.reveal()).toThrow('the password was already forgotten');
  });
});
