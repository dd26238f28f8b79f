// Builds the portal into dist/ with Vite and prints the JavaScript the catalogue page loads first.
// `ensurePortalBuilt` rebuilds only when the sources changed, so `pnpm start` and the browser tests can
// call it on every run.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the built portal is: the gateway serves this folder at `/`. */
export const PORTAL_DIST = join(here, 'dist');
const STAMP = join(PORTAL_DIST, '.sources');
/** The most JavaScript, gzipped, the catalogue page may load before it shows anything (issue 10). */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A digest of everything the build reads from this workspace. */
async function sourcesDigest(): Promise<string> {
  const files = [
    ...(await filesUnder(join(here, 'src'))),
    ...(await filesUnder(join(here, '../../packages/domain/src'))),
    join(here, 'index.html'),
    join(here, 'build.ts'),
    join(here, 'package.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(here, file)).update(await readFile(file));
  return hash.digest('hex');
}

/** The gzipped size of the scripts index.html loads (its entry and the chunks it preloads). */
export async function initialJsBytes(): Promise<number> {
  const html = await readFile(join(PORTAL_DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map(
    ([, path]) => path ?? '',
  );
  let total = 0;
  for (const script of scripts) total += gzipSync(await readFile(join(PORTAL_DIST, script))).length;
  return total;
}

export async function buildPortal(): Promise<void> {
  const digest = await sourcesDigest();
  await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    // React's production build whatever NODE_ENV the caller runs under (vitest sets it to "test").
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // React's automatic runtime through Vite's own transform: no Babel plugin to install or run.
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: { outDir: PORTAL_DIST, emptyOutDir: true, reportCompressedSize: false },
  });
  await writeFile(STAMP, digest);
  const bytes = await initialJsBytes();
  console.log(
    `portal: built ${PORTAL_DIST}; initial JS for the catalogue page ${(bytes / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_JS_BUDGET_BYTES / 1024} KB)`,
  );
}

/** Builds the portal unless dist/ already holds a build of the current sources. */
export async function ensurePortalBuilt(): Promise<void> {
  const built = await readFile(STAMP, 'utf8').catch(() => null);
  if (built !== (await sourcesDigest())) await buildPortal();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await (process.argv.includes('--if-changed') ? ensurePortalBuilt() : buildPortal());
}
