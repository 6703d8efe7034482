// Hints and warnings from core, shown as they came (already localized), with the provider's link.

import ExternalLink from 'lucide-react/icons/external-link';
import Info from 'lucide-react/icons/info';
import TriangleAlert from 'lucide-react/icons/triangle-alert';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../api/types.js';

interface NoticeListProps {
  notices: readonly Notice[];
  kind: 'hint' | 'warning';
  title: string;
  lang?: string;
  testId?: string;
}

function safeLink(url: string | undefined): string | undefined {
  return url && /^https:\/\//i.test(url) ? url : undefined;
}

export function NoticeList({ notices, kind, title, lang, testId }: NoticeListProps) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  const Icon = kind === 'warning' ? TriangleAlert : Info;
  return (
    <section className={`callout ${kind === 'warning' ? 'warning' : 'info'}`} data-testid={testId}>
      <Icon className="callout-icon" />
      <div className="callout-body">
        <h3 className="callout-title">{title}</h3>
        <ul className="notice-list">
          {notices.map((notice) => {
            const link = safeLink(notice.url);
            return (
              <li key={`${notice.code}:${notice.message}`} data-code={notice.code} lang={lang}>
                {notice.message}
                {link ? (
                  <>
                    {' '}
                    <a href={link} target="_blank" rel="noreferrer noopener" className="link">
                      {t('password.openLink')}
                      <ExternalLink className="inline-icon" />
                    </a>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
