// Where the server under test is, and the addresses of its pages in each language.

const base = process.env.SHINRAI_BASE_URL;
if (!base) {
  throw new Error('SHINRAI_BASE_URL is not set: run the tests with scripts/browser-test.sh');
}

export const LANGUAGES = ['ja', 'en'];

export const OTHER_LANGUAGE = { ja: 'en', en: 'ja' };

/** The page at `path` (which may carry a query) in `lang`. */
export function pageUrl(path, lang) {
  const url = new URL(path, base);
  url.searchParams.set('lang', lang);
  return url.href;
}

/** The address of an API route (`/api/v1/…`) on the server under test. */
export function apiUrl(path) {
  return new URL(path, base).href;
}
