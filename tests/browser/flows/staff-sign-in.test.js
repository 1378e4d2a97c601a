// Operator staff sign in, open their organisation's inbox from the header, find the criteria
// draft on their start page, compare it with the published version, and sign out again.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { DEMO_PASSWORD } from '../support/sign-in.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

test('an operator signs in, compares the draft criteria with the published ones and signs out', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl('/registry', 'ja'));

  // The header's sign-in link comes back to this page afterwards.
  await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.getByRole('link', { name: 'ログイン', exact: true }).click()]);
  await page.getByLabel('ログイン名').fill('admin');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/registry'), page.locator('form.sign-in button').click()]);
  assert.ok((await page.locator('.account').textContent()).includes('admin'));

  // The header leads to the organisation's inbox, with its address form.
  await Promise.all([page.waitForURL((url) => url.pathname === '/inbox'), page.locator('.account a.inbox-link').click()]);
  assert.equal(await page.locator('h1').textContent(), '受信箱');
  assert.equal(await page.locator('form#addresses textarea[name=addresses]').count(), 1);

  await page.locator('.account a[href^="/start"]').click();
  await page.waitForURL((url) => url.pathname === '/start');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/criteria/diff'),
    page.getByRole('link', { name: /demo-2027/ }).click(),
  ]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), 'demo-2026');
  assert.equal(url.searchParams.get('to'), 'demo-2027');
  assert.match(await page.locator('section.result h3').first().textContent(), /^追加 \(\d+\)$/);
  assert.ok((await page.locator('ul.diff.added li').count()) > 0);

  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'ログアウト' }).click()]);
  assert.equal(await page.getByRole('link', { name: 'ログイン', exact: true }).count(), 1, 'signed out');
  // The draft is private again.
  const answer = await page.goto(pageUrl('/criteria/diff?from=demo-2026&to=demo-2027', 'ja'));
  assert.equal(answer.status(), 404);
  assertNoErrors(watch, 404);
});
