import { chromium } from 'playwright-core';
const [url, out] = [process.argv[2], process.argv[3]];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[360, 1400], [1280, 1100]]) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  await p.goto(url); await p.waitForTimeout(1500);
  const s = p.locator('[data-testid=profile-note] summary'); if (await s.count()) await s.click();
  await p.screenshot({ path: `${out}-${w}.png`, fullPage: false });
}
await b.close();
