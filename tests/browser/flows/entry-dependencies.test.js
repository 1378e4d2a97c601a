// From the list to an entry, and from the entry to a service it is built on and back.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { demoEntry } from '../support/demo-registry.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

// C25-0001 (SaaS) is built on C24-0003, which is built on C23-0001: the list shows both levels.
const ENTRY = demoEntry('C25-0001');
const BASE = demoEntry('C24-0003');

/** What follows the h3 named `name` (the list of a dependency section, or "none"). */
function sectionAfter(page, name) {
  return page.getByRole('heading', { level: 3, name, exact: true }).locator('xpath=following-sibling::*[1]');
}

test('an entry opened from the list links to the service it is built on, which links back', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl(`/registry?q=${encodeURIComponent(ENTRY.service_name.ja)}`, 'ja'));

  await page.getByRole('link', { name: ENTRY.service_name.ja, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/registry/${ENTRY.id}`);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ja', 'the language carries over');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), ENTRY.service_name.ja);

  const builtOn = sectionAfter(page, '基盤としているサービス');
  assert.ok(ENTRY.built_on.includes(BASE.id));
  await builtOn.getByRole('link', { name: BASE.service_name.ja, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/registry/${BASE.id}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), BASE.service_name.ja);

  const usedBy = sectionAfter(page, 'このサービスを基盤とするサービス');
  assert.equal(await usedBy.getByRole('link', { name: ENTRY.service_name.ja, exact: true }).count(), 1, 'links back');
  assertNoErrors(watch);
});
