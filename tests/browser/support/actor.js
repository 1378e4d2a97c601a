// A person in a browser flow: a signed-in page that is used as a person would use it, and
// beside it a second session of the same person (Content-Security-Policy bypassed, see
// chromium.js) in which each step's page is loaded again and scanned with axe-core, in the
// state the step left it in.
import assert from 'node:assert/strict';

import { blockingViolations, describeViolations } from './accessibility.js';
import { readerContext, scanContext } from './chromium.js';
import { assertNoErrors, watchErrors } from './page-errors.js';
import { saveScreenshot } from './screenshots.js';
import { signIn } from './sign-in.js';

/**
 * Opens `login`'s sessions in `browser` (no sign-in when `login` is null: the public). Each
 * `step(name)` screenshots the page as `PREFIX-NAME.LANG.png` and scans it; `assertNoErrors()`
 * fails on any console error the page reported; `close()` ends both sessions.
 */
export async function openActor(browser, login, { lang, prefix }) {
  const reader = await readerContext(browser);
  const scanner = await scanContext(browser);
  if (login) {
    // One session, shared by both: the scan sees what the person sees.
    await signIn(reader, login);
    await scanner.addCookies(await reader.cookies());
  }
  const page = await reader.newPage();
  const scanned = await scanner.newPage();
  const watch = watchErrors(page);
  return {
    page,
    async step(name) {
      await saveScreenshot(page, `${prefix}-${name}`, lang);
      await scanned.goto(page.url());
      const violations = await blockingViolations(scanned);
      assert.equal(violations.length, 0, `${name} (${page.url()}): axe-core found:\n${describeViolations(violations)}`);
    },
    assertNoErrors() {
      assertNoErrors(watch);
    },
    async close() {
      await reader.close();
      await scanner.close();
    },
  };
}

/**
 * Clicks `locator` (a link or a submit button), waits for the page it leads to (up to the load
 * state `loaded`), and checks that its address is one `arrives` accepts. A form that redirects
 * to the page it was on is waited for too: the wait is for a new document, not an address.
 */
export async function follow(page, locator, arrives, loaded = 'load') {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await locator.click();
  await navigated;
  await page.waitForLoadState(loaded);
  if (!arrives(new URL(page.url()))) {
    const said = await page.locator('main').innerText();
    assert.fail(`arrived at ${page.url()}, which is not the page expected; it says:\n${said.slice(0, 2000)}`);
  }
}
