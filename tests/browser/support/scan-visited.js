// The accessibility scan of a flow's pages, each as the one who saw it: `visited` lists
// `{login, address}` (login `null` for the public), and every address is scanned in a fresh
// scanning context signed in as that login.
import assert from 'node:assert/strict';

import { blockingViolations, describeViolations } from './accessibility.js';
import { scanContext } from './chromium.js';
import { signIn } from './sign-in.js';
import { pageUrl } from './site.js';

/** Fails on the first page with serious or critical violations, naming it. */
export async function scanVisited(browser, visited, logins) {
  for (const login of logins) {
    const scan = await scanContext(browser);
    try {
      if (login) await signIn(scan, login);
      const scanned = await scan.newPage();
      for (const { address } of visited.filter((v) => v.login === login)) {
        await scanned.goto(new URL(address, pageUrl('/', 'ja')).href);
        const violations = await blockingViolations(scanned);
        assert.equal(violations.length, 0, `${address}: axe-core found:\n${describeViolations(violations)}`);
      }
    } finally {
      await scan.close();
    }
  }
}
