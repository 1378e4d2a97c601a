// The demo registry that `shinrai serve --demo` loads, read from the repository, so that the
// tests know which entries each search and filter must find.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { apiUrl } from './site.js';

const DEMO = JSON.parse(
  readFileSync(new URL('../../../crates/domain/registry/demo/registry.json', import.meta.url), 'utf8'),
);

export const DEMO_ENTRIES = DEMO.entries;

export function demoEntry(id) {
  const entry = DEMO_ENTRIES.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no entry ${id} in the demo registry`);
  return entry;
}

/** The ids of the entries for which `keep` holds, sorted. */
export function demoIds(keep) {
  return DEMO_ENTRIES.filter(keep).map((entry) => entry.id).sort();
}


/**
 * Asserts that `listed` (ids a page or file showed) holds exactly the demo entries for which
 * `keep` holds, and that any other entry is one a flow registered while the tests ran (an
 * approval in the operator's flow) and matches `keep` too, as the API tells it.
 */
export async function assertListedEntries(listed, keep, message) {
  const demo = new Set(DEMO_ENTRIES.map((entry) => entry.id));
  assert.deepEqual(listed.filter((id) => demo.has(id)).sort(), demoIds(keep), message);
  for (const id of listed.filter((candidate) => !demo.has(candidate))) {
    const answer = await fetch(apiUrl(`/api/v1/registry/${encodeURIComponent(id)}`));
    assert.equal(answer.status, 200, `${id} is in the registry`);
    assert.ok(keep(await answer.json()), `${id}, registered while the tests ran, matches too`);
  }
}
