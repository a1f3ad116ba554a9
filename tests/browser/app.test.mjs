// Browser end-to-end tests: the built site served on 127.0.0.1, driven in Debian's headless
// Chromium with WebGL 2 (SwiftShader). Run by scripts/test.sh with `node --test`.
// Screenshots of every state go to test-results/ (kept on failure for a look).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { start, openApp, screenshot, settle, clickItem, chromiumPath, CHROMIUM_ARGS } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function pixel(page, x, y) {
  const png = PNG.sync.read(await page.screenshot());
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}
const differs = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 30;
async function screenOf(page, lon, lat) { return page.evaluate(([a, b]) => window.techmap.screenOf(a, b), [lon, lat]); }

test('the page loads, creates a WebGL 2 context and draws the map within budget', async () => {
  const { page, context, errors, wallMs } = await openApp(env);
  try {
    const firstMapMs = await page.evaluate(() => window.techmap.firstMapMs);
    console.log(`first map frame: ${Math.round(firstMapMs)} ms after navigation start (wall ${wallMs} ms)`);
    const hasGL2 = await page.evaluate(() => !!document.getElementById('canvas').getContext('webgl2'));
    assert.ok(hasGL2, 'the canvas has a WebGL 2 context');
    assert.equal(await page.evaluate(() => document.getElementById('loader').classList.contains('done')), true, 'the loader is gone');
    const status = await page.evaluate(() => window.techmap.status());
    assert.equal(status.loaded, true);
    assert.ok(status.mapCountries > 170, `map countries: ${status.mapCountries}`);
    // land differs from ocean at known places (all right of the panel)
    const ocean = await pixel(page, ...(await screenOf(page, 75, -25)));    // Indian Ocean
    const ocean2 = await pixel(page, ...(await screenOf(page, -30, 0)));    // Atlantic
    const africa = await pixel(page, ...(await screenOf(page, 22, 5)));     // Central African Republic
    const australia = await pixel(page, ...(await screenOf(page, 134, -25)));
    assert.ok(!differs(ocean, ocean2), `two ocean points look alike: ${ocean} vs ${ocean2}`);
    assert.ok(differs(africa, ocean), `Africa ${africa} differs from the ocean ${ocean}`);
    assert.ok(differs(australia, ocean), `Australia ${australia} differs from the ocean ${ocean}`);
    // China, the default target, is drawn in the target colour (vermillion)
    const china = await pixel(page, ...(await screenOf(page, 112, 27)));  // Hunan (the label sits at the centre)
    assert.ok(china[0] > 180 && china[2] < 60, `China is vermillion: ${china}`);
    await screenshot(page, 'loaded');
    assert.deepEqual(errors, [], 'no console errors');
  } finally { await context.close(); }
});

test('explore, then build: a click opens a country\'s card and edits nothing; with the Alliance section open it toggles membership', async () => {
  const { page, context, errors } = await openApp(env);
  try {
    // explore (the panel on its results): the card opens, the alliance stays as it was
    let at = await screenOf(page, -52, -10);  // Brazil
    assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), at), 'BRA');
    await page.mouse.click(at[0], at[1]);
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, [], 'a click in explore edits nothing');
    let it = await page.evaluate(() => window.techmap.uiItems());
    assert.ok(it['pinned-card'] && it['card-toggle'], 'the card is open, with its one edit on a button');
    await screenshot(page, 'explore-card');
    await clickItem(page, 'card-toggle');  // "Add to the alliance", said on the card
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['BRA']);
    await clickItem(page, 'card-toggle');  // and "Remove from the alliance"
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, []);
    await page.keyboard.press('Escape');   // Escape closes the card
    await settle(page);
    it = await page.evaluate(() => window.techmap.uiItems());
    assert.ok(!it['pinned-card'], 'Escape closed the card');
    // build: with the Alliance section open, a click toggles membership
    await clickItem(page, 'tab-alliance');
    at = await screenOf(page, -52, -10);
    const before = await pixel(page, ...at);
    await page.mouse.click(at[0], at[1]);
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['BRA']);
    const afterClick = await pixel(page, ...at);
    assert.ok(differs(before, afterClick), `Brazil changed colour: ${before} -> ${afterClick}`);
    assert.ok(afterClick[2] > afterClick[0], `Brazil is member blue: ${afterClick}`);
    await screenshot(page, 'brazil-member');
    // the figures read back through the API are the core's for that scenario
    await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD'], target: 'CHN' }));
    const f = await page.evaluate(() => window.techmap.figures());
    const euv = f.nodes.find((n) => n.id === 'N20');
    assert.ok(euv.allianceShare[0] >= 80, 'US+JP+NL hold EUV');
    assert.equal(euv.choke, 'yes');
    assert.equal(euv.targetAccess[1], 0, "China's access to EUV under denial is 0");
    await settle(page);
    await screenshot(page, 'us-jp-nl');
    // a second click removes the member again
    const us = await screenOf(page, -98, 39);
    await page.mouse.click(us[0], us[1]);
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['JPN', 'NLD']);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the ImGui panel answers clicks', async () => {
  const { page, context, errors } = await openApp(env);
  try {
    assert.equal((await page.evaluate(() => window.techmap.scenario())).deny, true);
    // the "Deny the target" checkbox, wherever the layout puts it (in the Alliance section)
    await clickItem(page, 'tab-alliance');
    const [x0, y0, x1, y1] = (await page.evaluate(() => window.techmap.uiItems())).deny;
    await page.mouse.click(x0 + 8, (y0 + y1) / 2);
    await page.waitForFunction(() => window.techmap.scenario().deny === false, null, { timeout: 3000 }).catch(() => {});
    const s = await page.evaluate(() => window.techmap.scenario());
    assert.equal(s.deny, false, 'clicking the checkbox turned denial off');
    assert.deepEqual(s.members, [], 'a click on the panel does not reach the map');
    await screenshot(page, 'panel-click');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a bad dataset is refused with a message and the running view stays', async () => {
  const { page, context, errors } = await openApp(env);
  try {
    await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD'] }));
    const before = await page.evaluate(() => JSON.stringify(window.techmap.figures()));
    const msg = await page.evaluate(() => window.techmap.loadDataset('mine.json', '{"format": "techmap-dataset/1", "domains": [ }'));
    assert.match(msg, /mine\.json: \(file\): JSON syntax error at line 1/);
    const unknown = await page.evaluate(() => window.techmap.loadDataset('mine.json', JSON.stringify({
      format: 'techmap-dataset/1', sources: [{ id: 's', title: 'mine' }],
      domains: [{ id: 'x', name: 'X', nodes: [{ id: 'a', name: 'A', kind: 'tool', shares: [{ country: 'ZZZ', share: 5, year: 2024, source: 's' }] }], edges: [] }] })));
    assert.match(unknown, /unknown country code 'ZZZ'/);
    assert.equal(await page.evaluate(() => JSON.stringify(window.techmap.figures())), before, 'figures unchanged');
    assert.equal((await page.evaluate(() => window.techmap.status())).loaded, true);
    await settle(page);
    await screenshot(page, 'bad-dataset-message');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the page follows resizes and HiDPI screens', async () => {
  const { page, context } = await openApp(env, { width: 800, height: 600, dpr: 2 });
  try {
    const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(size, [1600, 1200], 'canvas backing store is CSS size x devicePixelRatio');
    await page.setViewportSize({ width: 600, height: 400 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 1200, null, { timeout: 5000 }).catch(() => {});
    const size2 = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(size2, [1200, 800], 'canvas follows the window');
    await screenshot(page, 'hidpi-small');
  } finally { await context.close(); }
});

test('a browser without WebGL 2 gets a readable message, not a blank canvas', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] });
  try {
    const page = await browser.newPage();
    await page.goto(env.url);
    await page.waitForSelector('#error:not([hidden])', { timeout: 10000 });
    assert.match(await page.textContent('#error'), /needs WebGL 2/);
    await screenshot(page, 'no-webgl2');
  } finally { await browser.close(); }
});

test('a user searches the country list, undoes with the keyboard and compares with a pinned scenario', async () => {
  const { page, context, errors } = await openApp(env);
  try {
    const items = () => page.evaluate(() => window.techmap.uiItems());
    const click = (name, dx = 0) => clickItem(page, name, { dx });
    await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD'], alliance: 'US+JP+NL' }));
    await settle(page);
    await click('pin');
    await click('countries');
    await page.keyboard.type('south kor');
    await settle(page);
    await click('countries-first');
    await page.keyboard.press('Escape');
    await settle(page);
    const s = await page.evaluate(() => window.techmap.scenario());
    assert.deepEqual(s.members, ['JPN', 'KOR', 'NLD', 'USA']);
    // the figures the page reads back are the core's for that scenario
    const f = await page.evaluate(() => window.techmap.figures());
    assert.ok(f.summary.chokePoints >= 56, `choke points with Korea: ${f.summary.chokePoints}`);
    await screenshot(page, 'compare-with-korea');
    // back to the map: a click on the open ocean (the South Pacific), found by its place, not by pixels
    const ocean = await screenOf(page, -150, -40);
    assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), ocean), '', 'no country there');
    const covered = Object.entries(await items()).filter(([, r]) => ocean[0] >= r[0] && ocean[0] <= r[2] && ocean[1] >= r[1] && ocean[1] <= r[3]);
    assert.deepEqual(covered.map(([k]) => k), [], 'no window there');
    await page.mouse.click(ocean[0], ocean[1]);
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['JPN', 'NLD', 'USA'], 'Ctrl+Z undoes the toggle');
    await page.keyboard.press('Control+y');
    await settle(page);
    assert.deepEqual((await page.evaluate(() => window.techmap.scenario())).members, ['JPN', 'KOR', 'NLD', 'USA'], 'Ctrl+Y redoes it');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
