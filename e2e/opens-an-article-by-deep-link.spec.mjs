import { test, expect, ready } from './helpers.mjs';

test('a deep link opens the article reader with its metadata and text', async ({ page }) => {
  await page.goto('/?doc=001_9c6dd14e164684d3');
  await ready(page);
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-id', '001_9c6dd14e164684d3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Lithuanian Foreign Minister Calls For Int'l Response To Belarus Authorities' 'Brutalities'",
  );
  await expect(page.getByTestId('date-fact')).toContainText('24 Aug 2020');
  await expect(page.getByTestId('date-fact')).toContainText('24th August, 2020');
  await expect(reader.locator('.dateline').first()).toContainText('MOSCOW');
  // The standfirst repeated in the lead is marked as a repeat.
  await expect(page.getByTestId('repeat-note')).toHaveCount(1);
  await expect(page.locator('[data-role="standfirst"]')).toHaveClass(/repeat/);
  await expect(page).toHaveTitle(/Lithuanian Foreign Minister/);
});

test('reader-app boilerplate is kept but set aside, collapsed', async ({ page }) => {
  await page.goto('/?doc=004_9c538ca53b92ee9e');
  await ready(page);
  const wrappers = page.getByTestId('boilerplate');
  await expect(wrappers).toHaveCount(2);
  await expect(wrappers.first()).not.toHaveAttribute('open', '');
  const wrapperText = wrappers.first().locator('.raw');
  await expect(wrapperText).toBeHidden();
  await wrappers.first().locator('summary').click();
  await expect(wrapperText).toBeVisible();
  await expect(wrapperText).toContainText('Get all your news in one place.');
  await expect(page.locator('[data-role="caption"]')).toContainText('FILE PHOTO');
  await expect(page.locator('[data-role="credit"]')).toContainText('Reporting by Vladimir Soldatkin');
});

test('corpus text is shown as text, never parsed as HTML', async ({ page }) => {
  await page.goto('/?doc=003_fa59a08e2227003b');
  await ready(page);
  // Curly quotes and every paragraph arrive as text nodes; the repeated paragraphs are marked.
  await expect(page.getByTestId('repeat-note')).toHaveCount(4);
  const paragraphs = await page.getByTestId('paragraph').count();
  expect(paragraphs).toBe(38);
  expect(await page.locator('.reader-body *:not(p):not(span):not(a):not(details):not(summary):not(em)').count()).toBe(0);
});
