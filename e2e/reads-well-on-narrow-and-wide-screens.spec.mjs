import { test, expect, ready } from './helpers.mjs';

for (const [name, width, height] of [['narrow', 360, 740], ['wide', 1440, 900]]) {
  test(`the list and the reader fit a ${name} screen (${width}px) without sideways scrolling`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    for (const url of ['/', '/?doc=003_fa59a08e2227003b', '/?doc=004_9c538ca53b92ee9e']) {
      await page.goto(url);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: info.outputPath(`reader-${name}.png`), fullPage: false });
    // On a narrow screen the reader takes the whole width; the list is one click away.
    if (name === 'narrow') {
      await expect(page.getByTestId('article-list')).toBeHidden();
      await expect(page.getByRole('link', { name: '← All articles' })).toBeVisible();
    } else {
      await expect(page.getByTestId('article-list')).toBeVisible();
    }
  });
}
