import { test, expect, ready } from './helpers.mjs';

test('back and forward restore the list and the article that was open', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('[data-id="000_8ab391a8a651fb65"] h3 a').click();
  await expect(page).toHaveURL(/\?v=1&doc=000_8ab391a8a651fb65$/);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '000_8ab391a8a651fb65');

  // Oldest first: the article before 27 Aug 2020 is the one of 24 Aug 2020.
  await page.getByRole('link', { name: /Older/ }).click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '001_9c6dd14e164684d3');

  await page.goBack();
  await expect(page).toHaveURL(/doc=000_8ab391a8a651fb65$/);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '000_8ab391a8a651fb65');
  await page.goBack();
  await expect(page.getByTestId('reader')).toHaveCount(0);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  await page.goForward();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '000_8ab391a8a651fb65');

  // A reload keeps the view: it lives in the URL.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '000_8ab391a8a651fb65');
});
