import { test, expect, ready } from './helpers.mjs';

test('the reader marks stance-bearing sentences with who takes which position, and explains each', async ({ page }) => {
  await page.goto('/?doc=003_fa59a08e2227003b');
  await ready(page);
  const kremlin = page.getByTestId('stance-badge').filter({ hasText: 'The Kremlin' });
  await expect(kremlin.first()).toContainText('against');
  await expect(kremlin.first()).toHaveAttribute('data-target', 'foreign_interference');
  // Why: the cue words and the rule, on hover and keyboard focus.
  await expect(kremlin.first()).toHaveAttribute('title', /warned against.*Rule:/);
  await kremlin.first().focus();
  await expect(kremlin.first()).toBeFocused();
  const panel = page.getByTestId('stance-panel');
  await panel.locator('summary').click();
  await expect(panel).toContainText('Positions reported in this article');
  await expect(panel.locator('li').first()).toBeVisible();
});

test('a stance search lists the sentences that take that position', async ({ page }) => {
  await page.goto('/?v=1&q=stance%3Asanctions%3Dsupport');
  await ready(page);
  const hits = page.getByTestId('hit');
  await expect(hits.first()).toBeVisible();
  await expect(page.getByTestId('passage').first()).toContainText(/sanction/i);
  await expect(page.getByTestId('passage').first().locator('mark').first()).toBeVisible();
});

test('a position the headline takes is listed as the headline\'s', async ({ page }) => {
  await page.goto('/?v=1&doc=004_9c538ca53b92ee9e');
  await ready(page);
  const panel = page.getByTestId('stance-panel');
  await panel.locator('summary').click();
  const first = panel.getByTestId('stance-row').first();
  await expect(first).toContainText('Vladimir Putin');
  await expect(first).toContainText('Dialogue between authorities and opposition');
  await expect(first).toContainText('headline');
  await expect(panel.getByTestId('stance-row').filter({ hasText: 'headline' })).toHaveCount(1);
});
