// Thunderbird's config-v1.1.xml: what IT publishes at autoconfig.<domain>/mail/config-v1.1.xml or drops
// into <Thunderbird>/isp/<domain>.xml, and what our own discovery reads back to the same settings.

import type { ServerSettings } from '../model.js';
import type { Account } from './account.js';
import { type Markup, markup } from './markup.js';

const SOCKET_TYPES = { tls: 'SSL', starttls: 'STARTTLS' } as const;

export function thunderbirdConfig(account: Account): string {
  const { address } = account;
  // Thunderbird wants plain host names for the id and the domains: the xn-- form.
  const name = account.provider?.name || address.domainUnicode;
  return markup`<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${address.domain}">
    <domain>${address.domain}</domain>
    <displayName>${name}</displayName>
    <displayShortName>${name}</displayShortName>
${server('incomingServer', account.incoming, account)}
${server('outgoingServer', account.outgoing, account)}
  </emailProvider>
</clientConfig>
`.text;
}

function server(tag: string, settings: ServerSettings, account: Account): Markup {
  const pop3 =
    settings.protocol === 'pop3' &&
    markup`
      <pop3>
        <leaveMessagesOnServer>${String(account.leaveMessagesOnServer)}</leaveMessagesOnServer>
      </pop3>`;
  return markup`    <${tag} type="${settings.protocol}">
      <hostname>${settings.host}</hostname>
      <port>${settings.port}</port>
      <socketType>${SOCKET_TYPES[settings.security]}</socketType>
      <username>${usernameTemplate(settings.username, account)}</username>${authentication(settings)}${pop3}
    </${tag}>`;
}

/**
 * Thunderbird rejects OAuth2 unless it knows the provider's OAuth settings; the second method keeps
 * the file usable everywhere else (EXPORT-FORMATS.md).
 */
function authentication(settings: ServerSettings): Markup {
  const methods = settings.auth === 'oauth2' ? ['OAuth2', 'password-cleartext'] : ['password-cleartext'];
  return markup`${methods.map(
    (method) => markup`
      <authentication>${method}</authentication>`,
  )}`;
}

/** The common user names become placeholders, so the same file serves everyone at the domain. */
function usernameTemplate(username: string, account: Account): string {
  if (username === account.address.address) return '%EMAILADDRESS%';
  if (username === account.address.localPart) return '%EMAILLOCALPART%';
  return username;
}
