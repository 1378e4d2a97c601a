// The Atom feed of registry changes, as a feed reader fetches it: announced by every page,
// in the reader's language, each change linking to its place on the entry's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { DEMO_ENTRIES } from '../support/demo-registry.js';
import { pageUrl } from '../support/site.js';

const chromium = useChromium();

test('the registry announces its Atom feed and every change in it leads to its entry', async (t) => {
  const context = await readerContext(chromium.browser);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(pageUrl('/registry', 'ja'));
  const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  const answer = await context.request.get(new URL(href, page.url()).href);
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()['content-type'], 'application/atom+xml; charset=utf-8');
  const xml = await answer.text();
  assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ja">/);
  // Changes of the demo's entries only: another flow (the operator's review) may approve a
  // registration on the same server, which adds an entry of its own.
  const changes = DEMO_ENTRIES.reduce((n, entry) => n + entry.history.length + entry.notices.length, 0);
  const demoIds = new Set(DEMO_ENTRIES.map((entry) => entry.id));
  const ofDemo = (xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? []).filter((entry) => {
    const link = entry.match(/<link rel="alternate" type="text\/html" href="[^"]*\/registry\/([^?"#]+)/);
    return link !== null && demoIds.has(decodeURIComponent(link[1]));
  });
  assert.equal(ofDemo.length, changes);

  // The newest change's link opens its entry at that change.
  const link = xml.match(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/)[1];
  const target = new URL(link.replaceAll('&#38;', '&'));
  await page.goto(target.href);
  assert.equal(await page.locator(`#${target.hash.slice(1)}`).count(), 1, `${target.hash} on ${target.pathname}`);
});
