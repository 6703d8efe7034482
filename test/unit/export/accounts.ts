// Accounts and a fixed environment for the export tests.

import type { ExportAccount, ExportDeps } from '../../../core/export/index.js';
import type { ServerSettings } from '../../../core/model.js';

export function server(
  protocol: ServerSettings['protocol'],
  host: string,
  port: number,
  security: ServerSettings['security'],
  username = 'jörg@müller.example',
  auth: ServerSettings['auth'] = 'password',
): ServerSettings {
  return { protocol, host, port, security, username, auth };
}

/** IDN domain, umlauts in local part and name, STARTTLS outgoing. */
export const JOERG: ExportAccount = {
  address: 'jörg@müller.example',
  displayName: 'Jörg Müller',
  incoming: server('imap', 'imap.xn--mller-kva.example', 993, 'tls'),
  outgoing: server('smtp', 'smtp.xn--mller-kva.example', 587, 'starttls'),
  provider: { id: 'mueller', name: 'Müller Mail' },
};

/** POP3 with STARTTLS, its own user name, an app password. */
export const POP_ACCOUNT: ExportAccount = {
  address: 'anna@example.org',
  displayName: 'Anna Beispiel',
  description: 'Arbeit',
  incoming: server('pop3', 'pop.example.org', 110, 'starttls', 'anna.b', 'app-password'),
  outgoing: server('smtp', 'smtp.example.org', 465, 'tls', 'anna.b', 'app-password'),
};

export const HOSTILE_NAME = `<script>alert(1)</script> "&' Jörg`;
/** A quoted local part full of markup characters, and a user name like it. */
export const HOSTILE: ExportAccount = {
  address: `"a<b>&c'"@example.org`,
  displayName: HOSTILE_NAME,
  description: `</string><key>x</key> & "more"`,
  incoming: server('imap', 'imap.example.org', 143, 'starttls', `"a<b>&c'"@example.org`),
  outgoing: server('smtp', 'smtp.example.org', 587, 'starttls', `user<&>"'`),
  provider: { id: 'evil', name: `Evil & <Co> "Mail"` },
};

export const FIXED_DATE = new Date('2026-05-04T10:00:00Z');

/** A fixed clock and a counting id source: the same deps give byte-identical output. */
export function fixedDeps(prefix = '00000000'): Required<Pick<ExportDeps, 'clock' | 'newId'>> {
  let count = 0;
  return {
    clock: () => FIXED_DATE,
    newId: () => `${prefix}-0000-4000-8000-${String(++count).padStart(12, '0')}`,
  };
}
