// Signing a browser context in as a demo user, through the sign-in form as a person would.
import assert from 'node:assert/strict';

import { pageUrl } from './site.js';

// `shinrai serve --demo` gives every demo user this published password (crates/server/src/demo.rs).
export const DEMO_PASSWORD = 'shinrai-demo-2026';

/** Signs `context` in as `login`; its later pages carry the session cookie. */
export async function signIn(context, login) {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl('/login', 'en'));
    await page.locator('#login').fill(login);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/start'), page.locator('form.sign-in button[type=submit]').click()]);
    assert.ok((await page.locator('.account').textContent()).includes(login), `signed in as ${login}`);
  } finally {
    await page.close();
  }
}
