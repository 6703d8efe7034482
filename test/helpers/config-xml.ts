// Builds config-v1.1.xml documents for the test internet's autoconfig and ISPDB hosts.

export interface XmlServer {
  type: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  socketType: 'SSL' | 'STARTTLS' | 'plain';
  username?: string;
}

export function configXml(domain: string, servers: XmlServer[], extra = ''): string {
  const server = (entry: XmlServer) => {
    const tag = entry.type === 'smtp' ? 'outgoingServer' : 'incomingServer';
    return `    <${tag} type="${entry.type}">
      <hostname>${entry.host}</hostname>
      <port>${entry.port}</port>
      <socketType>${entry.socketType}</socketType>
      <username>${entry.username ?? '%EMAILADDRESS%'}</username>
      <authentication>password-cleartext</authentication>
    </${tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>Mail at ${domain}</displayName>
    <displayShortName>${domain}</displayShortName>
${servers.map(server).join('\n')}
${extra}
  </emailProvider>
</clientConfig>
`;
}

/** The usual pair: IMAP on 993 and SMTP on 465 under the given domain. */
export function standardServers(domain: string): XmlServer[] {
  return [
    { type: 'imap', host: `imap.${domain}`, port: 993, socketType: 'SSL' },
    { type: 'smtp', host: `smtp.${domain}`, port: 465, socketType: 'SSL' },
  ];
}
