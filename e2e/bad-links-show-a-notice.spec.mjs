import { test, expect, ready } from './helpers.mjs';

test('an unknown article id shows a notice and falls back to the list', async ({ page }) => {
  await page.goto('/?doc=999_gone');
  await ready(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('“999_gone”, which is not in this corpus');
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  await page.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(notice).toHaveCount(0);
});

test('hostile query strings are shown as text and run nothing', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await page.goto('/?doc=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&%3Cscript%3Ealert(2)%3C%2Fscript%3E=1&v=abc');
  await ready(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('<img src=x onerror=alert(1)>');
  await expect(notice).toContainText('is not one Parallax knows');
  await expect(notice).toContainText('newer or unknown version');
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
});
