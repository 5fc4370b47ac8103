// Screenshot a page in the system Chromium: node scripts/screenshot.mjs URL OUT.png [WIDTH=1280] [HEIGHT=900] [--full]
import { chromium } from '@playwright/test';

const [url, out, width = '1280', height = '900', full] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(url);
await page.waitForSelector('.site-header', { timeout: 15000 });
await page.screenshot({ path: out, fullPage: full === '--full' });
if (errors.length) console.error('page errors:', errors.join('\n'));
await browser.close();
