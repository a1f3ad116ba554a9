// screenshot.mjs — open the built app in headless Chromium and save a screenshot.
//   node tools/screenshot.mjs [out.png] [--width 1280 --height 800 --dpr 1]
import { start, openApp } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? +args[i + 1] : d; };
const out = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) || 'test-results/app.png';
const env = await start();
try {
  const { page, errors, wallMs } = await openApp(env, { width: opt('--width', 1280), height: opt('--height', 800), dpr: opt('--dpr', 1) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(`saved ${out}; first map after ${wallMs} ms; console errors: ${errors.length ? errors.join(' | ') : 'none'}`);
} finally {
  await env.close();
}
