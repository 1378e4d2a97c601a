// The accessibility scan: axe-core run inside the page, failing on serious and critical
// violations only (minor and moderate ones are left to review).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical violations on `page`, which must come from `scanContext`. */
export async function blockingViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((violation) => BLOCKING.has(violation.impact));
}

/** One paragraph per violation: the rule, why, where, and what to fix. */
export function describeViolations(violations) {
  return violations
    .map((violation) => {
      const places = violation.nodes
        .map((node) => `    at ${node.target.join(' ')}\n      ${node.failureSummary.replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${places}`;
    })
    .join('\n');
}
