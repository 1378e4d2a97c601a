// Reading the registry list page: its result rows and its count of results.

/** The table's columns, in the order registry.html shows them. */
const COLUMNS = ['id', 'name', 'provider', 'level', 'models', 'status', 'validUntil'];

/** The rows of the results table as objects keyed by COLUMNS (empty when nothing matched). */
export async function resultRows(page) {
  const cells = await page
    .locator('main table tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
  return cells.map((row) => Object.fromEntries(COLUMNS.map((column, i) => [column, row[i]])));
}

/** The number of results the page announces ("9 件", "9 entries"). */
export async function resultCount(page) {
  const text = await page.getByRole('status').textContent();
  return Number.parseInt(text.trim(), 10);
}

/** The ids shown, sorted. */
export async function resultIds(page) {
  return (await resultRows(page)).map((row) => row.id).sort();
}
