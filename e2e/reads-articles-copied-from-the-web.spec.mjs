// The page over tests/fixtures/webcopy: articles written for the tests in the forms real pages
// take when copied as text (site chrome, bylines, stamps, datelines of every kind, captions).
// The list names every outlet, the timeline has a lane per outlet, the coverage matrix a row per
// outlet, and no headline is site chrome.
import { test, expect, ready } from './helpers.mjs';
import { WEBCOPY } from './playwright.config.mjs';

const OUTLETS = ['Reuters', 'AP', 'Xinhua', 'TASS', 'Al Jazeera'];
const CHROME = ['Skip to content', 'Home ›', 'Facebook', 'Logo', 'cookies', 'Follow us', 'Advertisement', 'Share this', 'Published', 'March 5, 2024'];

test('the list names the outlets, and no headline is site chrome', async ({ page }) => {
  await page.goto(WEBCOPY);
  await ready(page);
  const items = page.getByTestId('article-item');
  await expect(items).toHaveCount(6);
  const meta = page.locator('[data-testid=article-item] .card-meta');
  for (const o of OUTLETS) await expect(meta.filter({ hasText: o }).first()).toBeVisible();
  await expect(page.locator('[data-id="05-site-with-inputs"] .card-title')).toHaveText('Valmora port strike talks collapse after 12 hours');
  const titles = await page.locator('.card-title').allTextContents();
  for (const t of titles) for (const c of CHROME) expect(t, `headline “${t}”`).not.toContain(c);
  // The chip says why the outlet is there.
  await expect(page.locator('[data-id="05-site-with-inputs"] .chip-publisher')).toHaveAttribute('title', /headline suffix/);
  await expect(page.locator('[data-id="01-harbour-wire"] .chip-publisher')).toHaveAttribute('title', /dateline “VALMORA \(Reuters\)/);
});

test('the reader keeps the chrome collapsed and reads the story paragraph by paragraph', async ({ page }) => {
  await page.goto(`${WEBCOPY}/?v=1&doc=02-ap-copy`);
  await ready(page);
  await expect(page.locator('#article-title')).toHaveText('Valmora strike spreads to rail yards as talks stall');
  await expect(page.getByTestId('reader')).toContainText('Rail freight workers in Valmora joined');
  await expect(page.getByTestId('outlet-why')).toHaveText([/Publisher — dateline “VALMORA, Coastland \(AP\)/]);
  await page.goto(`${WEBCOPY}/?v=1&doc=06-undated-roundup`);
  await ready(page);
  await expect(page.getByTestId('outlets-mentioned')).toContainText('TASS (cited)');
  await expect(page.getByTestId('date-fact')).toContainText('inferred');
  await page.goto(`${WEBCOPY}/?v=1&doc=04-tass-one-block`);
  await ready(page);
  await expect(page.getByTestId('paragraph')).toHaveCount(5);
});

test('the timeline has a lane per outlet and the matrix a row per outlet', async ({ page }) => {
  await page.goto(`${WEBCOPY}/?v=1&view=coverage`);
  await ready(page);
  // One lane per outlet label (publisher / wires), as the list shows them.
  for (const label of ['Reuters', 'AP', 'Xinhua', 'TASS', 'Al Jazeera / AFP / Reuters', 'Unknown outlet']) {
    await expect(page.locator(`[data-testid=timeline-lane][data-outlet="${label}"]`), label).toHaveCount(1);
  }
  const rows = page.getByTestId('matrix-row');
  await expect(rows.first()).toBeVisible();
  const names = await rows.allTextContents();
  expect(names.some((n) => n.includes('Unknown outlet') && names.length === 1), 'the matrix is not one Unknown-outlet row').toBe(false);
  for (const o of ['Reuters', 'AP', 'Xinhua']) expect(names.some((n) => n.includes(o)), `${o} row in ${names}`).toBe(true);
});
