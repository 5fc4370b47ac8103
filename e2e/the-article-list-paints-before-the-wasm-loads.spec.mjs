// The release build carries a still picture of the article list (scripts/prerender.mjs): a phone
// paints it before the wasm has loaded, and the app replaces it when it mounts.
import { test, expect, ready } from './helpers.mjs';
import { HOSTILE } from './playwright.config.mjs';

/** Holds back every wasm response until the returned function is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('the article list is on screen before the wasm arrives, and the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const picture = page.locator('#prerendered');
  await expect(picture.locator('.card')).toHaveCount(5);
  await expect(picture).toBeVisible();
  await expect(picture).toContainText('TASS');
  await expect(picture).toHaveAttribute('inert', '');
  // A still picture: nothing in it is a test hook, a duplicate id or a place for focus.
  expect(await picture.locator('[id], [data-testid]').count()).toBe(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('prerendered').contains(document.activeElement))).toBe(false);

  release();
  await ready(page);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByTestId('article-item')).toHaveCount(5);
  await expect(page.locator('.card')).toHaveCount(5);
});

test('a link to another view never shows the picture of the list', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?v=1&doc=002_41439f313bc3004e');
  await expect(page.locator('#prerendered')).toBeHidden();
  release();
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
});

test('the picture of a hostile corpus holds its text as text', async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const release = await holdWasm(page);
  await page.goto(HOSTILE);
  const picture = page.locator('#prerendered');
  await expect(picture.locator('.card').first()).toBeVisible();
  expect(await picture.locator('img, script, iframe, svg, object, embed').count()).toBe(0);
  release();
  await ready(page);
  await expect(picture).toHaveCount(0);
});
