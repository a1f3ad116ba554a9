// Browser tests of the map (issue 4): golden image at a fixed view, hover tooltip, pan and
// zoom, the detailed map when zoomed in, small-country markers, WebGL context loss and restore.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { start, openApp, screenshot, settle, clickItem, ROOT, OUT } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GOLDEN = path.join(ROOT, 'tests/browser/golden/map-1280x720-pooled.png');
const status = (page) => page.evaluate(() => window.techmap.status());
const screenOf = (page, lon, lat) => page.evaluate(([a, b]) => window.techmap.screenOf(a, b), [lon, lat]);

// Average-pools an RGBA image into a w x h grid (golden images stay small and robust to
// one-pixel differences in text rendering).
function pool(png, w, h) {
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const acc = [0, 0, 0];
    let n = 0;
    for (let yy = Math.floor(y * png.height / h); yy < Math.floor((y + 1) * png.height / h); yy++)
      for (let xx = Math.floor(x * png.width / w); xx < Math.floor((x + 1) * png.width / w); xx++) {
        const i = (yy * png.width + xx) * 4;
        acc[0] += png.data[i]; acc[1] += png.data[i + 1]; acc[2] += png.data[i + 2]; n++;
      }
    const o = (y * w + x) * 4;
    out.data[o] = acc[0] / n; out.data[o + 1] = acc[1] / n; out.data[o + 2] = acc[2] / n; out.data[o + 3] = 255;
  }
  return out;
}

test('the map at a fixed view matches the golden image', async () => {
  const { page, context } = await openApp(env, { width: 1280, height: 720 });
  try {
    await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD'], target: 'CHN', node: 'N20' }));
    await page.evaluate(() => window.techmap.setView(20, 20, 1));
    await settle(page);
    await page.waitForTimeout(500);  // the detailed map may arrive after the first frames
    await settle(page);
    // the map only: right of the panel, below the caption, left of the legend, above the timeline (UI text is not golden)
    const clip = { x: 420, y: 160, width: 680, height: 350 };
    const shot = PNG.sync.read(await page.screenshot({ clip }));
    const small = pool(shot, 168, 84);
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'map-1280x720-pooled.png'), PNG.sync.write(small));
    await screenshot(page, 'golden-view');
    if (process.env.UPDATE_GOLDEN || !fs.existsSync(GOLDEN)) {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, PNG.sync.write(small));
      console.log(`golden image written: ${GOLDEN}`);
      if (!process.env.UPDATE_GOLDEN) assert.fail('no golden image was committed; one was written now: review and commit it');
      return;
    }
    const golden = PNG.sync.read(fs.readFileSync(GOLDEN));
    let sum = 0, worst = 0;
    for (let i = 0; i < golden.data.length; i += 4) {
      const d = (Math.abs(golden.data[i] - small.data[i]) + Math.abs(golden.data[i + 1] - small.data[i + 1]) + Math.abs(golden.data[i + 2] - small.data[i + 2])) / 3;
      sum += d; worst = Math.max(worst, d);
    }
    const mean = sum / (golden.data.length / 4);
    console.log(`golden image: mean difference ${mean.toFixed(2)}, worst cell ${worst.toFixed(1)} (of 255)`);
    assert.ok(mean < 4, `mean difference ${mean.toFixed(2)} >= 4`);
    assert.ok(worst < 60, `worst cell ${worst.toFixed(1)} >= 60`);
  } finally { await context.close(); }
});

test('hovering a country shows its card', async () => {
  const { page, context } = await openApp(env);
  try {
    const at = await screenOf(page, 2.3, 46.5);  // France
    await page.mouse.move(at[0], at[1]);
    await page.waitForFunction(() => window.techmap.status().tooltip === 'FRA', null, { timeout: 5000 });
    assert.equal((await status(page)).hovered, 'FRA');
    await screenshot(page, 'hover-france');
    await page.mouse.move(at[0], 780);  // over the dark background below the globe: no card
    await page.waitForFunction(() => window.techmap.status().tooltip === '', null, { timeout: 5000 });
  } finally { await context.close(); }
});

test('drag pans, the wheel and keys zoom, 0 resets; the view never leaves the world', async () => {
  const { page, context } = await openApp(env);
  try {
    const v0 = (await status(page)).view;
    const a = await screenOf(page, 20, 0);
    await page.mouse.move(a[0], a[1]);
    await page.mouse.down();
    await page.mouse.move(a[0] + 150, a[1] + 60, { steps: 6 });
    await page.mouse.up();
    await settle(page);
    const v1 = (await status(page)).view;
    assert.ok(v1.lon < v0.lon - 10, `dragging right moves the view west: ${v0.lon} -> ${v1.lon}`);
    assert.equal((await page.evaluate(() => window.techmap.scenario())).members.length, 0, 'a drag is not a click');
    await page.mouse.wheel(0, -300);
    await settle(page);
    const v2 = (await status(page)).view;
    assert.ok(v2.zoom > v1.zoom * 1.2, `the wheel zooms in: ${v1.zoom} -> ${v2.zoom}`);
    await page.keyboard.press('Minus');
    await settle(page);
    assert.ok((await status(page)).view.zoom < v2.zoom, 'minus zooms out');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    await settle(page);
    const far = (await status(page)).view;
    assert.ok(far.lon >= -180 && far.lon <= 180, `clamped inside the world: ${far.lon}`);
    await page.keyboard.press('0');
    await settle(page);
    const reset = (await status(page)).view;
    assert.ok(Math.abs(reset.zoom - 1) < 1e-3 && Math.abs(reset.lon) < 1e-3, 'key 0 resets the view');
    await screenshot(page, 'after-reset');
  } finally { await context.close(); }
});

test('zoomed in, the 1:50m map is drawn and small countries can be clicked', async () => {
  const { page, context } = await openApp(env);
  try {
    await page.waitForFunction(() => window.techmap.detailLoaded, null, { timeout: 15000 });
    // at the default zoom Singapore is a marker (the Alliance section open: clicks edit the alliance)
    await clickItem(page, 'tab-alliance');
    const sg = await screenOf(page, 103.82, 1.35);
    assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), sg), 'SGP');
    await page.mouse.click(sg[0], sg[1]);
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['SGP']);
    await page.evaluate(() => window.techmap.setView(8, 50, 6));
    await settle(page);
    const s = await status(page);
    assert.equal(s.mapLevel, 'assets/world-50m.bin');
    const lux = await screenOf(page, 6.13, 49.7);
    assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), lux), 'LUX');
    await screenshot(page, 'zoomed-europe-50m');
  } finally { await context.close(); }
});

test('colour by share of the selected input: the legend scale from 0 to the top supplier', async () => {
  const { page, context } = await openApp(env);
  try {
    await page.evaluate(() => window.techmap.setScenario({ node: 'N19' }));  // lithography tools: NLD 81.5, JPN 15
    assert.equal(await page.evaluate(() => window.techmap.setLayer('share')), true);
    assert.equal(await page.evaluate(() => window.techmap.setLayer('bogus')), false);
    await settle(page);
    const png = PNG.sync.read(await page.screenshot());
    const px = async (lon, lat) => { const [x, y] = await screenOf(page, lon, lat); const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; };
    await screenshot(page, 'share-layer-lithography');
    // points away from the labels (which sit at each country's centre)
    const japan = await px(142.8, 43.4), brazil = await px(-45, -6), usa = await px(-110, 45);
    // Japan (15% of 81.5% max) is dark viridis (blue-purple); Brazil is not a listed supplier (very light)
    assert.ok(japan[2] > japan[1] && japan[0] < 100, `Japan ${japan} is low on the viridis scale`);
    assert.ok(brazil[0] > 220 && brazil[1] > 220, `Brazil ${brazil} is not a listed supplier`);
    assert.ok(usa[0] < 120, `the US (0.6%) is at the bottom of the scale: ${usa}`);
  } finally { await context.close(); }
});

test('an idle page draws nothing', async () => {
  const { page, context } = await openApp(env);
  try {
    await settle(page);
    const a = (await status(page)).framesDrawn;
    await page.waitForTimeout(1500);
    const b = (await status(page)).framesDrawn;
    assert.equal(b, a, `frames drawn while idle: ${b - a}`);
  } finally { await context.close(); }
});

test('after a lost WebGL context the map is drawn again', async () => {
  const { page, context, errors } = await openApp(env);
  try {
    await page.evaluate(() => { window._lose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context'); window._lose.loseContext(); });
    await page.waitForFunction(() => window.techmap.status().glLost === true, null, { timeout: 5000 });
    await page.evaluate(() => window._lose.restoreContext());
    await page.waitForFunction(() => window.techmap.status().glLost === false, null, { timeout: 10000 });
    const before = (await status(page)).framesDrawn;
    await page.evaluate(() => window.techmap.toggleMember('BRA'));
    await settle(page);
    assert.ok((await status(page)).framesDrawn > before, 'frames are drawn again');
    const png = PNG.sync.read(await page.screenshot());
    const px = (lon, lat) => screenOf(page, lon, lat).then(([x, y]) => { const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; });
    const brazil = await px(-52, -10), ocean = await px(-30, -20);
    assert.ok(brazil[2] > brazil[0] && Math.abs(brazil[2] - ocean[2]) + Math.abs(brazil[0] - ocean[0]) > 40, `Brazil ${brazil} is member blue on ocean ${ocean}`);
    await screenshot(page, 'after-context-restore');
    assert.deepEqual(errors.filter((e) => !/CONTEXT_LOST|context lost/i.test(e)), []);
  } finally { await context.close(); }
});
