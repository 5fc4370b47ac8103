import { readFile } from 'node:fs/promises';
import { test, expect, ready, kept } from './helpers.mjs';

const FIRST = `Lithuania offers talks venue as Tsikhanouskaya meets ministers

VILNIUS, September 3 (Wirecorp) - Lithuanian Foreign Minister Linas Linkevicius on Thursday called for a dialogue between the Belarusian authorities and the opposition, and urged the release of political prisoners.

Police cracked down on protesters during the first several days of the unrest, but have since halted the excessive use of force. More than 6,700 people were detained during the initial phase of the protest. According to the Belarusian Interior Ministry, three people died and several hundred others sustained injuries during that period, including more than 120 security officers.
`;

const SECOND = `Marmalade exports rise in a quiet month

Quince marmalade shipments grew by a tenth in the quarter, the producers' association said on Friday, citing demand from new markets.
`;

/** Drops files on the drop zone, as a person dragging them from a folder would. */
async function drop(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
    return dt;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dt });
}

test('dropped articles are searchable and comparable, survive a reload, and can be removed', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByTestId('nav-add').click();
  await expect(page.getByTestId('add-view')).toBeVisible();
  await expect(page.getByTestId('no-local')).toBeVisible();

  await drop(page, [['wire-talks.txt', FIRST], ['marmalade.txt', SECOND]]);
  await expect(page.getByTestId('added-note')).toContainText('Added 2 articles');
  await expect(page.getByTestId('local-item')).toHaveCount(2);
  await expect(page.getByTestId('corpus-summary')).toContainText('7 articles');
  await kept(page);

  // Found by search, with the page's own name folding (Tsikhanouskaya ~ Tikhanovskaya).
  await page.getByRole('searchbox').fill('quince marmalade');
  await expect(page.getByTestId('hit').first()).toContainText('Marmalade exports');
  await expect(page.getByTestId('hit').first().getByTestId('local-badge')).toBeVisible();

  // Compared with a seed: the copied crackdown paragraph is aligned.
  await page.goto('/?v=1&view=add');
  await ready(page);
  const wire = await page.getByTestId('local-item').filter({ hasText: 'wire-talks.txt' }).getAttribute('data-id');
  expect(wire).toMatch(/^local-wire-talks-[0-9a-f]{8}$/);
  await page.goto(`/?v=1&compare=000_8ab391a8a651fb65,${wire}`);
  await ready(page);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await expect(page.getByTestId('pair-kind').first()).toBeVisible();
  await expect(page.locator('.compare-row').filter({ hasText: 'Police cracked down' }).getByTestId('pair-kind')).toHaveText(/Verbatim|Edited/);

  // A reload keeps them; the reader marks them.
  await page.goto(`/?v=1&doc=${wire}`);
  await ready(page);
  await expect(page.getByTestId('reader')).toContainText('Lithuania offers talks venue');
  await expect(page.getByTestId('reader').getByTestId('local-badge')).toBeVisible();
  await expect(page.getByTestId('also-in').first()).toContainText('UrduPoint / Sputnik');

  // Removed, they are gone everywhere.
  await page.goto('/?v=1&view=add');
  await ready(page);
  await expect(page.getByTestId('local-item')).toHaveCount(2);
  await page.getByTestId('remove-local').first().click();
  await expect(page.getByTestId('local-item')).toHaveCount(1);
  await page.getByTestId('remove-all').click();
  await expect(page.getByTestId('no-local')).toBeVisible();
  await kept(page);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('corpus-summary')).toContainText('5 articles');
});

test('a pasted text is added; bad files are refused one by one with the reason', async ({ page }) => {
  await page.goto('/?v=1&view=add');
  await ready(page);
  await page.getByTestId('paste-text').fill(SECOND);
  await page.getByTestId('paste-name').fill('my notes');
  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('local-item')).toHaveCount(1);
  await expect(page.getByTestId('local-item')).toHaveAttribute('data-id', /^local-my-notes-[0-9a-f]{8}$/);

  await page.getByTestId('file-input').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(SECOND) },
  ]);
  const problems = page.getByTestId('add-problems');
  await expect(problems.locator('li')).toHaveCount(4);
  await expect(problems).toContainText('empty.txt: the file holds only white space');
  await expect(problems).toContainText('latin1.txt:1: the file is not valid UTF-8');
  await expect(problems).toContainText('photo.png: this is not an article file');
  await expect(problems).toContainText('again.txt: the same text was already added (from my notes.txt');
  await expect(page.getByTestId('local-item')).toHaveCount(1);
});

test('additions export as a bundle and import elsewhere; a link to a local article tells the recipient', async ({ page, browser }) => {
  await page.goto('/?v=1&view=add');
  await ready(page);
  await drop(page, [['wire-talks.txt', FIRST]]);
  await expect(page.getByTestId('local-item')).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(bundle.format).toBe('parallax-local-articles');
  expect(bundle.articles.map((a) => a.file_name)).toEqual(['wire-talks.txt']);
  const id = bundle.articles[0].id;

  // Another browser (a fresh context: no storage) gets the link: a notice, not a broken page.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(`/?v=1&doc=${id}`);
  await expect(theirs.getByTestId('notice')).toContainText('added in their own browser; you do not have it');
  await expect(theirs.getByTestId('article-list')).toBeVisible();
  // Importing the bundle gives them the article under the same id.
  await theirs.goto('/?v=1&view=add');
  await theirs.getByTestId('file-input').setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await expect(theirs.getByTestId('local-item')).toHaveAttribute('data-id', id);
  await other.close();
});

test('an HTML page is read with the browser\'s own parser and the build\'s extraction rules', async ({ page }) => {
  await page.goto('/?v=1&view=add');
  await ready(page);
  const html = `<!doctype html><html><head><title>Harbour talks | Harbour Daily</title>
    <meta property="og:site_name" content="Harbour Daily"><meta property="article:published_time" content="2020-08-21T09:00:00Z">
    <script>window.__pwned = true</script></head>
    <body><nav>Home · World · Sport</nav><article><h1>Harbour talks begin</h1>
    <p>MINSK — Opposition figures called for a dialogue with the authorities on Friday.</p>
    <p>They also urged the release of political prisoners.</p></article><footer>© Harbour Daily</footer></body></html>`;
  await page.getByTestId('file-input').setInputFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  const item = page.getByTestId('local-item');
  await expect(item).toContainText('Harbour talks begin');
  await expect(item).toContainText('Harbour Daily');
  await expect(item).toContainText('21 Aug 2020');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await item.locator('.local-title').click();
  await expect(page.getByTestId('reader')).not.toContainText('Home · World');
  await expect(page.getByTestId('reader')).toContainText('urged the release of political prisoners');
});
