import { describe, expect, it } from 'vitest';
import { portFitsSecurity } from '../../../core/discovery/ports.js';

describe('portFitsSecurity', () => {
  it('pairs the well-known ports with their security (RFC 8314, RFC 6409)', () => {
    for (const port of [993, 995, 465]) {
      expect(portFitsSecurity(port, 'tls'), String(port)).toBe(true);
      expect(portFitsSecurity(port, 'starttls'), String(port)).toBe(false);
    }
    for (const port of [143, 110, 587, 25]) {
      expect(portFitsSecurity(port, 'starttls'), String(port)).toBe(true);
      expect(portFitsSecurity(port, 'tls'), String(port)).toBe(false);
    }
  });

  it("leaves other ports to the provider's choice", () => {
    expect(portFitsSecurity(2525, 'starttls')).toBe(true);
    expect(portFitsSecurity(8993, 'tls')).toBe(true);
  });
});
