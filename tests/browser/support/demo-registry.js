// The demo registry that `shinrai serve --demo` loads, read from the repository, so that the
// tests know which entries each search and filter must find.
import { readFileSync } from 'node:fs';

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

