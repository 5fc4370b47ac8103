// Trunk post-build hook: Trunk writes an inline <script type="module"> that loads the wasm. The
// page's Content-Security-Policy allows only scripts from 'self', so this adds the SHA-256 of that
// one inline script (and nothing else) to script-src. Run by Trunk with TRUNK_STAGING_DIR set, or
// by hand: `node scripts/csp-hash.mjs dist/index.html`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length !== 1) {
  console.error(`csp-hash: expected one inline module script in ${file}, found ${scripts.length}`);
  process.exit(1);
}
const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
const before = html;
html = html.replace(/script-src 'self'( 'sha256-[^']*')?/, `script-src 'self' 'sha256-${hash}'`);
if (html === before && !before.includes(hash)) {
  console.error(`csp-hash: no "script-src 'self'" in the CSP meta of ${file}`);
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp-hash: script-src allows the loader script sha256-${hash}`);
