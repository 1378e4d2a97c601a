// The audit's working papers played with the plain forms, between the audit body's acceptance
// and its conclusions: a fair-presentation finding sent to the provider, who answers with a new
// statement version the audit continues on; then design, frequency, a population uploaded as
// CSV, the sample drawn from the log, evidence uploaded and each sampled occurrence judged on it.
import assert from 'node:assert/strict';

import { follow } from './actor.js';
import { pageUrl } from './site.js';

const TEXT = {
  challenge: {
    ja: '除外の理由が事業者の責任範囲と合っていない',
    en: 'The reason for an exclusion does not match the provider’s scope of responsibility',
  },
  ask: {
    ja: '除外の理由を見直した言明書の新しい版を提出してください',
    en: 'Please submit a new statement version with the exclusion reason revised',
  },
  accept: { ja: '新しい版で選択と除外は必要十分である', en: 'On the new version the selection and exclusions are sufficient' },
  design: { ja: '手順書と承認記録により整備を確認した', en: 'Runbooks and approval records show the control is designed' },
  item: { ja: '承認記録を閲覧し、手順どおりであった', en: 'The approval record was inspected and followed the procedure' },
  evidence: { ja: '変更承認記録', en: 'Change approval record' },
};

/** A day as YYYY-MM-DD, `days` from today. */
function dayFrom(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Submits the form of `page` whose action starts with `action`, back to `path`. */
async function post(page, action, path) {
  await follow(page, page.locator(`form[action^="${action}"] button[type=submit]`).first(), (url) => url.pathname === path);
  const problems = await page.locator('.field-problem').allInnerTexts();
  assert.deepEqual(problems, [], `${action}: no problem`);
}

/** The first control the statement selects, read over the API with the reader's session. */
async function firstSelected(page, statement) {
  const answer = await page.context().request.get(new URL(`/api/v1/statements/${statement}`, page.url()).href);
  assert.equal(answer.status(), 200);
  return (await answer.json()).selected[0].control;
}

/** The audit body's fair-presentation finding on `control`, and what it asks of the provider. */
async function challenge(auditor, lang, story, control) {
  const { page } = auditor;
  const work = `/audits/${story.audit}/work`;
  await page.goto(pageUrl(work, lang));
  await page.locator('#open-control').fill(control);
  const controlPath = `/audits/${story.audit}/controls/${control}`;
  await follow(page, page.locator('form.open-control-form button[type=submit]'), (url) => url.pathname === controlPath);
  await page.locator('#fair-verdict-choice').selectOption('challenged');
  await page.locator('#fair-reason-ja').fill(TEXT.challenge.ja);
  await page.locator('#fair-reason-en').fill(TEXT.challenge.en);
  await post(page, `${controlPath}/fair`, controlPath);
  assert.equal(await page.locator('#fair-verdict.fair-challenged').count(), 1, 'challenged');
  await auditor.step('02b-fair-challenged');

  await page.goto(pageUrl(work, lang));
  await page.locator('#ask-control').fill(control);
  await page.locator('#ask-text-ja').fill(TEXT.ask.ja);
  await page.locator('#ask-text-en').fill(TEXT.ask.en);
  await page.locator('#ask-due').fill(dayFrom(14));
  await post(page, `/audits/${story.audit}/requests`, work);
  assert.ok((await page.locator('table.requests').innerText()).includes(TEXT.ask[lang]), 'the request is listed');
  await auditor.step('02b-asked');
  return controlPath;
}

/** The provider reads what is asked, answers with a new statement version and continues the
 * audit on it. Answers the new version's id. */
async function answerWithNewVersion(provider, lang, story) {
  const { page } = provider;
  const work = `/audits/${story.audit}/work`;
  await page.goto(pageUrl(work, lang));
  assert.ok((await page.locator('table.requests').innerText()).includes(TEXT.ask[lang]), 'the provider sees the request');
  await provider.step('02b-provider-asked');

  await page.goto(pageUrl(`/services/${story.service}`, lang));
  await follow(page, page.locator(`form[action^="/services/${story.service}/statements"] button[type=submit]`), (url) =>
    /^\/statements\/svc-[0-9a-f]+-v2$/.test(url.pathname),
  );
  const version = new URL(page.url()).pathname;
  await follow(page, page.locator(`a[href^="${version}/submit"]`), (url) => url.pathname === `${version}/submit`);
  await follow(page, page.locator(`form[action^="${version}/submit"] button[type=submit]`), (url) => url.pathname === version);
  assert.equal(await page.locator('p.frozen').count(), 1, 'the new version is submitted');

  const statement = version.split('/').pop();
  await page.goto(pageUrl(work, lang));
  await page.locator('#continue-statement').fill(statement);
  await provider.step('02b-continue');
  await post(page, `/audits/${story.audit}/continue`, work);
  return statement;
}

/** The auditors judge the control on the new version through design and operation. */
async function testControl(auditor, lang, story, controlPath) {
  const { page } = auditor;
  await page.goto(pageUrl(controlPath, lang));
  await page.locator('#fair-verdict-choice').selectOption('accepted');
  await page.locator('#fair-reason-ja').fill(TEXT.accept.ja);
  await page.locator('#fair-reason-en').fill(TEXT.accept.en);
  await post(page, `${controlPath}/fair`, controlPath);
  assert.equal(await page.locator('#fair-verdict.fair-accepted').count(), 1, 'accepted on the new version');

  await page.locator('form.design-form input[name=effective][value=yes]').check();
  await page.locator('#design-reason-ja').fill(TEXT.design.ja);
  await page.locator('#design-reason-en').fill(TEXT.design.en);
  await post(page, `${controlPath}/design`, controlPath);
  assert.equal(await page.locator('#design-verdict.design-effective').count(), 1, 'designed');

  await page.locator('#frequency-choice').selectOption('monthly');
  await post(page, `${controlPath}/frequency`, controlPath);
  // Eight occurrences, 25 days apart, inside the audit period (nine months ago to one month ago).
  const rows = ['date,reference'];
  for (let i = 8; i >= 1; i -= 1) rows.push(`${dayFrom(-40 - 25 * (i - 1))},CHG-${1009 - i}`);
  await page.locator('#population-file').setInputFiles({
    name: 'population.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${rows.join('\r\n')}\r\n`),
  });
  await post(page, `${controlPath}/population`, controlPath);
  assert.match(await page.locator('#population').innerText(), /8 /, 'eight occurrences frozen');
  await post(page, `${controlPath}/samples`, controlPath);
  const items = page.locator('table.sampled-items tbody tr');
  assert.equal(await items.count(), 2, 'a monthly control samples two');
  assert.equal(await page.locator('p.sample-seed').count(), 1, 'the seed and its log point are shown');
  await auditor.step('02b-sampled');
  const occurrences = await items.evaluateAll((rows) => rows.map((row) => row.cells[1].textContent.trim()));

  // The evidence: one file for the control, uploaded on the evidence page.
  const evidencePath = `/audits/${story.audit}/evidence`;
  await page.goto(pageUrl(evidencePath, lang));
  await page.locator('#upload-title-ja').fill(TEXT.evidence.ja);
  await page.locator('#upload-title-en').fill(TEXT.evidence.en);
  await page.locator('#upload-method').selectOption('inspection');
  await page.locator('#upload-speaks-for').fill(dayFrom(-40));
  await page.locator('#upload-control').fill(controlPath.split('/').pop());
  await page.locator('#upload-occurrence').fill(occurrences[0]);
  await page.locator('#upload-file').setInputFiles({
    name: 'approvals.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`approved changes ${story.audit}\n`),
  });
  await post(page, evidencePath, evidencePath);
  const evidence = (await page.locator('table.evidence tbody tr td').first().innerText()).trim();
  assert.match(evidence, /^ev-/, 'the evidence is listed with its id');
  await auditor.step('02b-evidence');

  await page.goto(pageUrl(controlPath, lang));
  for (const occurrence of occurrences) {
    const form = page.locator(`#item-form-1-${occurrence}`);
    await form.locator('input[name=passed][value=yes]').check();
    await form.locator('textarea[name=note_ja]').fill(TEXT.item.ja);
    await form.locator('textarea[name=note_en]').fill(TEXT.item.en);
    await form.locator('textarea[name=evidence]').fill(evidence);
    await follow(page, form.locator('button[type=submit]'), (url) => url.pathname === controlPath);
  }
  assert.equal(await page.locator('table.sampled-items tr.item-passed').count(), 2, 'every sampled occurrence passed');
  await auditor.step('02b-items');
}

/** The whole engagement on the story's audit, between acceptance and conclusions. */
export async function engage(cast, lang, story) {
  const control = await firstSelected(cast.auditor.page, story.statement);
  const controlPath = await challenge(cast.auditor, lang, story, control);
  story.statement = await answerWithNewVersion(cast.provider, lang, story);
  await testControl(cast.auditor, lang, story, controlPath);
}
