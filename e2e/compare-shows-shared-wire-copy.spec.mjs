import { test, expect, ready } from './helpers.mjs';

const PAIR = '000_8ab391a8a651fb65,001_9c6dd14e164684d3';

test('comparing the two UrduPoint/Sputnik articles puts the shared wire paragraphs on one row with the changes marked', async ({ page }) => {
  await page.goto(`/?v=1&compare=${PAIR}`);
  await ready(page);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  const kinds = page.getByTestId('pair-kind');
  await expect(kinds).toHaveCount(2);
  await expect(kinds.first()).toHaveText(/Edited copy/i);
  await expect(kinds.first()).toHaveAttribute('title', /three-word runs/);
  // The crackdown row: the second article's rewording is marked, the copied sentences are not.
  const row = page.locator('.compare-row').filter({ hasText: 'Demonstrations were harshly suppressed' });
  await expect(row.locator('ins').first()).toContainText('Demonstrations were harshly suppressed');
  await expect(row.locator('.cell').first()).toContainText('Police cracked down');
  // In a pair, the first article's words the copy dropped or changed are struck through.
  await expect(row.locator('.cell').first().locator('del').first()).toBeVisible();
  await expect(row.locator('.cell').nth(1).locator('del')).toHaveCount(0);
  await expect(page.getByTestId('only-here').first()).toBeVisible();
  // The link reproduces the exact view.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('pair-kind')).toHaveCount(2);
});

test('compare is one click from the reader and from search results, and back works', async ({ page }) => {
  await page.goto('/?doc=000_8ab391a8a651fb65');
  await ready(page);
  const first = page.getByTestId('compare-link').first();
  await expect(first).toContainText('Lithuanian Foreign Minister');
  await first.click();
  await expect(page).toHaveURL(/compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3$/);
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('reader')).toBeVisible();

  await page.goto('/?v=1&q=dialogue');
  await ready(page);
  await page.getByTestId('compare-top').click();
  await expect(page.getByTestId('compare-column')).toHaveCount(4);
});

test('a comparison link with a missing article says so and shows what is left', async ({ page }) => {
  await page.goto('/?v=1&compare=000_8ab391a8a651fb65,gone_article');
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('“gone_article” not in this corpus');
  await expect(page.getByTestId('reader')).toHaveAttribute('data-id', '000_8ab391a8a651fb65');
});

test('the comparison stacks on a narrow screen without sideways scrolling', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/?v=1&compare=${PAIR}`);
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('.cell-source').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('compare-narrow.png') });
});

test('the figures table flags the death toll on which the outlets disagree', async ({ page }) => {
  await page.goto('/?v=1&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3,003_fa59a08e2227003b');
  await ready(page);
  const deaths = page.getByTestId('figure-row').filter({ hasText: 'deaths' });
  await expect(deaths).toContainText('Outlets disagree');
  await expect(deaths.locator('td').nth(0)).toHaveText('3');
  await expect(deaths.locator('td').nth(2)).toHaveText('2');
  const detained = page.getByTestId('figure-row').filter({ hasText: 'people detained' });
  await expect(detained).not.toContainText('Outlets disagree');
  await expect(detained.locator('td').first()).toContainText('> 6,700');
});

test('the comparison shows who each article quotes or reports, and on what', async ({ page }) => {
  await page.goto('/?v=1&compare=003_fa59a08e2227003b,004_9c538ca53b92ee9e');
  await ready(page);
  const putin = page.getByTestId('voice-row').filter({ hasText: 'Vladimir Putin' });
  await expect(putin.locator('td').nth(1)).toContainText('dialogue between authorities and opposition');
  const kremlin = page.getByTestId('voice-row').filter({ hasText: 'The Kremlin' });
  await expect(kremlin.locator('td').nth(0)).toContainText('against');
  await expect(kremlin.locator('td').nth(1)).toHaveText('—');
});

test('focusing a passage marks it and its counterparts, and the link keeps the focus', async ({ page }) => {
  await page.goto(`/?v=1&compare=${PAIR}`);
  await ready(page);
  const row = page.locator('.compare-row').filter({ hasText: 'Police cracked down' });
  await row.getByTestId('focus-link').first().click();
  await expect(page).toHaveURL(/focus=000_8ab391a8a651fb65%3A7/);
  await expect(row).toHaveClass(/focused/);
  await expect(row.locator('.cell.focused')).toHaveCount(1);
  await page.reload();
  await ready(page);
  await expect(page.locator('.compare-row.focused')).toContainText('Demonstrations were harshly suppressed');
  await expect(page.locator('.compare-row.focused')).toBeInViewport();
});

test('any passage says where else it appears, and a focused passage is traced beyond the comparison', async ({ page }) => {
  await page.goto('/?v=1&doc=000_8ab391a8a651fb65');
  await ready(page);
  const also = page.locator('#p7').getByTestId('also-in');
  await expect(also).toContainText('UrduPoint / Sputnik ¶8 (edited copy, 86% copied)');
  await expect(page.locator('#p1').getByTestId('also-in')).toHaveCount(0);
  await also.getByTestId('also-in-link').click();
  await expect(page).toHaveURL(/focus=000_8ab391a8a651fb65%3A7&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3/);
  await expect(page.locator('.compare-row.focused')).toContainText('Police cracked down');

  // In a comparison without the copy, the focused passage points to it.
  await page.goto('/?v=1&focus=000_8ab391a8a651fb65%3A7&compare=000_8ab391a8a651fb65,002_41439f313bc3004e');
  await ready(page);
  const elsewhere = page.getByTestId('elsewhere');
  await expect(elsewhere).toContainText('Lithuanian Foreign Minister');
  await elsewhere.getByTestId('elsewhere-add').click();
  await expect(page.getByTestId('compare-column')).toHaveCount(3);
  await expect(page.getByTestId('elsewhere')).toHaveCount(0);
});
