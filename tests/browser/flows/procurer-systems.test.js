// A procurer records an information system through the form, reads its class, SLA items and the
// eligible services, narrows them and watches one as a candidate, and records that it uses one; its inbox holds the demo's messages
// about the services its systems use; the operator reads who uses which services. Each page is
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

test('a procurer classifies a system, records a usage, and is told about the services it uses', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });

  const procurer = await readerContext(chromium.browser);
  t.after(() => procurer.close());
  await signIn(procurer, 'procurer');
  const page = await procurer.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/systems', 'en'));
  seen(page, 'procurer');
  const form = page.locator('section.system-form form');
  await form.locator('input[name=name_ja]').fill('北町市 図書館システム');
  await form.locator('input[name=name_en]').fill('Kitamachi City library');
  await form.locator('input[name=function_ja]').fill('住民向けサービス');
  await form.locator('input[name=function_en]').fill('Service to residents');
  await form.locator('input[name=info1_ja]').fill('利用者の氏名');
  await form.locator('input[name=info1_en]').fill('Borrowers\u2019 names');
  await form.locator('select[name=c1]').selectOption('2');
  await form.locator('input[name=info2_ja]').fill('蔵書目録');
  await form.locator('input[name=info2_en]').fill('Catalogue');
  await form.locator('select[name=c2]').selectOption('1');
  await form.locator('select[name=availability]').selectOption('1');
  await saveScreenshot(page, 'systems-form', 'en');
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/systems/sys-')),
    form.locator('button[type=submit]').click(),
  ]);
  seen(page, 'procurer');
  assert.equal((await page.locator('strong.class').first().textContent()).trim(), 'C2-I-A1', 'classified');
  assert.ok((await page.locator('ul.advice').textContent()).includes('Borrowers'), 'advice to split names it');
  const eligible = page.locator('table.eligible tbody tr');
  assert.ok((await eligible.count()) >= 1, 'eligible services listed');
  const chosen = (await eligible.first().locator('.id').textContent()).trim();

  // Narrow the eligible services by model and deployment, and watch one as a candidate.
  const filters = page.locator('form.eligible-filters');
  await filters.locator('select[name=model]').selectOption('SaaS');
  await filters.locator('select[name=deployment]').selectOption('community');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('deployment') === 'community'),
    filters.locator('button[type=submit]').click(),
  ]);
  seen(page, 'procurer');
  const narrowed = page.locator('table.eligible tbody tr');
  assert.ok((await narrowed.count()) >= 1, 'community SaaS services listed');
  const candidate = (await narrowed.first().locator('.id').textContent()).trim();
  await Promise.all([
    page.waitForURL((url) => url.hash === '#watch'),
    narrowed.first().locator('button.watch').click(),
  ]);
  seen(page, 'procurer');
  const watched = page.locator('table.watch-list tbody tr');
  assert.equal(await watched.count(), 1, 'on the watch list');
  assert.ok((await watched.first().textContent()).includes(candidate), 'the candidate watched');
  assert.ok((await watched.first().textContent()).includes('Eligible'), 'still eligible');
  await saveScreenshot(page, 'system-watch-list', 'en');

  const usage = page.locator('section.usage-form form');
  await usage.locator('input[name=service]').fill(chosen);
  await usage.locator('input[name=from]').fill('2026-12-01');
  await usage.locator('input[name=note_en]').fill('Lending');
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/systems/sys-')),
    usage.locator('button[type=submit]').click(),
  ]);
  seen(page, 'procurer');
  const row = page.locator('table.usages tbody tr').filter({ hasText: chosen });
  assert.equal(await row.count(), 1, 'the usage is listed');
  assert.ok((await row.textContent()).includes('In use'), 'in use today');
  await saveScreenshot(page, 'system-usage', 'en');

  // The demo's story told the city about the services its systems use.
  await page.goto(pageUrl('/inbox', 'ja'));
  seen(page, 'procurer');
  const told = page.locator('tr.kind-service_in_use');
  assert.ok((await told.count()) >= 2, 'told about the services in use');
  assert.ok((await told.first().textContent()).includes('利用中のサービス'), 'in Japanese');
  await saveScreenshot(page, 'inbox-procurer', 'ja');
  assertNoErrors(watch);

  // The operator reads who uses the chosen service.
  const operator = await readerContext(chromium.browser);
  t.after(() => operator.close());
  await signIn(operator, 'admin');
  const admin = await operator.newPage();
  const adminWatch = watchErrors(admin);
  await admin.goto(pageUrl(`/usages?service=${chosen}`, 'en'));
  seen(admin, 'admin');
  const users = admin.locator('table.usages tbody tr').filter({ hasText: 'Kitamachi' });
  assert.ok((await users.count()) >= 1, 'the city is among its users');
  await saveScreenshot(admin, 'usages-operator', 'en');
  assertNoErrors(adminWatch);

  await scanVisited(chromium.browser, visited, ['procurer', 'admin']);
});
