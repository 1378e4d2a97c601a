// A procurer classifies an information system with the tool and reaches a service that qualifies.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertListedEntries } from '../support/demo-registry.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

test('the classification tool gives the level to require and links to services registered at it or above', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/tools/classification', 'ja'));

  await page.getByLabel('システム名').fill('住民窓口システム');
  await page.locator('#name1').fill('住民の氏名と住所');
  await page.locator('#c1').selectOption('2');
  await page.locator('#name2').fill('窓口の案内');
  await page.locator('#c2').selectOption('1');
  await page.getByLabel('可用性').selectOption('2');
  await Promise.all([page.waitForURL((url) => url.searchParams.get('c1') === '2'), page.getByRole('button', { name: '格付けする' }).click()]);

  const result = page.locator('section.result');
  assert.equal(await result.locator('.class').textContent(), 'C2-I-A2');
  // Split advice names the level-2 information.
  assert.ok((await result.textContent()).includes('住民の氏名と住所'));

  const eligible = await result.locator('table.eligible tbody tr td:first-child a').evaluateAll((links) =>
    links.map((link) => new URL(link.href).pathname.replace('/registry/', '')),
  );
  await assertListedEntries(
    eligible,
    (entry) => entry.status === 'registered' && entry.level >= 2,
    'exactly the registered services at level 2 or 3',
  );

  // Follow the first one: its page shows it registered at level 2 or above.
  const first = result.locator('table.eligible tbody tr td:first-child a').first();
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/registry/')), first.click()]);
  const badge = await page.locator('main .level').first().textContent();
  const level = Number(badge.replace(/\D/g, ''));
  assert.ok(level >= 2, `level ${level}`);
  assert.equal(await page.locator('main .status').first().getAttribute('class'), 'status status-registered');
  assertNoErrors(watch);
});
