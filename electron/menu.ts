// The application menu: on macOS the standard app, edit and window menus (without an Edit menu,
// Cmd+C and Cmd+V do not work in text fields there); elsewhere none, the wizard has its own buttons.

import type { MenuItemOptions } from './electron-types.js';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
