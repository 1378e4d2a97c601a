// A provider's work in Japanese with plain forms: describe a service, start its statement,
// answer one control objective and see the pre-check run again, submit the version (it is
// frozen), and order an audit of it. Each page is screenshotted and scanned with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blockingViolations, describeViolations } from '../support/accessibility.js';
import { readerContext, scanContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signIn } from '../support/sign-in.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

/** The number of pre-check findings at the target level, as the page's summary shows it. */
async function findingsAtTarget(page) {
  return Number(await page.locator('aside.precheck strong').first().textContent());
}

/** A day as YYYY-MM-DD, `months` from today. */
function day(months) {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/**
 * An audit body selected today, as the scheme operator records it. The demo world records its
 * audit bodies' selection; an older one without it gets it here, through the API as an
 * administrator would.
 */
async function ensureSelectedAuditBody(browser) {
  const context = await readerContext(browser);
  try {
    await signIn(context, 'provider');
    const page = await context.newPage();
    await page.goto(pageUrl('/audits/new', 'ja'));
    if ((await page.locator('#audit_body option').count()) > 0) return;
    await context.clearCookies();
    await signIn(context, 'admin');
    await page.goto(pageUrl('/start', 'ja'));
    const token = await page.locator('header input[name=csrf_token]').getAttribute('value');
    const answer = await page.request.put(new URL('/api/v1/audit-bodies/aoba-audit/selection', page.url()).href, {
      headers: { 'x-csrf-token': token },
      data: { status: 'selected', valid_from: day(-12), valid_until: day(24) },
    });
    assert.ok(answer.ok(), await answer.text());
  } finally {
    await context.close();
  }
}

test('a provider writes, pre-checks and submits a statement, then orders an audit', async (t) => {
  await ensureSelectedAuditBody(chromium.browser);
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  await signIn(context, 'provider');
  const page = await context.newPage();
  const watch = watchErrors(page);
  const visited = [];
  const step = async (name) => {
    visited.push(new URL(page.url()).pathname + new URL(page.url()).search);
    await saveScreenshot(page, `provider-${name}`, 'ja');
  };

  // The service.
  await page.goto(pageUrl('/start', 'ja'));
  await Promise.all([page.waitForURL((url) => url.pathname === '/services/new'), page.getByRole('link', { name: 'サービスを登録する' }).click()]);
  await page.locator('#name_ja').fill('ブラウザ試験メール');
  await page.locator('#name_en').fill('Browser Test Mail');
  await page.locator('#model_SaaS').check();
  await page.locator('#scope_SaaS_ja').fill('アプリケーションまで');
  await page.locator('#deployment_public').check();
  await page.locator('#scope_ja').fill('本番環境');
  await step('service-new');
  await Promise.all([
    page.waitForURL((url) => /^\/services\/svc-[0-9a-f]+$/.test(url.pathname)),
    page.getByRole('button', { name: '保存する', exact: true }).click(),
  ]);
  assert.equal(await page.locator('h1').evaluate((h1) => h1.firstChild.textContent.trim()), 'ブラウザ試験メール');
  await step('service');

  // Its statement, written against the published criteria at level 1.
  await page.locator('#target_level').selectOption('1');
  await Promise.all([
    page.waitForURL((url) => /^\/statements\/svc-[0-9a-f]+-v1$/.test(url.pathname)),
    page.getByRole('button', { name: '新しい版を作る' }).click(),
  ]);
  const statement = new URL(page.url()).pathname;
  const before = await findingsAtTarget(page);
  assert.ok(before > 0, 'an empty draft has findings');
  await step('statement');

  // One objective: every control selected with its individual control and an example.
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith(`${statement}/objectives/`)),
    page.locator('#objectives + table a').first().click(),
  ]);
  const controls = page.locator('form.work fieldset.control');
  const count = await controls.count();
  assert.ok(count > 0, 'the objective has controls');
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    await control.locator('input[type=radio][value=selected]').check();
    await control.locator('textarea[name^="individual_ja|"]').fill('手順書に従い実施する');
    await control.locator('textarea[name^="individual_en|"]').fill('Done by the runbook');
    await control.locator('select[name^="responsibility|"]').selectOption('csp');
    const examples = control.locator('input[type=checkbox][name^="example|"]');
    if ((await examples.count()) > 0) await examples.first().check();
  }
  await step('objective');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('saved') === '1'),
    page.getByRole('button', { name: '保存して事前チェックする' }).click(),
  ]);
  assert.equal(await page.locator('p[role=status]').count(), 1, 'saved');
  assert.equal(await page.locator('fieldset.control .field-problem').count(), 0, 'no finding left in the objective');
  assert.ok((await findingsAtTarget(page)) < before, 'the pre-check ran again with fewer findings');
  await step('objective-saved');

  // Submitted after the confirmation: the version is frozen.
  await page.goto(pageUrl(statement, 'ja'));
  await Promise.all([page.waitForURL((url) => url.pathname === `${statement}/submit`), page.getByRole('link', { name: '言明書を提出する' }).click()]);
  await step('submit');
  await Promise.all([page.waitForURL((url) => url.pathname === statement), page.getByRole('button', { name: '確定して提出する' }).click()]);
  assert.equal(await page.locator('p.frozen').count(), 1, 'frozen');
  assert.equal(await page.getByRole('link', { name: '言明書を提出する' }).count(), 0);

  // The audit, ordered from the service page.
  await Promise.all([page.waitForURL((url) => /^\/services\/svc-[0-9a-f]+$/.test(url.pathname)), page.locator('.crumbs a').nth(1).click()]);
  await Promise.all([page.waitForURL((url) => url.pathname === '/audits/new'), page.getByRole('link', { name: '監査を依頼する' }).click()]);
  await page.locator('#audit_body').selectOption('aoba-audit');
  await page.locator('#period_start').fill(day(-6));
  await page.locator('#period_end').fill(day(3));
  await step('audit-new');
  await Promise.all([
    page.waitForURL((url) => /^\/audits\/au-[0-9a-f]+$/.test(url.pathname)),
    page.getByRole('button', { name: '監査を依頼する' }).click(),
  ]);
  assert.ok((await page.locator('dl.facts').textContent()).includes('受諾待ち'));
  await step('audit');
  assertNoErrors(watch);

  // Every page of the flow passes the accessibility scan.
  const scan = await scanContext(chromium.browser);
  try {
    await signIn(scan, 'provider');
    const scanned = await scan.newPage();
    for (const address of visited) {
      await scanned.goto(new URL(address, pageUrl('/', 'ja')).href);
      const violations = await blockingViolations(scanned);
      assert.equal(violations.length, 0, `${address}: axe-core found:\n${describeViolations(violations)}`);
    }
  } finally {
    await scan.close();
  }
});
