// The page over scripts/hostile-corpus.mjs (markup, javascript: URLs, bidi overrides, NUL bytes
// and a 1 MB line in file names and texts), and the seed page under hostile URLs: nothing runs,
// nothing is rendered as markup, no link leaves the page's origin, and the page keeps working.
import { test, expect, ready } from './helpers.mjs';
import { HOSTILE } from './playwright.config.mjs';

/** Like `ready`, with time for the megabyte article (aligned with the others as the reader opens). */
const readySlow = (page) => expect(page.getByTestId('corpus-summary')).toBeVisible({ timeout: 20_000 });

/** Fails the test on any dialog (alert, confirm, prompt) and on any navigation away. */
function guard(page) {
  const ran = [];
  page.on('dialog', async (d) => { ran.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  return ran;
}

/** No markup from the corpus or URL became elements or scripts, and every link stays on this origin. */
async function nothingInjected(page) {
  const found = await page.evaluate(() => ({
    injected: document.querySelectorAll('img, svg, iframe, object, embed, b, body script:not([type="module"])').length,
    // Trunk's loader and the prerendered picture's guard (scripts/prerender.mjs), nothing else.
    scripts: [...document.querySelectorAll('script')].map((el) => (el.src ? new URL(el.src).pathname.split('/').pop() : el.type)),
    foreign: [...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => new URL(h).origin !== location.origin),
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    pwned: document.body.textContent === 'pwned',
  }));
  expect(found).toEqual({ injected: 0, scripts: ['module', 'prerender-guard.js'], foreign: [], handlers: 0, pwned: false });
}

test('every article of the hostile corpus is listed and read as plain text', async ({ page }) => {
  test.setTimeout(90_000); // six articles, one of them a megabyte
  const ran = guard(page);
  await page.goto(HOSTILE);
  await ready(page);
  const items = page.getByTestId('article-item');
  await expect(items).toHaveCount(6);
  await expect(page.locator('[data-id="<img src=x onerror=alert(1)>"]')).toContainText('<script>alert("title")</script>');
  await nothingInjected(page);
  const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.id));
  for (const id of ids) {
    await page.goto(`${HOSTILE}/?v=1&doc=${encodeURIComponent(id)}`);
    await readySlow(page);
    await expect(page.getByTestId('reader')).toHaveAttribute('data-id', id);
    await nothingInjected(page);
  }
  await expect(page.getByTestId('reader')).toBeVisible();
  expect(ran).toEqual([]);
});

test('markup in the text is shown literally in the reader, search and comparison', async ({ page }) => {
  const ran = guard(page);
  await page.goto(`${HOSTILE}/?v=1&doc=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await ready(page);
  await expect(page.locator('#article-title')).toContainText('<script>alert("title")</script>');
  await expect(page.getByTestId('reader')).toContainText('<img src=x onerror=alert(2)>');
  await expect(page.getByTestId('reader')).toContainText('<a href="javascript:alert(4)">a link</a>');
  await page.goto(`${HOSTILE}/?v=1&q=alert`);
  await ready(page);
  await expect(page.getByTestId('hit').first()).toBeVisible();
  await expect(page.locator('mark').first()).toHaveText(/alert/i);
  await nothingInjected(page);
  await page.goto(`${HOSTILE}/?v=1&compare=${encodeURIComponent('<img src=x onerror=alert(1)>')},${encodeURIComponent('javascript:alert(5)')}`);
  await ready(page);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await nothingInjected(page);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('citation')).toContainText('<script>alert("title")</script>');
  expect(ran).toEqual([]);
});

test('the one-megabyte line opens, and the page stays responsive', async ({ page }) => {
  await page.goto(`${HOSTILE}/?v=1&doc=one-megabyte-line`);
  await readySlow(page);
  await expect(page.getByTestId('paragraph').first()).toBeVisible();
  await page.getByTestId('search-input').fill('protesters');
  await expect(page.getByTestId('hit').first()).toHaveAttribute('data-id', 'one-megabyte-line');
});

const HOSTILE_URLS = [
  // 1. A javascript: article id; 2. markup in a search and a comparison; 3. NUL, invalid UTF-8
  // and bidi controls; 4. markup in the fragment; 5. and 6. passage offsets past any text and a
  // quote of garbage; 7. a 10 kB search and 300 unknown parameters; 8. every parameter repeated
  // or empty; 9. a path that would make links protocol-relative if the page pasted it in.
  '/?v=1&doc=javascript%3Aalert(1)',
  '/?v=1&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&compare=%22%3E%3Csvg%20onload%3Dalert(1)%3E,x',
  '/?v=1&q=%00%01%FF%E2%80%AE%E2%81%A6reversed&doc=%E2%80%AEtxt.exe',
  '/?v=1&doc=004_9c538ca53b92ee9e#%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '/?v=1&doc=004_9c538ca53b92ee9e&at=0-99999999999999999999999&quote=%FF-,%00,-x',
  '/?v=1&doc=004_9c538ca53b92ee9e&at=18446744073709551615-18446744073709551615&cv=%3Cb%3E&quote=javascript%3Aalert(1)',
  `/?v=1&q=${'a%20'.repeat(2500)}&${'x=1&'.repeat(300)}`,
  '/?v=99&v=0&v=-1&doc=&doc=&compare=,,,&focus=%3Aa',
  '//evil.example/?v=1&q=dialogue',
];

for (const [i, url] of HOSTILE_URLS.entries()) {
  test(`hostile link ${i + 1} runs nothing, stays on this site and still works`, async ({ page }) => {
    const ran = guard(page);
    await page.goto(`http://127.0.0.1:41730${url}`);
    await ready(page);
    await nothingInjected(page);
    // The page still works: search, then open a result.
    await page.keyboard.press('/');
    await page.keyboard.type('dialogue');
    await expect(page.getByTestId('hit').first()).toBeVisible();
    await page.getByTestId('hit').first().getByRole('link').first().click();
    await expect(page.getByTestId('reader')).toBeVisible();
    expect(new URL(page.url()).origin).toBe('http://127.0.0.1:41730');
    expect(ran).toEqual([]);
  });
}
