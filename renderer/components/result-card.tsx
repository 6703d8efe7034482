// What was found, as a card: provider, servers, where the settings came from and whether the mail
// domain itself stands behind them.

import ShieldAlert from 'lucide-react/icons/shield-alert';
import ShieldCheck from 'lucide-react/icons/shield-check';
import { useTranslation } from 'react-i18next';
import type { DetectResult, ServerSettings, SourceName } from '../api/types.js';
import { bothForms } from '../logic/name-forms.js';
import type { ChosenServers } from '../logic/servers.js';

interface ResultCardProps {
  servers: ChosenServers;
  detect?: DetectResult;
  domain: string;
}

function ServerRow({ server }: { server: ServerSettings }) {
  const { t } = useTranslation();
  const use =
    server.protocol === 'smtp'
      ? t('settings.outgoing')
      : t('settings.incoming', { protocol: server.protocol.toUpperCase() });
  return (
    <tr data-testid={`server-${server.protocol}`}>
      <th scope="row">{use}</th>
      <td className="mono">{bothForms(server.host, server.hostUnicode)}</td>
      <td className="mono">{server.port}</td>
      <td>{t(`security.${server.security}`)}</td>
    </tr>
  );
}

export function ResultCard({ servers, detect, domain }: ResultCardProps) {
  const { t } = useTranslation();
  const manual = servers.origin === 'manual';
  const trusted = manual || detect?.trusted === true;
  const list = [servers.imap, servers.pop3, servers.smtp].filter(
    (server): server is ServerSettings => !!server,
  );
  // A built-in answer says how old its facts are: old data should look old.
  const sourceText = (source: SourceName, asOf: string | undefined) =>
    asOf ? t('settings.asOf', { source: t(`sources.${source}`), date: asOf }) : t(`sources.${source}`);
  return (
    <section className="card result-card" aria-labelledby="result-title" data-testid="result-card">
      <div className="card-header">
        <h3 id="result-title" className="card-title">
          {detect?.provider?.name ?? domain}
        </h3>
        <span
          className={`badge ${trusted ? 'success' : 'warning'}`}
          data-testid="trust-badge"
          data-trusted={trusted}
        >
          {trusted ? <ShieldCheck className="inline-icon" /> : <ShieldAlert className="inline-icon" />}
          {t(badgeKey(manual, trusted, detect?.source))}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('settings.where')}</dt>
          <dd data-testid="result-source">
            {manual ? t('sources.manual') : detect?.source ? sourceText(detect.source, detect.asOf) : ''}
          </dd>
        </div>
        {!manual && detect && detect.confirmedBy.length > 0 ? (
          <div>
            <dt>{t('settings.confirmedBy')}</dt>
            <dd>{detect.confirmedBy.map((source) => t(`sources.${source}`)).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <table className="server-table">
        <caption className="sr-only">{t('settings.servers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.columnUse')}</th>
            <th scope="col">{t('settings.columnServer')}</th>
            <th scope="col">{t('settings.columnPort')}</th>
            <th scope="col">{t('settings.columnSecurity')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((server) => (
            <ServerRow key={`${server.protocol}:${server.host}:${server.port}`} server={server} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Who vouches for the settings: the person, the administrator, our provider list, or the mail domain. */
function badgeKey(manual: boolean, trusted: boolean, source: string | undefined) {
  if (manual) return 'settings.manualTrusted' as const;
  if (!trusted) return 'settings.untrusted' as const;
  if (source === 'policy') return 'settings.trustedPolicy' as const;
  if (source === 'bundled') return 'settings.trustedBundled' as const;
  return 'settings.trusted' as const;
}
