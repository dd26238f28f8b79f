// `pnpm start` runs each service from one bundled file instead of through tsx (ADR 0037): without tsx's
// loader thread and esbuild service beside it, each of the nine processes holds about 50 MB less. Only this
// workspace's TypeScript goes into a bundle; installed packages are imported from where they are installed,
// so each is loaded once and as Node itself would load it.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';
import type { Plugin, PluginBuild } from 'esbuild';

const TYPESCRIPT = /\.ts$/;
const BARE_SPECIFIER = /^[^./]/;
const RESOLVED_ELSEWHERE = /^(node:|@xueshi\/)/;
const META_RESOLVE = /import\.meta\.resolve\((['"])([^'"]+)\1\)/g;

/** Resolves `specifier` from `resolveDir` as Node would for an import, without this plugin. */
async function installedFile(build: PluginBuild, specifier: string, resolveDir: string): Promise<string> {
  const result = await build.resolve(specifier, { kind: 'import-statement', resolveDir, pluginData: { installed: true } });
  if (result.errors.length > 0 || !result.path) throw new Error(`cannot resolve ${specifier} from ${resolveDir}`);
  return result.path;
}

/**
 * Keeps every source file's `import.meta` its own: a bundle lives elsewhere, but the schema files,
 * migrations and packages each file looks for are beside the source.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(build) {
    build.onResolve({ filter: BARE_SPECIFIER }, async (args) => {
      if (RESOLVED_ELSEWHERE.test(args.path) || (args.pluginData as { installed?: boolean } | undefined)?.installed) {
        return args.path.startsWith('node:') ? { path: args.path, external: true } : undefined;
      }
      return { path: await installedFile(build, args.path, args.resolveDir), external: true };
    });
    build.onLoad({ filter: TYPESCRIPT }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const here = dirname(args.path);
      let contents = await readFile(args.path, 'utf8');
      for (const [call, , specifier = ''] of contents.matchAll(META_RESOLVE)) {
        const url = pathToFileURL(await installedFile(build, specifier, here)).href;
        contents = contents.replace(call, JSON.stringify(url));
      }
      contents = contents
        .replaceAll('import.meta.dirname', JSON.stringify(here))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts', resolveDir: here };
    });
  },
};

/** Bundles each entry (name → TypeScript file) into `outDir`/<name>.mjs; returns the files by name. */
export async function bundleServices(entries: Record<string, string>, outDir: string): Promise<Record<string, string>> {
  await build({
    entryPoints: Object.entries(entries).map(([name, file]) => ({ in: file, out: name })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node's own choices: no "module" condition or field, which Node ignores.
    conditions: ['node'],
    mainFields: ['main'],
    logLevel: 'warning',
    plugins: [sourceLocations],
  });
  // esbuild's service process would otherwise stay beside the supervisor, holding what the build used.
  await stop();
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)]));
}
