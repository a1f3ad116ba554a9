// The classroom: presentation mode on a projector (1280×720, 1366×768, 1920×1080), a clicker's
// keys, and the countries the headline names never hidden under a window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, clickItem } from './browser.mjs';

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
