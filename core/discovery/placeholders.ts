// Thunderbird's placeholders, filled in one place for every source that carries them
// (bundled data, config-v1.1.xml, ISPDB).

import type { ParsedAddress } from '../address/parse.js';

/** Fills %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% (Unicode address, as the person typed it). */
export function fillPlaceholders(template: string, address: ParsedAddress, realName = ''): string {
  return template
    .replaceAll('%EMAILADDRESS%', address.address)
    .replaceAll('%EMAILLOCALPART%', address.localPart)
    .replaceAll('%EMAILDOMAIN%', address.domainUnicode)
    .replaceAll('%REALNAME%', realName);
}

/** Host names get the ASCII domain: they are looked up in DNS. */
export function fillHostPlaceholders(template: string, address: ParsedAddress): string {
  return template
    .replaceAll('%EMAILDOMAIN%', address.domain)
    .replaceAll('%EMAILLOCALPART%', address.localPart);
}
