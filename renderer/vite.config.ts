// The renderer's production build: relative URLs (base './') so it loads from file:// in Electron and
// from the localhost browser host alike; no inline script or style, and the CSP as a meta tag, because a
// page loaded from file:// gets no response headers to carry one.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CSP } from '../electron/csp.js';

// The one CSP definition (electron/csp.ts), as a meta tag can carry it.
export const CONTENT_SECURITY_POLICY = META_CSP;

/** Adds the CSP to the built index.html only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'mailsetup-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<meta charset="utf-8" \/>/,
          (charset) =>
            `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Chromium supports modulepreload; the polyfill would be one more script for nothing.
    modulePreload: { polyfill: false },
    // Every asset as a file: nothing becomes a data: URL in a style or script.
    assetsInlineLimit: 0,
  },
});
