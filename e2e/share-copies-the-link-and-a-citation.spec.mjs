import { test, expect, ready } from './helpers.mjs';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('every view has a Share button that copies its link', async ({ page }) => {
  for (const url of ['/', '/?v=1&q=dialogue', '/?v=1&doc=000_8ab391a8a651fb65', '/?v=1&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3']) {
    await page.goto(url);
    await ready(page);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByTestId('share-link')).toHaveValue(page.url());
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('share-status')).toHaveText('Link copied.');
    expect(await clipboard(page)).toBe(page.url());
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('share-panel')).toBeHidden();
  }
});

test('an article and a comparison offer a citation line with outlet, title, date and link', async ({ page }) => {
  await page.goto('/?v=1&doc=000_8ab391a8a651fb65');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const cite = page.getByTestId('citation');
  await expect(cite).toHaveText(/^UrduPoint \/ Sputnik, “.+”, 27 Aug 2020\. http:\/\/127\.0\.0\.1:41730\/\?v=1&doc=000_8ab391a8a651fb65$/);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.getByTestId('share-status')).toHaveText('Citation copied.');
  expect(await clipboard(page)).toBe(await cite.textContent());
  // The panel follows the view: open another article, and the link and citation change with it.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: /Older/ }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('share-link')).toHaveValue(/doc=001_9c6dd14e164684d3$/);
  await expect(cite).toContainText('doc=001_9c6dd14e164684d3');

  await page.goto('/?v=1&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(cite).toHaveText(/^Parallax comparison of .+; .+\. http.+compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3$/);
  // No citation where there is no article: a search.
  await page.goto('/?v=1&q=dialogue');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(cite).toHaveCount(0);
});
