// Prerenders the opening view (the article list) into the built page, so a phone paints it before
// the wasm has loaded. It serves DIST, opens it in the system Chromium, waits for the article list,
// and copies what the app drew into index.html as `<div id="prerendered" inert>`: a still picture,
// with no ids and no test ids, that no one can focus or click. The app removes it when it mounts;
// until then the stylesheet hides the app's own "opening" line behind it. `prerender-guard.js`, a
// same-origin script the Content-Security-Policy already allows, hides the picture on any link with
// a query or a fragment: those open another view, which only the app can draw.
// Usage: node scripts/prerender.mjs [DIST=dist]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { listen, staticServer } from './static-server.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const root = resolve(dist);
const fail = (why) => {
  console.error(`prerender: ${why}`);
  process.exit(1);
};
const indexFile = join(root, 'index.html');
let html;
try {
  html = readFileSync(indexFile, 'utf8');
} catch (e) {
  fail(`cannot read ${indexFile}: ${e.message} (run the build first)`);
}
if (html.includes('id="prerendered"')) fail(`${indexFile} is already prerendered (build again first)`);

const server = staticServer(root);
const url = `${await listen(server)}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let picture;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid="article-item"]', { timeout: 30000 });
  if (errors.length) fail(`the page reported errors:\n${errors.join('\n')}`);
  picture = await page.evaluate(() => {
    const copy = document.createElement('div');
    for (const node of document.body.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !['SCRIPT', 'NOSCRIPT', 'LINK'].includes(node.tagName)) copy.append(node.cloneNode(true));
    }
    for (const el of copy.querySelectorAll('*')) {
      for (const a of ['id', 'data-testid', 'aria-live', 'aria-controls', 'aria-describedby', 'aria-labelledby', 'for', 'autofocus']) el.removeAttribute(a);
    }
    return { html: copy.innerHTML, cards: copy.querySelectorAll('.card').length };
  });
} finally {
  await browser.close();
  server.close();
}
if (!picture.cards) fail('the article list drew no cards');

// The picture goes first in the body; the guard goes in the head, before anything is painted.
const guard = "if (location.search || location.hash) document.documentElement.classList.add('deep-link');\n";
writeFileSync(join(root, 'prerender-guard.js'), guard);
// The app starts after the picture is on screen: Trunk's loader waits for one frame to be drawn
// before it fetches and starts the wasm, and the wasm is not preloaded, so neither its download
// nor compiling and mounting hold back the first paint. (The cost: the download starts a frame
// after the stylesheet has arrived rather than beside it; see the README's Payload size.)
const wait = 'await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));\n';
const out = html
  .replace(/(<script type="module">[\s\S]*?)(const wasm = await init\()/, (_, a, b) => `${a}${wait}${b}`)
  .replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\s*/, '')
  .replace('</head>', '<script src="./prerender-guard.js"></script>\n</head>')
  .replace(/<body>/, () => `<body>\n<!-- prerendered --><div id="prerendered" inert>${picture.html}</div><!-- /prerendered -->`);
if (!out.includes('id="prerendered"') || !out.includes('prerender-guard.js') || !out.includes(wait) || /_bg\.wasm"[^>]*as="fetch"/.test(out)) fail(`${indexFile} does not have the shape Trunk writes (a <head> with its loader, a <body>)`);
writeFileSync(indexFile, out);
// The loader changed: the Content-Security-Policy takes its new hash.
execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'csp-hash.mjs'), indexFile], { stdio: 'inherit' });
console.log(`prerender: ${indexFile}: the article list (${picture.cards} cards, ${(Buffer.byteLength(picture.html) / 1024).toFixed(1)} KB of HTML) paints before the wasm`);
