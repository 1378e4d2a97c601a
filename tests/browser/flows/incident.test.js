// An incident from its quick report to the suspension of the registration and its
// reinstatement: the provider reports from the entry's page and files the final report from
// the incident's page, an administrator suspends (the registry list, the entry's page and the
// feed show it first) and reinstates. Each page is screenshotted and scanned with axe-core as the
// one who saw it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { scanVisited } from '../support/scan-visited.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signIn } from '../support/sign-in.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();
// Registered by the demo provider (sakura-cloud-works) and valid into 2027.
const ENTRY = 'C24-0005';

async function decide(page, measure, title) {
  const form = page.locator('#decide');
  await form.locator('select[name=measure]').selectOption(measure);
  await form.locator('textarea[name=reason_ja]').fill('確報を検討した');
  await form.locator('textarea[name=reason_en]').fill(`decided: ${measure}`);
  await form.locator('input[name=notice_title_ja]').fill('インシデントへの措置');
  await form.locator('input[name=notice_title_en]').fill(title);
  await form.locator('textarea[name=notice_body_ja]').fill('運用者が措置を決定した。');
  await form.locator('textarea[name=notice_body_en]').fill('The operator decided its measure.');
  const here = new URL(page.url()).pathname;
  await Promise.all([page.waitForURL((url) => url.pathname === here), form.locator('button[type=submit]').click()]);
}

test('an incident goes from its quick report to a suspension and a reinstatement', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });
  const stamp = new Date().toISOString();

  // The provider's quick report, from the entry's page.
  const provider = await readerContext(chromium.browser);
  t.after(() => provider.close());
  await signIn(provider, 'provider');
  const page = await provider.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl(`/registry/${ENTRY}`, 'en'));
  seen(page, 'provider');
  const quick = page.locator('#incident');
  await quick.locator('input[name=discovered_on]').fill(stamp.slice(0, 10));
  await quick.locator('textarea[name=summary_ja]').fill('管理画面に一時的にログインできなかった');
  await quick.locator('textarea[name=summary_en]').fill(`The console could not be reached (${stamp})`);
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/incidents/in-')),
    quick.locator('button[type=submit]').click(),
  ]);
  const incident = new URL(page.url()).pathname;
  seen(page, 'provider');
  await saveScreenshot(page, 'incident-quick-report', 'en');

  // The final report, from the incident's page.
  const final = page.locator('#final-report');
  await final.locator('textarea[name=cause_ja]').fill('負荷分散装置の設定誤り');
  await final.locator('textarea[name=cause_en]').fill('a wrong load balancer setting');
  await final.locator('textarea[name=impact_ja]').fill('30 分間ログインできなかった');
  await final.locator('textarea[name=impact_en]').fill('no sign-in for thirty minutes');
  await final.locator('textarea[name=measures_ja]').fill('設定の変更を二名で確認する');
  await final.locator('textarea[name=measures_en]').fill('two people check every setting change');
  await final.locator('textarea[name=services_affected]').fill(ENTRY);
  await Promise.all([page.waitForURL((url) => url.pathname === incident), final.locator('button[type=submit]').click()]);
  assert.ok((await page.locator('dl.final-report').textContent()).includes('load balancer'), 'the final report');
  await saveScreenshot(page, 'incident-final-report', 'en');
  assertNoErrors(watch);

  // An administrator suspends: the registry shows it first everywhere.
  const admin = await readerContext(chromium.browser);
  t.after(() => admin.close());
  await signIn(admin, 'admin');
  const adminPage = await admin.newPage();
  const adminWatch = watchErrors(adminPage);
  await adminPage.goto(pageUrl('/incidents', 'ja'));
  seen(adminPage, 'admin');
  await Promise.all([
    adminPage.waitForURL((url) => url.pathname === incident),
    adminPage.locator(`a[href^="${incident}"]`).first().click(),
  ]);
  seen(adminPage, 'admin');
  await decide(adminPage, 'suspend', `Suspended after an incident (${stamp})`);
  await saveScreenshot(adminPage, 'incident-suspended', 'ja');

  const reader = await readerContext(chromium.browser);
  t.after(() => reader.close());
  const publicPage = await reader.newPage();
  await publicPage.goto(pageUrl(`/registry/${ENTRY}`, 'en'));
  seen(publicPage, null);
  assert.equal(await publicPage.locator('.suspended-banner').count(), 1, 'the banner on the entry');
  await saveScreenshot(publicPage, 'incident-entry-suspended', 'en');
  await publicPage.goto(pageUrl(`/registry?q=${ENTRY}`, 'en'));
  seen(publicPage, null);
  assert.equal(await publicPage.locator('tr.row-suspended').count(), 1, 'the row in the list');
  const feed = await (await reader.request.get(pageUrl('/registry/feed.atom', 'en'))).text();
  assert.ok(feed.includes(`[Suspended now]`) && feed.includes(stamp), 'the feed says so');

  // And reinstates.
  await decide(adminPage, 'reinstate', `Reinstated (${stamp})`);
  assert.equal(await adminPage.locator('ol.decisions li').count(), 2, 'both decisions');
  await publicPage.goto(pageUrl(`/registry/${ENTRY}`, 'en'));
  assert.equal(await publicPage.locator('.suspended-banner').count(), 0, 'no banner once reinstated');
  assert.ok((await publicPage.locator('article.notice').filter({ hasText: `Reinstated (${stamp})` }).count()) === 1, 'the notice');
  assertNoErrors(adminWatch);

  await scanVisited(chromium.browser, visited, ['provider', 'admin', null]);
});
