// Filtering the registry by level and status with the list's form.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertListedEntries } from '../support/demo-registry.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { resultCount, resultIds, resultRows } from '../support/registry-page.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

test('level 2 and status registered list only those entries, and the form keeps them', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/registry', 'ja'));

  const level = page.locator('select[name="level"]');
  const status = page.locator('select[name="status"]');
  await level.selectOption('2');
  await status.selectOption('registered');
  const registeredLabel = (await status.locator('option[value="registered"]').textContent()).trim();
  await page.locator('form[role="search"] button[type="submit"]').click();
  await page.waitForURL((url) => url.searchParams.get('level') === '2' && url.searchParams.get('status') === 'registered');

  const rows = await resultRows(page);
  assert.ok(rows.length > 0, 'some results');
  for (const row of rows) {
    assert.equal(row.level, '2', `${row.id} level`);
    assert.equal(row.status, registeredLabel, `${row.id} status`);
  }
  await assertListedEntries(await resultIds(page), (entry) => entry.level === 2 && entry.status === 'registered');
  assert.equal(await resultCount(page), rows.length, 'the announced count');
  assert.equal(await level.inputValue(), '2', 'the level stays chosen');
  assert.equal(await status.inputValue(), 'registered', 'the status stays chosen');
  assertNoErrors(watch);
});
