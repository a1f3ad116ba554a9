// The first minute, as a first-time visitor lives it: the bare address opens a meaningful
// scenario with a title, a plain sentence and the next step; from there, each task takes a few
// actions, and what the page then shows is checked against the native core
// (tools/cli/scenario_figures) for the scenario the page reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, clickItem, coreFigures, firstDifference, assertCoreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const figures = (page) => page.evaluate(() => window.techmap.figures());
const scenario = (page) => page.evaluate(() => window.techmap.scenario());
const items = (page) => page.evaluate(() => window.techmap.uiItems());
const summary = (page) => page.evaluate(() => document.getElementById('summary-text').textContent);


// Counts the visitor's actions (clicks, typed words, key presses).
function actions() {
  let n = 0;
  return { count: () => n, add: (k = 1) => { n += k; } };
}

test('the bare address opens the article\'s scenario with a title, a plain sentence and the next step', async () => {
  const { page, errors, wallMs } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    const s = await scenario(page);
    assert.deepEqual(s.members, ['JPN', 'NLD', 'USA'], 'the opening alliance: the US, Japan and the Netherlands');
    assert.equal(s.target, 'CHN');
    assert.equal(s.node, 'N20', 'on EUV lithography tools');
    const f = await assertCoreFigures(page, 'opening');
    const it = await items(page);
    for (const k of ['welcome-window', 'welcome-title', 'welcome-sentence', 'welcome-tour', 'welcome-build'])
      assert.ok(it[k], `${k} is shown`);
    for (const k of ['welcome-tour', 'welcome-build']) assert.ok(it[k][3] <= 768 && it[k][1] >= 0, `${k} is on screen`);
    // the words say who makes it, what the alliance holds and what China can still get
    const text = await summary(page);
    const euv = f.nodes.find((n) => n.id === 'N20');
    assert.match(text, /^EUV lithography tools: the Netherlands makes 100% of world supply \(\d{4}\)\./);
    assert.match(text, new RegExp(`Together, Japan, the Netherlands and the United States hold ${Math.round(euv.allianceShare[0])}%`));
    // the opening is the what-if of the story's first step, and its sentence says so
    assert.match(text, /If they denied China everything they make, China could still get 0%/);
    // the card's sentence is the core's headline, word for word
    const texts = await page.evaluate(() => window.techmap.uiTexts());
    assert.equal(texts['welcome-sentence'], f.headline.sentence);
    assert.doesNotMatch(text, /0 members|holds 0\.0%/, 'no empty alliance');
    console.log(`first map of the opening view after ${wallMs} ms`);
    await screenshot(page, 'first-minute-opening');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('a visitor finds an input by search and reads who makes it and what the alliance holds (4 actions)', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    const a = actions();
    await clickItem(page, 'welcome-close'); a.add();
    await clickItem(page, 'node'); a.add();          // (the Map section opens on the way)
    await page.keyboard.type('design automation'); a.add();
    await settle(page);
    await clickItem(page, 'node-first'); a.add();
    const s = await scenario(page);
    const f = await assertCoreFigures(page, 'input found by search');
    const node = f.nodes.find((n) => n.id === s.node);
    assert.match(node.name, /design automation/i, `the input found: ${node.name}`);
    assert.ok(a.count() <= 5, `${a.count()} actions`);
    // the words name its largest producer with the year, and the alliance's share as the core has it
    const text = await summary(page);
    assert.match(text, /^[A-Z][^:]*: the United States makes \d+(\.\d)?% of world supply \(\d{4}\)\./i);
    const held = node.allianceShare[0] === node.allianceShare[1] ? `${Math.round(node.allianceShare[0])}%` : '';
    if (held) assert.ok(text.includes(`hold ${held}`), `the alliance's share ${held} in: ${text.slice(0, 200)}`);
    const it = await items(page);
    assert.ok(it['caption-title'] && it['caption-sentence'], 'the caption over the map says it too');
    await screenshot(page, 'first-minute-search-input');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('a visitor builds a group of three countries, a small one among them, from the opening (7 actions)', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    const a = actions();
    await clickItem(page, 'welcome-build'); a.add();
    let s = await scenario(page);
    assert.deepEqual(s.members, [], '"Build your own" starts from an empty alliance');
    await clickItem(page, 'countries'); a.add();
    // the list stays open after a pick and its search clears: type, pick, type, pick...
    for (const [typed, code] of [['singapore', 'SGP'], ['japan', 'JPN'], ['germany', 'DEU']]) {
      await page.keyboard.type(typed); a.add();
      await settle(page);
      await clickItem(page, 'countries-first'); a.add();
      s = await scenario(page);
      assert.ok(s.members.includes(code), `${typed} joined: ${s.members}`);
    }
    await page.keyboard.press('Escape');
    await settle(page);
    s = await scenario(page);
    assert.deepEqual(s.members, ['DEU', 'JPN', 'SGP']);
    assert.ok(a.count() <= 8, `${a.count()} actions`);
    await assertCoreFigures(page, 'a group of three');
    const it = await items(page);
    assert.ok(it['tab-alliance'], 'the Alliance section is open');
    await screenshot(page, 'first-minute-own-group');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('a visitor reaches the story step on rare earths from the opening (3 actions) and its figures are the core\'s', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    await clickItem(page, 'welcome-tour');
    const story = await page.evaluate(() => window.techmap.story());
    assert.equal(story.step, 1, 'the tour starts at its first step');
    const i = story.steps.findIndex((x) => /rare earth/i.test(x.title));
    assert.ok(i >= 0, 'the story has a step on rare earths');
    await clickItem(page, 'story-steps');
    await clickItem(page, `story-step-item:${i + 1}`);
    const now = await page.evaluate(() => window.techmap.story());
    assert.equal(now.step, i + 1);
    const s = await scenario(page);
    assert.equal(s.domain, 'rare_earths');
    await assertCoreFigures(page, 'the rare-earth step');
    await screenshot(page, 'first-minute-rare-earths');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('a visitor copies the link of what they see and it reopens the same view; the CSV download says so', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  const context = page.context();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    await clickItem(page, 'welcome-close');
    await page.evaluate(() => window.techmap.toggleMember('KOR'));
    await settle(page);
    await clickItem(page, 'copy-link');
    await page.waitForTimeout(400);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#v1&/);
    const shown = await figures(page);
    const other = await openApp(env, { width: 1280, height: 800, hash: link.slice(link.indexOf('#')) });
    try {
      const again = await figures(other.page);
      assert.deepEqual(again.scenario.members, shown.scenario.members);
      const { comparison: c1, ...a } = again;
      const { comparison: c2, ...b } = shown;
      assert.equal(firstDifference(a, b), null, 'the copied link reopens the same figures');
    } finally { await other.context.close(); }
    // the CSV: a download, and a visible confirmation
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'export-csv')]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const notice = await page.evaluate(() => ({ hidden: document.getElementById('notice').hidden, text: document.getElementById('notice-text').textContent }));
    assert.equal(notice.hidden, false, 'a notice confirms the download');
    assert.match(notice.text, /csv/i);
    await screenshot(page, 'first-minute-csv');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// The glitches a first-time visitor saw, each as the page now shows it (the canvas's words come
// from techmap.uiTexts(); see also tests/core/test_plain_words.cpp and tests/view/test_text_wrap.cpp).
test('glitches: an unnamed pinned scenario, who holds the keys, the threshold label, the country card at the edge', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768 });
  try {
    const texts = () => page.evaluate(() => window.techmap.uiTexts());
    // `Compared with ""`: a scenario pinned with no name says so in words
    await page.evaluate(() => window.techmap.setScenario({ members: ['USA', 'JPN'], alliance: '' }));
    await settle(page);
    await clickItem(page, 'pin');
    await page.evaluate(() => window.techmap.toggleMember('NLD'));
    await settle(page);
    const t = await texts();
    assert.ok(t['compare-title'], 'the comparison is shown');
    assert.doesNotMatch(t['compare-title'], /""/);
    // who holds the keys: each row says member, not a member, or the target
    await clickItem(page, 'ranked');
    const rows = Object.entries(await texts()).filter(([k]) => k.startsWith('keys-row:')).map(([, v]) => v);
    assert.ok(rows.length >= 3, `rows of who holds the keys: ${rows.length}`);
    for (const r of rows) assert.match(r, /\((member|not a member|the target)\)$/, r);
    assert.ok(rows.some((r) => r.endsWith('(not a member)')) && rows.some((r) => r.endsWith('(member)')), 'members and others are told apart');
    // the threshold's name is beside its slider, never under the grip
    await clickItem(page, 'tab-alliance');
    const it = await items(page);
    assert.ok(it['threshold-label'][2] <= it.threshold[0], `the label ${it['threshold-label']} ends before the slider ${it.threshold}`);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
  // the country card of a country at the right edge of the screen stays on the screen
  const edge = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N22' });
  try {
    await edge.page.evaluate(() => window.techmap.setView(65, 30, 2));
    await settle(edge.page);
    const p = await edge.page.evaluate(() => window.techmap.screenOf(139.7, 36.2));  // Japan, near the right edge
    assert.ok(p[0] > 1366 - 200 && p[0] < 1366, `Japan is near the right edge: ${p}`);
    await edge.page.mouse.move(p[0], p[1]);
    await settle(edge.page);
    await edge.page.mouse.move(p[0] + 1, p[1]);
    await settle(edge.page);
    const card = (await edge.page.evaluate(() => window.techmap.uiItems()))['country-card'];
    assert.ok(card, 'the card of the country under the pointer is shown');
    assert.ok(card[0] >= 0 && card[2] <= 1366 + 0.5 && card[3] <= 768 + 0.5, `the card stays on the screen: ${card}`);
    await screenshot(edge.page, 'first-minute-card-at-edge');
    assert.deepEqual(edge.errors, []);
  } finally { await edge.context.close(); }
});

// What a second first-time visitor met (each seen in the app, each pinned here).
test('a phone: the first tap after "Look around" opens the panel (a window that had just appeared took it)', async () => {
  const { page, context, errors } = await openApp(env, { width: 390, height: 844, dpr: 2, touch: true, mobile: true, bare: true });
  try {
    const tap = async (name) => {
      const r = (await items(page))[name];
      assert.ok(r, `${name} is on screen`);
      await page.touchscreen.tap((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      await settle(page);
    };
    await tap('welcome-close');
    assert.ok(!(await items(page))['welcome-window'], 'the card is gone');
    await tap('panel-toggle');
    assert.ok((await items(page))['tab-alliance'], 'one tap unfolded the panel');
    await tap('tab-share');
    assert.ok((await items(page))['copy-link'] || (await items(page))['tab-share'], 'the section switch took one tap');
    await screenshot(page, 'first-minute-phone-one-tap');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the opening card and the caption leave the suppliers they name in sight', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    // the card sits at the bottom of the map, clear of the Netherlands (the maker of EUV tools)
    const [nlx, nly] = await page.evaluate(() => window.techmap.screenOf(5.3, 52.1));
    const nl = { x: nlx, y: nly };
    const inside = (r, p) => p.x >= r[0] && p.x <= r[2] && p.y >= r[1] && p.y <= r[3];
    assert.ok(!inside((await items(page))['welcome-window'], nl), 'the card does not cover the Netherlands');
    await clickItem(page, 'welcome-close');
    // the caption has a band of its own above the map
    const it = await items(page);
    const [x2, y2] = await page.evaluate(() => window.techmap.screenOf(5.3, 52.1));
    const nl2 = { x: x2, y: y2 };
    assert.ok(!inside(it['caption-window'], nl2), 'the caption does not cover the Netherlands');
    assert.ok(nl2.y > it['caption-window'][3], 'the map starts below the caption');
    await screenshot(page, 'first-minute-caption-band');
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test('the date box does not jump on a click, and a date picked on the strip reads the controls in force', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    assert.equal((await scenario(page)).denyMode, 'all');
    const before = (await scenario(page)).date;
    await clickItem(page, 'timeline-date', { dx: -60 });
    assert.equal((await scenario(page)).date, before, 'a click alone leaves the date');
    await clickItem(page, 'timeline-prev');
    const s = await scenario(page);
    assert.ok(s.date, 'a change date');
    assert.equal(s.denyMode, 'controls', 'the date is read with the controls in force on it');
    const texts = await page.evaluate(() => window.techmap.uiTexts());
    assert.match(texts['caption-sentence'] || '', /Under the members' controls in force on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await assertCoreFigures(page, 'previous change');
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
