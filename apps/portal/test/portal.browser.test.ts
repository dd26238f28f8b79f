import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_TIME, startTestGraph } from '../../../tests/harness/graph';
import type { TestGraph } from '../../../tests/harness/graph';
import { contractOperation } from '../../../tests/harness/contract';
import { randomIdNumber } from '../../../tests/harness/fixtures';

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
/** Where the screenshots of each page go (the README's are copied from here). */
const SCREENSHOTS = new URL('../../../.test-output/portal/', import.meta.url);
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const REPORT_OUTCOME = contractOperation('ReportOutcome');
/** When the second session's credit is visible (some working days after its last day). */
const LATER = '2021-04-15T10:00:00+08:00';
const ASSOCIATION_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'association-staff', institution: 'association' };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the portal's browser tests: ${CHROMIUM} does not exist (scripts/ensure-chromium.sh installs it).`);
}

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests for anywhere but this machine (each was refused), page errors and failed responses. */
  problems: string[];
}

describe.skipIf(!hasChromium)('the portal in headless Chromium', () => {
  let graph: TestGraph;
  let browser: Browser;

  beforeAll(async () => {
    [graph, browser] = await Promise.all([
      // As in production: an anonymous caller or a learner may run only the trusted documents.
      startTestGraph({ seed: 'plan', adHocOperations: 'staff' }),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
      mkdir(SCREENSHOTS, { recursive: true }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  async function visit(path: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' });
    // The browser's clock agrees with the graph's, so what opens and what is refunded match.
    await context.clock.setFixedTime(new Date(DEFAULT_TEST_TIME));
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
      problems.push(`left localhost: ${url.href}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
        problems.push(`${response.status()}: ${response.url()}`);
      }
    });
    page.on('console', (message) => {
      const from = message.location().url;
      if (message.type() !== 'error' || (from && new URL(from).pathname === '/favicon.ico')) return;
      problems.push(`console: ${message.text()}`);
    });
    await page.goto(new URL(path, graph.gatewayUrl).href, { waitUntil: 'load' });
    return { page, context, problems };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS.pathname, `${name}.png`), fullPage: true });
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  async function accessibilityViolations(page: Page): Promise<string[]> {
    // Evaluated by the debugger protocol, which the page's Content-Security-Policy does not govern.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> };
      };
      return (await axe.run()).violations;
    });
    return violations
      .filter(({ impact }) => impact === 'serious' || impact === 'critical')
      .map(({ id, impact, nodes }) => `${impact}: ${id} (${nodes.length})`);
  }

  it('shows the catalogue with its filters and every institution, in Chinese or English', async () => {
    const { page, context, problems } = await visit('/?year=2021');
    try {
      const table = page.locator('table.catalogue');
      await table.waitFor();
      await expect(page.getByRole('heading', { name: '课程目录' }).count()).resolves.toBe(1);
      await page
        .getByRole('article')
        .getByRole('heading', { name: /上海继续工程教育协会/ })
        .waitFor();
      await page.getByText('直播课程请使用电脑参加').waitFor();
      const allRows = await table.locator('tbody tr').count();
      expect(allRows).toBeGreaterThan(1);
      // Fees in yuan, sessions in Shanghai time though the browser is in London.
      await expect(table.innerText()).resolves.toMatch(/¥\d+\.\d\d/);
      await expect(table.innerText()).resolves.toMatch(/2021\/\d\d\/\d\d \d\d:\d\d/);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'catalogue');

      await page.getByRole('combobox', { name: '类别', exact: true }).selectOption('ELECTIVE');
      const electives = await table.locator('tbody tr').count();
      expect(electives).toBeLessThan(allRows);
      expect(await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).toEqual(Array(electives).fill('选修'));
      await page.getByRole('combobox', { name: '类别', exact: true }).selectOption('');
      await page.getByRole('combobox', { name: '机构', exact: true }).selectOption('sjtu');
      expect(new Set(await table.locator('tbody tr td:nth-child(2)').allInnerTexts())).toEqual(new Set(['上海交通大学']));

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Catalogue' }).waitFor();
      await page.getByText('Seats left').first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("walks a learner's whole path: sign up, register, pay, invoice, withdraw with the refund shown first, record, transcript", async () => {
    const { page, context, problems } = await visit('/?year=2021#/signup');
    const nav = page.getByRole('navigation');
    try {
      const idNumber = randomIdNumber('19900101');
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('姓名').fill('浏览器测试');
      await page.getByLabel('手机号').fill('13912345678');
      await page.getByLabel('工作单位').fill('上海测试有限公司');
      await page.getByLabel('密码').fill('a-long-password-1');
      await screenshot(page, 'sign-up');
      await page.getByRole('button', { name: '注册账号' }).click();
      await page.getByRole('heading', { name: /我的学习/ }).waitFor();

      // A typed error is shown as its message: signing up again with the same ID number.
      await page.getByRole('button', { name: '退出' }).click();
      await nav.getByRole('link', { name: '注册账号', exact: true }).click();
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('姓名').fill('浏览器测试');
      await page.getByLabel('手机号').fill('13912345678');
      await page.getByLabel('工作单位').fill('上海测试有限公司');
      await page.getByLabel('密码').fill('a-long-password-1');
      await page.getByRole('button', { name: '注册账号' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.not.toMatch(/[A-Z_]{6,}|Internal/);

      await nav.getByRole('link', { name: '登录', exact: true }).click();
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('密码').fill('a-long-password-1');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: /我的学习/ }).waitFor();

      await nav.getByRole('link', { name: '课程目录', exact: true }).click();
      await page.getByRole('combobox', { name: '机构', exact: true }).selectOption('sjtu');
      await page.getByRole('button', { name: '报名' }).first().click();
      await page.getByRole('status').getByText('报名成功').waitFor();

      await nav.getByRole('link', { name: '我的学习', exact: true }).click();
      const row = page.locator('tr[data-registration]').first();
      await row.getByText('待缴费').waitFor();
      await row.getByRole('button', { name: '缴费' }).click();
      await row.getByText('已缴费').waitFor();
      await row.getByRole('button', { name: '申请发票' }).click();
      const invoiceLink = row.getByRole('link', { name: /下载发票/ });
      await invoiceLink.waitFor();
      const [invoice] = await Promise.all([page.waitForEvent('download'), invoiceLink.click()]);
      expect(await invoice.failure()).toBeNull();

      const fee = await row.locator('td:nth-child(3)').innerText();
      await row.getByRole('button', { name: '退课' }).click();
      // The refund is on screen before anything is withdrawn: the full fee, before the first day.
      await expect(row.getByRole('group').innerText()).resolves.toContain(`退课后将退还 ${fee}`);
      await expect(row.innerText()).resolves.toContain('已缴费');
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'withdraw-confirm');
      await row.getByRole('button', { name: '确认退课' }).click();
      await row.getByText(`已退款 ${fee}`).waitFor();

      // A second session, paid, attended and passed: its credit shows in the record once visible.
      await nav.getByRole('link', { name: '课程目录', exact: true }).click();
      await page.getByRole('combobox', { name: '机构', exact: true }).selectOption('association');
      await page.getByRole('button', { name: '报名' }).first().click();
      await page.getByRole('status').getByText('报名成功').waitFor();
      await nav.getByRole('link', { name: '我的学习', exact: true }).click();
      const attended = page.locator('tr[data-registration]', { hasText: '待缴费' });
      await attended.getByRole('button', { name: '缴费' }).click();
      const paid = page.locator('tr[data-registration]', { hasText: '已缴费' });
      await paid.waitFor();
      const registrationId = await paid.getAttribute('data-registration');
      graph.clock.set('2021-03-10T09:00:00+08:00');
      const outcome = await graph.execute(
        REPORT_OUTCOME,
        { registrationId, attendedFully: true, examPassed: true },
        ASSOCIATION_STAFF,
      );
      expect(outcome.errors).toBeUndefined();
      graph.clock.set(LATER);
      await context.clock.setFixedTime(new Date(LATER));
      expect(problems).toEqual([]);
      await page.reload();
      // Weeks later the token has expired: the record asks the learner to sign in again.
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('密码').fill('a-long-password-1');
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('tr[data-registration]', { hasText: '已完成' }).waitFor();
      // The expired token's refusals were the only failures.
      expect(problems.splice(0).filter((problem) => !problem.includes('401'))).toEqual([]);
      await page.getByRole('cell', { name: '知识产权基础' }).nth(1).waitFor();
      await page.getByRole('img', { name: '必修学时: 6 / 45' }).waitFor();

      await page.getByText('本周期').waitFor();
      expect(await page.locator('.bar').count()).toBeGreaterThanOrEqual(2);
      await page.getByRole('button', { name: '生成学时记录' }).click();
      const pdfLink = page.getByRole('link', { name: '下载 PDF' });
      await pdfLink.waitFor();
      const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
      expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
      const code = await page.locator('code').innerText();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'my-record');

      await nav.getByRole('link', { name: '学时记录验证', exact: true }).click();
      await page.getByLabel('验证码').fill(code);
      await page.getByRole('button', { name: '查询' }).click();
      const verified = page.getByRole('article');
      await verified.getByText('浏览器测试').waitFor();
      await verified.getByRole('cell', { name: '知识产权基础' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('verifies a transcript code for anyone, and says when no transcript has it', async () => {
    const { page, context, problems } = await visit('/#/verify');
    try {
      await page.getByLabel('验证码').fill('NO-SUCH-CODE');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('alert').waitFor();
      await expect(page.getByRole('alert').innerText()).resolves.toMatch(/验证码|学时记录/);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'verify');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
