// measure-web.mjs — prints the web budgets: bytes served to the first map (gzip) and the time
// from navigation to the first map frame in headless Chromium (median of 5 fresh loads).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, openApp, SITE } from '../tests/browser/browser.mjs';

const files = ['techmap.js', 'techmap.wasm', 'data/world.json', 'data/semiconductors.json', 'assets/world-110m.bin', 'index.html', 'web/app.js', 'web/style.css'];
let total = 0;
for (const f of files) {
  const raw = fs.readFileSync(path.join(SITE, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(28)} ${String(raw.length).padStart(9)} B raw ${String(gz).padStart(8)} B gzip`);
}
console.log(`${'served to the first map'.padEnd(28)} ${''.padStart(15)} ${String(total).padStart(8)} B gzip (${(total / 1024).toFixed(0)} KB; budget 600 KB)`);

const env = await start();
try {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openApp(env);
    times.push(await page.evaluate(() => window.techmap.firstMapMs));
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`first map frame after navigation: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}; budget 2000 ms)`);
} finally {
  await env.close();
}
