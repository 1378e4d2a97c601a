// Searching the registry in Japanese, by part of a word, as a reader types it into the form.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertListedEntries } from '../support/demo-registry.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { resultCount, resultIds, resultRows } from '../support/registry-page.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

// The middle of あおぞら: a substring, not a word. It occurs only in the names of the services
// it finds (not in other entries' descriptions), so every row must show it.
const SUBSTRING = 'ぞら';

test('a Japanese substring typed into the search finds exactly the services that contain it', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/registry', 'ja'));

  const search = page.getByRole('searchbox');
  await search.fill(SUBSTRING);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === SUBSTRING);

  const rows = await resultRows(page);
  assert.ok(rows.length > 0, 'some results');
  for (const row of rows) {
    assert.ok(row.name.includes(SUBSTRING), `${row.id} ${row.name} contains ${SUBSTRING}`);
  }
  await assertListedEntries(await resultIds(page), (entry) => entry.service_name.ja.includes(SUBSTRING));
  assert.equal(await resultCount(page), rows.length, 'the announced count');
  assert.equal(await search.inputValue(), SUBSTRING, 'the form keeps what was searched');
  assertNoErrors(watch);
});
