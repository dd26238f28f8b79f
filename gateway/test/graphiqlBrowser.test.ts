import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph } from '../../tests/harness/graph';
import type { TestGraph } from '../../tests/harness/graph';

/** Debian's Chromium, installed by scripts/ensure-chromium.sh (CI runs it). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the GraphiQL browser test: ${CHROMIUM} does not exist (scripts/ensure-chromium.sh installs it).`);
}

describe.skipIf(!hasChromium)('GraphiQL in headless Chromium', () => {
  let graph: TestGraph;
  let browser: Browser;

  beforeAll(async () => {
    [graph, browser] = await Promise.all([
      startTestGraph({ seed: 'plan' }),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  it('renders from the gateway alone, loads nothing from elsewhere, and runs the default query', async () => {
    const origin = new URL(graph.gatewayUrl).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // A load blocked by the Content-Security-Policy never reaches the network; Chromium reports it here.
    page.on('console', (message) => {
      const from = message.location().url;
      // Chromium asks for /favicon.ico by itself; the page never references one.
      if (message.type() !== 'error' || (from && new URL(from).pathname === '/favicon.ico')) return;
      problems.push(`console: ${message.text()} @ ${from}`);
    });
    try {
      await page.goto(graph.gatewayUrl, { waitUntil: 'load', timeout: 10_000 });
      // Every script and style has loaded (or failed) by now: fail fast rather than wait for a render.
      expect(problems).toEqual([]);
      await page.locator('.graphiql-container').waitFor({ timeout: 10_000 });
      // The editor holds the default query before anything runs.
      await page.locator('.graphiql-query-editor').getByText('query Catalogue').waitFor({ timeout: 10_000 });

      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.graphiql-response');
      await result.getByText('上海继续工程教育协会').first().waitFor({ timeout: 10_000 });
      await expect(result.innerText()).resolves.not.toContain('"errors"');

      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
