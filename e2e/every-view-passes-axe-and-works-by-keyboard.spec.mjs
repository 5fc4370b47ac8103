import { test, expect, ready } from './helpers.mjs';
import { seriousViolations } from './axe.mjs';

const VIEWS = {
  'the article list': '/',
  'the reader at a paragraph': '/?v=1&doc=004_9c538ca53b92ee9e#p7',
  'search results with a filter': '/?v=1&q=dialogue%20outlet%3ATASS',
  'search results with no match': '/?v=1&q=zzzzqqq',
  'a comparison of four articles with a focused passage':
    '/?v=1&focus=000_8ab391a8a651fb65%3A7&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3,002_41439f313bc3004e,004_9c538ca53b92ee9e',
  'a bad link with its notice': '/?v=1&doc=999_gone&zz=1',
  'the coverage view with a selected cell': '/?v=1&view=coverage&by=actor&row=eu&target=sanctions',
  'the coverage view limited to a month': '/?v=1&view=coverage&from=2020-08-01&to=2020-08-31',
  'the page for adding articles': '/?v=1&view=add',
};

for (const [name, url] of Object.entries(VIEWS)) {
  test(`axe finds no serious or critical violation in ${name}`, async ({ page }) => {
    await page.goto(url);
    await ready(page);
    // Open every disclosure so that what it hides is checked too.
    await page.locator('details').evaluateAll((els) => els.forEach((d) => { d.open = true; }));
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical violation in the open share panel', async ({ page }) => {
  await page.goto('/?v=1&doc=003_fa59a08e2227003b');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('citation')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  await page.goto('/?v=1&q=dialogue');
  await ready(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab lands inside the content, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
});

test('every focused control shows a visible outline', async ({ page }) => {
  for (const url of Object.values(VIEWS)) {
    await page.goto(url);
    await ready(page);
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      if (outline.tag === 'BODY') break;
      expect(outline.style, `${url}: focused ${outline.tag} has no outline`).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
    }
  }
});

test('slash focuses the search box from any view, but not while typing in it', async ({ page }) => {
  for (const url of Object.values(VIEWS)) {
    await page.goto(url);
    await ready(page);
    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
  }
  await page.keyboard.type('a/b');
  await expect(page.getByTestId('search-input')).toHaveValue('a/b');
});

test('Escape closes the share panel and gives focus back to its button', async ({ page }) => {
  await page.goto('/?v=1&doc=004_9c538ca53b92ee9e');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('share-panel')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('share-link')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-panel')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
});
