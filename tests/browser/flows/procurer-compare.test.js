// A procurer weighs candidates for one of its systems: it opens what a candidate covers (risks,
// what is left to it, availability), answers part of the checklists and saves them, ticks three
// eligible services and compares them side by side, and exports the comparison as XLSX in
// Japanese and as PDF in English through the page's links. Each page is screenshotted and
// scanned with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { scanVisited } from '../support/scan-visited.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signIn } from '../support/sign-in.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

test('a procurer answers a checklist, compares three services and exports both reports', async (t) => {
  const visited = [];
  const seen = (page) => visited.push({ login: 'procurer', address: new URL(page.url()).pathname + new URL(page.url()).search });

  const procurer = await readerContext(chromium.browser);
  t.after(() => procurer.close());
  await signIn(procurer, 'procurer');
  const page = await procurer.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/systems/sys-kitamachi-shinsei', 'en'));
  seen(page);
  const eligible = page.locator('table.eligible tbody tr');
  assert.ok((await eligible.count()) >= 3, 'at least three eligible services');

  // What the first candidate covers, and the checklists answered for it.
  const first = (await eligible.first().locator('.id').textContent()).trim();
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/coverage')),
    eligible.first().locator('a.coverage-link').click(),
  ]);
  seen(page);
  assert.equal(await page.locator('table.coverage tbody tr').count(), 21, 'the 21 basic risks');
  assert.ok((await page.locator('p.coverage-counts').textContent()).includes('covered'), 'counted');
  assert.ok((await page.locator('dl.availability-fit').textContent()).includes('%'), 'availability figures');
  const checklists = page.locator('form.checklists');
  await checklists.locator('select[name="answer-C01"]').selectOption('yes');
  await checklists.locator('select[name="answer-C10"]').selectOption('partly');
  await checklists.locator('input[name="note-C10"]').fill('Data returned in CSV only');
  await checklists.locator('select[name="answer-S06"]').selectOption('no');
  await checklists.locator('input[name="note-K1.1"]').fill('Asked the provider on 1 December');
  await Promise.all([
    page.waitForURL((url) => url.hash === '#checklists'),
    checklists.locator('button[type=submit]:not([name])').click(),
  ]);
  seen(page);
  assert.equal(await page.locator('select[name="answer-C10"]').inputValue(), 'partly', 'kept');
  assert.equal(await page.locator('input[name="note-C10"]').inputValue(), 'Data returned in CSV only');
  assert.equal(await page.locator('select[name="answer-K1.1"]').inputValue(), 'unknown', 'a note alone is not settled');
  assert.ok((await page.locator('#checklist-contract-title').textContent()).includes('2/18'), 'two contract answers');
  await saveScreenshot(page, 'system-coverage', 'en');

  // Three services side by side.
  await page.goto(pageUrl('/systems/sys-kitamachi-shinsei', 'ja'));
  seen(page);
  const rows = page.locator('table.eligible tbody tr');
  const ids = [first];
  for (let n = 0; ids.length < 3; n += 1) {
    const id = (await rows.nth(n).locator('.id').textContent()).trim();
    if (id !== first) ids.push(id);
  }
  for (const id of ids) {
    await page.locator(`input[type=checkbox][id="compare-${id}"]`).check();
  }
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/compare')),
    page.locator('form#compare-form button[type=submit]').click(),
  ]);
  seen(page);
  const heads = page.locator('table.comparison thead th');
  assert.equal(await heads.count(), 4, 'the item column and three services');
  for (const id of ids) {
    assert.ok((await page.locator('table.comparison thead').textContent()).includes(id), id);
  }
  const answered = page.locator('table.comparison tr').filter({ hasText: 'C10' });
  assert.ok((await answered.textContent()).includes('Data returned in CSV only'), 'the answer compared');
  await saveScreenshot(page, 'system-comparison', 'ja');

  // Both exports, through the page's links, as the signed-in procurer.
  const xlsxHref = await page.locator('p.exports a[href*="/xlsx"][hreflang=ja]').getAttribute('href');
  const xlsx = await procurer.request.get(new URL(xlsxHref, page.url()).toString());
  assert.equal(xlsx.status(), 200);
  assert.ok(xlsx.headers()['content-type'].includes('spreadsheetml'), 'an XLSX workbook');
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
  const pdfHref = await page.locator('p.exports a[href*="/pdf"][hreflang=en]').getAttribute('href');
  const pdf = await procurer.request.get(new URL(pdfHref, page.url()).toString());
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  assertNoErrors(watch);

  await scanVisited(chromium.browser, visited, ['procurer']);
});
