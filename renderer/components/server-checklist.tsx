// One server of the connection test: its live checklist (connecting, encrypted, certificate, signed
// in), core's plain-language error with what to do, and the technical details on demand.

import CircleCheck from 'lucide-react/icons/circle-check';
import CircleDashed from 'lucide-react/icons/circle-dashed';
import CircleMinus from 'lucide-react/icons/circle-minus';
import CircleX from 'lucide-react/icons/circle-x';
import LoaderCircle from 'lucide-react/icons/loader-circle';
import { useTranslation } from 'react-i18next';
import type { ProbeStep, ServerSettings, ServerTestResult } from '../api/types.js';
import {
  type ChecklistItem,
  type ItemState,
  liveChecklist,
  resultChecklist,
  tlsVersionLabel,
} from '../logic/checklist.js';
import { bothForms } from '../logic/name-forms.js';
import { ErrorBox } from './error-box.js';

const ICONS: Readonly<Record<ItemState, typeof CircleCheck>> = {
  pending: CircleDashed,
  active: LoaderCircle,
  done: CircleCheck,
  failed: CircleX,
  skipped: CircleMinus,
};

interface ServerChecklistProps {
  server: Pick<ServerSettings, 'protocol' | 'host' | 'port' | 'security' | 'hostUnicode'>;
  steps: readonly ProbeStep[];
  result?: ServerTestResult;
  /** The language core wrote the result's texts in. */
  lang: string;
}

export function formatDate(value: string, lang: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

function useItemText() {
  const { t, i18n } = useTranslation();
  return (item: ChecklistItem, result: ServerTestResult | undefined): string => {
    if (item.state === 'failed') return t(`test.items.${item.id}Failed`);
    const done = item.state === 'done';
    switch (item.id) {
      case 'connect':
        return done ? t('test.items.connectDone') : t('test.items.connect');
      case 'encrypt':
        return done && result?.tls
          ? t('test.items.encryptDone', { version: tlsVersionLabel(result.tls.version) })
          : t('test.items.encrypt');
      case 'certificate':
        return done && result?.tls?.certificate
          ? t('test.items.certificateDone', {
              date: formatDate(result.tls.certificate.validTo, i18n.language),
            })
          : t('test.items.certificate');
      case 'signin':
        return done ? t('test.items.signinDone') : t('test.items.signin');
    }
  };
}

function Details({ result }: { result: ServerTestResult }) {
  const { t } = useTranslation();
  const certificate = result.tls?.certificate;
  const facts: [string, string][] = [];
  if (result.error?.detail) facts.push([t('test.errorDetail'), result.error.detail]);
  if (result.tls)
    facts.push([t('test.tlsVersion'), result.tls.version], [t('test.cipher'), result.tls.cipher]);
  if (certificate)
    facts.push(
      [t('test.subject'), certificate.subject],
      [t('test.issuer'), certificate.issuer],
      [t('test.validFrom'), certificate.validFrom],
      [t('test.validTo'), certificate.validTo],
      [t('test.names'), certificate.altNames.join(', ')],
      [t('test.fingerprint'), certificate.fingerprint256],
    );
  if (result.greeting) facts.push([t('test.greeting'), result.greeting]);
  return (
    <details className="disclosure" data-testid={`details-${result.protocol}`}>
      <summary>{t('test.details')}</summary>
      {facts.length > 0 ? (
        <dl className="facts technical">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {result.transcript.length > 0 ? (
        <>
          <p className="field-label">{t('test.transcript')}</p>
          <pre className="transcript" data-testid={`transcript-${result.protocol}`}>
            {result.transcript.join('\n')}
          </pre>
        </>
      ) : null}
    </details>
  );
}

export function ServerChecklist({ server, steps, result, lang }: ServerChecklistProps) {
  const { t } = useTranslation();
  const itemText = useItemText();
  const items = result ? resultChecklist(result) : liveChecklist(server.security, steps);
  const headingId = `test-${server.protocol}-title`;
  return (
    <section
      className={`card server-card${result ? (result.ok ? ' ok' : ' failed') : ''}`}
      aria-labelledby={headingId}
      data-testid={`test-server-${server.protocol}`}
      data-state={result ? (result.ok ? 'ok' : 'failed') : 'running'}
    >
      <h3 id={headingId} className="card-title">
        {t('test.serverTitle', {
          protocol: server.protocol.toUpperCase(),
          host: bothForms(server.host, server.hostUnicode),
          port: server.port,
          security: t(`security.${server.security}`),
        })}
      </h3>
      <ul className="checklist">
        {items.map((item) => {
          const Icon = ICONS[item.state];
          return (
            <li
              key={item.id}
              className={`check-item ${item.state}`}
              data-testid={`check-${server.protocol}-${item.id}`}
              data-state={item.state}
            >
              <Icon className={`state-icon ${item.state}${item.state === 'active' ? ' spin' : ''}`} />
              <span>{itemText(item, result)}</span>
              <span className="sr-only"> ({t(`test.itemStates.${item.state}`)})</span>
            </li>
          );
        })}
      </ul>
      {result?.error ? (
        <ErrorBox
          error={result.error}
          lang={lang}
          testId={`test-error-${server.protocol}`}
          showDetail={false}
          showSupport={false}
        />
      ) : null}
      {result ? <Details result={result} /> : null}
    </section>
  );
}
