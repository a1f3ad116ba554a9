// Chaos: for a bounded time, random user actions with a fixed, printed seed — clicks on the map
// and the panel, keys, wheel, drags, presets, toggles, back/forward, links opened (hostile ones
// too), datasets loaded (broken ones and a good one), the window resized, the WebGL context lost
// and restored. After each step: no page error. Then, for every step: its link reopens its
// scenario, and its figures are the native core's for that scenario. A failure prints the seed
// and the steps to replay it:  TECHMAP_CHAOS_SEED=1234 node --test tests/browser/chaos.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openApp, settle, screenshot, coreFiguresMany, firstDifference, ROOT } from './browser.mjs';

const SEED = Number(process.env.TECHMAP_CHAOS_SEED || Date.now() % 100000);
const SECONDS = Number(process.env.TECHMAP_CHAOS_SECONDS || 60);
const MIN_STEPS = 500;
// The figures of a step, compacted so that 500 steps travel quickly: the summary and, per node,
// its choke status and the three ranges (alliance share, target's access, alliance's access).
const digest = (f) => ({ summary: f.summary, nodes: f.nodes.map((n) => [n.id, n.choke, n.allianceShare, n.targetAccess, n.allianceAccess]) });

// mulberry32: a small seeded generator, so that a seed replays the same steps
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOOD_DATASET = path.join(ROOT, 'tests/fuzz/dataset-seeds/alliance.json');
const HOSTILE_LINKS = ['#v1&name=%ED%A0%80', '#v1&m=USA,JPN&name=%C0%AF%F4%90%80%80', '#v1&name=a%01%7F%C2%85b',
  '#v2&<script>alert(1)</script>', '#v1&th=1e999&c=999,0,0', '#v1&story=%7B%22title%22%3A%22%ED%A0%80%22%7D', '#v1&m=' + 'USA,'.repeat(500),
  '#%', '#v1&n=N99999&d=../../etc', '#v1&a=G7@2021&name=' + '%E2%82%AC'.repeat(60)];
const KEYS = ['Tab', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', '+', '-', '0', 'Space', 'Enter', 'Control+z', 'Control+y', 'Shift+Tab'];
// mostly small windows: the software renderer of headless Chromium draws each frame in time
// proportional to the pixels, and every step waits for one
const SIZES = [[800, 500], [640, 480], [390, 844], [800, 500], [1366, 768], [700, 440]];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test(`chaos: ${SECONDS} s of random user actions (seed ${SEED}), no page error, links and figures hold`, async () => {
  console.log(`chaos seed ${SEED} (replay: TECHMAP_CHAOS_SEED=${SEED})`);
  const random = rng(SEED);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const { page, context, errors } = await openApp(env, { width: 800, height: 500 });
  const good = fs.readFileSync(GOOD_DATASET, 'utf8');
  const countries = await page.evaluate(() => ['USA', 'JPN', 'NLD', 'KOR', 'TWN', 'DEU', 'FRA', 'GBR', 'IND', 'ISR', 'SGP', 'CHN', 'RUS', 'ZZZ', '\ud800']);
  let viewport = [800, 500];
  await page.evaluate(() => history.replaceState({ chaosFirst: true }, '', location.href));
  const steps = [], records = [], timing = {};
  const actions = {
    'click map': async () => { await page.mouse.click(random() * viewport[0], random() * viewport[1]); return ''; },
    'click control': async () => {
      const items = await page.evaluate(() => window.techmap.uiItems());
      const names = Object.keys(items).filter((n) => n !== 'panel' && !n.startsWith('export-png'));
      if (!names.length) return 'none';
      const name = pick(names), r = items[name];
      await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      return name;
    },
    key: async () => { const k = pick(KEYS); await page.keyboard.press(k); return k; },
    wheel: async () => {
      const x = random() * viewport[0], y = random() * viewport[1], dy = (random() - 0.5) * 800;
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, dy);
      return `${x | 0},${y | 0} ${dy | 0}`;
    },
    drag: async () => {
      const x = random() * viewport[0], y = random() * viewport[1];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (random() - 0.5) * 300, y + (random() - 0.5) * 300, { steps: 2 });
      await page.mouse.up();
      return `${x | 0},${y | 0}`;
    },
    preset: async () => { const l = pick(['#v1&a=G7@2021', '#v1&a=NATO', '#v1&a=Chip4@2023', '#v1&a=Quad', '#v1&m=']); await page.evaluate((f) => window.techmap.openLink(f), l); return l; },
    toggle: async () => { const c = pick(countries); await page.evaluate((c) => window.techmap.toggleMember(c), c); return c; },
    // never back past the app's first entry (that would leave the page)
    back: async () => { const first = await page.evaluate(() => !!(history.state && history.state.chaosFirst)); if (!first) await page.evaluate(() => history.back()); return first ? 'at the first entry' : ''; },
    forward: async () => { await page.evaluate(() => history.forward()); return ''; },
    'open link': async () => {
      const own = await page.evaluate(() => window.techmap.link());
      const l = random() < 0.5 ? pick(HOSTILE_LINKS) : own.replace(/th=\d+/, `th=${1 + Math.floor(random() * 100)}`);
      await page.evaluate((f) => window.techmap.openLink(f), l);
      return l.slice(0, 80);
    },
    'set scenario': async () => {
      const s = { threshold: Math.floor(random() * 120) - 10, deny: random() < 0.7, retaliation: random() < 0.5, thirdCountryRule: random() < 0.3,
        links: random() < 0.3, alliance: pick(['My group', '\ud800 lone', 'x'.repeat(300), '=cmd()']) };
      await page.evaluate((s) => window.techmap.setScenario(s), s);
      return JSON.stringify(s).slice(0, 80);
    },
    'load dataset': async () => {
      const kind = pick(['good', 'broken', 'bytes', 'not a dataset', 'bad utf-8']);
      const text = kind === 'good' ? good : kind === 'broken' ? good.slice(0, Math.floor(random() * good.length))
        : kind === 'not a dataset' ? '[1,2,3]' : kind === 'bad utf-8' ? good.replace('A user source', '\ud800\udfff\ud800')
          : Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
      await page.evaluate(([n, t]) => window.techmap.loadDataset(n, t), [pick(['user.json', 'x.ttf', 'story.json', 'map.bin', '\ud800.json']), text]);
      return kind;
    },
    resize: async () => { viewport = pick(SIZES); await page.setViewportSize({ width: viewport[0], height: viewport[1] }); return viewport.join('x'); },
    'context lost': async () => {
      await page.evaluate(() => new Promise((resolve) => {
        const ext = document.getElementById('canvas').getContext('webgl2')?.getExtension('WEBGL_lose_context');
        if (!ext) return resolve();
        ext.loseContext();
        setTimeout(() => { ext.restoreContext(); setTimeout(resolve, 100); }, 50);
      }));
      return '';
    },
  };
  const weights = { 'click map': 10, 'click control': 14, key: 10, wheel: 6, drag: 5, preset: 5, toggle: 10, back: 4, forward: 3,
    'open link': 6, 'set scenario': 5, 'load dataset': 3, resize: 2, 'context lost': 1 };
  const bag = Object.entries(weights).flatMap(([k, w]) => Array(w).fill(k));
  const t0 = Date.now();
  const replay = () => `seed ${SEED}; last steps:\n  ` + steps.slice(-15).join('\n  ');
  while (Date.now() - t0 < SECONDS * 1000 || steps.length < MIN_STEPS) {
    const name = pick(bag);
    const ta = Date.now();
    const detail = await actions[name]();
    timing[name] = (timing[name] || 0) + (Date.now() - ta);
    steps.push(`${steps.length + 1}. ${name} ${detail}`);
    // every step: no page error; its link, scenario and figures recorded for the checks below
    const rec = await page.evaluate(() => {
      const f = window.techmap.figures();  // the same projection as digest() below
      return { link: window.techmap.link(), scenario: f.scenario,
        figures: { summary: f.summary, nodes: f.nodes.map((n) => [n.id, n.choke, n.allianceShare, n.targetAccess, n.allianceAccess]) } };
    });
    if (errors.length) await screenshot(page, 'chaos-failure');
    assert.deepEqual(errors, [], `page error after step ${steps.length}; ${replay()}`);
    records.push({ step: steps.length, ...rec });
    timing['(check)'] = (timing['(check)'] || 0) + (Date.now() - ta);
    if (Date.now() - t0 > 4 * SECONDS * 1000) break;  // a very slow machine: stop, the step count says so
  }
  await settle(page);
  await screenshot(page, 'chaos-end');
  const elapsed = (Date.now() - t0) / 1000;
  console.log(`chaos: ${steps.length} steps in ${elapsed.toFixed(1)} s, ${errors.length} page errors; ms by action: ${JSON.stringify(timing)}`);
  assert.ok(steps.length >= MIN_STEPS, `only ${steps.length} steps`);

  // each step's link reopens its scenario (in a second page, nothing shared but the link)
  const other = await openApp(env, { width: 1366, height: 768 });
  try {
    // the steps on the default data first, then (with the user's file loaded) the others
    const reopenAll = () => other.page.evaluate((recs) => recs.map((r) => {
      if (r.scenario.dataVersion !== window.techmap.scenario().dataVersion) return null;
      const notices = window.techmap.openLink(r.link);
      return { notices, scenario: window.techmap.scenario() };
    }), records.map((r) => ({ link: r.link, scenario: r.scenario })));
    const reopened = await reopenAll();
    if (records.some((r) => r.scenario.dataVersion !== records[0].scenario.dataVersion)) {
      await other.page.evaluate((t) => window.techmap.loadDataset('user.json', t), good);
      (await reopenAll()).forEach((o, i) => { if (o && !reopened[i]) reopened[i] = o; });
    }
    let compared = 0;
    reopened.forEach((o, i) => {
      if (!o) return;
      compared++;
      const d = firstDifference(o.scenario, records[i].scenario);
      assert.equal(d, null, `step ${records[i].step}: link ${records[i].link} reopens another scenario (${d}); seed ${SEED}`);
      assert.deepEqual(o.notices, [], `step ${records[i].step}: the app's own link has notices; seed ${SEED}`);
    });
    console.log(`chaos: ${compared} of ${records.length} links reopened their scenario`);
    assert.ok(compared >= records.length / 2);
    assert.deepEqual(other.errors, []);
  } finally { await other.context.close(); }

  // each step's figures are the native core's for its scenario (one run of the core per data)
  for (const withUser of [false, true]) {
    const recs = records.filter((r) => r.scenario.dataVersion.includes('user-2') === withUser);
    if (!recs.length) continue;
    const native = coreFiguresMany(recs.map((r) => r.scenario), withUser ? [GOOD_DATASET] : []);
    recs.forEach((r, i) => {
      const d = firstDifference(r.figures, digest(native[i]));
      assert.equal(d, null, `step ${r.step}: figures differ from the native core (${d}); seed ${SEED}`);
    });
    console.log(`chaos: ${recs.length} steps' figures match the native core${withUser ? ' (with the user dataset)' : ''}`);
  }
  await context.close();
});

test('if the module aborts anyway, the page says so, keeps the last good link and offers to reopen it', async () => {
  const { page, context } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    await settle(page);
    await page.waitForFunction(() => location.hash === window.techmap.link(), null, { timeout: 5000 });
    const good = await page.evaluate(() => window.techmap.link());
    // a real abort inside the module (what an undiscovered bug would do)
    await page.evaluate(() => { try { Module._techmap_abort_for_test(); } catch (e) { /* the abort throws */ } });
    await page.waitForSelector('#error:not([hidden])', { timeout: 5000 });
    const text = await page.textContent('#error');
    assert.match(text, /stopped because of an internal error/);
    assert.match(text, /Reopen the last view/);
    assert.equal(await page.evaluate(() => location.hash), good, 'the address keeps the last good link');
    const thrown = await page.evaluate(() => { try { window.techmap.scenario(); return ''; } catch (e) { return e.message; } });
    assert.match(thrown, /stopped after an internal error/, 'the API says so instead of a RuntimeError');
    await screenshot(page, 'abort-page');
    await page.click('text=Reopen the last view');
    await page.waitForFunction(() => window.techmap && window.techmap.ready(), null, { timeout: 30000 });
    const s = await page.evaluate(() => window.techmap.scenario());
    assert.deepEqual(s.members, ['JPN', 'NLD', 'USA']);
    assert.equal(s.node, 'N20');
  } finally { await context.close(); }
});
