// An audit body applies to be selected with the form, an administrator of the operator decides
// with the rule's answer in view, and takes a measure against the body that the public then
// reads on the audit bodies' page. Each page is screenshotted and scanned with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { scanVisited } from '../support/scan-visited.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signIn } from '../support/sign-in.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();
const BODY = 'aoba-audit';

test('an audit body applies, an administrator decides and takes a measure the public sees', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });

  // The body applies: its facts and one auditor who may sign.
  const auditor = await readerContext(chromium.browser);
  t.after(() => auditor.close());
  await signIn(auditor, 'auditor');
  const page = await auditor.newPage();
  const watch = watchErrors(page);
  await page.goto(pageUrl(`/audit-bodies/${BODY}/apply`, 'ja'));
  seen(page, 'auditor');
  await saveScreenshot(page, 'selection-apply', 'ja');
  await page.locator('input[name=domestic_registration]').check();
  await page.locator('textarea[name=quality_control_ja], input[name=quality_control_ja]').fill('監査調書を二名で確認する');
  await page.locator('textarea[name=quality_control_en], input[name=quality_control_en]').fill('two people review every audit file');
  await page.locator('textarea[name=subcontracting_rules_ja], input[name=subcontracting_rules_ja]').fill('監査業務は再委託しない');
  await page.locator('textarea[name=subcontracting_rules_en], input[name=subcontracting_rules_en]').fill('no audit work is subcontracted');
  await page.locator('input[name=independence_declaration]').check();
  await page.locator('select[name=a0_user]').selectOption({ label: 'signer' });
  await page.locator('input[name=a0_name_ja]').fill('監査 太郎');
  await page.locator('input[name=a0_name_en]').fill('Taro Kansa');
  await page.locator('input[name=a0_qualifications]').fill('CISA, CISSP');
  await page.locator('input[name=a0_years]').fill('6');
  await page.locator('input[name=a0_nationality]').fill('JP');
  await page.locator('input[name=a0_signing]').check();
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/selection-applications/')),
    page.locator('#selection-apply button[type=submit]').click(),
  ]);
  const application = new URL(page.url()).pathname;
  seen(page, 'auditor');
  await saveScreenshot(page, 'selection-applied', 'ja');
  assertNoErrors(watch);

  // An administrator decides as the rule answers.
  const admin = await readerContext(chromium.browser);
  t.after(() => admin.close());
  await signIn(admin, 'admin');
  const adminPage = await admin.newPage();
  const adminWatch = watchErrors(adminPage);
  await adminPage.goto(pageUrl(application, 'en'));
  seen(adminPage, 'admin');
  const answer = (await adminPage.locator('#rule-answer').getAttribute('class')) ?? '';
  const decision = answer.includes('rule-select') ? 'select' : 'reject';
  await adminPage.locator(`#selection-decide input[name=decision][value=${decision}]`).check();
  await adminPage.locator('#selection-decide textarea[name=reason_en]').fill('as the selection rule answers');
  await Promise.all([
    adminPage.waitForURL((url) => url.pathname === application),
    adminPage.locator('#selection-decide button[type=submit]').click(),
  ]);
  assert.ok(!(await adminPage.locator('#selection-decision').textContent()).includes('Not decided'), 'decided');
  await saveScreenshot(adminPage, 'selection-decided', 'en');

  // A caution against the body, from the audit bodies' page.
  await adminPage.goto(pageUrl('/audit-bodies', 'en'));
  seen(adminPage, 'admin');
  const form = adminPage.locator(`form[action^="/audit-bodies/${BODY}/measures"]`);
  assert.equal(await form.count(), 1, 'the measure form');
  const facts = `A skipped procedure found on ${new Date().toISOString()}`;
  await form.locator('select[name=kind]').selectOption('caution');
  await form.locator('textarea[name=facts_en]').fill(facts);
  await form.locator('textarea[name=reason_en]').fill('So that it does not recur');
  await Promise.all([
    adminPage.waitForURL((url) => url.pathname === '/audit-bodies'),
    form.locator('button[type=submit]').click(),
  ]);
  assert.equal(new URL(adminPage.url()).hash, `#measures-${BODY}`);
  await saveScreenshot(adminPage, 'measure-taken', 'en');
  assertNoErrors(adminWatch);

  // Everyone reads it.
  const reader = await readerContext(chromium.browser);
  t.after(() => reader.close());
  const publicPage = await reader.newPage();
  await publicPage.goto(pageUrl('/audit-bodies', 'en'));
  seen(publicPage, null);
  assert.ok((await publicPage.locator('tr.measure-caution').filter({ hasText: facts }).count()) === 1, 'the caution is public');
  assert.equal(await publicPage.locator('form[action*="/measures"]').count(), 0, 'no form for the public');
  await saveScreenshot(publicPage, 'measure-public', 'en');

  // Every page of the flow passes the accessibility scan, as the one who saw it.
  await scanVisited(chromium.browser, visited, ['auditor', 'admin', null]);
});
