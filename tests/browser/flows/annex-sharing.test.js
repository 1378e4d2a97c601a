// A provider shares its registered service's statement annexes with a named procuring
// organisation from the service's page; that organisation's procurer then reads, on what the
// service covers for its system, the controls and individual controls behind the objectives.
// The provider stops sharing, and the controls are gone. Each page is scanned with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerContext, useChromium } from '../support/chromium.js';
import { assertNoErrors, watchErrors } from '../support/page-errors.js';
import { scanVisited } from '../support/scan-visited.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signIn } from '../support/sign-in.js';
import { apiUrl, pageUrl } from '../support/site.js';

const chromium = useChromium();
const ENTRY = 'C25-0004';
const CITY = 'kitamachi-city';

test('a provider shares its annexes with a procurer, who reads the controls, until it stops', async (t) => {
  const visited = [];
  const seen = (page, login) => visited.push({ login, address: new URL(page.url()).pathname + new URL(page.url()).search });

  const provider = await readerContext(chromium.browser);
  t.after(() => provider.close());
  await signIn(provider, 'provider');
  const page = await provider.newPage();
  const watch = watchErrors(page);
  // The provider's service registered as the entry.
  const services = await (await provider.request.get(apiUrl('/api/v1/services'))).json();
  let servicePath = null;
  for (const service of services.items) {
    await page.goto(pageUrl(`/services/${service.id}`, 'en'));
    if ((await page.locator(`a[href^="/registry/${ENTRY}"]`).count()) > 0) {
      servicePath = `/services/${service.id}`;
      break;
    }
  }
  assert.ok(servicePath, `a service of the provider is registered as ${ENTRY}`);
  seen(page, 'provider');
  const share = page.locator('form.annex-share');
  await share.locator('select[name=org]').selectOption(CITY);
  await Promise.all([page.waitForURL((url) => url.hash === '#annexes'), share.locator('button[type=submit]').click()]);
  seen(page, 'provider');
  assert.equal(await page.locator(`#grant-${CITY}`).count(), 1, 'shared with the city');
  await saveScreenshot(page, 'service-annexes', 'en');

  const procurer = await readerContext(chromium.browser);
  t.after(() => procurer.close());
  await signIn(procurer, 'procurer');
  const city = await procurer.newPage();
  const cityWatch = watchErrors(city);
  const coverage = pageUrl(`/systems/sys-kitamachi-shinsei/coverage?service=${ENTRY}`, 'ja');
  await city.goto(coverage);
  seen(city, 'procurer');
  const selected = city.locator('table.annex-selected tbody tr');
  assert.ok((await selected.count()) > 0, 'the selected controls with their individual controls');
  assert.ok((await city.locator('table.coverage .annex-controls').count()) > 0, 'controls beside the risks');
  await saveScreenshot(city, 'coverage-annexes', 'ja');

  // Stopped: the controls are gone from the procurer's page.
  await page.locator(`#grant-${CITY} button.revoke`).click();
  await page.waitForURL((url) => url.hash === '#annexes');
  assert.equal(await page.locator(`#grant-${CITY}`).count(), 0, 'no longer shared');
  await city.goto(coverage);
  assert.equal(await city.locator('table.annex-selected').count(), 0, 'the annexes are no longer shown');
  assertNoErrors(watch);
  assertNoErrors(cityWatch);

  await scanVisited(chromium.browser, visited, ['provider', 'procurer']);
});
