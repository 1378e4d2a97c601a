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
  // Every change of the demo's entries (status, notice, reported change) is there once. Other
  // flows on the same server may add more: an approval adds an entry of its own, and the flows
  // of a change notice and of an incident add changes after a demo entry's own.
  const expected = DEMO_ENTRIES.flatMap((entry) => [
    ...entry.history.map((_, i) => `${entry.id}#history-${i + 1}`),
    ...entry.notices.map((_, i) => `${entry.id}#notice-${i + 1}`),
    ...(entry.changes ?? []).map((_, i) => `${entry.id}#change-${i + 1}`),
  ]);
  const demoIds = new Set(DEMO_ENTRIES.map((entry) => entry.id));
  const ofDemo = (xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? []).flatMap((entry) => {
    const link = entry.match(/<link rel="alternate" type="text\/html" href="[^"]*\/registry\/([^?"#]+)[^"#]*#([^"]+)"/);
    return link !== null && demoIds.has(decodeURIComponent(link[1])) ? [`${decodeURIComponent(link[1])}#${link[2]}`] : [];
  });
  assert.deepEqual(ofDemo.filter((change) => expected.includes(change)).sort(), [...expected].sort());
  const counts = new Map(DEMO_ENTRIES.map((entry) => [entry.id, { history: entry.history.length, notice: entry.notices.length, change: (entry.changes ?? []).length }]));
  const added = ofDemo.filter((change) => !expected.includes(change));
  const afterTheDemos = (change) => {
    const [, id, kind, n] = change.match(/^(.+)#(history|notice|change)-(\d+)$/) ?? [];
    return kind !== undefined && Number(n) > counts.get(id)[kind];
  };
  assert.ok(added.every(afterTheDemos), `changes of demo entries made while the tests ran: ${added}`);

  // The newest change's link opens its entry at that change.
  const link = xml.match(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/)[1];
  const target = new URL(link.replaceAll('&#38;', '&'));
  await page.goto(target.href);
  assert.equal(await page.locator(`#${target.hash.slice(1)}`).count(), 1, `${target.hash} on ${target.pathname}`);
});
