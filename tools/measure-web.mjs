// measure-web.mjs — prints the web budgets: bytes served to the first map (gzip) and the time
// to the first map frame in headless Chromium (median of 15 fresh loads after one that warms the
// local server's gzip cache): from the start of web/app.js (the budget's measure, as since the
// budget was set) and from navigation (the page, its style and app.js included).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, openApp, SITE } from '../tests/browser/browser.mjs';

const files = ['techmap.js', 'techmap.wasm', 'data/world.json', 'data/semiconductors.json', 'data/domains.json', 'data/measures.json', 'data/story.json', 'assets/world-110m.bin',
  'assets/ui-font.ttf', 'index.html', 'web/app.js', 'web/style.css'];
let total = 0;
for (const f of files) {
  const raw = fs.readFileSync(path.join(SITE, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(28)} ${String(raw.length).padStart(9)} B raw ${String(gz).padStart(8)} B gzip`);
}
console.log(`${'served to the first map'.padEnd(28)} ${''.padStart(15)} ${String(total).padStart(8)} B gzip (${(total / 1024).toFixed(0)} KB; budget 500 KB)`);
for (const [f, budget] of [['assets/world-110m.bin', 80], ['assets/world-50m.bin', 300]]) {
  const gz = zlib.gzipSync(fs.readFileSync(path.join(SITE, f)), { level: 9 }).length;
  console.log(`${f.padEnd(28)} ${String(gz).padStart(25)} B gzip (${(gz / 1024).toFixed(0)} KB; budget ${budget} KB; 50m is fetched after the first map)`);
}

const env = await start();
try {
  const times = [], fromNavigation = [], steps = {};
  for (let i = 0; i < 16; i++) {
    const { page, context } = await openApp(env, { width: 1366, height: 768, bare: true });  // the opening view, as a visitor opens it
    const [t, n, marks] = await page.evaluate(() => [window.techmap.firstMapMs, window.techmap.firstMapSinceNavigationMs, window.techmap.startupMs]);
    if (i > 0) {  // the first load warms the server's gzip cache
      times.push(t);
      fromNavigation.push(n);
      for (const [step, ms] of Object.entries(marks || {})) (steps[step] ||= []).push(ms);
    }
    await context.close();
  }
  const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
  const stats = (v) => { v.sort((a, b) => a - b); return `median ${median(v).toFixed(0)} ms (min ${v[0].toFixed(0)}, max ${v[v.length - 1].toFixed(0)}, ${v.length} loads)`; };
  console.log(`first map frame of the opening view, from app.js's start: ${stats(times)}; budget 450 ms`);
  console.log(`first map frame of the opening view, from navigation: ${stats(fromNavigation)}`);
  // web/app.js's marks: files downloaded, Emscripten's glue run, main() set up (wasm instantiated,
  // GL context and ImGui), data read (model, map, font), first map frame drawn
  console.log('  the start, step by step (median ms from app.js\'s start): ' +
    Object.entries(steps).map(([step, v]) => `${step} ${median(v).toFixed(0)}`).join(', '));

  // CPU per frame at 1920x1080: the 1:50m map, supply arcs, labels, all panels; 120 frames paced by
  // the browser, colours and arcs rebuilt every frame as after a toggle
  const { page, context } = await openApp(env, { width: 1920, height: 1080 });
  await page.waitForFunction(() => window.techmap.detailLoaded, null, { timeout: 20000 });
  await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD', 'KOR', 'TWN'], node: 'N19' }));
  for (const [label, zoom] of [['1:50m, zoom 2.5', 2.5], ['1:110m, zoom 1', 1]]) {
    await page.evaluate((z) => window.techmap.setView(60, 30, z), zoom);
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => window.techmap.benchmarkFrames(120));
    const s = await page.evaluate(() => window.techmap.status());
    console.log(`frame CPU at 1920x1080, ${label} (${s.mapLevel}, ${s.labels} labels, ${s.markers} markers): ` +
      `app work ${r.buildMs.toFixed(2)} ms + map GL calls ${r.mapSubmitMs.toFixed(2)} ms = ${(r.buildMs + r.mapSubmitMs).toFixed(2)} ms ` +
      `(budget 2 ms); ImGui's GL calls incl. waits on the software GPU ${(r.submitMs - r.mapSubmitMs).toFixed(1)} ms; total ${r.totalMs.toFixed(1)} ms`);
    console.log('  app work by phase (ms): ' + Object.entries(r.phasesMs).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));
  }
  // the same with every window open: the supply-chain graph, "why?", sources, help (issue 5: 3 ms)
  for (const name of ['chain', 'why', 'sources', 'help']) {
    const r = (await page.evaluate(() => window.techmap.uiItems()))[name];
    if (r) await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
    await page.waitForTimeout(300);
  }
  await page.mouse.move(1900, 1070);
  const r = await page.evaluate(() => window.techmap.benchmarkFrames(120));
  console.log(`frame CPU at 1920x1080 with all panels and windows open (graph, why, sources, help): app work ` +
    `${r.buildMs.toFixed(2)} ms + map GL calls ${r.mapSubmitMs.toFixed(2)} ms = ${(r.buildMs + r.mapSubmitMs).toFixed(2)} ms (budget 3 ms)`);
  console.log('  app work by phase (ms): ' + Object.entries(r.phasesMs).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));
  // presentation mode at 1920x1080 on a step of the tour (issue 21: 2 ms), and how long entering it takes
  await page.mouse.move(1900, 1070);
  const enter = await page.evaluate(async () => {
    const before = window.techmap.status().framesDrawn;
    window.techmap.action('mode:presentation');
    window.techmap.action('story-step:3');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const s = window.techmap.status();
    return { frames: s.framesDrawn - before, mode: s.mode, bar: !!window.techmap.uiItems()['present-bar'] };
  });
  await page.waitForTimeout(500);
  const p = await page.evaluate(() => window.techmap.benchmarkFrames(120));
  console.log(`presentation mode: laid out in ${enter.frames} frame(s) after the action (${enter.mode}, bar ${enter.bar}); frame CPU at 1920x1080 ` +
    `on step 3: app work ${p.buildMs.toFixed(2)} ms + map GL calls ${p.mapSubmitMs.toFixed(2)} ms = ${(p.buildMs + p.mapSubmitMs).toFixed(2)} ms (budget 2 ms)`);
  await context.close();
} finally {
  await env.close();
}
