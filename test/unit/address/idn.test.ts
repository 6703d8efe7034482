// Domain forms (core/address/idn.ts): ASCII for DNS, Unicode for people, nothing for non-domains.

import { describe, expect, it } from 'vitest';
import { toDomainForms } from '../../../core/address/idn.js';

describe('toDomainForms', () => {
  it.each([
    ['müller.example', 'xn--mller-kva.example', 'müller.example'],
    ['MÜLLER.Example', 'xn--mller-kva.example', 'müller.example'],
    ['xn--mller-kva.example', 'xn--mller-kva.example', 'müller.example'],
    // Full-width letters map to ASCII, as in a browser's address bar.
    ['ｅｘａｍｐｌｅ.org', 'example.org', 'example.org'],
  ])('gives %s as %s for DNS and %s for people', (input, ascii, unicode) => {
    expect(toDomainForms(input)).toEqual({ ascii, unicode });
  });

  it.each(['exa mple.org', 'a/b.example', '%41.example', 'a@b.example', 'exa\u3000mple.org'])(
    'refuses %s, which a URL parser would bend into some host',
    (input) => {
      expect(toDomainForms(input)).toBeUndefined();
    },
  );
});
