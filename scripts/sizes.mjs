// Prints the size of each file of a built page: raw, gzip and brotli (what a server would send).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = [0, 0, 0];
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const body = readFileSync(path);
  const sizes = [body.length, gzipSync(body, { level: 9 }).length,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  total = total.map((t, i) => t + sizes[i]);
  console.log(`${name.padEnd(44)} ${sizes.map((s) => kb(s).padStart(10)).join(' ')}`);
}
console.log(`${'total'.padEnd(44)} ${total.map((s) => kb(s).padStart(10)).join(' ')}`);
