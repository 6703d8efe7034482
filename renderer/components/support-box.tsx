// The organisation's support contacts from the administrator's branding: a box on the finish step (and
// where the settings are locked but missing), and one line under every error ("Need help? Call …").
// Phone as tel:, mail as mailto:, the web page (https only) in the person's browser.

import LifeBuoy from 'lucide-react/icons/life-buoy';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type SupportContacts, supportContacts } from '../logic/policy.js';
import { usePolicy } from '../wizard/use-policy.js';

function useContacts(): SupportContacts | undefined {
  return supportContacts(usePolicy().policy?.branding);
}

function ContactLink({ href, text, testId }: { href: string; text: string; testId: string }) {
  const external = href.startsWith('https:');
  return (
    <a
      className="link"
      href={href}
      data-testid={testId}
      {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})}
    >
      {text}
    </a>
  );
}

export function SupportBox() {
  const { t } = useTranslation();
  const contacts = useContacts();
  const titleId = useId();
  if (!contacts) return null;
  const { phone, mail, url } = contacts;
  return (
    <section className="callout info support-box" aria-labelledby={titleId} data-testid="support-box">
      <LifeBuoy className="callout-icon" />
      <div className="callout-body">
        <h3 id={titleId} className="callout-title">
          {t('support.title')}
        </h3>
        <p>{t('support.intro', { name: contacts.name })}</p>
        <ul className="support-contacts">
          {phone ? (
            <li>
              {t('support.phone')} <ContactLink {...phone} testId="support-phone" />
            </li>
          ) : null}
          {mail ? (
            <li>
              {t('support.mail')} <ContactLink {...mail} testId="support-mail" />
            </li>
          ) : null}
          {url ? (
            <li>
              {t('support.url')} <ContactLink {...url} testId="support-url" />
            </li>
          ) : null}
        </ul>
      </div>
    </section>
  );
}

/** One line under an error: the first contact there is, phone before mail before web page. */
export function SupportLine() {
  const { t } = useTranslation();
  const contacts = useContacts();
  if (!contacts) return null;
  const { name, phone, mail, url } = contacts;
  const [lead, contact] = phone
    ? [t('support.callShort', { name }), phone]
    : mail
      ? [t('support.mailShort', { name }), mail]
      : [t('support.urlShort', { name }), url!];
  return (
    <p className="support-line" data-testid="support-line">
      {lead} <ContactLink {...contact} testId="support-line-link" />
    </p>
  );
}
