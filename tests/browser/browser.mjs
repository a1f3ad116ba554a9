// browser.mjs — shared by the browser tests and tools: serve the built site on 127.0.0.1 and
// drive Debian's Chromium headless with WebGL 2 (SwiftShader) through playwright-core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SITE = process.env.TECHMAP_SITE || path.join(ROOT, 'build/web/site');
export const OUT = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--enable-webgl'];

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && fs.existsSync(p)) return p;
  throw new Error('Chromium not found: run scripts/setup.sh (apt package chromium) or set CHROMIUM=/path/to/chrome');
}

export async function start() {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error(`${SITE}/index.html missing: build the web preset first`);
  const server = await serve(SITE, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  return { server, url, browser, async close() { await browser.close(); server.close(); } };
}

// Opens the app and waits for the first map frame; collects console errors.
// `hash` defaults to '#v1', the empty scenario (version 1's defaults, no alliance): the tests
// of single features start from it. `bare: true` opens the bare address, as a first-time visitor
// does (the opening view).
export async function openApp(env, { width = 1280, height = 800, dpr = 1, hash = '#v1', bare = false, touch = false, mobile = false } = {}) {
  if (bare) hash = '';
  // `touch`: a touch screen (page.touchscreen, touch events); `mobile`: a phone's browser too (its viewport rules)
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: mobile });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(env.url + hash);
  await page.waitForFunction(() => window.techmap && window.techmap.ready(), null, { timeout: 30000 });
  const wallMs = Date.now() - t0;
  await settle(page);
  return { page, context, errors, wallMs };
}

// Waits until the app has drawn what it had to and gone idle (it draws only on change): no
// frame left to draw and no input waiting, seen twice a frame apart (a slow frame under load
// cannot pass for idleness).
export async function settle(page) {
  let calm = 0;
  for (let i = 0; i < 200 && calm < 2; i++) {
    const idle = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.techmap.status().idle))));
    calm = idle ? calm + 1 : 0;
    if (!idle) await page.waitForTimeout(20);
  }
}
export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

// Clicks the middle of a named ImGui control (its rectangle as the app reports it), scrolling
// the panel first, as a user would, when the control lies below or above its visible part.
export async function clickItem(page, name, { dx = 0 } = {}) {
  await settle(page);  // rectangles as laid out after the last change
  let r;
  for (let i = 0; i < 12; i++) {
    let items = await page.evaluate(() => window.techmap.uiItems());
    r = items[name];
    // a control of another section of the panel: click its tab first, as a user would
    for (const tab of ['tab-alliance', 'tab-results', 'tab-map', 'tab-share']) {
      if (r || !items[tab]) break;
      await page.mouse.click((items[tab][0] + items[tab][2]) / 2, (items[tab][1] + items[tab][3]) / 2);
      await settle(page);
      items = await page.evaluate(() => window.techmap.uiItems());
      r = items[name];
    }
    if (!r) throw new Error(`no control named '${name}' on screen`);
    const panel = items.panel, y = (r[1] + r[3]) / 2;
    const inPanel = panel && r[0] >= panel[0] && r[2] <= panel[2] + 1 && !['story-prev', 'story-next', 'story-link', 'story-share'].includes(name) && !name.startsWith('box:') &&
      !name.startsWith('preset:') && !name.startsWith('chain-') && name !== 'target-first' && name !== 'countries-first';
    if (!inPanel || (y > panel[1] + 30 && y < panel[3] - 4)) break;
    await page.mouse.move((panel[0] + panel[2]) / 2, (panel[1] + panel[3]) / 2);
    await page.mouse.wheel(0, y >= panel[3] - 4 ? 240 : -240);
    await settle(page);
  }
  await page.mouse.click((r[0] + r[2]) / 2 + dx, (r[1] + r[3]) / 2);
  await settle(page);
  return r;
}

// The figures the core computes natively for a scenario (tools/cli/scenario_figures), to check
// that what the page shows after a user's clicks is the core's answer for that scenario.
export function coreFigures(scenario) {
  const exe = path.join(ROOT, 'build/native/tests/scenario_figures');
  if (!fs.existsSync(exe)) throw new Error(`${exe} missing: build the native preset first`);
  const out = execFileSync(exe, ['world', 'semiconductors', 'domains', 'measures'].map((f) => path.join(SITE, `data/${f}.json`)),
    { input: JSON.stringify(scenario), encoding: 'utf8' });
  return JSON.parse(out);
}

// The same for many scenarios in one run of the core (one JSON per line each way), with extra
// dataset files (a user's) loaded on top of the default data.
export function coreFiguresMany(scenarios, extraFiles = []) {
  const exe = path.join(ROOT, 'build/native/tests/scenario_figures');
  if (!fs.existsSync(exe)) throw new Error(`${exe} missing: build the native preset first`);
  const files = ['world', 'semiconductors', 'domains', 'measures'].map((f) => path.join(SITE, `data/${f}.json`)).concat(extraFiles);
  const out = execFileSync(exe, ['--lines', ...files], { input: scenarios.map((s) => JSON.stringify(s)).join('\n') + '\n',
    encoding: 'utf8', maxBuffer: 1 << 30 });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

// Asserts that the page's figures are the native core's for the scenario the page reports
// (the pinned comparison aside) and returns them.
export async function assertCoreFigures(page, step) {
  const shown = await page.evaluate(() => window.techmap.figures());
  const { comparison, ...own } = shown;
  const diff = firstDifference(own, coreFigures(shown.scenario));
  assert.equal(diff, null, `${step}: the page's figures differ from the core's: ${diff}`);
  return shown;
}

// Deep comparison with a tolerance for numbers; returns the first difference (or null).
export function firstDifference(a, b, where = '') {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 0.002 ? null : `${where}: ${a} vs ${b}`;
  if (Array.isArray(a) !== Array.isArray(b) || typeof a !== typeof b || (a === null) !== (b === null)) return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) { const d = firstDifference(a[k], b[k], `${where}.${k}`); if (d) return d; }
    return null;
  }
  return a === b ? null : `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}
