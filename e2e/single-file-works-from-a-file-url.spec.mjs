// The single-file build (`make single-file`: one parallax.html with the wasm, corpus and CSS
// inlined) opened straight from disk, as a reporter who was mailed it would.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect, ready, SEED_IDS } from './helpers.mjs';

const FILE = pathToFileURL(fileURLToPath(new URL('../dist-single/parallax.html', import.meta.url))).href;

test('the single file opened from file:// lists, searches, opens an article and compares', async ({ page }) => {
  await page.goto(FILE);
  await ready(page);
  const items = page.getByTestId('article-item');
  await expect(items).toHaveCount(5);
  expect(await items.evaluateAll((els) => els.map((e) => e.dataset.id).sort())).toEqual(SEED_IDS);

  // Search writes the query string of the file URL, and finds every spelling.
  await page.getByTestId('search-input').fill('Tsikhanouskaya');
  await expect(page).toHaveURL(`${FILE}?v=1&q=Tsikhanouskaya`);
  await expect(page.getByTestId('hit')).toHaveCount(5);

  // A deep link into the file works, and so does opening a hit.
  await page.goto(`${FILE}?v=1&q=%22political%20prisoners%22`);
  await ready(page);
  await expect(page.getByTestId('hit')).toHaveCount(2);
  await page.getByTestId('hit').first().locator('h3 a, a').first().click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page).toHaveURL(/parallax\.html\?v=1&.*doc=/);

  // Compare, then back and reload restore the views.
  await page.goto(`${FILE}?v=1&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3`);
  await ready(page);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await expect(page.getByTestId('pair-kind')).toHaveCount(2);
  await page.goBack();
  await expect(page.getByTestId('reader')).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('reader')).toBeVisible();
});

test('the single file needs nothing else: no request leaves the page', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(FILE);
  await ready(page);
  expect(requests).toEqual([FILE]);
});
