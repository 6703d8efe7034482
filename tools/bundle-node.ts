// Bundles a Node entry point (the command line, the Electron main process) the way both ship: one
// ESM file for the start path, and every part loaded with `await import()` (PDF, XML, schema
// validation, keychain helper, password rating...) in a chunk of its own beside it, read only when a
// command needs it. Start-up then reads a few files instead of a hundred, and none of the heavy ones.

import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Packages that stay in node_modules: a native addon (.node files cannot be bundled), and pdfkit,
 * which reads its font metrics from files beside its own code.
 */
export const NODE_EXTERNALS = ['@napi-rs/keyring', 'pdfkit'] as const;

// Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
const REQUIRE_SHIM =
  "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

export interface NodeBundleOptions {
  /** Output name (without .js) -> source file. Chunks land beside them, in `outdir`. */
  entries: Record<string, string>;
  outdir: string;
  /** More packages to leave to run time (e.g. 'electron'). */
  external?: readonly string[];
  /**
   * The module that holds the entry's start path (everything it imports statically): bundled into
   * one chunk instead of a dozen. See `sharedStartPath`.
   */
  startPath?: string;
  /** false: one self-contained file per entry (a helper process that shares nothing). Default true. */
  splitting?: boolean;
}

/**
 * esbuild puts each module in a chunk according to the set of entry points (every `import()` is one)
 * that reach it, so the start path would come as a dozen small files, split by which lazy part
 * happens to use which module too; each file costs the ES module loader a read, a parse and a link.
 * Letting every lazily loaded part import the start path first gives all of the start path's modules
 * the same set, hence one chunk. The start path is loaded anyway before any lazy part, so the import
 * costs nothing at run time.
 */
function sharedStartPath(startPath: string): Plugin {
  return {
    name: 'shared-start-path',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace === 'lazy-part') return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: 'dynamic-import',
          importer: args.importer,
          resolveDir: args.resolveDir,
          namespace: 'lazy-part',
        });
        // Our own modules only: a package (CommonJS, say) is imported as esbuild would import it.
        const ours = !resolved.external && !resolved.path.split(path.sep).includes('node_modules');
        // Data (the provider catalogue) is read through its default export, which `export *` below
        // would not carry: JSON stays as esbuild loads it.
        const data = resolved.path.endsWith('.json');
        if (resolved.errors.length > 0 || !ours || data) return resolved;
        return { path: resolved.path, namespace: 'lazy-part' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'lazy-part' }, (args) => ({
        contents: `import ${JSON.stringify(startPath)};\nexport * from ${JSON.stringify(args.path)};\n`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/** Builds the bundle into `outdir` and returns esbuild's account of what went where. */
export async function bundleNode(options: NodeBundleOptions): Promise<Metafile> {
  const result = await build({
    entryPoints: options.entries,
    outdir: options.outdir,
    bundle: true,
    splitting: options.splitting ?? true,
    format: 'esm',
    platform: 'node',
    // Node 20 runs the CLI; Electron 45 embeds Node 22.
    target: 'node20',
    // A package's ES module build first: a CommonJS one reached by `import()` would come out of its
    // chunk as a default export only (tldts' functions went missing that way).
    mainFields: ['module', 'main'],
    entryNames: '[name]',
    // Beside the entries, so that `new URL('./host.js', import.meta.url)` finds the keychain helper.
    chunkNames: '[name]-[hash]',
    external: [...NODE_EXTERNALS, ...(options.external ?? [])],
    banner: { js: REQUIRE_SHIM },
    plugins: options.startPath ? [sharedStartPath(options.startPath)] : [],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.metafile;
}

/** The output files a run of `entry` reads before its first `await import()`: its start path. */
export function startPath(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return [...seen];
}

/** The source files (and packages) that end up in the given output files. */
export function sourcesOf(metafile: Metafile, outputs: readonly string[]): string[] {
  return outputs.flatMap((output) => Object.keys(metafile.outputs[output]?.inputs ?? {}));
}
