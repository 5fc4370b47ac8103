import { test, expect, ready } from './helpers.mjs';

test('typing a name finds every spelling of it, highlighted, and writes the URL in place', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('search-input').fill('Tsikhanouskaya');
  await expect(page).toHaveURL(/\?v=1&q=Tsikhanouskaya$/);
  await expect(page.getByTestId('hit')).toHaveCount(5);
  // The same ranking as `parallax search` (pinned in crates/parallax-cli/tests/cli.rs).
  const ranking = await page.getByTestId('hit').evaluateAll((els) => els.map((e) => e.dataset.id));
  expect(ranking).toEqual([
    '003_fa59a08e2227003b', '004_9c538ca53b92ee9e', '001_9c6dd14e164684d3', '000_8ab391a8a651fb65', '002_41439f313bc3004e',
  ]);
  // Typing replaces the history entry instead of adding one per keystroke.
  expect(await page.evaluate(() => history.length)).toBe(before);
  const undated = page.locator('[data-testid="hit"][data-id="003_fa59a08e2227003b"]');
  for (const v of ['Tikhanovsky', 'Tkhanovskaya', 'Takhanovskaya']) {
    await expect(undated.locator('mark', { hasText: v }).first()).toBeVisible();
  }
  await expect(undated.locator('mark.variant').first()).toHaveAttribute('title', /variant match/);
  // Reload restores the search from the URL.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('search-input')).toHaveValue('Tsikhanouskaya');
  await expect(page.getByTestId('hit')).toHaveCount(5);
});

test('an exact phrase finds exactly the two articles that contain it', async ({ page }) => {
  await page.goto('/?v=1&q=%22political%20prisoners%22');
  await ready(page);
  const hits = page.getByTestId('hit');
  await expect(hits).toHaveCount(2);
  const ids = await hits.evaluateAll((els) => els.map((e) => e.dataset.id).sort());
  expect(ids).toEqual(['000_8ab391a8a651fb65', '004_9c538ca53b92ee9e']);
  await expect(hits.first().locator('mark').first()).toHaveText(/political prisoners/i);
});

test('an outlet filter narrows, and facets toggle filters in the URL', async ({ page }) => {
  await page.goto('/?v=1&q=outlet%3ATASS%20sanctions');
  await ready(page);
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await expect(page.getByTestId('hit')).toHaveAttribute('data-id', '002_41439f313bc3004e');
  // Un-toggle the TASS facet: both articles that mention sanctions come back.
  await page.getByTestId('facet-value').filter({ hasText: 'TASS' }).click();
  await expect(page).toHaveURL(/q=sanctions$/);
  await expect(page.getByTestId('hit')).toHaveCount(2);
  await page.goBack();
  await expect(page.getByTestId('hit')).toHaveCount(1);
});

test('submitting adds a history entry; a passage link opens the article at that paragraph', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const input = page.getByTestId('search-input');
  await input.fill('Viacorka');
  await input.press('Enter');
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await page.getByTestId('passage').first().getByRole('link').click();
  await expect(page).toHaveURL(/doc=004_9c538ca53b92ee9e&at=\d+-\d+&cv=/);
  await expect(page.locator('#p8')).toHaveClass(/focused/);
  await expect(page.locator('#p8')).toBeInViewport();
  await page.getByRole('link', { name: '← Back to results' }).click();
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('reader')).toHaveCount(0);
});

test('no result for all words falls back to any word, and odd queries get a hint', async ({ page }) => {
  await page.goto('/?v=1&q=Kolesnikova%20Viacorka');
  await ready(page);
  await expect(page.getByTestId('fallback')).toBeVisible();
  await expect(page.getByTestId('hit')).toHaveCount(2);
  for (const q of ['%22unclosed', '-', 'foo%3Abar', 'date%3Ayesterday', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%E2%80%AE%F0%9F%A6%80']) {
    await page.goto(`/?v=1&q=${q}`);
    await ready(page);
    await expect(page.getByTestId('results')).toBeVisible();
  }
  await page.goto('/?v=1&q=%22unclosed');
  await expect(page.getByTestId('hints')).toContainText('not closed');
});

test('articles with only some of the words follow the full matches and say which words they lack', async ({ page }) => {
  await page.goto('/?v=1&q=dialogue%20Kremlin%20interference');
  await ready(page);
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await expect(page.getByTestId('hit')).toHaveAttribute('data-id', '003_fa59a08e2227003b');
  await expect(page.getByTestId('hit').getByTestId('missing-terms')).toHaveCount(0);
  const partial = page.getByTestId('partial-hits');
  await expect(partial.locator('#partial-heading')).toHaveText('3 articles have some of the words');
  await expect(partial.getByTestId('partial-hit')).toHaveCount(3);
  const reuters = partial.locator('[data-id="004_9c538ca53b92ee9e"]');
  await expect(reuters.getByTestId('missing-terms')).toContainText('Missing:');
  await expect(reuters.getByTestId('missing-terms').locator('s')).not.toHaveCount(0);
  // The full matches alone are offered for a side-by-side comparison; an exclusion applies to both lists.
  await expect(page.getByTestId('compare-top')).toHaveCount(0);
  await page.goto('/?v=1&q=dialogue%20Kremlin%20interference%20-sanctions');
  await ready(page);
  await expect(page.getByTestId('hit')).toHaveCount(0);
  await expect(page.getByTestId('partial-hit')).toHaveCount(2);
});

test('the slash key focuses the search box', async ({ page }) => {
  await page.goto('/?doc=000_8ab391a8a651fb65');
  await ready(page);
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
});

test('actor and stance facets come from the stance tags and toggle filters', async ({ page }) => {
  await page.goto('/?v=1&q=dialogue');
  await ready(page);
  const who = page.getByRole('region', { name: 'Who takes a position' });
  await expect(who).toBeVisible();
  await who.getByTestId('facet-value').filter({ hasText: 'Vladimir Putin' }).click();
  await expect(page).toHaveURL(/q=dialogue%20actor%3Aputin/);
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await expect(page.getByTestId('hit')).toHaveAttribute('data-id', '004_9c538ca53b92ee9e');
  const on = page.getByRole('region', { name: 'Position on' });
  await expect(on.getByTestId('facet-value').filter({ hasText: 'Dialogue between authorities and opposition' })).toBeVisible();
  await page.getByRole('region', { name: 'Who takes a position' }).getByTestId('facet-value').filter({ hasText: 'Vladimir Putin' }).click();
  await expect(page).toHaveURL(/q=dialogue$/);
});
