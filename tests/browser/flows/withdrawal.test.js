// A provider withdraws its registration from the entry's page; the services built on it fall in
// cascade at once: the public reads each one deregistered with a notice naming the withdrawn
// base, and the provider of a fallen service finds the message in its inbox. Each page is
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
// Registered by kasumi-systems (the demo user provider2); C25-0010 (kasumi-systems) and
// C26-0002 (minato-data) are built on it, their audits not evaluating it. No other flow reads
// these three entries.
const WITHDRAWN = 'C25-0006';
const FALLING = ['C25-0010', 'C26-0002'];

test('a provider withdraws a registration and what is built on it falls in cascade', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });

  const provider = await readerContext(chromium.browser);
  t.after(() => provider.close());
  await signIn(provider, 'provider2');
  const page = await provider.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl(`/registry/${WITHDRAWN}`, 'en'));
  seen(page, 'provider2');
  const form = page.locator('#withdraw');
  assert.equal(await form.count(), 1, 'the withdrawal form for its provider');
  await saveScreenshot(page, 'withdrawal-form', 'en');
  await form.locator('textarea[name=reason_ja]').fill('サービスを後継の製品に統合するため');
  await form.locator('textarea[name=reason_en]').fill('the service is merged into its successor');
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/registry/${WITHDRAWN}`),
    form.locator('button[type=submit]').click(),
  ]);
  seen(page, 'provider2');
  assert.equal(await page.locator('.status.status-deregistered').count(), 1, 'withdrawn');
  assert.equal(await page.locator('#withdraw').count(), 0, 'withdrawn once');
  const withdrawalNotice = page.locator('article.notice').filter({ hasText: 'has been withdrawn' });
  assert.equal(await withdrawalNotice.count(), 1, 'the withdrawal is announced');
  assert.ok((await withdrawalNotice.textContent()).includes('merged into its successor'), 'with its reason');
  await saveScreenshot(page, 'withdrawal-done', 'en');
  assertNoErrors(watch);

  // The public reads each service built on it deregistered, naming the withdrawn base, in
  // both languages.
  const reader = await readerContext(chromium.browser);
  t.after(() => reader.close());
  const publicPage = await reader.newPage();
  const publicWatch = watchErrors(publicPage);
  for (const entry of FALLING) {
    await publicPage.goto(pageUrl(`/registry/${entry}`, 'en'));
    seen(publicPage, null);
    assert.equal(await publicPage.locator('.status.status-deregistered').count(), 1, `${entry} fell`);
    const cascade = publicPage.locator('article.notice').filter({ hasText: 'ended in cascade' });
    assert.equal(await cascade.count(), 1, `${entry}: the cascade is announced`);
    assert.ok((await cascade.textContent()).includes(WITHDRAWN), `${entry}: naming its base`);
  }
  await publicPage.goto(pageUrl(`/registry/${FALLING[1]}`, 'ja'));
  seen(publicPage, null);
  assert.ok(
    (await publicPage.locator('article.notice').filter({ hasText: '連鎖' }).textContent()).includes(WITHDRAWN),
    'the cascade in Japanese',
  );
  await saveScreenshot(publicPage, 'withdrawal-cascade', 'ja');
  assertNoErrors(publicWatch);

  // The withdrawing provider is also the provider of C25-0010 (Kasumi Public Accounting
  // Cloud): told that it fell.
  await page.goto(pageUrl('/inbox', 'en'));
  seen(page, 'provider2');
  const told = page.locator('tr.kind-fell_in_cascade').filter({ hasText: 'Kasumi Public Accounting Cloud' });
  assert.ok((await told.count()) >= 1, 'the provider of a fallen service is told');
  await saveScreenshot(page, 'withdrawal-inbox', 'en');

  await scanVisited(chromium.browser, visited, ['provider2', null]);
});
