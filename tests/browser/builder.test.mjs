// The alliance builder, driven as a user drives it: presets, the map, the country list, the
// target, the threshold, the supply-chain graph, pin and compare. After each step the figures
// the page reads back must be the core's for that scenario, computed independently by the
// native build (tools/cli/scenario_figures). Then the layout at a laptop, projector and phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, clickItem, coreFigures, firstDifference, assertCoreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const figures = (page) => page.evaluate(() => window.techmap.figures());
const scenario = (page) => page.evaluate(() => window.techmap.scenario());


test('a user builds an alliance step by step and every figure is the core\'s', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768 });
  try {
    await assertCoreFigures(page, 'start');
    // 1. a preset, as of 2021 and today
    await clickItem(page, 'year-2021');
    await clickItem(page, 'preset');
    await clickItem(page, 'preset:NATO');
    let s = await scenario(page);
    assert.equal(s.members.length, 30, 'NATO had 30 members in 2021');
    assert.ok(!s.members.includes('FIN') && !s.members.includes('SWE'));
    await assertCoreFigures(page, 'NATO 2021');
    // Chip 4 did not exist in 2021: it is greyed out until "today" is chosen
    await clickItem(page, 'preset');
    await clickItem(page, 'preset:Chip4');
    assert.equal((await scenario(page)).members.length, 30, 'a preset that did not exist in 2021 cannot be chosen');
    await page.keyboard.press('Escape');
    await settle(page);
    await screenshot(page, 'builder-0-chip4-disabled');
    await clickItem(page, 'year-today');
    assert.equal((await scenario(page)).members.length, 32, 'NATO today: 32 members');
    await clickItem(page, 'preset');
    await clickItem(page, 'preset:Chip4');
    s = await scenario(page);
    assert.deepEqual(s.members, ['JPN', 'KOR', 'TWN', 'USA']);
    let f = await assertCoreFigures(page, 'Chip 4');
    await screenshot(page, 'builder-1-chip4');
    // 2. a country from the map: the Netherlands (a marker or its shape)
    // (markers crowd in the Low Countries at world scale: zoom in with the wheel first)
    let nl = await page.evaluate(() => window.techmap.screenOf(5.6, 52.3));
    await page.mouse.move(nl[0], nl[1]);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
    await settle(page);
    nl = await page.evaluate(() => window.techmap.screenOf(5.6, 52.3));
    assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), nl), 'NLD');
    await page.mouse.click(nl[0], nl[1]);
    await settle(page);
    s = await scenario(page);
    assert.ok(s.members.includes('NLD'), `the Netherlands joined: ${s.members}`);
    const f2 = await assertCoreFigures(page, 'Chip 4 + NL');
    assert.ok(f2.summary.chokePoints > f.summary.chokePoints, `the Netherlands adds choke points: ${f.summary.chokePoints} -> ${f2.summary.chokePoints}`);
    await screenshot(page, 'builder-2-with-netherlands');
    // 3. the target: Russia, found in the target list
    await clickItem(page, 'target');
    await page.keyboard.type('russ');
    await settle(page);
    await clickItem(page, 'target-first');
    s = await scenario(page);
    assert.equal(s.target, 'RUS');
    await assertCoreFigures(page, 'target Russia');
    // 4. the control threshold: a click at the slider's right quarter sets about 87-88%
    const r = (await page.evaluate(() => window.techmap.uiItems())).threshold;
    await page.mouse.click(r[0] + (r[2] - r[0]) * 0.75, (r[1] + r[3]) / 2);
    await settle(page);
    s = await scenario(page);
    assert.ok(s.threshold > 82 && s.threshold < 93, `threshold moved: ${s.threshold}`);
    await assertCoreFigures(page, `threshold ${s.threshold}`);
    await screenshot(page, 'builder-3-russia-threshold');
    // 5. a node from the supply-chain graph: lithography tools, then EUV among its kinds
    await clickItem(page, 'chain');
    await clickItem(page, 'box:N19');
    s = await scenario(page);
    assert.equal(s.node, 'N19', 'clicking the box selects lithography tools');
    await clickItem(page, 'chain-kinds');
    await page.keyboard.press('ArrowDown');
    await screenshot(page, 'builder-4-graph');
    await page.keyboard.press('Escape');
    await settle(page);
    await assertCoreFigures(page, 'node N19');
    // close the graph window with its title bar's cross (top right of the window)
    const w = (await page.evaluate(() => window.techmap.uiItems()))['chain-window'];
    assert.ok(w, 'the supply chain window is open');
    await page.keyboard.press('Escape');
    // 6. pin, add Germany from the list, compare: the flips are the inputs whose status changed
    await page.evaluate(() => window.techmap.setScenario({ node: 'N20' }));
    await settle(page);
    await clickItem(page, 'pin');
    const pinned = await figures(page);
    await clickItem(page, 'countries');
    await page.keyboard.type('germany');
    await settle(page);
    await clickItem(page, 'countries-first');
    await page.keyboard.press('Escape');
    await settle(page);
    s = await scenario(page);
    assert.ok(s.members.includes('DEU'));
    const now = await assertCoreFigures(page, 'with Germany');
    assert.ok(now.comparison, 'the page compares with the pinned scenario');
    const expectedFlips = now.nodes.filter((n, i) => n.choke !== pinned.nodes[i].choke).map((n) => n.id).sort();
    assert.deepEqual(now.comparison.flips.map((x) => x.id).sort(), expectedFlips);
    assert.equal(now.comparison.chokePointsBefore, pinned.summary.chokePoints);
    assert.equal(now.comparison.chokePointsAfter, now.summary.chokePoints);
    await screenshot(page, 'builder-5-compare');
    // 7. undo brings back the pinned members; the figures are the core's again
    await clickItem(page, 'undo');
    assert.ok(!(await scenario(page)).members.includes('DEU'));
    await assertCoreFigures(page, 'undo');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// Window rectangles must not overlap each other and must lie inside the viewport.
function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

for (const [width, height, name] of [[1366, 768, 'laptop'], [1280, 720, 'small laptop'], [1920, 1080, 'projector'], [390, 844, 'phone']]) {
  test(`layout at ${width}x${height} (${name}): no clipped or overlapping panels`, async () => {
    const { page, context, errors } = await openApp(env, { width, height });
    try {
      await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN', 'NLD', 'KOR', 'TWN'], node: 'N20' }));
      await settle(page);
      const check = async (state) => {
        const items = await page.evaluate(() => window.techmap.uiItems());
        const windows = ['panel', 'legend-window', 'caption-window'].filter((k) => items[k]);
        for (const k of windows) {
          const r = items[k];
          assert.ok(r[0] >= 0 && r[1] >= 0 && r[2] <= width + 0.5 && r[3] <= height + 0.5, `${state}: ${k} inside the viewport: ${r}`);
        }
        for (let i = 0; i < windows.length; i++)
          for (let j = i + 1; j < windows.length; j++)
            assert.ok(!overlaps(items[windows[i]], items[windows[j]]), `${state}: ${windows[i]} overlaps ${windows[j]}`);
        for (const [k, r] of Object.entries(items)) {
          if (k.endsWith('-window') || k === 'panel') continue;
          assert.ok(r[2] <= items.panel[2] + 0.5 || !overlaps(r, items.panel), `${state}: ${k} runs past the panel's edge`);
        }
        return items;
      };
      await check('folded or default');
      await screenshot(page, `layout-${name.replace(' ', '-')}`);
      // each section of the panel: its controls on screen without scrolling, none past the
      // panel's edge, no window over another
      const sections = {
        'tab-alliance': ['preset', 'countries', 'undo', 'target', 'threshold', 'deny', 'third-country-rule', 'retaliation'],
        'tab-results': ['pin', 'ranked'],
        'tab-map': ['domain', 'node', 'chain', 'view-europe', 'view-east-asia'],
        'tab-share': ['copy-link', 'story', 'presentation', 'export-png', 'export-csv', 'text-view', 'load-dataset', 'story-add', 'sources', 'glossary', 'help'],
      };
      if (name === 'phone') {
        // the panel starts folded; a full-width button opens it; every control is a 44 px target
        let items = await page.evaluate(() => window.techmap.uiItems());
        assert.ok(!items.preset, 'the panel starts folded on a phone');
        assert.ok(items['panel-toggle'][3] - items['panel-toggle'][1] >= 44, 'the panel button is 44 px high');
        await clickItem(page, 'panel-toggle');
      }
      for (const [tab, controls] of Object.entries(sections)) {
        await clickItem(page, tab);
        const items = await check(`${name}, ${tab}`);
        for (const k of controls) {
          const r = items[k];
          assert.ok(r, `${tab}: ${k} is shown`);
          assert.ok(r[1] >= 0 && r[3] <= height + 0.5, `${tab}: ${k} is on screen without scrolling: ${r}`);
          if (name === 'phone') assert.ok(r[3] - r[1] >= 43.5, `${k} is at least 44 px high: ${r}`);
        }
        // figures that change length move no control: another member, then back
        await page.evaluate(() => window.techmap.toggleMember('DEU'));
        await settle(page);
        const after = await page.evaluate(() => window.techmap.uiItems());
        for (const k of controls) assert.deepEqual(after[k], items[k], `${tab}: ${k} stays in place when the figures change`);
        await page.evaluate(() => window.techmap.toggleMember('DEU'));
        await settle(page);
        await screenshot(page, `layout-${name.replace(' ', '-')}-${tab}`);
      }
      if (name === 'phone') {
        // choose a preset without typing
        await clickItem(page, 'preset');
        await clickItem(page, 'preset:G7');
        assert.equal((await scenario(page)).members.length, 7);
        await screenshot(page, 'layout-phone-g7');
      } else {
        await clickItem(page, 'chain');
        const w = (await page.evaluate(() => window.techmap.uiItems()))['chain-window'];
        assert.ok(w[2] <= width && w[3] <= height, `the supply chain window fits: ${w}`);
        await screenshot(page, `layout-${name}-graph`);
      }
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });
}

test('domains, linked materials and ranked lists from the panel; every figure is the core\'s', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 900 });
  try {
    await clickItem(page, 'preset');
    await clickItem(page, 'preset:G7');
    // the linked materials: a click turns them on; the chip figures follow the native core's
    const before = await figures(page);
    await clickItem(page, 'links');
    await clickItem(page, 'retaliation-third-countries');
    const s = await scenario(page);
    assert.equal(s.links, true);
    assert.equal(s.retaliationThirdCountries, true);
    const on = await assertCoreFigures(page, 'links on');
    const wafer = (f) => f.nodes.find((n) => n.id === 'N26').allianceAccess;
    assert.ok(wafer(on)[0] < wafer(before)[0], `wafers need polysilicon: ${wafer(before)} -> ${wafer(on)}`);
    assert.ok(on.nodes.some((n) => n.id === 'chip_materials/NEON'), 'the linked neon is in the chip graph');
    // the ranked list: the first is the input the alliance holds most of; a click shows it
    await clickItem(page, 'ranked');
    await clickItem(page, 'ranked-first');
    const own = on.nodes.filter((n) => n.hasShares && !n.id.includes('/'));
    const top = own.reduce((a, b) => (b.allianceShare[0] > a.allianceShare[0] ? b : a));
    const chosenId = (await scenario(page)).node;
    const chosen = on.nodes.find((n) => n.id === chosenId);
    assert.equal(chosen.allianceShare[0], top.allianceShare[0], 'the first ranked input has the largest share');
    await screenshot(page, 'builder-6-ranked');
    // another domain from the picker: rare earths
    await clickItem(page, 'domain');
    await clickItem(page, 'domain:rare_earths');
    assert.equal((await scenario(page)).domain, 'rare_earths');
    const re = await assertCoreFigures(page, 'rare earths');
    const sep = re.nodes.find((n) => n.id === 'RE-SEP');
    assert.ok(sep.targetShare[0] >= 85, "China refines most rare earths");
    assert.ok(100 - sep.allianceAccess[1] >= 85, 'the G7 is exposed to a Chinese cut-off');
    await screenshot(page, 'builder-7-rare-earths');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
