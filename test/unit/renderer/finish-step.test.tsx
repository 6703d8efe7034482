// @vitest-environment jsdom
// Step 6: the password into the keychain (or for this session only), the mail program's file or guide.

import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { t } from '../../../core/messages/index.js';
import { PASSWORD } from './fixtures.js';
import { createFakeBridge, expectAccessible, renderApp, toFinish } from './harness.js';

/** jsdom's Blob has no text(); its FileReader reads one. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

let blobs: Blob[];
let downloads: { href: string; download: string }[];

beforeEach(() => {
  blobs = [];
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:fake/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('finish step', () => {
  it('saves the password under its name with the servers it is for', async () => {
    const { user, bridge, container } = renderApp();
    await toFinish(user);
    expect(await screen.findByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(screen.getByTestId('save-status')).toHaveTextContent(
      'saved in your system’s password store as “Mail on this computer”',
    );
    expect(bridge.requestsOf('keychainSet')).toEqual([
      {
        address: 'jo@example.com',
        label: 'Mail on this computer',
        password: PASSWORD,
        hosts: ['imap.example.com', 'smtp.example.com'],
        lang: 'en',
      },
    ]);
    await expectAccessible(container);
  });

  it('explains that the password is used for this session only when there is no keychain', async () => {
    const bridge = createFakeBridge({
      keychainSet: async () => {
        throw new MailSetupError('keychain-unavailable', 'no secret service');
      },
    });
    const { user, container } = renderApp(bridge);
    await toFinish(user);
    const status = await screen.findByTestId('save-status');
    expect(status).toHaveAttribute('data-state', 'session-only');
    expect(status).toHaveTextContent('Not saved in the password store');
    expect(status).toHaveTextContent('used for this session only');
    expect(status).toHaveTextContent(t('en', 'error.keychain-unavailable'));
    expect(status).toHaveTextContent(t('en', 'error.keychain-unavailable.fix'));
    // Still possible to finish: the guides need no saved password.
    expect(screen.getByTestId('export-guide')).toBeEnabled();
    await expectAccessible(container);
  });

  it('offers a failed save again', async () => {
    let attempts = 0;
    const bridge = createFakeBridge({
      keychainSet: async (request) => {
        attempts++;
        if (attempts === 1) throw new Error('helper crashed');
        return {
          entry: {
            address: request.address,
            label: request.label ?? '',
            created: '',
            updated: '',
            hosts: [],
          },
          replaced: true,
        };
      },
    });
    const { user } = renderApp(bridge);
    await toFinish(user);
    expect(await screen.findByTestId('save-status')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByTestId('save-status')).toHaveTextContent(t('en', 'error.internal'));
    await user.click(screen.getByTestId('retry-save'));
    expect(await screen.findByText(/was replaced/)).toBeInTheDocument();
  });

  it("downloads the chosen program's set-up file under core's file name", async () => {
    const { user, bridge, container } = renderApp();
    await user.type(screen.getByLabelText('Your name'), 'Jo Example');
    await toFinish(user);
    await user.click(screen.getByRole('radio', { name: /Thunderbird/ }));
    await user.click(screen.getByRole('button', { name: 'Download the set-up file' }));
    expect(await screen.findByText('Downloaded: config-v1.1.xml')).toBeInTheDocument();
    expect(downloads).toEqual([{ href: 'blob:fake/1', download: 'config-v1.1.xml' }]);
    expect(await textOf(blobs[0]!)).toBe('<export format="thunderbird"/>');
    expect(blobs[0]?.type).toBe('text/xml; charset=utf-8');
    const request = bridge.requestsOf('export')[0];
    expect(request).toMatchObject({
      format: 'thunderbird',
      lang: 'en',
      account: {
        address: 'jo@example.com',
        displayName: 'Jo Example',
        incoming: { protocol: 'imap', host: 'imap.example.com' },
        outgoing: { protocol: 'smtp', host: 'smtp.example.com' },
        provider: { id: 'example', name: 'Example Mail' },
      },
    });
    expect(JSON.stringify(request)).not.toContain(PASSWORD);
    await expectAccessible(container);
  });

  it('downloads the guide for Outlook and the profile for Apple Mail', async () => {
    const { user, bridge } = renderApp();
    await toFinish(user);
    await user.click(screen.getByTestId('program-outlook'));
    expect(screen.queryByTestId('export-file')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('export-guide'));
    await screen.findByText('Downloaded: outlook-guide.html');
    await user.click(screen.getByTestId('program-applemail'));
    await user.click(screen.getByRole('button', { name: 'Download the profile' }));
    await screen.findByText('Downloaded: example.com.mobileconfig');
    expect(bridge.requestsOf('export').map((request) => request.format)).toEqual([
      'guide-outlook',
      'mobileconfig',
    ]);
    expect(downloads.map((download) => download.download)).toEqual([
      'outlook-guide.html',
      'example.com.mobileconfig',
    ]);
  });

  it('starts over with nothing of the account kept', async () => {
    const { user } = renderApp();
    await toFinish(user);
    await user.click(screen.getByRole('button', { name: 'Set up another account' }));
    expect(await screen.findByTestId('step-address')).toBeInTheDocument();
    expect(screen.getByTestId('address-input')).toHaveValue('');
  });
});
