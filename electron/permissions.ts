// Which web permissions the app's page gets: writing plain text to the clipboard ("Copy report for
// the helpdesk", a generated password), and nothing else: no camera, microphone, notifications,
// geolocation, clipboard reading, HID, serial, USB, MIDI, fullscreen, external protocols.

import { isAppUrl } from './app-protocol.js';

/** Chromium's name for navigator.clipboard.writeText's permission (sanitized: text, no markup). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** For setPermissionRequestHandler and setPermissionCheckHandler alike. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}
