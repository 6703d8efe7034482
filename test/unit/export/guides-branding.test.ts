// The administrator's branding in the guides: the organisation's name above the title and its support
// contacts as a last section, in HTML and PDF, escaped like every other value; the logo in HTML only.
// Through the API the branding comes from the policy in force, never from the request.

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../core/api.js';
import { normalizeAccount } from '../../../core/export/account.js';
import { branded } from '../../../core/export/guides/common.js';
import { GUIDES } from '../../../core/export/guides/index.js';
import {
  type ExportBranding,
  type ExportRequest,
  exportAccount,
  GUIDE_FORMATS,
  type GuideFormat,
} from '../../../core/export/index.js';
import { hasMessage } from '../../../core/messages/index.js';
import { requireTool } from '../../helpers/tools.js';
import { fixedDeps, HOSTILE_NAME, JOERG } from './accounts.js';

/** A 1×1 PNG. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const BRANDING: ExportBranding = {
  name: 'Corp IT',
  logo: LOGO,
  supportPhone: '+49 30 1234 5678',
  supportMail: 'it-help@corp.example',
  supportUrl: 'https://it.corp.example/mail',
};

async function page(format: GuideFormat, lang: 'en' | 'de', branding?: ExportBranding): Promise<string> {
  const request: ExportRequest = { account: JOERG, format, lang, ...(branding ? { branding } : {}) };
  return (await exportAccount(request, fixedDeps())).content as string;
}

/** The page's text as a person reads it (tags dropped, the five entities decoded). */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
    )
    .replace(/\s+/g, ' ');
}

describe('branded guides (HTML)', () => {
  it.each(GUIDE_FORMATS)('%s shows the organisation, its contacts and its logo', async (format) => {
    const en = await page(format, 'en', BRANDING);
    const text = visibleText(en);
    // Above the title, in the page's head line.
    expect(text).toContain('Corp IT Setting up jörg@müller.example in ');
    expect(en.indexOf('<p class="brand">')).toBeLessThan(en.indexOf('<h1>'));
    expect(text).toContain(
      'Need help? Corp IT helps you with setting up your e-mail: Phone +49 30 1234 5678 E-mail it-help@corp.example Website https://it.corp.example/mail',
    );
    expect(en).toContain(`<img src="${LOGO}" alt="Logo of Corp IT">`);
    // The logo is the only thing the page may load, and only as data:.
    expect(en).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const de = visibleText(await page(format, 'de', BRANDING));
    expect(de).toContain('Brauchen Sie Hilfe? Corp IT hilft Ihnen bei der Einrichtung Ihrer E-Mail:');
    expect(de).toContain('Telefon +49 30 1234 5678');
  });

  it('leaves out the contacts it was not given, and the logo when there is none', async () => {
    const html = await page('guide-thunderbird', 'en', { name: 'Corp IT', supportMail: 'it@corp.example' });
    const text = visibleText(html);
    expect(text).toContain('E-mail it@corp.example');
    expect(text).not.toContain('Phone');
    expect(text).not.toContain('Website');
    expect(html).not.toContain('<img');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('a name without contacts: the name above the title, no empty help section', async () => {
    const text = visibleText(await page('guide-outlook', 'en', { name: 'Corp IT' }));
    expect(text).toContain('Corp IT Setting up');
    expect(text).not.toContain('Need help?');
  });

  it('is unchanged without branding', async () => {
    const html = await page('guide-applemail', 'en');
    expect(html).not.toContain('class="brand"');
    expect(visibleText(html)).not.toContain('Need help?');
  });

  it('escapes the name and the contacts', async () => {
    const html = await page('guide-thunderbird', 'en', {
      name: HOSTILE_NAME,
      supportPhone: '<b>110</b>',
      supportMail: 'a"b@corp.example',
      supportUrl: 'https://it.corp.example/?a=1&b=<2>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&apos; Jörg');
    const text = visibleText(html);
    expect(text).toContain(`${HOSTILE_NAME} Setting up`);
    expect(text).toContain(`${HOSTILE_NAME} helps you`);
    expect(text).toContain('Phone <b>110</b>');
    expect(text).toContain('https://it.corp.example/?a=1&b=<2>');
  });

  it('embeds only an image data: URL that is the image it claims', async () => {
    for (const logo of [
      'https://corp.example/logo.png',
      'javascript:alert(1)',
      `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`,
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      const html = await page('guide-outlook', 'en', { name: 'Corp IT', logo });
      expect(html, logo).not.toContain('<img');
      expect(html, logo).not.toContain('img-src');
    }
  });

  it.each(GUIDE_FORMATS)('%s uses only sentences the catalogue has when branded', (format) => {
    const guide = branded(GUIDES[format](normalizeAccount(JOERG)), BRANDING);
    const support = guide.sections.at(-1)!;
    for (const key of [
      support.heading.key,
      support.intro!.key,
      ...(support.fields ?? []).map((entry) => entry.label.key),
      'export.guide.logo-alt',
    ]) {
      expect(hasMessage(key), key).toBe(true);
    }
  });
});

describe('branding through the API', () => {
  const policyState = (branding?: ExportBranding) => ({
    file: '/etc/mailsetup/policy.json',
    origin: 'machine' as const,
    policy: { presets: [], ...(branding ? { branding } : {}) },
  });

  it("takes the policy's branding for the guides", async () => {
    const api = createApi({ ...fixedDeps(), policy: policyState(BRANDING) });
    const result = await api.export({ account: JOERG, format: 'guide-outlook', lang: 'en' });
    const text = visibleText(result.content as string);
    expect(text).toContain('Corp IT Setting up');
    expect(text).toContain('Phone +49 30 1234 5678');
  });

  it("never a request's own: without a policy there is no branding, with one the policy's wins", async () => {
    const forged: ExportBranding = { name: 'Evil Helpdesk', supportPhone: '+1 900 555 0100' };
    const unbranded = createApi({ ...fixedDeps(), policy: {} });
    const plain = await unbranded.export({
      account: JOERG,
      format: 'guide-thunderbird',
      lang: 'en',
      branding: forged,
    });
    expect(plain.content).not.toContain('Evil Helpdesk');
    const brandedApi = createApi({ ...fixedDeps(), policy: policyState(BRANDING) });
    const result = await brandedApi.export({
      account: JOERG,
      format: 'guide-thunderbird',
      lang: 'en',
      branding: forged,
    });
    expect(result.content).not.toContain('Evil Helpdesk');
    expect(result.content).toContain('Corp IT');
  });
});

// The PDF read back as the integration tests do (poppler's pdftotext): a missing tool fails, with the
// command that installs it.
describe('branded guides (PDF)', () => {
  it.each(GUIDE_FORMATS)('%s carries the organisation and its contacts', async (format) => {
    const pdftotext = requireTool('pdftotext');
    const result = await exportAccount(
      { account: JOERG, format, lang: 'en', document: 'pdf', branding: BRANDING },
      fixedDeps(),
    );
    const dir = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'export');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${format}-branded-en.pdf`);
    writeFileSync(file, result.content);
    const { stdout } = await promisify(execFile)(pdftotext, ['-enc', 'UTF-8', file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text.trimStart()).toMatch(/^Corp IT Setting up jörg@müller\.example/);
    for (const value of [
      'Need help?',
      'Corp IT helps you with setting up your e-mail',
      '+49 30 1234 5678',
      'it-help@corp.example',
      'https://it.corp.example/mail',
    ]) {
      expect(text).toContain(value);
    }
  });
});
