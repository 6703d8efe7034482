// Outlook's autodiscover "POX" answer for IMAP/POP3 and SMTP, as IT can host it. SPA and AuthRequired
// are always written: Outlook assumes SPA (an NTLM login) when the element is missing.

import { POX_SCHEMAS } from '../discovery/pox.js';
import type { ServerSettings } from '../model.js';
import type { Account } from './account.js';
import { type Markup, markup } from './markup.js';

const RESPONSE_ROOT_SCHEMA = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
const TYPES = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;
/** "TLS" is Microsoft's word for STARTTLS. */
const ENCRYPTION = { tls: 'SSL', starttls: 'TLS' } as const;

export function autodiscoverXml(account: Account): string {
  return markup`<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="${RESPONSE_ROOT_SCHEMA}">
  <Response xmlns="${POX_SCHEMAS.response}">${
    account.displayName &&
    markup`
    <User>
      <DisplayName>${account.displayName}</DisplayName>
    </User>`
  }
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
${protocol(account.incoming)}
${protocol(account.outgoing, account.incoming)}
    </Account>
  </Response>
</Autodiscover>
`.text;
}

function protocol(server: ServerSettings, incoming?: ServerSettings): Markup {
  // UsePOPAuth: Outlook signs in to SMTP with the incoming credentials, so it asks for one password.
  const popAuth =
    incoming &&
    markup`
        <UsePOPAuth>${server.username === incoming.username ? 'on' : 'off'}</UsePOPAuth>`;
  return markup`      <Protocol>
        <Type>${TYPES[server.protocol]}</Type>
        <Server>${server.host}</Server>
        <Port>${server.port}</Port>
        <DomainRequired>off</DomainRequired>
        <LoginName>${server.username}</LoginName>
        <SPA>off</SPA>
        <SSL>on</SSL>
        <Encryption>${ENCRYPTION[server.security]}</Encryption>
        <AuthRequired>on</AuthRequired>${popAuth}
      </Protocol>`;
}
