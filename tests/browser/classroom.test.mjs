// The classroom: presentation mode on a projector (1280×720, 1366×768, 1920×1080), a clicker's
// keys, and the countries the headline names never hidden under a window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { start, openApp, screenshot, settle, clickItem, coreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const status = (page) => page.evaluate(() => window.techmap.status());
const items = (page) => page.evaluate(() => window.techmap.uiItems());
const texts = (page) => page.evaluate(() => window.techmap.uiTexts());
const inside = (p, r) => p[0] >= r[0] && p[0] <= r[2] && p[1] >= r[1] && p[1] <= r[3];

// The countries the scenario names (members and target) that the headline speaks of: each one's
// point is on the map, inside the map's area, under no window.
async function assertNamedCountriesVisible(page, where) {
  const s = await page.evaluate(() => window.techmap.scenario());
  const world = JSON.parse(await (await fetch(env.url + 'data/world.json')).text());
  const at = new Map(world.countries.map((c) => [c.id, c]));
  const st = await page.evaluate(() => window.techmap.status()), it = await page.evaluate(() => window.techmap.uiItems());
  const [ax, ay, aw, ah] = st.mapArea;
  const windows = Object.entries(it).filter(([k]) => k.endsWith('-window') || k === 'present-bar' || k === 'panel');
  // and the countries the caption's words name ("... Australia and Malaysia refine ...")
  const said = Object.entries(await page.evaluate(() => window.techmap.uiTexts())).filter(([k]) => k.startsWith('caption')).map(([, v]) => v).join(' ');
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = world.countries.filter((c) => new RegExp(`\\b${esc(c.name)}\\b`).test(said)).map((c) => c.id);
  for (const id of new Set([...s.members, s.target, ...named].filter(Boolean))) {
    const c = at.get(id);
    if (!c) continue;
    const p = await page.evaluate(([lon, lat]) => window.techmap.screenOf(lon, lat), [c.lon, c.lat]);
    assert.ok(p[0] >= ax && p[0] <= ax + aw && p[1] >= ay && p[1] <= ay + ah, `${where}: ${id} at ${p} is inside the map's area ${st.mapArea}`);
    for (const [k, r] of windows) assert.ok(!inside(p, r), `${where}: ${id} at ${p.map(Math.round)} is not under ${k} ${r.map(Math.round)}`);
  }
}

for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080]]) {
  test(`presentation at ${width}×${height}: the map takes most of the screen, the title and headline in large type, nothing over the named countries`, async () => {
    const { page, context, errors } = await openApp(env, { width, height, bare: true });
    try {
      const normal = await status(page);
      const normalTitle = (await items(page))['welcome-title'];
      await page.evaluate(() => window.techmap.action('mode:presentation'));
      // entering takes one frame: the next drawn frame is laid out for presenting
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal((await status(page)).mode, 'presentation');
      assert.ok((await items(page))['present-bar'], 'the slim bar is drawn at once');
      await settle(page);
      const st = await status(page), it = await items(page), tx = await texts(page);
      assert.ok(st.idle, `presenting, the app goes idle (nothing redrawn without a change): ${st.redrawBy}`);
      const [, , aw, ah] = st.mapArea;
      const share = (aw * ah) / (width * height);
      console.log(`${width}×${height}: map ${Math.round(share * 100)}% of the screen, type ${st.uiScale}× (normal ${normal.uiScale}×)`);
      assert.ok(share >= 0.6, `the map's area is ${Math.round(share * 100)}% of the screen`);
      assert.ok(st.uiScale >= 1.6 * normal.uiScale - 1e-6, `type ${st.uiScale}× is at least 1.6× the normal ${normal.uiScale}×`);
      const title = it['caption-title'];
      assert.ok(title && title[1] >= 0 && title[3] <= height, `the title is on screen: ${title}`);
      assert.ok(tx['caption-title'] && tx['caption-sentence'], 'the title and the headline are shown');
      const bar = it['present-bar'];
      assert.ok(bar[3] - bar[1] <= height * 0.12, `the bar is slim: ${bar[3] - bar[1]} px`);
      assert.ok(!it.panel, 'no panel while presenting');
      await assertNamedCountriesVisible(page, `${width}×${height}`);
      await screenshot(page, `present-${width}x${height}`);
      // a clicker: → starts the tour and steps it, ← goes back, Page Down and Space step on
      await page.keyboard.press('ArrowRight');
      await settle(page);
      assert.equal((await status(page)).storyStep, 1, '→ starts the tour');
      assert.equal((await status(page)).mode, 'presentation', 'the tour keeps presenting');
      await page.keyboard.press('PageDown');
      await settle(page);
      assert.equal((await status(page)).storyStep, 2);
      await page.keyboard.press('Space');
      await settle(page);
      assert.equal((await status(page)).storyStep, 3);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('PageUp');
      await settle(page);
      assert.equal((await status(page)).storyStep, 1);
      assert.ok((await items(page))['story-steps'], 'the bar lists the steps');
      for (let i = 1; i <= 6; i++) {
        await page.keyboard.press('ArrowRight');
        await settle(page);
        await assertNamedCountriesVisible(page, `${width}×${height}, step ${i + 1}`);
        const t = (await items(page))['caption-title'];
        assert.ok(t[1] >= 0 && t[3] <= height, `step ${i + 1}: the title is on screen`);
      }
      await screenshot(page, `present-${width}x${height}-step7`);
      // Escape leaves presentation mode
      await page.keyboard.press('Escape');
      await settle(page);
      assert.equal((await status(page)).mode, 'full');
      assert.ok(normalTitle, 'the opening card was shown before presenting');
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });
}

test('embed: "Embed" in Share & present gives the iframe code at three sizes; each shows the map, its arcs and the named countries under a one-line caption', async () => {
  const { page, context, errors } = await openApp(env, { hash: '#v1&m=JPN,NLD,USA&name=US%2C%20Japan%20and%20the%20Netherlands&n=N20&l=share' });
  try {
    await clickItem(page, 'tab-share');
    await clickItem(page, 'embed');
    for (const [i, [w, h]] of [[400, 300], [600, 400], [800, 600]].entries()) {
      await clickItem(page, `embed-size:${i}`);
      const code = (await texts(page))['embed-code'];
      assert.match(code, new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/#v1&amp;[^"]*&amp;mode=embed" width="${w}" height="${h}" title="Techno-alliance map: [^"]+"`), code);
      assert.match(code, /&amp;date=\d{4}-\d{2}-\d{2}/, 'the embedded view is pinned to the date it was made on');
      const host = await context.newPage();
      await host.setContent(`<!doctype html><html><body style="margin:0;background:#fff"><p>A course page</p>${code}</body></html>`);
      const frameEl = await host.waitForSelector('iframe');
      const frame = await frameEl.contentFrame();
      await frame.waitForFunction(() => window.techmap && window.techmap.ready(), null, { timeout: 30000 });
      await settle(frame);
      const st = await frame.evaluate(() => window.techmap.status());
      assert.ok(st.idle, `embedded, the app goes idle: ${st.redrawBy}`);
      const it = await frame.evaluate(() => window.techmap.uiItems());
      assert.equal(st.mode, 'embed');
      assert.deepEqual((await frame.evaluate(() => window.techmap.scenario())).members, ['JPN', 'NLD', 'USA']);
      const t = it['caption-title'];
      assert.ok(t && t[3] - t[1] <= 40, `${w}×${h}: the caption is one line: ${t}`);
      assert.ok(it['open-full-view'], `${w}×${h}: "Open the full view" is there`);
      assert.ok(!it.panel && !it['timeline-window'], 'no panel or timeline in the embed');
      assert.ok(st.mapArea[3] >= h * 0.6, `${w}×${h}: the map has ${st.mapArea[3]} px of the height`);
      await assertNamedCountriesVisible(frame, `embed ${w}×${h}`);
      // the arc from the Netherlands to China is drawn over the map, not under a window
      const windows = Object.entries(it).filter(([k]) => k.endsWith('-window')).map(([, r]) => r);
      for (const lon of [20, 50, 80]) {
        const p = await frame.evaluate(([a, b]) => window.techmap.screenOf(a, b), [lon, 45]);
        assert.ok(!windows.some((r) => inside(p, r)), `${w}×${h}: the arc's path at ${lon}°E is not covered`);
      }
      await host.screenshot({ path: `test-results/embed-${w}x${h}.png` });
      await host.close();
    }
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

for (const [width, height] of [[390, 844], [360, 740]]) {
  test(`phone ${width}×${height}: the map is in sight on opening and after "Look around", one tap shows or hides the panel`, async () => {
    const { page, context, errors } = await openApp(env, { width, height, bare: true });
    try {
      let st = await status(page);
      assert.ok(st.mapArea[3] >= width / 2.1, `the map's area is high enough for the whole world: ${st.mapArea}`);
      assert.ok((await items(page))['welcome-window'], 'the opening card is shown');
      await assertNamedCountriesVisible(page, `phone ${width}×${height}, opening`);
      await screenshot(page, `phone-${width}x${height}-open`);
      await clickItem(page, 'welcome-close');
      st = await status(page);
      assert.ok(st.mapArea[3] >= width / 2.1, `after "Look around" the map's area is ${st.mapArea}`);
      await assertNamedCountriesVisible(page, `phone ${width}×${height}, looking around`);
      await screenshot(page, `phone-${width}x${height}-look`);
      const closedPanel = (await items(page)).panel;
      await clickItem(page, 'panel-toggle');
      const open = (await items(page)).panel;
      assert.ok(open[3] - open[1] > (closedPanel[3] - closedPanel[1]) * 3, `one tap opens the panel: ${closedPanel} -> ${open}`);
      await clickItem(page, 'panel-toggle');
      const closed = (await items(page)).panel;
      assert.ok(closed[3] - closed[1] <= closedPanel[3] - closedPanel[1] + 1, `one tap folds it again: ${closed}`);
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });
}

test('two dates compared: pin, change the date; the panel, the text view and the CSV give each changed input before and after, as the native core computes them', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N22&date=2022-10-07&dm=controls' });
  try {
    const before = await page.evaluate(() => window.techmap.figures());
    await clickItem(page, 'pin');
    await clickItem(page, 'timeline-date-typed');
    await page.keyboard.type('1 Sep 2023');
    await page.keyboard.press('Enter');
    await settle(page);
    const after = await page.evaluate(() => window.techmap.figures());
    assert.equal(after.scenario.date, '2023-09-01');
    const core0 = coreFigures(before.scenario), core1 = coreFigures(after.scenario);
    const changed = core1.nodes.filter((n, i) => Math.abs(n.targetAccess[0] - core0.nodes[i].targetAccess[0]) > 0.05 ||
      Math.abs(n.targetAccess[1] - core0.nodes[i].targetAccess[1]) > 0.05 || n.choke !== core0.nodes[i].choke);
    assert.ok(changed.length > 0, 'the controls of 2023 change some inputs');
    const tx = await texts(page);
    assert.match(tx['compare-heading'], /^Pinned: 7 Oct 2022, the members' controls in force.*Now: 1 Sep 2023, the members' controls in force/);
    const lines = tx['compare-lines'].trim().split('\n');
    assert.equal(lines.length, changed.length, `one line per changed input: ${lines.join(' | ')}`);
    for (const n of changed) assert.ok(lines.some((l) => l.startsWith(`${n.name}: China could get `) && / then, .* now/.test(l)), `${n.name} is compared`);
    assert.match(tx['compare-products'], /^Finished products: China could get /);
    const summary = await page.evaluate(() => window.techmap.summary());
    for (const l of lines) assert.ok(summary.includes(l), `the text view says "${l}"`);
    const csv = await page.evaluate(() => window.techmap.figuresCsv());
    for (const n of changed) {
      const row = (when) => csv.split('\r\n').find((r) => r.startsWith(`comparison,${n.id},`) && r.includes(`target access, ${when}`));
      const p = row('pinned (2022-10-07 controls)').split(','), q = row('now (2023-09-01 controls)').split(',');
      const i = core1.nodes.indexOf(n);
      assert.ok(Math.abs(+p[p.length - 5] - core0.nodes[i].targetAccess[0]) < 0.01 && Math.abs(+q[q.length - 4] - n.targetAccess[1]) < 0.01,
        `${n.id}: the CSV's before and after are the core's (${p.join(',')} / ${q.join(',')})`);
    }
    await screenshot(page, 'compare-two-dates');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a picture for a memo: the map and its legend alone at twice the density, with the title, headline, date and mode, the typed caption, the sources with their years and the link in type of at least 12 px at 1×', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20&l=share' });
  try {
    await clickItem(page, 'tab-share');
    await clickItem(page, 'picture-caption');
    await page.keyboard.type('Figure 1: who makes EUV tools');
    await settle(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'export-png')]);
    const png = PNG.sync.read(fs.readFileSync(await dl.path()));
    fs.copyFileSync(await dl.path(), 'test-results/picture-for-a-memo.png');
    const pic = await page.evaluate(() => window.techmap.lastPicture);
    const st = await status(page);
    assert.equal(pic.scale, 2, 'twice the screen density');
    assert.equal(png.width, pic.width);
    assert.ok(Math.abs(png.width - 2 * st.mapArea[2]) <= 3, `the map's width only (no panel): ${png.width} for ${st.mapArea[2]} CSS px`);
    assert.equal(pic.mapHeight, Math.round(2 * st.mapArea[3]), 'the map only (no caption band, no timeline)');
    const f = await page.evaluate(() => window.techmap.figures());
    const all = pic.lines.map((l) => l.text).join(' ');
    assert.ok(all.includes(f.headline.title.split(' ').slice(0, 4).join(' ')), 'the title');
    assert.ok(all.includes('Figure 1: who makes EUV tools'), 'the typed caption');
    assert.match(all, /What if: everything the members make/, 'the denial mode');
    assert.match(all, /Sources: .*\(2025\)/, 'the sources with their years');
    assert.match(all, /127\.0\.0\.1:\d+\/#v1&m=JPN,NLD,USA/, 'the link, readable');
    for (const l of pic.lines) assert.ok(l.px >= 24, `"${l.text.slice(0, 30)}…" is ${l.px / 2} px at 1× (at least 12)`);
    // the map area of the picture has no panel or control in it: the panel's slate is absent
    let slate = 0;
    for (let y = pic.top + 4; y < pic.top + pic.mapHeight - 4; y += 7)
      for (let x = 2; x < png.width * 0.6; x += 7) {
        const i = (y * png.width + x) * 4;
        if (Math.abs(png.data[i] - 0x24) < 6 && Math.abs(png.data[i + 1] - 0x29) < 6 && Math.abs(png.data[i + 2] - 0x36) < 6) slate++;
      }
    assert.ok(slate < 50, `no panel in the map's part of the picture (${slate} slate pixels sampled)`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the opening shows the whole map in frame, and every small-country marker picks its own country', async () => {
  for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080], [390, 844]]) {
    const { page, context, errors } = await openApp(env, { width, height, bare: true });
    try {
      const st = await status(page);
      const [ax, ay, aw, ah] = st.mapArea;
      for (const [lon, lat] of [[-180, 0], [180, 0], [0, 90], [0, -90], [-180, 60], [180, -60]]) {
        const p = await page.evaluate(([a, b]) => window.techmap.screenOf(a, b), [lon, lat]);
        assert.ok(p[0] >= ax - 1 && p[0] <= ax + aw + 1 && p[1] >= ay - 1 && p[1] <= ay + ah + 1 && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height,
          `${width}×${height}: the world's edge at ${lon}°, ${lat}° is in the map's frame (${p.map(Math.round)} in ${st.mapArea.map(Math.round)})`);
      }
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  }
  // markers: zoomed on Europe, where they crowd, and on the world; each picks its own country
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    let checked = 0;
    for (const [lon, lat, zoom] of [[0, 0, 1], [12, 51, 4.2], [122, 31, 3.2]]) {
      await page.evaluate(([a, b, z]) => window.techmap.setView(a, b, z, true), [lon, lat, zoom]);
      await settle(page);
      const it = await items(page);
      const windows = Object.entries(it).filter(([k]) => k.endsWith('-window') || k === 'panel').map(([, r]) => r);
      for (const m of await page.evaluate(() => window.techmap.markers())) {
        if (windows.some((r) => inside([m.x, m.y], r))) continue;  // under a window: not reachable there
        assert.equal(await page.evaluate(([x, y]) => window.techmap.countryAt(x, y), [m.x, m.y]), m.id, `the marker of ${m.id} at zoom ${zoom} picks ${m.id}`);
        checked++;
      }
    }
    console.log(`${checked} markers picked`);
    assert.ok(checked > 20, `markers checked: ${checked}`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the input search looks across domains and says where it found the input; a pick opens it there', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    await clickItem(page, 'tab-map');
    await clickItem(page, 'node');
    await page.keyboard.type('gallium');
    await settle(page);
    assert.equal((await texts(page))['node-first'], 'Gallium, primary low-purity (in Critical chip materials)');
    await clickItem(page, 'node-first');
    const s = await page.evaluate(() => window.techmap.scenario());
    assert.equal(s.domain, 'chip_materials');
    assert.equal(s.node, 'GA');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test("a country's card under the pointer never covers the caption above the map or the timeline below it; the glossary opens below the caption", async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    for (const [name, lon, lat] of [['Antarctica', 0, -80], ['Argentina', -65, -40], ['Greenland', -40, 72], ['Russia', 100, 65]]) {
      const p = await page.evaluate(([a, b]) => window.techmap.screenOf(a, b), [lon, lat]);
      await page.mouse.move(p[0], p[1]);
      await settle(page);
      await page.mouse.move(p[0] + 1, p[1]);
      await settle(page);
      const it = await items(page);
      if (!it['country-card']) continue;  // no country there (the sea)
      const card = it['country-card'];
      const overlap = (a, b) => a && b && a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
      assert.ok(!overlap(card, it['caption-window']), `${name}: the card ${card.map(Math.round)} is not over the caption ${it['caption-window']}`);
      assert.ok(!overlap(card, it['timeline-window']), `${name}: the card ${card.map(Math.round)} is not over the timeline ${it['timeline-window']}`);
    }
    await page.mouse.move(5, 760);
    await clickItem(page, 'tab-share');
    await clickItem(page, 'glossary');
    const it = await items(page);
    assert.ok(it['glossary-window'][1] >= it['caption-window'][3], `the glossary ${it['glossary-window']} opens below the caption ${it['caption-window']}`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test("a measure's explanation keeps its Close button in sight, and closing it gives the map its room back", async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 720, hash: '#v1&m=JPN,NLD,USA&n=N22&date=2023-09-01&dm=controls' });
  try {
    const before = (await status(page)).mapArea;
    // the Dutch EUV licence's mark (16 Jan 2020) on the Netherlands' lane
    await clickItem(page, 'timeline-measure:NL-2019-EUV');
    const open = (await items(page))['timeline-measure-close'];
    assert.ok(open, 'a measure is explained');
    assert.ok(open[1] >= 0 && open[3] <= 720, `its Close button is on screen: ${open}`);
    const during = (await status(page)).mapArea;
    assert.ok(during[3] >= 150, `the map keeps some room: ${during}`);
    await screenshot(page, 'measure-explained');
    await clickItem(page, 'timeline-measure-close');
    assert.ok(!(await items(page))['timeline-measure-close'], 'closed');
    const after = (await status(page)).mapArea;
    assert.ok(after[3] >= before[3] - 25 && after[3] > during[3] + 100, `the map has its room back: ${before} -> ${during} -> ${after}`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('leaving presentation mode gives the legend its normal type back (it kept the smaller scale of presenting)', async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 720, bare: true });
  try {
    const legend = async () => { const r = (await items(page))['legend-window']; return [r[2] - r[0], r[3] - r[1]]; };
    const before = await legend();
    await page.evaluate(() => window.techmap.action('mode:presentation'));
    await settle(page);
    const presenting = await legend();  // its type at 0.75 of presentation's large type
    assert.ok(presenting[1] !== before[1], `presenting, the legend has its own size: ${presenting} against ${before}`);
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await status(page)).mode, 'full');
    const after = await legend();
    assert.ok(Math.abs(after[0] - before[0]) <= 2 && Math.abs(after[1] - before[1]) <= 2, `the legend is ${after} again, as before presenting (${before})`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
