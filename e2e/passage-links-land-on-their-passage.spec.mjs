import { test, expect, ready } from './helpers.mjs';

/** The ¶ link of the Viacorka search result: paragraph 8 of 004. */
async function passageLink(page) {
  await page.goto('/?v=1&q=Viacorka');
  await ready(page);
  return page.getByTestId('passage').first().getByRole('link').getAttribute('href');
}

test('a passage link carries offsets, the corpus version and a quote, and lands on its paragraph', async ({ page }) => {
  const href = await passageLink(page);
  expect(href).toMatch(/doc=004_9c538ca53b92ee9e&at=\d+-\d+&cv=[0-9a-f]{16}&quote=[^&]*-,[^&]+,-[^&]*$/);
  await page.getByTestId('passage').first().getByRole('link').click();
  const p8 = page.locator('#p8');
  await expect(p8).toHaveClass(/focused/);
  await expect(p8).toBeInViewport();
  await expect(p8.getByText('Linked passage')).toBeVisible();
  await expect(page.locator('.para.focused')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('offsets that no longer match are corrected by the quote, and the page says so', async ({ page }) => {
  const href = await passageLink(page);
  const shifted = href.replace(/at=(\d+)-(\d+)/, (_, a, b) => `at=${Number(a) + 25}-${Number(b) + 25}`)
    .replace(/cv=[0-9a-f]+/, 'cv=0000000000000000');
  await page.goto(shifted);
  await ready(page);
  await expect(page.locator('#p8')).toHaveClass(/focused/);
  await expect(page.locator('#p8')).toBeInViewport();
  await expect(page.getByTestId('notice')).toContainText('found again by its words');
});

test('a link whose passage is gone says so and highlights nothing', async ({ page }) => {
  const href = await passageLink(page);
  const gone = href.replace(/quote=[^&]*/, 'quote=-,This+sentence+was+removed+from+the+article,-');
  await page.goto(gone);
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('“This sentence was removed from the article…”) is no longer in this article');
  await expect(page.locator('.para.focused')).toHaveCount(0);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '004_9c538ca53b92ee9e');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('older #pN links still open the article at that paragraph', async ({ page }) => {
  await page.goto('/?v=1&doc=004_9c538ca53b92ee9e#p8');
  await ready(page);
  await expect(page.locator('#p8')).toHaveClass(/focused/);
  await expect(page.locator('#p8')).toBeInViewport();
});
