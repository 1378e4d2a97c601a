// The operator's review with plain forms: the reviewer finds the demo's applications in the
// review queue of the start page, reads the rule's answer and the explanation asked of the
// audit body, and sees that an administrator must approve the decided one; the administrator
// approves it and the page then links to the registry entry. Each page is screenshotted and
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

// The demo provider's applications caught mid-way (crates/server/src/demo/midway.rs).
const EXPLANATION_ASKED = '/applications/ap-svc-sakura-backup-1';
const AWAITING_APPROVAL = '/applications/ap-svc-sakura-id-1';

test('a reviewer works through the queue and an administrator approves the decided application', async (t) => {
  const visited = [];
  const reviewer = await readerContext(chromium.browser);
  t.after(() => reviewer.close());
  await signIn(reviewer, 'reviewer');
  const page = await reviewer.newPage();
  const watch = watchErrors(page);
  const step = async (name, lang) => {
    visited.push({ login: 'reviewer', address: new URL(page.url()).pathname + new URL(page.url()).search });
    await saveScreenshot(page, `operator-${name}`, lang);
  };

  // The queue: the application with an explanation asked is listed under its status.
  await page.goto(pageUrl('/start', 'ja'));
  assert.equal(await page.locator('#review-queue').count(), 1, 'the review queue');
  assert.ok((await page.locator(`table.queue-explanation_requested a[href^="${EXPLANATION_ASKED}?"]`).count()) === 1, 'the application asked to explain');
  await step('start', 'ja');

  // Its review: the rule's answer, and the control the audit body was asked to explain.
  await Promise.all([
    page.waitForURL((url) => url.pathname === EXPLANATION_ASKED),
    page.locator(`table.queue-explanation_requested a[href^="${EXPLANATION_ASKED}?"]`).click(),
  ]);
  assert.equal(await page.locator('#rule-answer').count(), 1, 'the rule answers');
  assert.ok((await page.locator('#explanations article.explanation').count()) > 0, 'an explanation asked');
  await step('explanation-asked', 'ja');

  // The decided application: the reviewer may not approve, an administrator must.
  await page.goto(pageUrl(AWAITING_APPROVAL, 'en'));
  const approved = (await page.locator('#registry-entry').count()) > 0;
  if (!approved) {
    assert.equal(await page.locator('#four-eyes').count(), 1, 'the four-eyes note');
    assert.equal(await page.locator('form#approve').count(), 0, 'no approval for the reviewer');
  }
  await step('awaiting-approval', 'en');
  assertNoErrors(watch);

  // The administrator approves it from the queue (unless an earlier run against the same
  // server approved it already); the page then links to the registry entry.
  const admin = await readerContext(chromium.browser);
  t.after(() => admin.close());
  await signIn(admin, 'admin');
  const adminPage = await admin.newPage();
  const adminWatch = watchErrors(adminPage);
  if (!approved) {
    await adminPage.goto(pageUrl('/start', 'en'));
    const link = adminPage.locator(`table.queue-decided a[href^="${AWAITING_APPROVAL}?"]`);
    assert.equal(await link.count(), 1, 'the decided application awaits approval');
    await Promise.all([adminPage.waitForURL((url) => url.pathname === AWAITING_APPROVAL), link.click()]);
    assert.equal(await adminPage.locator('form#approve').count(), 1, 'the approval form');
    await saveScreenshot(adminPage, 'operator-approve', 'en');
    visited.push({ login: 'admin', address: new URL(adminPage.url()).pathname + new URL(adminPage.url()).search });
    await Promise.all([
      adminPage.waitForURL((url) => url.pathname === AWAITING_APPROVAL),
      adminPage.getByRole('button', { name: 'Approve', exact: true }).click(),
    ]);
  } else {
    await adminPage.goto(pageUrl(AWAITING_APPROVAL, 'en'));
  }
  const entry = adminPage.locator('#registry-entry');
  assert.equal(await entry.count(), 1, 'the registry entry written by the approval');
  assert.match(await entry.getAttribute('href'), /^\/registry\/[^?]+\?lang=en$/);
  await saveScreenshot(adminPage, 'operator-approved', 'en');
  visited.push({ login: 'admin', address: new URL(adminPage.url()).pathname + new URL(adminPage.url()).search });
  await Promise.all([adminPage.waitForURL((url) => url.pathname.startsWith('/registry/')), entry.click()]);
  assertNoErrors(adminWatch);

  // Every page of the flow passes the accessibility scan, as the one who saw it.
  await scanVisited(chromium.browser, visited, ['reviewer', 'admin']);
});
