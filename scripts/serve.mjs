// A small static server for the built page, for tests and local previews.
// Usage: node scripts/serve.mjs [DIR=dist] [PORT=4173] [BASE=/]
// Serves DIR under the path prefix BASE (to check hosting under a sub-path), on 127.0.0.1 only.
// Unknown paths under BASE get index.html; correct MIME types (application/wasm) are sent.
import { resolve } from 'node:path';
import { listen, staticServer } from './static-server.mjs';

const [dir = 'dist', port = '4173', base = '/'] = process.argv.slice(2);
const origin = await listen(staticServer(dir, { base }), Number(port));
console.log(`serving ${resolve(dir)} at ${origin}${base}`);
