import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { splitCsv } from '@xueshi/domain';
import { staff } from '@xueshi/registry/db';
import { hashPassword } from '@xueshi/registry/passwords';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_TIME, startTestGraph } from '../../../tests/harness/graph';
import type { TestGraph } from '../../../tests/harness/graph';
import { contractOperation } from '../../../tests/harness/contract';
import { insertSjtuSession, randomIdNumber } from '../../../tests/harness/fixtures';
import { registerAndPay } from '../../../tests/harness/journey';
import { signUpLearner } from '../../../tests/harness/learners';
import type { SignedUpLearner } from '../../../tests/harness/learners';

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
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const STAFF_PASSWORD = 'a-staff-password-1';
const ROSTER = /* GraphQL */ `
  query ($sessionId: ID!) {
    roster(sessionId: $sessionId) {
      id
      status
      outcome {
        attendedFully
        examPassed
      }
    }
  }
`;
const PHONE = { width: 390, height: 844 };
/** How long a page may take to show what an action changed (vitest polls for 1 s by default). */
const POLL = { timeout: 15_000 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the portal's browser tests: ${CHROMIUM} does not exist (scripts/ensure-chromium.sh installs it).`);
}

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests for anywhere but this machine (each was refused), page errors and failed responses. */
  problems: string[];
  /** Set by expireSignIn: from then on the graph refuses the page's token (401). */
  signInExpired?: boolean;
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

  async function visit(path: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
    const context = await browser.newContext({ viewport, timezoneId: 'Europe/London', acceptDownloads: true });
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

  /** Signs a member of staff in through the portal's staff sign-in. */
  async function staffSignIn(page: Page, username: string): Promise<void> {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
  }

  /** Two hours pass for the graph and the browser: the token signed in with has expired. */
  async function expireSignIn(visit: Visit): Promise<void> {
    const later = new Date(graph.clock.now().getTime() + 2 * 3600_000);
    graph.clock.set(later.toISOString());
    await visit.context.clock.setFixedTime(later);
    visit.signInExpired = true;
  }

  /**
   * The staff desk signed in as `username` on the graph's clock, for `use`; then nothing may have failed
   * but the refusals of a token expireSignIn expired.
   */
  async function atStaffDesk(username: string, use: (desk: Visit) => Promise<void>): Promise<void> {
    const desk = await visit('/#/staff');
    try {
      await desk.context.clock.setFixedTime(graph.clock.now());
      await staffSignIn(desk.page, username);
      await use(desk);
      expect(desk.problems.filter((problem) => !(desk.signInExpired && problem.includes('401')))).toEqual([]);
    } finally {
      await desk.context.close();
    }
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
      // The sign-up form has the same fields: typing before the sign-in form replaced it would fill that one.
      await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
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
      // Weeks later the token has expired: the public catalogue still shows, signed out, with no register buttons.
      await nav.getByRole('link', { name: '课程目录', exact: true }).click();
      await page.locator('table.catalogue tbody tr').first().waitFor();
      await nav.getByRole('link', { name: '登录', exact: true }).waitFor();
      await expect(page.getByRole('button', { name: '报名' }).count()).resolves.toBe(0);
      // The record asks the learner to sign in again, in place.
      await page.evaluate(() => {
        window.location.hash = '/me';
      });
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('密码').fill('a-long-password-1');
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('tr[data-registration]', { hasText: '已完成' }).waitFor();
      await expect(page.evaluate(() => Object.values(sessionStorage).join('\n'))).resolves.not.toContain('a-long-password-1');
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

      // Short of the cycle's hours: sessions open now that close the gap, each one click from registering.
      const suggestion = page.getByRole('region', { name: '可补足学时的班次' }).getByRole('listitem').first();
      const suggested = await suggestion.getAttribute('data-suggestion');
      await suggestion.getByRole('button', { name: '报名' }).click();
      await page.getByRole('status').getByText('报名成功').waitFor();
      await expect.poll(() => page.locator('tr[data-registration]', { hasText: '待缴费' }).count(), POLL).toBe(1);
      expect(suggested).toBeTruthy();

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

  it('shows the live-course notice first and prominently on a phone-sized screen', async () => {
    const { page, context, problems } = await visit('/?year=2021', PHONE);
    try {
      await page.locator('table.catalogue').waitFor();
      const notice = page.getByRole('note');
      await expect(notice.innerText()).resolves.toContain('直播课程请使用电脑参加，不建议使用 IE 浏览器，请提前测试电脑');
      const box = await notice.boundingBox();
      // Within the first screen, above the filters, in bold.
      expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      const filters = await page.getByRole('search').boundingBox();
      expect(box && filters && box.y < filters.y).toBe(true);
      await expect(notice.evaluate((element) => getComputedStyle(element).fontWeight)).resolves.toBe('700');
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'catalogue-phone');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe('for staff, the registrar and analysts', () => {
    let session: { id: string; endsAt: string };
    let learners: SignedUpLearner[];
    /** Another association session, whose two learners' outcomes are entered by table. */
    let tableSession: { id: string; endsAt: string };
    let tableRegistrations: { passes: string; fails: string };

    beforeAll(async () => {
      const registry = graph.subgraph('registry').database;
      const passwordHash = await hashPassword(STAFF_PASSWORD, 12);
      await registry.db.insert(staff).values([
        {
          username: 'association-staff',
          role: 'INSTITUTION_STAFF',
          institution: 'association',
          displayName: '协会工作人员',
          passwordHash,
        },
        { username: 'registrar', role: 'REGISTRAR', institution: null, displayName: '学时登记员', passwordHash },
        { username: 'analyst', role: 'ANALYST', institution: null, displayName: '统计分析员', passwordHash },
      ]);
      // Six learners paid for one of the association's sessions no one else in the suite takes (its second).
      const catalogue = await graph.execute<{
        institution: { profile: { courses: { sessions: { id: string; endsAt: string; registrationOpensAt: string }[] }[] } };
      }>(
        '{ institution(code: "association") { profile { courses(year: 2021) { sessions { id endsAt registrationOpensAt } } } } }',
        {},
        ASSOCIATION_STAFF,
      );
      const [, second, third] = catalogue.data?.institution.profile.courses[0]?.sessions ?? [];
      if (!second || !third) throw new Error(`no second and third association sessions: ${JSON.stringify(catalogue)}`);
      session = second;
      tableSession = third;
      graph.clock.set(second.registrationOpensAt);
      learners = [];
      for (let index = 0; index < 6; index += 1) {
        const learner = await signUpLearner(graph, { name: `学员${'甲乙丙丁戊己'[index] ?? ''}` });
        await registerAndPay(graph, learner, session.id);
        learners.push(learner);
      }
      if (third.registrationOpensAt > second.registrationOpensAt) graph.clock.set(third.registrationOpensAt);
      tableRegistrations = {
        passes: await registerAndPay(graph, await signUpLearner(graph, { name: '学员庚' }), third.id),
        fails: await registerAndPay(graph, await signUpLearner(graph, { name: '学员辛' }), third.id),
      };
      // The day after the third session's last day: both sessions' outcomes may be reported.
      graph.clock.set(new Date(Date.parse(third.endsAt) + 24 * 3600_000).toISOString());
    });

    it("lets an institution's staff upload the roster CSV: a bad row is shown and nothing saved, then the fixed file is saved", async () => {
      await atStaffDesk('association-staff', async (desk) => {
        const { page } = desk;
        const row = page.locator(`tr[data-session="${session.id}"]`);
        await row.getByRole('button', { name: '学员名单' }).click();
        const roster = page.locator('table.roster tbody tr');
        await expect.poll(() => roster.count(), POLL).toBe(6);
        expect(await page.locator('table.roster').innerText()).not.toContain(learners[0]?.idNumber);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'staff-sessions');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '下载名单 CSV' }).click(),
        ]);
        const table = splitCsv(await readFile(await download.path(), 'utf8')) ?? [];
        expect(table[0]).toEqual(['报名编号', '姓名', '工作单位', '全程参加', '考试合格']);
        const csvOf = (rows: string[][]) => `\uFEFF${rows.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
        const filled = table.map((cells, index) => (index === 0 ? cells : [...cells.slice(0, 3), '是', '是']));
        const withBadRow = filled.map((cells, index) => (index === 3 ? [...cells.slice(0, 4), '也许'] : cells));
        const upload = page.getByLabel('上传填好的名单 CSV');
        await upload.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(withBadRow)) });
        await page.getByRole('alert').getByText('请改正有错误的行').waitFor();
        const bad = page.locator('table.upload tr.row-error');
        await expect(bad.count()).resolves.toBe(1);
        await expect(bad.innerText()).resolves.toContain('“考试合格”应填“是”或“否”');
        await expect(bad.getAttribute('data-line')).resolves.toBe('4');
        await expect(page.getByRole('button', { name: '保存上传的考核结果' }).count()).resolves.toBe(0);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'staff-upload-bad-row');
        const before = await graph.execute<{ roster: { outcome: unknown }[] }>(
          ROSTER,
          { sessionId: session.id },
          ASSOCIATION_STAFF,
        );
        expect(before.data?.roster.map((entry) => entry.outcome)).toEqual(Array(6).fill(null));

        await upload.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(filled)) });
        await page.getByRole('button', { name: '保存上传的考核结果' }).click();
        await page.getByRole('status').getByText('考核结果已保存').waitFor();
        const after = await graph.execute<{ roster: { status: string; outcome: unknown }[] }>(
          ROSTER,
          { sessionId: session.id },
          ASSOCIATION_STAFF,
        );
        expect(after.data?.roster.map((entry) => [entry.status, entry.outcome])).toEqual(
          Array(6).fill(['COMPLETED', { attendedFully: true, examPassed: true }]),
        );
        await expect(roster.locator('input[type="checkbox"]:checked').count()).resolves.toBe(12);
      });
    });

    it("lets an institution's staff enter outcomes by table; an expired sign-in keeps the roster's ticks", async () => {
      await atStaffDesk('association-staff', async (desk) => {
        const { page } = desk;
        await page.locator(`tr[data-session="${tableSession.id}"]`).getByRole('button', { name: '学员名单' }).click();
        const roster = page.locator('table.roster');
        await expect.poll(() => roster.locator('tbody tr').count(), POLL).toBe(2);
        await roster.getByLabel('学员庚 全程参加').check();
        await roster.getByLabel('学员庚 考试合格').check();
        await roster.getByLabel('学员辛 全程参加').check();

        // The token expires before they save: signing in again opens the same roster, ticked as they left it.
        await expireSignIn(desk);
        await page.getByRole('button', { name: '保存考核结果' }).click();
        await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
        await staffSignIn(page, 'association-staff');
        await expect.poll(() => roster.locator('input[type="checkbox"]:checked').count(), POLL).toBe(3);
        await expect(roster.getByLabel('学员辛 考试合格').isChecked()).resolves.toBe(false);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'staff-outcomes-table');
        await page.getByRole('button', { name: '保存考核结果' }).click();
        await page.getByRole('status').getByText('考核结果已保存').waitFor();

        const saved = await graph.execute<{ roster: { id: string; status: string; outcome: unknown }[] }>(
          ROSTER,
          { sessionId: tableSession.id },
          ASSOCIATION_STAFF,
        );
        expect(new Map(saved.data?.roster.map((entry) => [entry.id, [entry.status, entry.outcome]]))).toEqual(
          new Map([
            [tableRegistrations.passes, ['COMPLETED', { attendedFully: true, examPassed: true }]],
            [tableRegistrations.fails, ['FAILED', { attendedFully: true, examPassed: false }]],
          ]),
        );
        await expect
          .poll(() => roster.locator(`tr[data-registration="${tableRegistrations.fails}"]`).innerText(), POLL)
          .toContain('未通过');
        await expect(roster.locator(`tr[data-registration="${tableRegistrations.passes}"]`).innerText()).resolves.toContain(
          '已完成',
        );
      });
    });

    it("lets an institution's staff edit its contacts, kept over an expired sign-in, and anyone then sees them", async () => {
      let first = '';
      await atStaffDesk('association-staff', async (desk) => {
        const { page } = desk;
        const editor = page.getByRole('form', { name: '联系人' });
        const names = editor.getByLabel('姓名');
        const phones = editor.getByLabel('电话');
        await names.first().waitFor();
        const count = await names.count();
        first = await names.first().inputValue();
        await phones.first().fill('31263858-208、13800000000');
        await editor.getByRole('button', { name: '添加联系人' }).click();
        await names.last().fill('周老师');
        await phones.last().fill('64000000');

        await expireSignIn(desk);
        await editor.getByRole('button', { name: '保存联系人' }).click();
        await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
        await staffSignIn(page, 'association-staff');
        await expect.poll(() => names.count(), POLL).toBe(count + 1);
        await expect(names.last().inputValue()).resolves.toBe('周老师');
        await expect(phones.first().inputValue()).resolves.toBe('31263858-208、13800000000');
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'staff-contacts');
        await editor.getByRole('button', { name: '保存联系人' }).click();
        await page.getByRole('status').getByText('联系人已保存').waitFor();
      });

      // Anyone, signed in or not, sees the new contacts on the catalogue's institutions.
      const visitor = await visit('/?year=2021');
      try {
        const card = visitor.page
          .getByRole('article')
          .filter({ has: visitor.page.getByRole('heading', { name: /上海继续工程教育协会/ }) });
        await card.getByText('周老师 64000000').waitFor();
        await expect(card.innerText()).resolves.toContain(`${first} 31263858-208、13800000000；`);
        expect(visitor.problems).toEqual([]);
      } finally {
        await visitor.context.close();
      }
    });

    it("lets an institution's staff move a session later with a reason and open another", async () => {
      await atStaffDesk('association-staff', async (desk) => {
        const { page } = desk;
        const rows = page.locator('tr[data-session]');
        await rows.first().waitFor();
        const count = await rows.count();
        const last = rows.last();
        await expect(last.innerText()).resolves.toContain('2021/12/07 09:00');
        await last.getByRole('button', { name: '改期' }).click();
        const change = last.getByRole('form', { name: '改期' });
        await change.getByLabel('开始时间').fill('2021-12-14T09:00');
        await change.getByLabel('结束时间').fill('2021-12-14T16:30');
        await change.getByLabel('原因').fill('讲师时间调整');

        // The token expires before they save: signing in again brings the form back as they left it.
        await expireSignIn(desk);
        await change.getByRole('button', { name: '保存' }).click();
        await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
        await staffSignIn(page, 'association-staff');
        const kept = rows.last().getByRole('form', { name: '改期' });
        await expect(kept.getByLabel('开始时间').inputValue()).resolves.toBe('2021-12-14T09:00');
        await expect(kept.getByLabel('结束时间').inputValue()).resolves.toBe('2021-12-14T16:30');
        await expect(kept.getByLabel('原因').inputValue()).resolves.toBe('讲师时间调整');
        await expect(page.evaluate(() => Object.values(sessionStorage).join('\n'))).resolves.not.toContain(STAFF_PASSWORD);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'staff-dates-kept');
        await kept.getByRole('button', { name: '保存' }).click();
        await page.getByRole('status').getByText('班次时间已修改').waitFor();
        await expect.poll(() => rows.last().innerText(), POLL).toContain('2021/12/14 09:00');
        await expect(rows.last().innerText()).resolves.toContain('已改期 1');

        const open = page.getByRole('form', { name: '开设班次' });
        // A live session: in 2021 face-to-face training is the employers' own alone (the plan).
        await open.getByLabel('授课方式').selectOption('LIVE_ONLINE');
        await open.getByLabel('开始时间').fill('2021-12-21T09:00');
        await open.getByLabel('结束时间').fill('2021-12-21T16:30');
        await open.getByLabel('开始报名时间').fill('2021-11-23T10:00');
        await open.getByLabel('名额').fill('40');
        await open.getByRole('button', { name: '开设班次' }).click();
        await page.getByRole('status').getByText('班次已开设').waitFor();
        await expect.poll(() => rows.count(), POLL).toBe(count + 1);
        await expect(rows.last().innerText()).resolves.toMatch(/2021\/12\/21 09:00[\s\S]*网络直播[\s\S]*0 \/ 40/);
      });
    });

    it('lets the registrar find a learner by full ID number (shown masked) and reverse a credit entry; an expired sign-in keeps the form', async () => {
      await atStaffDesk('registrar', async (desk) => {
        const { page } = desk;
        const learner = learners[0];
        if (!learner) throw new Error('no learners');
        await page.getByLabel('完整身份证号').fill(` ${learner.idNumber.toLowerCase()} `);
        await page.getByRole('button', { name: '查找' }).click();
        const found = page.getByRole('article');
        await found.getByRole('heading', { name: /学员甲/ }).waitFor();
        const shown = await page.locator('main').innerText();
        expect(shown).toContain(`${learner.idNumber.slice(0, 3)}***********${learner.idNumber.slice(-4)}`);
        expect(shown).not.toContain(learner.idNumber);
        const entry = found.locator('tr[data-entry]').first();
        await entry.getByRole('button', { name: '冲销' }).click();
        await entry.getByLabel('原因').fill('考核记录有误，经核实撤销');
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'registrar-reverse');
        await entry.getByRole('button', { name: '确认冲销' }).click();
        await page.getByRole('status').getByText('学时已冲销').waitFor();
        await expect.poll(() => found.locator('tr[data-entry]').count(), POLL).toBe(2);
        await expect(found.locator('tr[data-entry]').allInnerTexts()).resolves.toContainEqual(expect.stringContaining('-'));
        await expect(found.getByRole('button', { name: '冲销' }).count()).resolves.toBe(0);

        // The registrar fills in a form, the token expires meanwhile: sign in again, the form is as it was.
        const record = found.getByRole('form', { name: '登记学时' });
        await record.getByLabel('课程').fill('经认可的讲座：科技创新');
        await record.getByLabel('学时').fill('3');
        await record.getByLabel('完成日期').fill('2021-03-05');
        await record.getByLabel('原因').fill('讲座类课程，经协会认可');
        await expireSignIn(desk);
        await record.getByRole('button', { name: '登记学时' }).click();
        await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
        await screenshot(page, 'sign-in-again');
        await staffSignIn(page, 'registrar');
        const kept = page.getByRole('article').getByRole('form', { name: '登记学时' });
        await expect(kept.getByLabel('课程').inputValue()).resolves.toBe('经认可的讲座：科技创新');
        await expect(kept.getByLabel('原因').inputValue()).resolves.toBe('讲座类课程，经协会认可');
        await expect(kept.getByLabel('学时').inputValue()).resolves.toBe('3');
        await kept.getByRole('button', { name: '登记学时' }).click();
        await page.getByRole('status').getByText('学时已登记').waitFor();
        await expect.poll(() => page.getByRole('article').locator('tr[data-entry]').count(), POLL).toBe(3);
        await expect(kept.getByLabel('课程').inputValue()).resolves.toBe('');
      });
    });

    it("draws an analyst's programme statistics and cycle compliance as charts and tables, and downloads them as CSV", async () => {
      await atStaffDesk('analyst', async (desk) => {
        const { page } = desk;
        await page.getByRole('heading', { name: /年度统计 2021/ }).waitFor();
        await page.getByRole('heading', { name: /周期达标情况 2021–2023/ }).waitFor();
        const charts = page.locator('.chart canvas');
        await expect.poll(() => charts.count(), POLL).toBe(2);
        for (const chart of await charts.all()) {
          // Something is drawn: some pixel of the canvas is not transparent.
          const drawn = await chart.evaluate((canvas: HTMLCanvasElement) => {
            const { width, height } = canvas;
            const pixels = canvas.getContext('2d')?.getImageData(0, 0, width, height).data ?? new Uint8ClampedArray();
            return width > 0 && height > 0 && pixels.some((value, index) => index % 4 === 3 && value > 0);
          });
          expect(drawn).toBe(true);
        }
        // The year's registrations: the six learners' at least (an institution of fewer than 5 shows —).
        const total = page.getByRole('row', { name: /全年合计/ });
        await expect(total.locator('td').first().innerText().then(Number)).resolves.toBeGreaterThanOrEqual(6);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'analytics');
        const [statistics] = await Promise.all([
          page.waitForEvent('download'),
          page
            .getByRole('region', { name: /年度统计/ })
            .getByRole('button', { name: '下载 CSV' })
            .click(),
        ]);
        expect(statistics.suggestedFilename()).toBe('programme-statistics-2021.csv');
        const csv = await readFile(await statistics.path(), 'utf8');
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv).toContain('上海继续工程教育协会');
        const [compliance] = await Promise.all([
          page.waitForEvent('download'),
          page
            .getByRole('region', { name: /周期达标情况/ })
            .getByRole('button', { name: '下载 CSV' })
            .click(),
        ]);
        expect(compliance.suggestedFilename()).toBe('cycle-compliance-2021.csv');
        expect((await readFile(await compliance.path(), 'utf8')).split('\n').length).toBeGreaterThanOrEqual(2);
      });
    });
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

  // Last: the graph's clock moves to the end of 2026 for it.
  it("shows a learner their credit waiting for next year's official calendar, not yet counted", async () => {
    // Monday–Tuesday 28–29 December 2026: ten working days later is in 2027, whose calendar is not held.
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2026-browser-dec',
      firstDay: '2026-12-28',
    });
    graph.clock.set('2026-12-01T10:00:00+08:00');
    const password = 'a-long-password-2';
    const learner = await signUpLearner(graph, { name: '待定学员', password });
    const registrationId = await registerAndPay(graph, learner, sessionId);
    graph.clock.set('2026-12-30T09:00:00+08:00');
    const reported = await graph.execute(REPORT_OUTCOME, { registrationId, attendedFully: true, examPassed: true }, SJTU_STAFF);
    expect(reported.errors).toBeUndefined();

    const { page, context, problems } = await visit('/#/me');
    await context.clock.setFixedTime(graph.clock.now());
    try {
      await page.getByLabel('身份证号').fill(learner.idNumber);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      const pending = page.getByRole('region', { name: '待确认可查询日期的学时' });
      await pending.waitFor();
      await expect(pending.locator('tbody tr').allInnerTexts()).resolves.toEqual([
        expect.stringMatching(/^数据分析基础\s+上海交通大学\s+必修\s+12\s+2026-12-29\s+国务院节假日安排 2027$/),
      ]);
      // Recorded, but not counted in the cycle until it has its visible day.
      await page.locator('tr[data-registration]', { hasText: '已完成' }).waitFor();
      await page.getByRole('img', { name: /^总学时: 0 \// }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'pending-credit');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
