import { test, expect, ready } from './helpers.mjs';
import { OTHER } from './playwright.config.mjs';

test('CORPUS_DIR builds the same app over another folder of articles', async ({ page }) => {
  await page.goto(OTHER);
  await ready(page);
  await expect(page.getByTestId('corpus-summary')).toContainText('2 articles');
  await expect(page.getByTestId('article-item')).toHaveCount(2);
  await expect(page.locator('[data-id="coast-wire"]')).toContainText('Coast Wire');
  await expect(page.locator('[data-id="harbour-daily"]')).toContainText('Harbour Daily');
  await expect(page.getByText('Belarus')).toHaveCount(0);
});
