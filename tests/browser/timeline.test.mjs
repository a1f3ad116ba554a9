// The timeline of the controls in force, driven as a user drives it: play it from 2019, step
// through the changes, click the strip, change what is denied; at each date the figures the page
// shows must be the native core's for the scenario it reports (tools/cli/scenario_figures).
// A link with a date reopens that date; the text view lists the measures in force.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, clickItem, coreFigures, firstDifference, assertCoreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const figures = (page) => page.evaluate(() => window.techmap.figures());
const scenario = (page) => page.evaluate(() => window.techmap.scenario());
const items = (page) => page.evaluate(() => window.techmap.uiItems());


const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the timeline plays from 2019, its steps and the strip move the date, and the figures are the core\'s at each date', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N22' });
  try {
    let s = await scenario(page);
    assert.equal(s.date, localToday(), '"today" is the user\'s today');
    assert.equal(s.denyMode, 'all');
    const it = await items(page);
    for (const name of ['timeline-window', 'timeline-date', 'timeline-play', 'timeline-prev', 'timeline-strip', 'deny-mode', 'retaliation-mode'])
      assert.ok(it[name], `${name} is on screen`);
    const tl = it['timeline-window'];
    assert.ok(tl[3] <= 768 + 0.5 && tl[1] > 768 / 2, `the timeline sits along the bottom: ${tl}`);
    assert.ok(tl[0] >= it.panel[2], 'and right of the panel');

    // play: from 1 Jan 2019, with what is denied switched to the controls in force
    // (no settle: a playing timeline keeps drawing, the app is not idle until it ends)
    const play = it['timeline-play'];
    await page.mouse.click((play[0] + play[2]) / 2, (play[1] + play[3]) / 2);
    await page.waitForFunction(() => window.techmap.scenario().denyMode === 'controls', null, { timeout: 10000 });
    const seen = new Map();
    const t0 = Date.now();
    while (seen.size < 4 && Date.now() - t0 < 30000) {
      const f = await figures(page);
      if (!seen.has(f.scenario.date)) {
        seen.set(f.scenario.date, f);
        const { comparison, ...own } = f;
        const diff = firstDifference(own, coreFigures(f.scenario));
        assert.equal(diff, null, `playing, on ${f.scenario.date}: the page's figures differ from the core's: ${diff}`);
      }
      await page.waitForTimeout(150);
    }
    const dates = [...seen.keys()];
    assert.ok(dates.length >= 4, `the timeline stepped through dates: ${dates}`);
    assert.deepEqual([...dates].sort(), dates, `dates only move forward while playing: ${dates}`);
    assert.ok(dates[0] <= '2022-10-07', `playing starts from 2019: ${dates[0]}`);
    await screenshot(page, 'timeline-playing');
    const pause = (await items(page))['timeline-play'];
    await page.mouse.click((pause[0] + pause[2]) / 2, (pause[1] + pause[3]) / 2);
    await settle(page);
    const paused = (await scenario(page)).date;
    await page.waitForTimeout(2000);
    assert.equal((await scenario(page)).date, paused, 'pause stops the timeline');

    // next change: one date after another, each a change of some measure
    const before = (await scenario(page)).date;
    await clickItem(page, 'timeline-next');
    const after1 = (await scenario(page)).date;
    assert.ok(after1 > before, `next change moves forward: ${before} -> ${after1}`);
    await clickItem(page, 'timeline-prev');
    assert.ok((await scenario(page)).date < after1, 'previous change moves back');

    // three dates of the article's argument, reached through the strip and the steps
    for (const date of ['2022-10-06', '2022-10-07', '2023-09-01']) {
      await page.evaluate((d) => window.techmap.setScenario({ date: d }), date);
      await settle(page);
      const f = await assertCoreFigures(page, date);
      assert.equal(f.scenario.date, date);
    }
    // before the Dutch EUV licence was withheld (first reported 16 Jan 2020) nothing is denied;
    // before the first US rule only EUV tools are; on 7 Oct 2022 the US licences apply; on
    // 1 Sep 2023 the Dutch licence reaches ArF immersion lithography (a range from 0)
    await page.evaluate(() => window.techmap.setScenario({ date: '2020-01-15' }));
    await settle(page);
    let f = await figures(page);
    assert.deepEqual(f.summary.targetAccessToOutputs, [100, 100], 'no control in force before 16 Jan 2020');
    await page.evaluate(() => window.techmap.setScenario({ date: '2022-10-06' }));
    await settle(page);
    f = await assertCoreFigures(page, '2022-10-06, EUV only');
    const n22 = (x) => x.nodes.find((n) => n.id === 'N22');
    assert.deepEqual(f.nodes.find((n) => n.id === 'N20').targetAccess, [0, 0], 'no EUV tool for China since the Dutch licence was withheld');
    assert.equal(f.summary.targetAccessToOutputs[1], 100, 'other lithography remains: the finished chips stay a range up to 100%');
    await page.evaluate(() => window.techmap.setScenario({ date: '2023-09-01' }));
    await settle(page);
    f = await figures(page);
    assert.equal(n22(f).targetAccess[0], 0, 'the Dutch licence of 1 Sep 2023 covers ArF immersion tools');
    assert.ok(f.summary.targetAccessToOutputs[0] < 100);
    // the caption's "why" names the measure
    const why = await page.evaluate(() => window.techmap.explain('N22'));
    assert.match(JSON.stringify(why), /NL-2023-09/);
    // the text view lists the measures in force on that date
    const text = await page.evaluate(() => document.getElementById('summary-text').textContent);
    assert.match(text, /On 2023-09-01/);
    assert.match(text, /Controls in force issued by members against China: .*JP-2023-07/);
    assert.match(text, /NL-2023-09/);
    await screenshot(page, 'timeline-2023-09-01');

    // a click on the strip's right end brings the date to (almost) today
    const strip = (await items(page))['timeline-strip'];
    await page.mouse.click(strip[2] - 2, (strip[1] + strip[3]) / 2);
    await settle(page);
    s = await scenario(page);
    assert.ok(s.date > '2026-01-01', `a click near the strip's end: ${s.date}`);
    await assertCoreFigures(page, 'after a click on the strip');
    // "Today" brings the date back to today (and the link drops it)
    await clickItem(page, 'timeline-today');
    assert.equal((await scenario(page)).date, localToday());
    assert.doesNotMatch(await page.evaluate(() => window.techmap.link()), /date=/);
    assert.equal(errors.length, 0, errors.join(' | '));
  } finally {
    await context.close();
  }
});

test('a link with a date and the controls reopens that date; an old link opens on today, upper bound', async () => {
  const link = '#v1&m=JPN,NLD,USA&date=2023-09-01&dm=controls&rm=controls&n=N22';
  const { page, context, errors } = await openApp(env, { width: 1280, height: 800, hash: link });
  try {
    const s = await scenario(page);
    assert.equal(s.date, '2023-09-01');
    assert.equal(s.denyMode, 'controls');
    assert.equal(s.retaliationMode, 'controls');
    await assertCoreFigures(page, 'the dated link');
    const own = await page.evaluate(() => window.techmap.link());
    assert.match(own, /date=2023-09-01/);
    assert.match(own, /dm=controls/);
    await screenshot(page, 'timeline-dated-link');
    // a link of before the timeline existed: today, everything members make
    await page.evaluate(() => { location.hash = '#v1&m=JPN,NLD,USA&n=N20'; });
    await settle(page);
    const old = await scenario(page);
    assert.equal(old.date, localToday());
    assert.equal(old.denyMode, 'all');
    assert.equal(errors.length, 0, errors.join(' | '));
  } finally {
    await context.close();
  }
});

test('the timeline on a phone: reachable below the folded panel, and every control at least 44 px high', async () => {
  const { page, context, errors } = await openApp(env, { width: 390, height: 844, hash: '#v1&m=JPN,NLD,USA' });
  try {
    const it = await items(page);
    assert.ok(it['timeline-window'], 'the timeline shows under the folded panel');
    // folded: the date and the steps between changes (the typed date and Play wait with the strip)
    for (const name of ['timeline-prev', 'timeline-next', 'timeline-date']) {
      const r = it[name];
      assert.ok(r, `${name} on screen`);
      assert.ok(r[3] - r[1] >= 43.5, `${name} is a touch target: ${r[3] - r[1]} px`);
      assert.ok(r[0] >= 0 && r[2] <= 390 + 0.5 && r[3] <= 844 + 0.5, `${name} inside the screen: ${r}`);
    }
    const tap = it['timeline-prev'];
    await page.mouse.click((tap[0] + tap[2]) / 2, (tap[1] + tap[3]) / 2);
    await settle(page);
    const s = await scenario(page);
    assert.ok(s.date < localToday(), `a tap on "previous change" moves back: ${s.date}`);
    // the strip and the choices wait behind "Measures…", so that the map keeps the screen
    assert.ok(!(await items(page))['timeline-strip'], 'the strip is folded on a phone');
    await clickItem(page, 'timeline-more');
    const open = await items(page);
    assert.ok(open['timeline-strip'] && open['deny-mode'] && open['timeline-play'] && open['timeline-date-typed'], 'a tap shows the strip and the choices');
    assert.ok(open['timeline-play'][3] - open['timeline-play'][1] >= 43.5, 'Play is a touch target');
    await screenshot(page, 'timeline-phone');
    assert.equal(errors.length, 0, errors.join(' | '));
  } finally {
    await context.close();
  }
});
