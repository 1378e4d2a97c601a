// The list's CSV download: the filters of the page, a byte order mark for spreadsheet programs,
// the header row, and only the rows the page lists.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { parseCsv } from '../support/csv.js';
import { assertListedEntries } from '../support/demo-registry.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { resultIds } from '../support/registry-page.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('the CSV downloaded from a filtered list holds exactly the listed entries', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/registry?level=2&status=registered', 'ja'));

  const link = page.getByRole('link', { name: 'csv', exact: true });
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.equal(href.searchParams.get('level'), '2', 'the link keeps the level');
  assert.equal(href.searchParams.get('status'), 'registered', 'the link keeps the status');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'registry.csv');

  const bytes = await readFile(await download.path());
  assert.deepEqual(bytes.subarray(0, 3), UTF8_BOM, 'starts with a UTF-8 byte order mark');
  const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
  for (const column of ['id', 'service_name_ja', 'service_name_en', 'level', 'status']) {
    assert.ok(header.includes(column), `header has ${column}: ${header.join(',')}`);
  }
  assert.equal(header[0], 'id');
  const rows = records.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]])));
  for (const row of rows) {
    assert.equal(row.level, '2', `${row.id} level`);
    assert.equal(row.status, 'registered', `${row.id} status`);
  }
  const ids = rows.map((row) => row.id).sort();
  assert.deepEqual(ids, await resultIds(page), 'the same entries as the page');
  await assertListedEntries(ids, (entry) => entry.level === 2 && entry.status === 'registered');
  assertNoErrors(watch);
});
