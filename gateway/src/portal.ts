import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { Router } from 'express';

/** The built portal (apps/portal, `pnpm --filter @xueshi/portal build`; `pnpm start` builds it). */
export const PORTAL_DIST = new URL('../../apps/portal/dist/', import.meta.url);

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the portal's static files at `/`: hashed assets cached for a year, index.html never cached so
 * a new build shows at once. Without a build, `/` says how to make one.
 */
export function portalRoutes(router: Router, dir: string): void {
  const index = join(dir, 'index.html');
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.get('/', (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text').send('门户尚未构建 (The portal is not built: pnpm --filter @xueshi/portal build)\n');
      return;
    }
    res.set({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache' }).sendFile(index);
  });
}
