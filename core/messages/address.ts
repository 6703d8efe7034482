// What the person reads when an address is refused (one sentence per reason in core/address/reasons.ts)
// or looks misspelt. Plain words, no RFC talk.

import type { Catalogue } from './catalogue.js';

export const addressMessages: Catalogue = {
  en: {
    'address.invalid.empty': 'Please enter an e-mail address, such as name@example.com.',
    'address.invalid.too-long': 'The address is too long; an e-mail address has at most 254 characters.',
    'address.invalid.control-characters':
      'The address contains invisible or control characters, perhaps from copying it. Please type it in by hand.',
    'address.invalid.missing-at': 'The address has no @ sign; an address looks like name@example.com.',
    'address.invalid.two-at': 'The address has more than one @ sign; an address has exactly one.',
    'address.invalid.missing-local-part': 'The name before the @ is missing, as in name@example.com.',
    'address.invalid.local-part-too-long':
      'The part before the @ is too long; it may have at most 64 characters.',
    'address.invalid.invalid-local-part':
      'The part before the @ contains a space or a character that is not allowed, or a dot at the start, at the end or twice in a row.',
    'address.invalid.missing-domain': 'The domain after the @ is missing, as in name@example.com.',
    'address.invalid.invalid-domain': 'The part after the @ is not a valid domain name such as example.com.',
    'address.invalid.ip-literal':
      'Addresses with an IP address instead of a domain name cannot be set up. Please use the address with the domain name.',
    'address.typo': 'Did you mean {suggestion}?',
    'warning.possible-lookalike':
      'The domain {unicode} mixes letters of different alphabets (written for the internet: {ascii}). Such names can imitate another domain. Check that this is exactly your own mail domain before you enter a password.',
  },
  de: {
    'address.invalid.empty': 'Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@example.com.',
    'address.invalid.too-long': 'Die Adresse ist zu lang; eine E-Mail-Adresse hat höchstens 254 Zeichen.',
    'address.invalid.control-characters':
      'Die Adresse enthält unsichtbare Zeichen oder Steuerzeichen, vielleicht vom Kopieren. Bitte tippen Sie sie von Hand ein.',
    'address.invalid.missing-at':
      'Die Adresse enthält kein @-Zeichen; eine Adresse sieht so aus: name@example.com.',
    'address.invalid.two-at': 'Die Adresse enthält mehr als ein @-Zeichen; eine Adresse hat genau eines.',
    'address.invalid.missing-local-part': 'Vor dem @ fehlt der Name, wie in name@example.com.',
    'address.invalid.local-part-too-long':
      'Der Teil vor dem @ ist zu lang; er darf höchstens 64 Zeichen haben.',
    'address.invalid.invalid-local-part':
      'Der Teil vor dem @ enthält ein Leerzeichen oder ein nicht erlaubtes Zeichen, oder einen Punkt am Anfang, am Ende oder zweimal hintereinander.',
    'address.invalid.missing-domain': 'Nach dem @ fehlt die Domain, wie in name@example.com.',
    'address.invalid.invalid-domain': 'Der Teil nach dem @ ist kein gültiger Domainname wie example.com.',
    'address.invalid.ip-literal':
      'Adressen mit einer IP-Adresse statt eines Domainnamens können nicht eingerichtet werden. Bitte verwenden Sie die Adresse mit dem Domainnamen.',
    'address.typo': 'Meinten Sie {suggestion}?',
    'warning.possible-lookalike':
      'Die Domain {unicode} mischt Buchstaben verschiedener Alphabete (fürs Internet geschrieben: {ascii}). Solche Namen können eine andere Domain nachahmen. Prüfen Sie, ob das genau Ihre eigene Mail-Domain ist, bevor Sie ein Passwort eingeben.',
  },
};
