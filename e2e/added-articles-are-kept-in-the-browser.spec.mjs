// Added articles live in the browser's database (IndexedDB): many megabytes of them survive a
// reload, additions kept by earlier versions in local storage move there, a storage failure is
// said and loses nothing shown, and adding and removing does not grow the page's memory.
import { test, expect, ready, kept } from './helpers.mjs';

/**
 * A deterministic article of about `bytes` bytes, different for every `n`: sentences of invented
 * words drawn from syllables, so articles share few word runs (as different real articles do)
 * and the reuse detection has little to align.
 */
function article(n, bytes) {
  let x = ((n + 1) * 2654435761) % 2147483648;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'vel', 'dor', 'ni', 'pra', 'sen', 'ru', 'bal', 'ot', 'quin', 'zel', 'ma', 'fen', 'ly', 'gor', 'tes'];
  const word = () => {
    let w = '';
    for (let k = 2 + Math.floor(rand() * 2); k > 0; k--) w += syllables[Math.floor(rand() * syllables.length)];
    return w;
  };
  const sentence = () => {
    const words = [];
    for (let k = 8 + Math.floor(rand() * 10); k > 0; k--) words.push(word());
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const lines = [`Harbour report ${n}: ${word()} ${word()}`, ''];
  let size = lines[0].length;
  while (size < bytes) {
    const p = [sentence(), sentence(), sentence(), sentence()].join(' ');
    lines.push(p, '');
    size += p.length + 2;
  }
  return lines.join('\n');
}

/** Chooses files in the add view's file input, as a person picking them in a dialog would. */
async function pick(page, files) {
  await page.getByTestId('file-input').setInputFiles(
    files.map(([name, text]) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })),
  );
}

test('20 MB of added articles, added in several drops, survive a reload', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?v=1&view=add');
  await ready(page);
  const drops = 4;
  const perDrop = 10;
  const size = 500_000;
  for (let d = 0; d < drops; d++) {
    const files = [];
    for (let i = 0; i < perDrop; i++) {
      const n = d * perDrop + i;
      files.push([`harbour-${String(n).padStart(2, '0')}.txt`, article(n, size)]);
    }
    const t0 = Date.now();
    await pick(page, files);
    await expect(page.getByTestId('local-item')).toHaveCount((d + 1) * perDrop, { timeout: 120_000 });
    const t1 = Date.now();
    await kept(page);
    console.log(`drop ${d + 1}: ${perDrop} files of ${size / 1000} KB analysed in ${((t1 - t0) / 1000).toFixed(1)} s, kept ${((Date.now() - t1) / 1000).toFixed(1)} s later`);
  }
  await expect(page.getByTestId('storage-notice')).toHaveCount(0);
  const t0 = Date.now();
  await page.reload();
  // The page re-reads and re-analyses the additions before it shows the views.
  await expect(page.getByTestId('corpus-summary')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('local-item')).toHaveCount(drops * perDrop);
  console.log(`reload: ${drops * perDrop} added articles read back and analysed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const names = await page.locator('[data-testid=local-item] .local-meta').allTextContents();
  for (let n = 0; n < drops * perDrop; n++) {
    expect(names.some((t) => t.startsWith(`harbour-${String(n).padStart(2, '0')}.txt`)), `harbour-${n}`).toBe(true);
  }
  await expect(page.getByTestId('corpus-summary')).toContainText(`${5 + drops * perDrop} articles`);
});

test('additions an earlier version kept in local storage move to the database', async ({ page }) => {
  await page.goto('/?v=1&view=add');
  await ready(page);
  const text = 'Quince harvest starts early\n\nGrowers in the valley began picking quinces a fortnight early this year, their cooperative said.\n';
  const bundle = {
    format: 'parallax-local-articles',
    version: 1,
    corpus: 'seeds',
    articles: [{ id: 'local-quince-0a1b2c3d', file_name: 'quince.txt', format: 'txt', text }],
  };
  await page.evaluate((b) => localStorage.setItem('parallax.local.v1.seeds', JSON.stringify(b)), bundle);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('local-item')).toHaveAttribute('data-id', 'local-quince-0a1b2c3d');
  await kept(page);
  expect(await page.evaluate(() => localStorage.getItem('parallax.local.v1.seeds'))).toBeNull();
  // Kept in the database now: still there after another reload.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('local-item')).toHaveCount(1);
});

const NOTE = 'Lighthouse keepers meet\n\nThe keepers of the northern lights met on Saturday to discuss the winter rota, their association said.\n';

test('a browser with no database says so and keeps the additions in the page', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => { throw new DOMException('The database is off', 'SecurityError'); } });
  });
  await page.goto('/?v=1&view=add');
  await ready(page);
  await expect(page.getByTestId('storage-notice')).toContainText('does not let the page keep data');
  await pick(page, [['keepers.txt', NOTE]]);
  await expect(page.getByTestId('local-item')).toHaveCount(1);
  await page.getByRole('searchbox').fill('lighthouse keepers rota');
  await expect(page.getByTestId('hit').first()).toContainText('Lighthouse keepers meet');
});

test('a full storage says so and keeps the addition in the page', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.goto('/?v=1&view=add');
  await ready(page);
  await pick(page, [['keepers.txt', NOTE]]);
  await expect(page.getByTestId('local-item')).toHaveCount(1);
  await expect(page.getByTestId('storage-notice')).toContainText('storage for this page is full');
  await expect(page.getByTestId('corpus-summary')).toContainText('6 articles');
});

test('50 cycles of adding and removing an article do not grow memory without bound', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto('/?v=1&view=add');
  await ready(page);
  const memory = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  const cycle = async (i) => {
    await pick(page, [[`cycle-${i}.txt`, article(1000 + i, 20_000)]]);
    await expect(page.getByTestId('local-item')).toHaveCount(1);
    await page.getByTestId('remove-local').click();
    await expect(page.getByTestId('no-local')).toBeVisible();
    await kept(page);
  };
  for (let i = 0; i < 10; i++) await cycle(i);
  const warm = await memory();
  for (let i = 10; i < 50; i++) await cycle(i);
  const after = await memory();
  const grown = (after - warm) / 1e6;
  console.log(`wasm memory: ${(warm / 1e6).toFixed(1)} MB after 10 cycles, ${(after / 1e6).toFixed(1)} MB after 50 (+${grown.toFixed(1)} MB)`);
  expect(grown, 'memory grew by MB over 40 cycles').toBeLessThan(4);
});
