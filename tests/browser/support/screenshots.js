// Full-page screenshots, kept as CI artifacts: SCREENSHOT_DIR, else artifacts/screenshots at the
// repository's root. Named `KIND.LANG.png`, e.g. registry-list.ja.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('../../../artifacts/screenshots', import.meta.url));

export async function saveScreenshot(page, name, lang) {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: join(DIR, `${name}.${lang}.png`), fullPage: true });
}
