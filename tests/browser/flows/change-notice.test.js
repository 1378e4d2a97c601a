// A provider reports a change of its registered service from the entry's page, reads the
// notice with its deadline in business days, an operator acknowledges it from the notice's page,
// and the public then reads the change in the entry's record of changes. Each page is
// screenshotted and scanned with axe-core as the one who saw it.
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
const ENTRY = 'C25-0004';

test('a provider reports a change, an operator acknowledges it, the public reads it', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });
  const summaryEn = `Backups are now copied to a second region (${new Date().toISOString()})`;

  // The provider reports a routine change from the entry's page.
  const provider = await readerContext(chromium.browser);
  t.after(() => provider.close());
  await signIn(provider, 'provider');
  const page = await provider.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl(`/registry/${ENTRY}`, 'ja'));
  seen(page, 'provider');
  const form = page.locator('#change-notice');
  assert.equal(await form.count(), 1, 'the change form');
  await saveScreenshot(page, 'change-notice-form', 'ja');
  const today = new Date().toISOString().slice(0, 10);
  await form.locator('select[name=category]').selectOption('implementation');
  await form.locator('input[name=effective_on]').fill(today);
  await form.locator('textarea[name=summary_ja]').fill('バックアップを第二のリージョンにも複製するようにした');
  await form.locator('textarea[name=summary_en]').fill(summaryEn);
  await form.locator('textarea[name=controls]').fill('12.3.1');
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/change-notices/cn-')),
    form.locator('button[type=submit]').click(),
  ]);
  const notice = new URL(page.url()).pathname;
  seen(page, 'provider');
  assert.ok((await page.locator('.summary').textContent()).includes('第二のリージョン'), 'the summary');
  assert.equal(await page.locator('#acknowledge').count(), 0, 'the provider does not acknowledge');
  await saveScreenshot(page, 'change-notice-filed', 'ja');
  assertNoErrors(watch);

  // An operator acknowledges it from the notice's page, reached from the queue.
  const admin = await readerContext(chromium.browser);
  t.after(() => admin.close());
  await signIn(admin, 'admin');
  const adminPage = await admin.newPage();
  const adminWatch = watchErrors(adminPage);
  await adminPage.goto(pageUrl('/change-notices?status=filed', 'en'));
  seen(adminPage, 'admin');
  await Promise.all([
    adminPage.waitForURL((url) => url.pathname === notice),
    adminPage.locator(`a[href^="${notice}"]`).first().click(),
  ]);
  seen(adminPage, 'admin');
  const ack = adminPage.locator('#acknowledge');
  assert.equal(await ack.count(), 1, 'the acknowledgement form');
  assert.equal(await ack.locator('input[name=audit_due_on]').count(), 0, 'a routine change needs no new audit');
  await ack.locator('textarea[name=note_en]').fill('Recorded in the registry');
  await Promise.all([
    adminPage.waitForURL((url) => url.pathname === notice),
    ack.locator('button[type=submit]').click(),
  ]);
  assert.equal(await adminPage.locator('#acknowledge').count(), 0, 'acknowledged once');
  assert.ok((await adminPage.locator('dl.facts').textContent()).includes('Recorded in the registry'));
  await saveScreenshot(adminPage, 'change-notice-acknowledged', 'en');
  assertNoErrors(adminWatch);

  // Everyone reads the change on the entry's page, and the provider finds the message.
  const reader = await readerContext(chromium.browser);
  t.after(() => reader.close());
  const publicPage = await reader.newPage();
  await publicPage.goto(pageUrl(`/registry/${ENTRY}`, 'en'));
  seen(publicPage, null);
  assert.equal(await publicPage.locator('ol.changes li').filter({ hasText: summaryEn }).count(), 1, 'the change is public');
  assert.equal(await publicPage.locator('#change-notice').count(), 0, 'no form for the public');
  await saveScreenshot(publicPage, 'change-notice-public', 'en');
  await page.goto(pageUrl('/inbox', 'en'));
  seen(page, 'provider');
  assert.ok((await page.locator('tr.kind-change_acknowledged').count()) >= 1, 'the provider is told');

  await scanVisited(chromium.browser, visited, ['provider', 'admin', null]);
});
