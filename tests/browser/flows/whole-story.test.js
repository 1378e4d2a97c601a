// The whole scheme, played by the demo's people with the plain forms, once in Japanese and once
// in English, for a new service each time:
//   1. provider: describes the service, writes its statement (the first objective field by
//      field, watching the pre-check, then the items by form and every other objective
//      through the statement's spreadsheet template, imported on its overview), submits it and
//      orders an audit from aoba-audit;
//   2. auditor: accepts, naming `signer`; challenges the fair presentation of the first selected
//      control and asks the provider for a new version, which the provider submits and the audit
//      continues on; judges the control on it (fair presentation, design), records its monthly
//      population as CSV, draws the sample from the log, uploads evidence and passes each sampled
//      occurrence on it (support/engagement.js); concludes the first objective by form and the rest
//      through the conclusions' spreadsheet template, one recommended control not conformant;
//   3. signer: signs; the report shows its SHA-256 and its PDF downloads in both languages;
//   4. provider: applies with the signed report;
//   5. reviewer: opens it from the queue, reads the rule's answer (an explanation is needed)
//      and asks the audit body to explain that control;
//   6. auditor: explains;
//   7. reviewer: accepts the explanation (the rule now answers register) and decides so;
//   8. admin: approves;
//   9. the public: finds the new entry in the registry and opens it.
// Every step's page is screenshotted (story-STEP.LANG.png) and scanned with axe-core, and no
// page may report a console error. Names carry the run's time, so the story can be played
// again against the same server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { follow, openActor } from '../support/actor.js';
import { useChromium } from '../support/chromium.js';
import { resultIds } from '../support/registry-page.js';
import { apiUrl, LANGUAGES, pageUrl } from '../support/site.js';
import { engage } from '../support/engagement.js';
import { implementEveryItem } from '../support/work-forms.js';

const chromium = useChromium();

/** How the objective pages mark a control that is not mandatory. */
const RECOMMENDED = { ja: '推奨事項', en: 'Recommended' };

const INDIVIDUAL = {
  ja: '運用手順書と設定基準に定め、変更のたびに責任者が承認している',
  en: 'Set in the runbooks and configuration baselines; each change approved by its owner',
};
const HOW = {
  ja: '情報セキュリティ規程に定め、毎年見直している',
  en: 'Laid down in the security policy and reviewed every year',
};
const REASONS = {
  yes: {
    ja: '整備と運用を検証し、期間を通じて有効であった',
    en: 'Design and operation were tested; effective throughout the period',
  },
  no: {
    ja: '期間の一部で手順が求める記録を確認できなかった',
    en: 'For part of the period the records the procedure calls for could not be found',
  },
};
const EXPLANATION = {
  ja: '記録の欠けは二週間のみで、代替の記録により運用を確認した。是正は完了している',
  en: 'Records were missing for two weeks only; other records showed the control operated. The gap is fixed',
};
const DECISION = {
  ja: '登録の判断基準を満たし、推奨事項の説明も受け入れたため登録する',
  en: 'The application meets the registration rule and the explanation was accepted: registered',
};

/** A day as YYYY-MM-DD, `months` from today. */
function day(months) {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The number of pre-check findings at the target level, as the statement pages show it. */
async function findingsAtTarget(page) {
  return Number(await page.locator('aside.precheck strong').first().textContent());
}

/** The id at the end of the page's path (`/audits/au-…` → `au-…`). */
function lastSegment(page) {
  return new URL(page.url()).pathname.split('/').pop();
}

/** Submits the form of `page` whose action starts with `action` and waits for `arrives`. */
async function submit(page, action, arrives, loaded = 'load') {
  await follow(page, page.locator(`form[action^="${action}"] button[type=submit]`).first(), arrives, loaded);
}

/** Goes to a work page of a long stretch: its text is all the stretch needs. */
async function visit(page, href) {
  await page.goto(new URL(href, page.url()).href, { waitUntil: 'domcontentloaded' });
}

/** The work page was saved: the answer is the same page, marked saved. */
const SAVED = (url) => url.searchParams.get('saved') === '1';

/** The hrefs of the rows of `table` whose progress cell is still open. */
function openRows(page, table) {
  return page
    .locator(table)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.filter((row) => row.querySelector('td.progress-open')).map((row) => row.querySelector('a').getAttribute('href')),
    );
}

/** A CSV file as rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Rows of cells as a CSV file, every cell quoted. */
function toCsv(rows) {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n') + '\r\n';
}

/** The column of each heading of a table's first row. */
function columns(table) {
  return Object.fromEntries(table[0].map((name, i) => [name, i]));
}

/** A spreadsheet template as the signed-in reader downloads it, as rows of cells. */
async function downloadCsv(page, path) {
  const answer = await page.context().request.get(new URL(path, page.url()).href);
  assert.equal(answer.status(), 200, `${path}: ${answer.status()}`);
  return parseCsv((await answer.text()).replace(/^\uFEFF/, ''));
}

/** Uploads `table` as a CSV file through the page's import form (posting to `{base}/import`)
 * and waits for the page it leads back to (`back`, else `base`). */
async function importCsv(page, base, name, table, back = base) {
  await page.locator('#sheet-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(toCsv(table)) });
  await submit(page, `${base}/import`, (url) => url.pathname === back);
  assert.equal(await page.locator('#problems').count(), 0, `${name}: imported without problems`);
}

/** Step 1: the provider's service, statement and audit order. Answers what later steps need. */
async function provide(provider, lang, names) {
  const { page } = provider;

  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator('a[href^="/services/new"]').first(), (url) => url.pathname === '/services/new');
  await page.locator('#name_ja').fill(names.ja);
  await page.locator('#name_en').fill(names.en);
  await page.locator('#description_ja').fill('物語試験のためのファイル共有サービス');
  await page.locator('#description_en').fill('A file sharing service for the story test');
  await page.locator('#model_SaaS').check();
  await page.locator('#scope_SaaS_ja').fill('アプリケーションとその運用まで');
  await page.locator('#scope_SaaS_en').fill('The application and its operation');
  await page.locator('#deployment_public').check();
  await page.locator('#availability_ja').fill('99.9%（月間）');
  await page.locator('#availability_en').fill('99.9% (monthly)');
  await page.locator('#scope_ja').fill(`${names.ja} の本番環境`);
  await page.locator('#scope_en').fill(`${names.en} production`);
  await provider.step('01-service-new');
  await submit(page, '/services/new', (url) => /^\/services\/svc-[0-9a-f]+$/.test(url.pathname));
  const service = lastSegment(page);
  assert.equal(await page.locator('h1').evaluate((h1) => h1.firstChild.textContent.trim()), names[lang]);

  // A statement at level 1 against the published criteria.
  await page.locator('#target_level').selectOption('1');
  await submit(page, `/services/${service}/statements`, (url) => /^\/statements\/svc-[0-9a-f]+-v1$/.test(url.pathname));
  const statement = new URL(page.url()).pathname;
  const before = await findingsAtTarget(page);
  assert.ok(before > 0, 'an empty draft has findings');
  await provider.step('01-statement-new');

  // The first objective, field by field; the pre-check runs again on saving.
  await follow(page, page.locator('#objectives + table a').first(), (url) => url.pathname.startsWith(`${statement}/objectives/`));
  const recommended = [];
  const controls = page.locator('form.work fieldset.control');
  const count = await controls.count();
  assert.ok(count > 0, 'the objective has controls');
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    await control.locator('input[type=radio][value=selected]').check();
    await control.locator('textarea[name^="individual_ja|"]').fill(INDIVIDUAL.ja);
    await control.locator('textarea[name^="individual_en|"]').fill(INDIVIDUAL.en);
    await control.locator('select[name^="responsibility|"]').selectOption('csp');
    const examples = control.locator('input[type=checkbox][name^="example|"]');
    if ((await examples.count()) > 0) await examples.first().check();
  }
  await provider.step('01-objective-form');
  await submit(page, `${statement}/objectives/`, SAVED);
  assert.equal(await page.locator('fieldset.control .field-problem').count(), 0, 'no finding left in the objective');
  const after = await findingsAtTarget(page);
  assert.ok(after < before, `the pre-check ran again: ${before} findings, now ${after}`);
  await provider.step('01-objective-saved');

  // The governance and management items, then every other objective.
  await page.goto(pageUrl(statement, lang));
  const parts = await page.locator('main table').first().locator('tbody a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.equal(parts.length, 2, 'governance and management');
  for (const [i, href] of parts.entries()) {
    await page.goto(new URL(href, page.url()).href);
    await implementEveryItem(page, HOW);
    if (i === 0) await provider.step('01-governance');
    await submit(page, new URL(href, page.url()).pathname, SAVED);
    assert.equal(await page.locator('fieldset.control .field-problem').count(), 0, `${href}: nothing left`);
  }
  // Every other objective at once: the template downloaded, filled in, imported on the overview.
  await page.goto(pageUrl(statement, lang));
  const objectives = await openRows(page, '#objectives + table');
  assert.ok(objectives.length > 10, 'objectives to answer');
  const table = await downloadCsv(page, `/api/v1${statement}/template?format=csv`);
  const col = columns(table);
  for (const row of table.slice(1)) {
    if (row[col.part] !== 'control' || row[col.choice] !== '') continue;
    const id = row[col.id];
    row[col.choice] = 'selected';
    row[col.individual_control_ja] = `${INDIVIDUAL.ja} (${id})`;
    row[col.individual_control_en] = `${INDIVIDUAL.en} (${id})`;
    row[col.responsibility] = 'csp';
    // The first of the criteria's examples, by its id ("id: 日本語 | English").
    const example = row[col.technology_examples].split('\n')[0].split(':')[0].trim();
    if (example) row[col.technologies] = example;
    if (row[col.mandatory] === 'no') recommended.push(id);
  }
  await importCsv(page, statement, 'statement.csv', table);
  await provider.step('01-statement-imported');

  // Nothing stands between the draft and level 1: submitted, frozen.
  await page.goto(pageUrl(statement, lang));
  assert.equal(await findingsAtTarget(page), 0, 'no finding at the target level');
  assert.equal(await page.locator('aside.precheck .level-1').count(), 1, 'level 1 is reachable');
  await provider.step('01-statement-complete');
  await follow(page, page.locator(`a[href^="${statement}/submit"]`), (url) => url.pathname === `${statement}/submit`);
  assert.equal(await page.locator('p.problem').count(), 0, 'no warning of findings');
  await provider.step('01-statement-submit');
  await submit(page, `${statement}/submit`, (url) => url.pathname === statement);
  assert.equal(await page.locator('p.frozen').count(), 1, 'frozen');

  // The audit, ordered from the service page.
  await follow(page, page.locator('.crumbs a').nth(1), (url) => url.pathname === `/services/${service}`);
  await follow(page, page.locator('a[href^="/audits/new"]').first(), (url) => url.pathname === '/audits/new');
  await page.locator('#statement').selectOption(statement.split('/').pop());
  await page.locator('#audit_body').selectOption('aoba-audit');
  await page.locator('#period_start').fill(day(-9));
  await page.locator('#period_end').fill(day(-1));
  await provider.step('01-audit-order');
  await submit(page, '/audits/new', (url) => /^\/audits\/au-[0-9a-f]+$/.test(url.pathname));
  const audit = lastSegment(page);
  await provider.step('01-audit-ordered');

  // The one control the audit will doubt: the last recommended control of the statement.
  assert.ok(recommended.length > 0, 'the statement selects a recommended control');
  return { service, statement: statement.split('/').pop(), audit, doubted: recommended.at(-1) };
}

/** Step 2: the audit body accepts. */
async function accept(auditor, lang, story) {
  const { page } = auditor;
  const auditPath = `/audits/${story.audit}`;

  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator(`main a[href^="${auditPath}?"]`).first(), (url) => url.pathname === auditPath);
  await page.locator('#signing_auditor').selectOption('signer');
  await auditor.step('02-audit-accept');
  await submit(page, `${auditPath}/accept`, (url) => url.pathname === auditPath);
  assert.equal(await page.locator(`form[action^="${auditPath}/accept"]`).count(), 0, 'accepted');
  await auditor.step('02-audit-accepted');
}

/** Step 2 (after the working papers): the audit body concludes. */
async function conclude(auditor, lang, story) {
  const { page } = auditor;
  const auditPath = `/audits/${story.audit}`;
  await page.goto(pageUrl(auditPath, lang));

  // The first objective field by field, the rest at once from the conclusions' template.
  const objectives = await openRows(page, '#conclusions + table');
  assert.ok(objectives.length > 10, 'objectives to conclude');
  const concluded = [];
  await visit(page, objectives[0]);
  const fieldsets = page.locator('form.work fieldset.control');
  for (let j = 0; j < (await fieldsets.count()); j += 1) {
    const fieldset = fieldsets.nth(j);
    const id = (await fieldset.locator('input[type=radio]').first().getAttribute('name')).slice('answer|'.length);
    const reason = id === story.doubted ? REASONS.no : REASONS.yes;
    await fieldset.locator(`input[type=radio][value=${id === story.doubted ? 'no' : 'yes'}]`).check();
    await fieldset.locator('textarea[name^="reason_ja|"]').fill(reason.ja);
    await fieldset.locator('textarea[name^="reason_en|"]').fill(reason.en);
    concluded.push(id);
  }
  await auditor.step('02-conclusions-form');
  await submit(page, new URL(objectives[0], page.url()).pathname, SAVED);
  assert.equal(await page.locator('.field-problem').count(), 0, `${objectives[0]}: saved without problems`);
  await auditor.step('02-conclusions-saved');
  await page.goto(pageUrl(auditPath, lang));
  const table = await downloadCsv(page, `/api/v1${auditPath}/conclusions/template?format=csv`);
  const col = columns(table);
  for (const row of table.slice(1)) {
    const answer = row[col.part] === 'objective' ? col.effective : col.conformant;
    if (row[answer] !== '') continue;
    const id = row[col.id];
    const reason = id === story.doubted ? REASONS.no : REASONS.yes;
    row[answer] = id === story.doubted ? 'no' : 'yes';
    row[col.reason_ja] = reason.ja;
    row[col.reason_en] = reason.en;
    concluded.push(id);
  }
  await importCsv(page, `${auditPath}/conclusions`, 'conclusions.csv', table, auditPath);
  assert.ok(concluded.includes(story.doubted), `${story.doubted} concluded`);

  await page.goto(pageUrl(auditPath, lang));
  assert.equal((await openRows(page, '#conclusions + table')).length, 0, 'every objective concluded');
  await auditor.step('02-conclusions-done');
}

/** Step 3: the signing auditor signs; the report shows its SHA-256. */
async function sign(signer, lang, story) {
  const { page } = signer;
  const auditPath = `/audits/${story.audit}`;

  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator(`main a[href^="${auditPath}?"]`).first(), (url) => url.pathname === auditPath);
  await signer.step('03-audit-sign');
  await submit(page, `${auditPath}/sign`, (url) => url.pathname === auditPath);
  const hash = (await page.locator('dd.hash').textContent()).trim();
  assert.match(hash, /^[0-9a-f]{64}$/, 'the audit shows the report hash');
  await follow(page, page.locator(`a[href^="${auditPath}/report"]`), (url) => url.pathname === `${auditPath}/report`);
  assert.equal((await page.locator('#report-sha256').textContent()).trim(), hash, 'the report shows its SHA-256');
  await signer.step('03-report');
  for (const printed of ['ja', 'en']) {
    const pdf = await page.context().request.get(new URL(`/api/v1${auditPath}/report/pdf?lang=${printed}`, page.url()).href);
    assert.equal(pdf.status(), 200, `the ${printed} PDF`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-', 'a PDF file');
  }
}

/** Step 4: the provider applies with the signed report. Answers the application's id. */
async function apply(provider, lang, story) {
  const { page } = provider;
  const auditPath = `/audits/${story.audit}`;

  await page.goto(pageUrl(`/services/${story.service}`, lang));
  await follow(page, page.locator(`main a[href^="${auditPath}?"]`).first(), (url) => url.pathname === auditPath);
  await follow(page, page.locator('a[href^="/applications/new"]'), (url) => url.pathname === '/applications/new');
  await page.locator('#audit').selectOption(story.audit);
  await page.locator('#kind').selectOption('new');
  await provider.step('04-apply');
  await submit(page, '/applications/new', (url) => /^\/applications\/ap-/.test(url.pathname));
  const application = lastSegment(page);
  await provider.step('04-applied');
  return application;
}

/** Steps 5 to 8: the review, the explanation, the decision and its approval. */
async function review({ reviewer, auditor, admin }, lang, story) {
  const applicationPath = `/applications/${story.application}`;
  const queued = (status) => `table.queue-${status} a[href^="${applicationPath}?"]`;

  // 5. The reviewer opens it from the queue; the rule asks for an explanation.
  let page = reviewer.page;
  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator(queued('submitted')), (url) => url.pathname === applicationPath);
  await reviewer.step('05-review-submitted');
  await submit(page, `${applicationPath}/review`, (url) => url.pathname === applicationPath);
  assert.equal(await page.locator('#rule-answer.rule-request_explanation').count(), 1, 'the rule wants an explanation');
  const askable = await page.locator('form#ask input[name=control]').evaluateAll((boxes) => boxes.map((box) => box.value));
  assert.deepEqual(askable, [story.doubted], 'the doubted control is the one to explain');
  await page.locator(`form#ask input[name=control][value="${story.doubted}"]`).check();
  await reviewer.step('05-review-rule');
  await submit(page, `${applicationPath}/ask`, (url) => url.pathname === applicationPath);
  assert.equal(await page.locator('#explanations article.explanation').count(), 1, 'one explanation asked');
  await reviewer.step('05-explanation-asked');

  // 6. The audit body finds the explanation asked of it on its start page and answers on the
  //    application's page.
  page = auditor.page;
  await page.goto(pageUrl('/start', lang));
  await auditor.step('06-start');
  await follow(page, page.locator(`#explanations-asked a[href^="${applicationPath}?"]`), (url) => url.pathname === applicationPath);
  await page.locator('form.explain textarea[name=text_ja]').fill(EXPLANATION.ja);
  await page.locator('form.explain textarea[name=text_en]').fill(EXPLANATION.en);
  await auditor.step('06-explain');
  await submit(page, `${applicationPath}/explain`, (url) => url.pathname === applicationPath);
  assert.equal(await page.locator('form.explain').count(), 0, 'explained');
  assert.ok((await page.locator('#explanations dd').first().textContent()).includes(EXPLANATION[lang]));
  await auditor.step('06-explained');

  // 7. The reviewer accepts the explanation; the rule answers register; the decision.
  page = reviewer.page;
  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator(queued('explanation_requested')), (url) => url.pathname === applicationPath);
  await reviewer.step('07-explanation-answered');
  await follow(page, page.locator('form.judge button[value=accept]'), (url) => url.pathname === applicationPath);
  assert.equal(await page.locator('#explanations .verdict-accepted').count(), 1, 'accepted');
  assert.equal(await page.locator('#rule-answer.rule-register').count(), 1, 'the rule answers register');
  await page.locator('form#decide input[name=decision][value=register]').check();
  await page.locator('form#decide textarea[name=reason_ja]').fill(DECISION.ja);
  await page.locator('form#decide textarea[name=reason_en]').fill(DECISION.en);
  await reviewer.step('07-decide');
  await submit(page, `${applicationPath}/decide`, (url) => url.pathname === applicationPath);
  assert.equal(await page.locator('#four-eyes').count(), 1, 'an administrator must approve');
  await reviewer.step('07-decided');

  // 8. Another operator user, an administrator, approves.
  page = admin.page;
  await page.goto(pageUrl('/start', lang));
  await follow(page, page.locator(queued('decided')), (url) => url.pathname === applicationPath);
  await admin.step('08-approve');
  await submit(page, `${applicationPath}/approve`, (url) => url.pathname === applicationPath);
  const entry = page.locator('#registry-entry');
  assert.equal(await entry.count(), 1, 'the registry entry');
  await admin.step('08-approved');
  return (await entry.textContent()).trim();
}

/** Step 9: the public finds the entry in the registry and opens it. */
async function findInRegistry(reader, lang, story) {
  const { page } = reader;
  await page.goto(pageUrl('/registry', lang));
  const search = page.getByRole('searchbox');
  await search.fill(story.names[lang]);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === story.names[lang]);
  assert.deepEqual(await resultIds(page), [story.entry], 'the new entry, found by its name');
  await reader.step('09-registry');
  await follow(page, page.locator(`main table a[href^="/registry/${story.entry}"]`).first(), (url) => url.pathname === `/registry/${story.entry}`);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal((await page.locator('h1').textContent()).trim(), story.names[lang]);
  await reader.step('09-entry');

  const answer = await fetch(apiUrl(`/api/v1/registry/${encodeURIComponent(story.entry)}`));
  assert.equal(answer.status, 200);
  const registered = await answer.json();
  assert.equal(registered.status, 'registered');
  assert.equal(registered.level, 1);
}

// The two languages' stories run side by side: each has its own service, and every page a
// step looks for is that service's.
describe('the whole story', { concurrency: true }, () => {
  for (const lang of LANGUAGES) {
    test(`in ${lang}: a new service from its statement to its registry entry`, async (t) => {
      const run = `${Date.now().toString(36)}${lang}`;
      const names = { ja: `物語試験ファイル共有 ${run}`, en: `Story Test File Share ${run}` };
      const cast = {};
      t.after(() => Promise.all(Object.values(cast).map((actor) => actor.close())));
      for (const login of ['provider', 'auditor', 'signer', 'reviewer', 'admin', null]) {
        cast[login ?? 'public'] = await openActor(chromium.browser, login, { lang, prefix: 'story' });
      }
      const story = { names, ...(await provide(cast.provider, lang, names)) };
      await accept(cast.auditor, lang, story);
      await engage(cast, lang, story);
      await conclude(cast.auditor, lang, story);
      await sign(cast.signer, lang, story);
      story.application = await apply(cast.provider, lang, story);
      story.entry = await review(cast, lang, story);
      await findInRegistry(cast.public, lang, story);
      for (const actor of Object.values(cast)) actor.assertNoErrors();
    });
  }
});
