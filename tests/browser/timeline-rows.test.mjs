// The timeline's rows, as a reader meets them: every measure of data/measures.json has a row of
// its own in its issuer's lane (or sits in a lane folded with its count, which a click unfolds),
// rows and lanes never overlap, a measure's label shows on hover (its mark or its line) and on
// keyboard focus with its dates, and the firm-aimed measures (kind "entities") say so, for every
// kind the data holds; at 1280x720 and on a phone the strip keeps inside the screen and the map
// keeps its share of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openApp, settle, screenshot, clickItem, ROOT } from './browser.mjs';

const MEASURES = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/measures.json'), 'utf8')).measures;
const ISSUERS = [...new Set(MEASURES.map((m) => m.issuer))];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "2022-10-07" as the app writes it: "7 Oct 2022"
const pretty = (d) => `${+d.slice(8, 10)} ${MONTHS[+d.slice(5, 7) - 1]} ${d.slice(0, 4)}`;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const items = (page) => page.evaluate(() => window.techmap.uiItems());
const texts = (page) => page.evaluate(() => window.techmap.uiTexts());
const folded = (tx, iso) => /folded into one row/.test(tx[`timeline-lane:${iso}`] || '');

// Within each unfolded lane, each measure's row lies inside the lane and below the one before
// (rows do not overlap); the lanes do not overlap each other; every measure has its mark.
function checkRows(it, tx, where) {
  const lanes = ISSUERS.map((iso) => [iso, it[`timeline-lane:${iso}`]]);
  for (const [iso, r] of lanes) assert.ok(r, `${where}: a lane for ${iso}`);
  const byY = lanes.map(([, r]) => r).sort((a, b) => a[1] - b[1]);
  for (let k = 1; k < byY.length; k++) assert.ok(byY[k][1] >= byY[k - 1][3] - 0.5, `${where}: lanes overlap: ${byY[k - 1]} / ${byY[k]}`);
  for (const m of MEASURES) assert.ok(it[`timeline-measure:${m.id}`], `${where}: ${m.id} has its mark on the strip`);
  let unfolded = 0;
  for (const [iso, lane] of lanes) {
    if (folded(tx, iso)) continue;
    const rows = MEASURES.filter((m) => m.issuer === iso).map((m) => [m.id, it[`timeline-row:${m.id}`]]);
    for (const [id, r] of rows) {
      assert.ok(r, `${where}: ${id} has a row of its own in the unfolded lane ${iso}`);
      assert.ok(r[1] >= lane[1] - 0.5 && r[3] <= lane[3] + 4.5, `${where}: ${id}'s row ${r} inside its lane ${lane}`);
    }
    rows.sort((a, b) => a[1][1] - b[1][1]);
    for (let k = 1; k < rows.length; k++)
      assert.ok(rows[k][1][1] >= rows[k - 1][1][3] - 0.5, `${where}: ${rows[k - 1][0]} and ${rows[k][0]} overlap in ${iso}'s lane`);
    unfolded += rows.length;
  }
  return unfolded;
}

// Unfolds the lane of `iso` if it is folded (a click on its name), as a reader would.
async function unfold(page, iso) {
  if (folded(await texts(page), iso)) await clickItem(page, `timeline-lane:${iso}`);
  assert.ok(!folded(await texts(page), iso), `a click unfolds ${iso}'s lane`);
}

// The label the app shows for `m`: its name, its kind's words and the date it took effect.
function checkLabel(tx, m, how) {
  const label = tx['timeline-label'] || '';
  assert.equal(tx['timeline-label-measure'], m.id, `${how}: the label is ${m.id}'s`);
  assert.ok(label.startsWith(m.name), `${how}: the label names ${m.id}: ${label}`);
  const date = m.inForce || m.announced;
  assert.ok(label.includes(pretty(date)), `${how}: ${m.id}'s label gives its date ${pretty(date)}: ${label}`);
  if (m.kind === 'entities') assert.match(label, /aims at firms/, `${how}: ${m.id} aims at firms and says so`);
  else assert.doesNotMatch(label, /aims at firms/, `${how}: ${m.id} (${m.kind}) does not say it aims at firms`);
}

test('the timeline at 1280x720: a row per measure in its lane, labels on hover and focus, firm-aimed measures told apart', async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 720, hash: '#v1&m=JPN,NLD,USA&date=2025-01-01&dm=controls' });
  try {
    let it = await items(page), tx = await texts(page);
    assert.ok(it['timeline-strip'] && it['timeline-legend'], 'the strip and its legend are shown');
    const win = it['timeline-window'];
    assert.ok(win[3] <= 720 + 0.5 && win[1] >= 720 * 0.4, `the timeline keeps inside the screen and leaves the map 40% of it: ${win}`);
    assert.ok(it['timeline-legend'][3] <= win[3], 'the legend inside the window');
    // the legend names each kind the data holds, and firm-aimed measures when there are any
    const kinds = new Set(MEASURES.map((m) => m.kind));
    assert.equal(/aims at firms/.test(tx['timeline-legend']), kinds.has('entities'), `legend: ${tx['timeline-legend']}`);
    for (const [kind, words] of [['ban', 'ban'], ['licence', 'licence'], ['agreement', 'agreement']])
      assert.equal(tx['timeline-legend'].includes(words), kinds.has(kind), `legend and ${kind}: ${tx['timeline-legend']}`);
    // the three issuers the issue found on top of each other: rows of their own, each lane in turn
    checkRows(it, tx, 'as opened');
    for (const iso of ISSUERS) {
      await unfold(page, iso);
      it = await items(page);
      tx = await texts(page);
      checkRows(it, tx, `${iso} unfolded`);
      assert.ok(it['timeline-window'][1] >= 720 * 0.4 && it['timeline-window'][3] <= 720.5, `${iso} unfolded: the window keeps its place ${it['timeline-window']}`);
    }
    await screenshot(page, 'timeline-rows-1280');

    // hover: on a measure's mark, and on its line; one measure of each kind in the data
    for (const kind of kinds) {
      const m = MEASURES.find((x) => x.kind === kind && (x.inForce || x.announced));
      await unfold(page, m.issuer);
      const r = (await items(page))[`timeline-measure:${m.id}`];
      await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      await settle(page);
      checkLabel(await texts(page), m, `hover on ${m.id}'s mark`);
      assert.ok((await items(page))['timeline-label'], 'the label is on screen');
      const row = (await items(page))[`timeline-row:${m.id}`];
      if (row[2] - row[0] > 40) {
        await page.mouse.move(row[2] - 10, (row[1] + row[3]) / 2);
        await settle(page);
        checkLabel(await texts(page), m, `hover on ${m.id}'s line`);
      }
      if (kind === 'entities') await screenshot(page, 'timeline-label-entities');
    }
    await page.mouse.move(5, 5);
    await settle(page);
    assert.ok((await page.evaluate(() => window.techmap.status())).idle, 'the app goes idle after the hover');
    assert.ok(!(await items(page))['timeline-label'], 'the label goes with the pointer');

    // keyboard: from the timeline's "Previous change", Tab reaches each lane's name (Enter folds
    // or unfolds it) and each measure's mark: its label shows with its dates, and Enter explains it
    await clickItem(page, 'timeline-prev');
    let focused = '', toggled = false;
    for (let k = 0; k < 80 && !focused.startsWith('timeline-measure:'); k++) {
      await page.keyboard.press('Tab');
      await settle(page);
      focused = (await page.evaluate(() => window.techmap.status())).focused;
      if (focused.startsWith('timeline-lane:') && !toggled) {
        const iso = focused.slice('timeline-lane:'.length), was = folded(await texts(page), iso);
        await page.keyboard.press('Enter');
        await settle(page);
        assert.equal(folded(await texts(page), iso), !was, `Enter on ${iso}'s name ${was ? 'unfolds' : 'folds'} it`);
        toggled = true;
      }
    }
    assert.ok(toggled, 'Tab reaches a lane\'s name');
    assert.ok(focused.startsWith('timeline-measure:'), `Tab reaches a measure: ${focused}`);
    const m = MEASURES.find((x) => `timeline-measure:${x.id}` === focused);
    checkLabel(await texts(page), m, `keyboard focus on ${m.id}`);
    await screenshot(page, 'timeline-label-focus');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.ok((await items(page))['timeline-measure-why'], 'Enter on a measure explains it');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the timeline on a phone: the measures in rows inside the screen once "Measures…" is tapped, a lane unfolds on a tap', async () => {
  const { page, context, errors } = await openApp(env, { width: 390, height: 844, hash: '#v1&m=JPN,NLD,USA&date=2025-01-01&dm=controls' });
  try {
    await clickItem(page, 'timeline-more');
    let it = await items(page), tx = await texts(page);
    checkRows(it, tx, 'phone');
    const inside = (r, what) => assert.ok(r && r[0] >= -0.5 && r[2] <= 390.5 && r[3] <= 844.5, `${what} inside the screen: ${r}`);
    for (const iso of ISSUERS) inside(it[`timeline-lane:${iso}`], `${iso}'s lane`);
    inside(it['timeline-legend'], 'the legend');
    await screenshot(page, 'timeline-rows-phone');
    const foldedLane = ISSUERS.find((iso) => folded(tx, iso));
    if (foldedLane) {
      await unfold(page, foldedLane);
      it = await items(page);
      tx = await texts(page);
      checkRows(it, tx, `phone, ${foldedLane} unfolded`);
      for (const m of MEASURES.filter((x) => x.issuer === foldedLane)) inside(it[`timeline-row:${m.id}`], `${m.id}'s row`);
      inside(it['timeline-legend'], 'the legend');
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
