// Debian's Chromium, driven by playwright-core (which brings no browser of its own).
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

// Headless, no sandbox (CI runs as root), and nothing that reaches the network on its own:
// this machine's closed network refuses those connections and Chromium logs each refusal.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
}

const VIEWPORT = { width: 1280, height: 800 };

/** A context that sees the pages as a reader does, Content-Security-Policy enforced. */
export async function readerContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * A context for the accessibility scan only. The server's policy forbids inline scripts, so it
 * would block the injected axe-core; bypassing it here, in the test browser, leaves the product's
 * policy as it is. Every other check runs in `readerContext`, where a page that broke its own
 * policy shows up as a console error.
 */
export async function scanContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  context.setDefaultTimeout(10_000);
  return context;
}

/** One Chromium for the test file: launched before its first test, closed after its last. */
export function useChromium() {
  const session = { browser: null };
  before(async () => {
    session.browser = await launchChromium();
  });
  after(() => session.browser?.close());
  return session;
}
