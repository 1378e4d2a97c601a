// Every page kind (support/page-kinds.js) in Japanese and English, as a reader gets it: its
// status and language, the skip link, the language switch, no console errors, no serious
// accessibility violations, and a screenshot.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blockingViolations, describeViolations } from './support/accessibility.js';
import { readerContext, scanContext, useChromium } from './support/chromium.js';
import { assertNoErrors, watchErrors } from './support/page-errors.js';
import { PAGE_KINDS } from './support/page-kinds.js';
import { saveScreenshot } from './support/screenshots.js';
import { signIn } from './support/sign-in.js';
import { LANGUAGES, OTHER_LANGUAGE, pageUrl } from './support/site.js';

const chromium = useChromium();

/** The query's pairs in order, without `lang`. */
function pairsWithoutLang(url) {
  return [...url.searchParams].filter(([key]) => key !== 'lang');
}

for (const kind of PAGE_KINDS) {
  for (const lang of LANGUAGES) {
    const status = kind.status ?? 200;

    test(`${kind.name} in ${lang} (${kind.path})`, async (t) => {
      const context = await readerContext(chromium.browser);
      t.after(() => context.close());
      if (kind.signIn) await signIn(context, kind.signIn);
      const page = await context.newPage();
      const watch = watchErrors(page);
      const response = await page.goto(pageUrl(kind.path, lang));
      assert.equal(response.status(), status, 'status');
      await saveScreenshot(page, kind.name, lang);

      await t.test('<html lang> is the language asked for', async () => {
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
      });

      await t.test('the skip link is the first Tab stop and leads into main', async () => {
        // Start from a freshly loaded document, as a reader arriving on the page does: the
        // screenshot and a busy machine may leave the focus navigation starting point elsewhere,
        // and blurring does not move that point back to the top.
        // On a loaded machine the first Tab may still land before the document takes the focus
        // (the focused element is then some other part of the window): the reader's arrival is
        // tried again, at most three times, and every miss is reported.
        const missed = [];
        for (let attempt = 0; attempt < 3; attempt += 1) {
          await page.bringToFront();
          await page.goto(page.url(), { waitUntil: 'load' });
          await page.keyboard.press('Tab');
          const handle = await page.waitForFunction(
            () => (document.activeElement && document.activeElement !== document.body ? document.activeElement : null),
            null,
            { timeout: 5_000 },
          );
          const focused = await handle.evaluate((element) => `${element.tagName} href=${element.getAttribute('href')}`);
          if (focused === 'A href=#main') break;
          missed.push(focused);
        }
        assert.ok(missed.length < 3, `first Tab stop, three times: ${missed.join('; ')}`);
        const first = page.locator(':focus');
        const box = await first.boundingBox();
        assert.ok(box && box.x >= 0 && box.y >= 0, 'on screen once focused');
        await page.keyboard.press('Enter');
        // Following an in-page link is a navigation of its own: on a loaded machine the address
        // may change a moment after the key is pressed.
        await page.waitForURL((url) => url.hash === '#main', { timeout: 5_000 }).catch(() => {});
        assert.equal(new URL(page.url()).hash, '#main');
        assert.ok(await page.locator('main').evaluate((main) => main.contains(document.activeElement)), 'focus is in main');
      });

      await t.test('the language switch leads to the same page in the other language', async () => {
        const other = OTHER_LANGUAGE[lang];
        const link = page.locator(`a[hreflang="${other}"]`);
        const here = new URL(page.url());
        const target = new URL(await link.getAttribute('href'), here);
        assert.equal(target.pathname, here.pathname, 'same path');
        assert.deepEqual(pairsWithoutLang(target), pairsWithoutLang(here), 'same query');
        assert.equal(target.searchParams.get('lang'), other);
        const [answer] = await Promise.all([page.waitForResponse(target.href), link.click()]);
        await page.waitForURL(target.href);
        assert.equal(answer.status(), status, 'status in the other language');
        assert.equal(await page.locator('html').getAttribute('lang'), other);
      });

      await t.test('no console errors or uncaught exceptions', () => {
        assertNoErrors(watch, status);
      });

      await t.test('no serious or critical accessibility violations', async () => {
        const scan = await scanContext(chromium.browser);
        try {
          if (kind.signIn) await signIn(scan, kind.signIn);
          const scanned = await scan.newPage();
          await scanned.goto(pageUrl(kind.path, lang));
          const violations = await blockingViolations(scanned);
          assert.equal(violations.length, 0, `axe-core found:\n${describeViolations(violations)}`);
        } finally {
          await scan.close();
        }
      });
    });
  }
}
