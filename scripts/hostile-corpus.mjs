// Writes a hostile corpus folder for the browser tests: file names and texts that try to run
// script (<script>, <img onerror>, <svg onload>, javascript: URLs), bidi overrides that try to
// reverse what the reader sees, NUL and other control bytes, and a 1 MB line. The page must show
// all of it as text, run none of it, and keep working.
// Usage: node scripts/hostile-corpus.mjs DIR   (DIR is emptied first)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/hostile-corpus.mjs DIR');
  process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const RLO = '\u202e';
const lede = 'MINSK (Example Wire) - ';
const files = {
  // Markup in the file name (the article id) and everywhere in the text.
  '<img src=x onerror=alert(1)>.txt':
    `<script>alert("title")</script> Headline with markup\n\n${lede}<img src=x onerror=alert(2)> opened the session. ` +
    `"<svg onload=alert(3)>" was quoted, and <a href="javascript:alert(4)">a link</a> followed.\n\n` +
    `</p></div><script>document.body.innerHTML = "pwned"</script> The protest continued on Tuesday.\n`,
  'javascript:alert(5).txt':
    'javascript:alert(6)\n\n' +
    `${lede}Readers were told to open javascript:alert(7) and data:text/html,<script>alert(8)</script> for details. ` +
    'The opposition called for dialogue.\n',
  // Bidi overrides in the id, the title and the text: they must not reorder the page around them.
  [`bidi${RLO}txt.exe${RLO}.txt`]:
    `A title that ends reversed ${RLO}desrever si siht\n\n${lede}The minister${RLO} said the talks would resume.\u2066 Isolate\u2069 left open ${RLO}\n`,
  // NUL and other control characters inside the text.
  'control-bytes.txt':
    `Controls\u0000 in a headline\n\n${lede}A NUL\u0000 byte, a bell\u0007, a backspace\u0008, an escape \u001b[31m red \u001b[0m and a form feed\u000c sit in this sentence.\n`,
  // One line of about a megabyte, no paragraph breaks.
  'one-megabyte-line.txt':
    `A very long line\n\n${lede}` +
    'Protesters gathered again and the police watched from the square while it rained. '.repeat(12_500) +
    '\n',
  // Quotes and ampersands that would break attributes or URLs if spliced in raw.
  'quotes&amps=1.txt':
    `"Quoted" & 'single' title\n\n${lede}He said: "x' onmouseover='alert(9)" & <b>bold</b> &amp; &lt;escaped&gt;.\n`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
console.log(`hostile-corpus: ${Object.keys(files).length} files in ${dir}`);
