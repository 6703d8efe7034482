import { describe, expect, it } from 'vitest';
import type {
  IpcMainInvokeEventLike,
  WebContentsLike,
  WebFrameMainLike,
} from '../../../electron/electron-types.js';
import { isTrustedSender, type SenderFacts, senderFacts } from '../../../electron/sender.js';

const WINDOW = 7;
const trusted = new Set([WINDOW]);
const APP = 'app://mailsetup/index.html';

function facts(
  url: string | null,
  options: { isMainFrame?: boolean; webContentsId?: number } = {},
): SenderFacts {
  return {
    webContentsId: options.webContentsId ?? WINDOW,
    frame: url === null ? null : { url, isMainFrame: options.isMainFrame ?? true },
  };
}

describe('isTrustedSender', () => {
  it('accepts the main frame of the app window on the app origin', () => {
    expect(isTrustedSender(facts(APP), trusted)).toBe(true);
    expect(isTrustedSender(facts('app://mailsetup/index.html#step=2'), trusted)).toBe(true);
  });

  it.each([
    ['a foreign origin', facts('https://evil.example/')],
    ['a look-alike host', facts('app://mailsetup.evil.example/index.html')],
    ['an iframe of the app origin', facts(APP, { isMainFrame: false })],
    ['about:blank', facts('about:blank')],
    ['a file:// page', facts('file:///opt/MailSetup/resources/app.asar/dist/renderer/index.html')],
    ['DevTools', facts('devtools://devtools/bundled/devtools_app.html', { webContentsId: 8 })],
    ['DevTools showing an app URL', facts(APP, { webContentsId: 8 })],
    ['a frame that is gone', facts(null)],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(false);
  });

  it('refuses everyone while there is no window', () => {
    expect(isTrustedSender(facts(APP), new Set())).toBe(false);
  });
});

describe('senderFacts', () => {
  const sender = { id: WINDOW } as WebContentsLike;
  const main: WebFrameMainLike = { url: APP, parent: null };

  it('reads the main frame', () => {
    const event: IpcMainInvokeEventLike = { sender, senderFrame: main };
    expect(senderFacts(event)).toEqual({ webContentsId: WINDOW, frame: { url: APP, isMainFrame: true } });
  });

  it('tells a subframe by its parent', () => {
    const event: IpcMainInvokeEventLike = { sender, senderFrame: { url: APP, parent: main } };
    expect(senderFacts(event).frame).toEqual({ url: APP, isMainFrame: false });
  });

  it('has no frame when the frame is gone', () => {
    expect(senderFacts({ sender, senderFrame: null }).frame).toBeNull();
  });
});
