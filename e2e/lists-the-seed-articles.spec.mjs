import { test, expect, ready, SEED_IDS } from './helpers.mjs';

test('the front page lists the five seed articles with outlet and date', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expect(page).toHaveTitle(/Parallax/);
  await expect(page.getByTestId('corpus-summary')).toContainText('5 articles');
  const items = page.getByTestId('article-item');
  await expect(items).toHaveCount(5);
  const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.id).sort());
  expect(ids).toEqual(SEED_IDS);

  const tass = page.locator('[data-id="002_41439f313bc3004e"]');
  await expect(tass).toContainText('TASS');
  await expect(tass).toContainText('14 Aug 2020');
  const reuters = page.locator('[data-id="004_9c538ca53b92ee9e"]');
  await expect(reuters).toContainText('Reuters');
  await expect(reuters).toContainText('via inkl');
  // An inferred date says so.
  const undated = page.locator('[data-id="003_fa59a08e2227003b"]');
  await expect(undated).toContainText('18 Aug 2020');
  await expect(undated).toContainText('inferred');
  await expect(undated).toContainText('Unknown outlet');
});
