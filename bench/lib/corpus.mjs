// Reads a generated corpus folder into plain documents for the JavaScript engines and the
// reference ranking: {id, title, body, outlet, date (YYYY-MM-DD), month (YYYY-MM)}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
// `KYIV (Sputnik - 17 March, 2021) ` opens the lead paragraph of every generated article.
const DATELINE = /^[A-Z]+ \((.+?) - (\d+) (\w+), (\d{4})\) /;

export function readCorpus(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const cut = text.indexOf('\n\n');
    const title = text.slice(0, cut).trim();
    let body = text.slice(cut + 2);
    const m = DATELINE.exec(body);
    let outlet = 'Unknown';
    let date = '';
    if (m) {
      outlet = m[1];
      const month = String(MONTHS.indexOf(m[3]) + 1).padStart(2, '0');
      date = `${m[4]}-${month}-${m[2].padStart(2, '0')}`;
      body = body.slice(m[0].length);
    }
    return { id: f.slice(0, -4), title, body: body.trim(), outlet, date, month: date.slice(0, 7) };
  });
}
