// Where the app's web contents may go. The wizard is one page: it never navigates, never opens a
// window, never embeds one. A link to a provider's help page (how to make an app password) or to the
// company's support address opens in the person's own browser or mail program, never in the app.

import { isAppUrl } from './app-protocol.js';

export type NavigationDecision =
  /** Our own origin (a reload): let it happen. */
  | 'allow'
  /** https, mailto or tel: refuse here, hand it to the operating system. */
  | 'open-externally'
  /** Anything else: refuse. */
  | 'deny';

/** Longer links are not help pages; the limit keeps odd input away from the OS URL handlers. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  // The support phone number of the administrator's branding: the OS hands it to a phone app.
  if (parsed.protocol === 'tel:') return /^tel:\+?[\d\s().-]{3,32}$/.test(url);
  // No credentials in a link the OS opens for us; https only (no http, file, smb, custom handlers).
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/** For `will-navigate` and `will-redirect` of every web contents. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-externally' : 'deny';
}

/** For `setWindowOpenHandler`: the app never opens a second window, not even one of its own origin. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return !isAppUrl(url) && isSafeExternalUrl(url) ? 'open-externally' : 'deny';
}
