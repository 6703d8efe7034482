// The OAuth2 element of provider data: the issuer (a bare host in the ISPDB, or an https URL) and
// the scopes, read defensively; anything else is no issuer.

import { describe, expect, it } from 'vitest';
import { parseConfigXml } from '../../../core/discovery/config-xml.js';
import { issuerIdentifier, readOAuth2Element } from '../../../core/discovery/oauth2-element.js';
import { parseSafeXml } from '../../../core/discovery/safe-xml.js';
import { fixture, testAddress } from '../../fixtures/xml/fake-context.js';

const element = (inner: string) => readOAuth2Element(parseSafeXml(`<clientConfig>${inner}</clientConfig>`));

describe('readOAuth2Element', () => {
  it('reads the ISPDB entry: the issuer host as an https identifier, its scopes', () => {
    const config = parseConfigXml(fixture('gmail.com.xml'), testAddress('jane.doe', 'gmail.com'));
    expect(config.oauth2).toEqual({
      issuer: 'https://accounts.google.com',
      scopes: [
        'https://mail.google.com/',
        'https://www.googleapis.com/auth/carddav',
        'https://www.googleapis.com/auth/calendar',
      ],
    });
  });

  it('takes an issuer URL with a path (a tenant), and the first usable element', () => {
    expect(
      element(`<oAuth2><issuer>ftp://x</issuer></oAuth2>
        <oAuth2><issuer>https://login.example.test/tenant/v2.0/</issuer><scope>imap smtp imap</scope></oAuth2>`),
    ).toEqual({ issuer: 'https://login.example.test/tenant/v2.0', scopes: ['imap', 'smtp'] });
  });

  it('drops scopes with quotes or control characters, and caps their number', () => {
    const many = Array.from({ length: 30 }, (_, index) => `s${index}`).join(' ');
    expect(
      element(`<oAuth2><issuer>a.test</issuer><scope>good "bad" ${many}</scope></oAuth2>`)?.scopes,
    ).toHaveLength(20);
    expect(element(`<oAuth2><issuer>a.test</issuer><scope>good "bad"</scope></oAuth2>`)?.scopes).toEqual([
      'good',
    ]);
  });

  it('has no issuer without a usable one', () => {
    expect(element('<oAuth2><scope>x</scope></oAuth2>')).toBeUndefined();
    expect(element('')).toBeUndefined();
  });
});

describe('issuerIdentifier', () => {
  it.each([
    ['accounts.example.test', 'https://accounts.example.test'],
    ['https://Login.Example.test', 'https://login.example.test'],
    ['http://login.example.test', undefined],
    ['https://user:pw@login.example.test', undefined],
    ['https://login.example.test/?x=1', undefined],
    ['not a host', undefined],
  ])('%s → %s', (value, expected) => {
    expect(issuerIdentifier(value)).toBe(expected);
  });
});
