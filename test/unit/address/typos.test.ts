import { describe, expect, it } from 'vitest';
import { COMMON_DOMAINS } from '../../../core/address/common-domains.js';
import { parseAddress } from '../../../core/address/parse.js';
import { suggestDomain, typoHints } from '../../../core/address/typos.js';

const suggestionFor = (domain: string) => suggestDomain(parseAddress(`anna@${domain}`));

describe('typo hints', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmal.com', 'gmail.com'],
    ['gmaill.com', 'gmail.com'],
    ['gmail.cm', 'gmail.com'],
    ['gmail.co', 'gmail.com'],
    ['gmail.om', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gmail.comm', 'gmail.com'],
    ['gmial.con', 'gmail.com'],
    ['GMIAL.COM', 'gmail.com'],
    ['gmäil.com', 'gmail.com'],
    ['gmx.dee', 'gmx.de'],
    ['gmx.d', 'gmx.de'],
    ['gmx.ne', 'gmx.net'],
    ['gmx.nte', 'gmx.net'],
    ['t-onlien.de', 't-online.de'],
    ['tonline.de', 't-online.de'],
    ['t-onlie.de', 't-online.de'],
    ['hotmial.com', 'hotmail.com'],
    ['hotmail.co', 'hotmail.com'],
    ['outlok.com', 'outlook.com'],
    ['outlook.cmo', 'outlook.com'],
    ['yaho.com', 'yahoo.com'],
    ['yahooo.de', 'yahoo.de'],
    ['web.d', 'web.de'],
    ['web.dee', 'web.de'],
    ['icloud.co', 'icloud.com'],
    ['iclod.com', 'icloud.com'],
    ['googlemail.con', 'googlemail.com'],
    ['googelmial.com', 'googlemail.com'],
    ['posteo.d', 'posteo.de'],
    ['freenet.d', 'freenet.de'],
    ['mailbox.ogr', 'mailbox.org'],
    ['protonmial.com', 'protonmail.com'],
    ['vodafnoe.de', 'vodafone.de'],
  ])('suggests %s -> %s', (typed, intended) => {
    expect(suggestionFor(typed)).toBe(intended);
  });

  it.each([
    ...COMMON_DOMAINS,
    'gmx.at',
    'gmx.ch',
    'gmx.net',
    'web.de',
    'live.de',
    'me.com',
    'mac.com',
    'aol.de',
    'hotmail.de',
    'yahoo.de',
    'outlook.de',
    'example.org',
    'example.com',
    'firma-mueller.de',
    'gmbh.de',
    'mail.de',
    'mail.com',
    'email.com',
    'ymail.com',
    'gmx.com',
    'gmx.eu',
    'gmx.es',
    'yahoo.es',
    'hotmail.es',
    'live.be',
    'live.fr',
    'outlook.at',
    'ms.com',
    'amc.com',
    'life.com',
    'weg.de',
    'online.de',
    'mail.gmial.com',
    'gmail.de',
    'müller.example',
  ])('does not flag %s', (domain) => {
    expect(suggestionFor(domain)).toBeUndefined();
  });

  it('gives one localized hint with the suggested address as detail', () => {
    const parsed = parseAddress('Jörg.Müller@gmial.com');
    expect(typoHints(parsed, 'en')).toEqual([
      {
        code: 'possible-typo',
        message: 'Did you mean Jörg.Müller@gmail.com?',
        detail: 'Jörg.Müller@gmail.com',
      },
    ]);
    expect(typoHints(parsed, 'de')[0]?.message).toBe('Meinten Sie Jörg.Müller@gmail.com?');
  });

  it('never changes the address', () => {
    const parsed = parseAddress('anna@gmx.dee');
    const before = { ...parsed };
    expect(typoHints(parsed, 'en')).toHaveLength(1);
    expect(parsed).toEqual(before);
  });

  it('gives no hint for a correct address', () => {
    expect(typoHints(parseAddress('anna@gmail.com'), 'de')).toEqual([]);
    expect(typoHints(parseAddress('anna@firma-mueller.de'), 'en')).toEqual([]);
  });
});
