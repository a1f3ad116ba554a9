// 2026 in the app, as a visitor meets it: the October 2022 rule's three steps are stops of "Next
// change"; the US affiliates rule aims at firms, is suspended to 9 Nov 2026 and reads "status
// unknown" after it with what its own text makes the default; Pax Silica as of 1 May 2026 has the
// Philippines and not yet the Netherlands, as of 1 Jul 2026 the Netherlands, with its caveat.
// Dates and members are read from the data files (the converter's output), not typed here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, settle, clickItem } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const scenario = (page) => page.evaluate(() => window.techmap.scenario());
const setScenario = (page, s) => page.evaluate((x) => window.techmap.setScenario(x), s);
const data = async (file) => JSON.parse(await (await fetch(env.url + 'data/' + file)).text());

test("'Next change' stops at each step of the October 2022 rule", async () => {
  const measures = (await data('measures.json')).measures;
  const oct = measures.find((m) => m.id === 'US-2022-10');
  assert.deepEqual(oct.steps.map((s) => s.date), ['2022-10-07', '2022-10-12', '2022-10-21']);
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20&date=2022-10-01' });
  try {
    assert.equal((await scenario(page)).date, '2022-10-01');
    const stops = [];
    for (let i = 0; i < 3; i++) {
      await clickItem(page, 'timeline-next');
      stops.push((await scenario(page)).date);
    }
    assert.deepEqual(stops, oct.steps.map((s) => s.date));
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the affiliates rule aims at firms: suspended on 1 Jan 2026, status unknown after 9 Nov 2026 with its default', async () => {
  const aff = (await data('measures.json')).measures.find((m) => m.id === 'US-2025-09-AFF');
  assert.equal(aff.kind, 'entities');
  assert.deepEqual(aff.suspended, [{ from: '2025-11-10', until: '2026-11-09' }]);
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    const summaryOn = async (date) => {
      await setScenario(page, { date, denyMode: 'rules' });
      await settle(page);
      return page.evaluate(() => window.techmap.summary());
    };
    const figuresOn = async (date) => { await summaryOn(date); return page.evaluate(() => window.techmap.figures()); };
    // in force (29 Sep 2025 to 9 Nov 2025): listed among the rules, as aiming at firms
    assert.match(await summaryOn('2025-10-15'), /US affiliates rule[^;]*\(US-2025-09-AFF, entities\)/);
    // suspended: not among the rules in force
    assert.doesNotMatch(await summaryOn('2026-01-01'), /US-2025-09-AFF/);
    // after the suspension's end the sources say nothing: status unknown, with its own default
    const after = await summaryOn('2026-11-15');
    assert.match(after, /Of unknown status on this date \(the sources end before it\):[^.]*US-2025-09-AFF, entities\): by its own text the rule applies again from 10 Nov 2026 unless BIS acts/);
    // it moves no product figure: the figures are those of the day before it took effect
    const before = await figuresOn('2025-09-28'), during = await figuresOn('2025-10-15');
    const euv = (f) => f.nodes.find((n) => n.id === 'N20');
    assert.deepEqual(euv(during).targetAccess, euv(before).targetAccess);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('Pax Silica: the Philippines by 1 May 2026, the Netherlands by 1 Jul 2026, with its caveat shown', async () => {
  const pax = (await data('world.json')).alliances.find((a) => a.id === 'PaxSilica');
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    const membersOn = async (date) => {
      await setScenario(page, { date });
      await settle(page);
      await clickItem(page, 'preset');
      await clickItem(page, 'preset:PaxSilica');
      await settle(page);
      return (await scenario(page)).members;
    };
    const may = await membersOn('2026-05-01');
    assert.ok(may.includes('PHL'), `1 May 2026: ${may}`);
    assert.ok(!may.includes('NLD'), `1 May 2026, the Netherlands had not signed: ${may}`);
    const july = await membersOn('2026-07-01');
    assert.ok(july.includes('NLD') && july.includes('PHL'), `1 Jul 2026: ${july}`);
    const snapshot = pax.snapshots.filter((s) => s.date <= '2026-07-01').at(-1);
    assert.deepEqual([...july].sort(), [...snapshot.members].sort());
    // the caveat of the snapshot in force, in plain words, on the list's tooltip
    await clickItem(page, 'preset');
    const r = (await page.evaluate(() => window.techmap.uiItems()))['preset:PaxSilica'];
    await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
    await settle(page);
    await page.mouse.move((r[0] + r[2]) / 2 + 1, (r[1] + r[3]) / 2);
    await settle(page);
    const tip = (await page.evaluate(() => window.techmap.uiTexts()))['preset-tip'] || '';
    assert.ok(snapshot.caveat, 'the June 2026 snapshot carries a caveat');
    assert.ok(tip.includes(snapshot.caveat), `the tooltip shows the caveat: ${tip}`);
    assert.match(tip, /^[^\n]+\nSigned 12 Dec 2025/);
    assert.doesNotMatch(tip, /CHECK/);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
