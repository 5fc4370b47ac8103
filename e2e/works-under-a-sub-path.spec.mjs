import { test, expect, ready } from './helpers.mjs';
import { SUBPATH } from './playwright.config.mjs';

test('the page works when hosted under a sub-path', async ({ page }) => {
  await page.goto(SUBPATH);
  await ready(page);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  await page.locator('[data-id="002_41439f313bc3004e"] h3 a').click();
  await expect(page).toHaveURL(`${SUBPATH}?v=1&doc=002_41439f313bc3004e`);
  await expect(page.getByTestId('reader')).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '002_41439f313bc3004e');
  await page.getByRole('link', { name: '← All articles' }).click();
  await expect(page).toHaveURL(SUBPATH);
});
