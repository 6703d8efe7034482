// Bundles what runs on the renderer's side of the bridge: the Electron preload and the browser
// host's shim. Both import API_METHODS from core/api.ts, whose other imports (discovery, probes, the
// keychain) are Node code that must not reach a sandboxed preload or a web page: the plugin below
// replaces core/api.js in the bundle with its method list, and the result is checked for requires.

import { build, type Plugin } from 'esbuild';
import { API_METHODS } from '../core/api.js';

const apiMethodsOnly: Plugin = {
  name: 'api-methods-only',
  setup(builder) {
    builder.onResolve({ filter: /(^|[/\\])core[/\\]api\.js$/ }, (args) => ({
      path: args.path,
      namespace: 'api-methods',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'api-methods' }, () => ({
      contents: `export const API_METHODS = ${JSON.stringify(API_METHODS)};`,
      loader: 'js',
    }));
  },
};

export interface BridgeBundleOptions {
  entry: string;
  /** `cjs` for the preload (its `require('electron')` stays), `iife` for a page's <script>. */
  format: 'cjs' | 'iife';
}

/** The bundle's code. Throws when anything but 'electron' would be required at run time. */
export async function bundleBridge(options: BridgeBundleOptions): Promise<string> {
  const result = await build({
    entryPoints: [options.entry],
    bundle: true,
    write: false,
    format: options.format,
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
    plugins: [apiMethodsOnly],
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]*)["'`]\s*\)/g)].map((match) => match[1]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0 || (options.format === 'iife' && required.length > 0)) {
    throw new Error(`bridge bundle of ${options.entry} requires ${required.join(', ')}`);
  }
  return code;
}
