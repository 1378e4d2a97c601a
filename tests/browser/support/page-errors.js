// What a page reports as going wrong: console errors (a resource that failed, a broken
// Content-Security-Policy) and uncaught exceptions, less the one that is not the page's doing.
import assert from 'node:assert/strict';

const FAILED_LOAD = 'Failed to load resource: the server responded with a status of ';

/** Starts watching `page`; read the result with `assertNoErrors` once the page has been used. */
export function watchErrors(page) {
  const errors = [];
  const documentStatus = new Map();
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      documentStatus.set(response.url(), response.status());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push({ text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => errors.push({ text: `uncaught: ${error.message}`, url: page.url() }));
  return { errors, documentStatus };
}

function isExpected(error, expectedStatus, documentStatus) {
  // Chromium logs the status of a document that answers with an error, as a 404 page does.
  return error.text.startsWith(`${FAILED_LOAD}${expectedStatus} `) && documentStatus.get(error.url) === expectedStatus;
}

/** Fails, listing them, when the watched page reported anything else. */
export function assertNoErrors(watch, expectedStatus = 200) {
  const unexpected = watch.errors.filter((error) => !isExpected(error, expectedStatus, watch.documentStatus));
  const listed = unexpected.map((error) => `  ${error.text} (${error.url})`).join('\n');
  assert.equal(unexpected.length, 0, `console errors or uncaught exceptions:\n${listed}`);
}
