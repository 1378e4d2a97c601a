// A visitor, signed in as nobody, reads what a registration assures: from the registry entry to
// its plain account (what its level assures and does not, the objectives it implements and does
// not, the controls it excluded and why, the risks left open, the customer's part, the history),
// then to its level on the map of the expectation gap, and from a point of the chart to another
// scheme's page. Each page is scanned with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { scanVisited } from '../support/scan-visited.js';
import { saveScreenshot } from '../support/screenshots.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();
const ENTRY = 'C25-0004';

test('a visitor reads what a registration assures and where its level stands on the map', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  const visited = [];
  const seen = () => visited.push({ login: null, address: new URL(page.url()).pathname + new URL(page.url()).search });

  await page.goto(pageUrl(`/registry/${ENTRY}`, 'ja'));
  seen();
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/registry/${ENTRY}/assurance`),
    page.locator('p.assurance-link a').click(),
  ]);
  seen();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ja', 'the account keeps the language');
  for (const section of ['level-scheme', 'implemented', 'not-implemented', 'exclusions', 'above-level', 'open-risks', 'responsibilities', 'certificates', 'history']) {
    assert.equal(await page.locator(`#${section}`).count(), 1, `section ${section}`);
  }
  assert.ok((await page.locator('ul.objectives.implemented li').count()) > 0, 'the objectives it implements');
  const excluded = page.locator('table.exclusions tbody tr');
  for (let n = 0; n < (await excluded.count()); n += 1) {
    assert.ok((await excluded.nth(n).locator('td').last().innerText()).trim().length > 0, 'each exclusion gives its reason');
  }
  assert.ok((await page.locator('ol.timeline li').count()) > 0, 'every change of status');
  await saveScreenshot(page, 'registration-assurance-flow', 'ja');

  // Its level on the map, drawn apart from the others.
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/assurance/shinrai_')),
    page.locator('#level-scheme + p a').click(),
  ]);
  seen();
  assert.equal(await page.locator('svg a.point.highlight').count(), 1, 'its point is marked');
  assert.ok((await page.locator('#does-not + p').innerText()).trim().length > 0, 'what it does not assure');

  // Another scheme from its point on the chart, then the whole map from the navigation.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/assurance/isms'),
    page.locator('svg a[href^="/assurance/isms?"]').click(),
  ]);
  seen();
  assert.match(await page.locator('svg a.point.highlight').getAttribute('href'), /^\/assurance\/isms\?lang=ja$/, 'the scheme followed is the one marked');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/assurance'),
    page.locator('header nav a[href^="/assurance?"]').click(),
  ]);
  seen();
  assert.equal(await page.locator('table.assurance-schemes tbody tr').count(), await page.locator('svg a.point').count(), 'one row per point');
  assertNoErrors(watch);
  await scanVisited(chromium.browser, visited, [null]);
});
