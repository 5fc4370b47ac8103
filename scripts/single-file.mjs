// Turns the release build in dist/ into one self-contained HTML file that opens from file:// (a
// reporter can mail it): the CSS goes into a <style>, the icon into a data: URL, the wasm-bindgen
// glue into the one module script, and the wasm (with the embedded corpus) into a base64 data
// block that the script decodes and hands to the glue's init. The Content-Security-Policy keeps
// its rules, with the hashes of the inline script and style instead of 'self'.
// Usage: node scripts/single-file.mjs [DIST=dist] [OUT=dist-single/parallax.html]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const [dist = 'dist', out = 'dist-single/parallax.html'] = process.argv.slice(2);
const fail = (why) => {
  console.error(`single-file: ${why}`);
  process.exit(1);
};
const files = readdirSync(dist);
// A page opened from file:// cannot fetch files beside it: the corpus must be embedded whole.
if (files.includes('corpus')) fail(`${dist}/ keeps its corpus in static files (corpus/), which a file:// page cannot fetch; build it embedded whole with PARALLAX_SHARD_FROM=never trunk build --release, then run this again`);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dist}/, found ${found.length}: ${found.join(', ')}`);
  return found[0];
};
const wasmFile = one(/_bg\.wasm$/, 'wasm file');
// prerender-guard.js belongs to the prerendered picture (scripts/prerender.mjs), which the single
// file leaves out: its script is all inline, and opening the file has no network to wait for.
const jsFile = one(/^(?!prerender-guard\.js$).*\.js$/, 'JS glue file');
const cssFile = one(/\.css$/, 'CSS file');
const iconFile = files.find((f) => f.endsWith('.svg'));

let html = readFileSync(join(dist, 'index.html'), 'utf8');
const wasm = readFileSync(join(dist, wasmFile));
let glue = readFileSync(join(dist, jsFile), 'utf8');
const css = readFileSync(join(dist, cssFile), 'utf8');

// The glue as a classic part of one module script: its exports become plain declarations.
if (/^\s*import\s/m.test(glue)) fail(`${jsFile} imports other modules (snippets); inline those too before using this script`);
glue = glue
  .replace(/^export\s+\{[^}]*\};?\s*$/gm, '')
  .replace(/^export\s+default\s+/gm, '')
  .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '');
if (/^\s*export\s/m.test(glue)) fail(`${jsFile} has an export this script does not know how to inline`);
if (!/function __wbg_init\b/.test(glue)) fail(`${jsFile} has no __wbg_init (is it wasm-bindgen's --target web glue?)`);

const loader = `${glue}
// Parallax single file: the wasm is in the #parallax-wasm data block, base64.
{
  const b64 = document.getElementById('parallax-wasm').textContent.trim();
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const wasm = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

// Trunk's loader script, preloads and the stylesheet link go; the inline versions come in.
const before = html;
html = html
  .replace(/<!-- prerendered -->[\s\S]*?<!-- \/prerendered -->\s*/, '')
  .replace(/<script src="\.\/prerender-guard\.js"><\/script>\s*/, '')
  .replace(/<script type="module">[\s\S]*?<\/script>\s*/, '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*>/g, '')
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`);
if (html === before || html.includes(cssFile) || html.includes(jsFile)) fail(`${dist}/index.html does not have the shape Trunk writes`);
if (iconFile) {
  const icon = readFileSync(join(dist, iconFile)).toString('base64');
  html = html.replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`);
}
html = html.replace(
  '</body>',
  `<script type="application/octet-stream" id="parallax-wasm">${wasm.toString('base64')}</script>\n<script type="module">${loader}</script>\n</body>`,
);
const csp = /content="(default-src[^"]*)"/;
const policy = html.match(csp)?.[1];
if (!policy) fail(`no Content-Security-Policy meta in ${dist}/index.html`);
const newPolicy = policy
  .replace(/script-src [^;]*/, `script-src ${sha(loader)} 'wasm-unsafe-eval'`)
  .replace(/style-src [^;]*/, `style-src ${sha(css)}`)
  .replace(/connect-src [^;]*/, "connect-src 'none'")
  .replace(/font-src [^;]*/, "font-src 'none'")
  .replace(/img-src [^;]*/, 'img-src data:');
html = html.replace(csp, `content="${newPolicy}"`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const buf = Buffer.from(html);
console.log(
  `single-file: ${out}: ${kb(buf.length)} raw, ${kb(gzipSync(buf, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(buf).length)} brotli (wasm ${kb(wasm.length)} as base64)`,
);
