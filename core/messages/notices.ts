// Warnings and general hints of discovery: what looks wrong, in plain words.

import type { Catalogue } from './catalogue.js';

export const noticeMessages: Catalogue = {
  en: {
    'warning.server-outside-domain':
      'The server {host} belongs to {domain}, not to your mail domain. Only continue if you know that {domain} runs your mail.',
    'warning.mail-hosted-elsewhere':
      "These settings were derived from your domain's mail routing: {domain} runs your mail. Please confirm that this is right.",
    'warning.sources-disagree': '{source} suggests different servers ({servers}).',
    'warning.untrusted-source':
      'These settings did not come from your mail domain itself. Please check them.',
    'warning.redirect-to-other-domain':
      "{from} sent us on to {to}, so these settings are {to}'s word, not {domain}'s. Use them only if {domain}'s administrator or your provider confirms that {to} runs your mail; otherwise enter the servers your provider gave you.",
    'hint.provider-instruction': '{text}',
    'hint.oauth2-available': 'The provider also offers sign-in through its own web page (OAuth2).',
    'detect.origin': 'Found at {origin}',
  },
  de: {
    'warning.server-outside-domain':
      'Der Server {host} gehört zu {domain}, nicht zu Ihrer Mail-Domain. Fahren Sie nur fort, wenn Sie wissen, dass {domain} Ihre E-Mails betreibt.',
    'warning.mail-hosted-elsewhere':
      'Diese Einstellungen stammen aus dem Mail-Routing Ihrer Domain: {domain} betreibt Ihre E-Mails. Bitte bestätigen Sie, dass das stimmt.',
    'warning.sources-disagree': '{source} schlägt andere Server vor ({servers}).',
    'warning.untrusted-source':
      'Diese Einstellungen stammen nicht von Ihrer Mail-Domain selbst. Bitte prüfen Sie sie.',
    'warning.redirect-to-other-domain':
      '{from} hat uns an {to} weitergeleitet: Diese Einstellungen stammen also von {to}, nicht von {domain}. Verwenden Sie sie nur, wenn der Administrator von {domain} oder Ihr Anbieter bestätigt, dass {to} Ihre E-Mails betreibt; sonst geben Sie die Server ein, die Ihr Anbieter Ihnen genannt hat.',
    'hint.provider-instruction': '{text}',
    'hint.oauth2-available': 'Der Anbieter bietet auch die Anmeldung über seine eigene Webseite an (OAuth2).',
    'detect.origin': 'Gefunden bei {origin}',
  },
};
