// prefers-reduced-motion (issue 22, WCAG 2.1 AA basics): when the visitor's system asks for less
// motion, the map jumps to a new view (a zoom to a region, a story's step) instead of easing
// there; without it, the view eases over several frames. The page reads the media query at start
// and follows its change events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, settle } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// Asks for a zoom to Europe and records the map's zoom after each of the next browser frames,
// until the view has rested (the same zoom and the same screen place of Berlin twice running).
async function zoomFrames(page) {
  return page.evaluate(async () => {
    const t = window.techmap, frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const zooms = [t.status().view.zoom];
    t.action('view:europe');
    let calm = 0, last = '';
    for (let i = 0; i < 120 && calm < 3; i++) {
      await frame();
      const z = t.status().view.zoom, at = JSON.stringify(t.screenOf(13.4, 52.5));
      calm = (z === zooms[zooms.length - 1] && at === last) ? calm + 1 : 0;
      zooms.push(z);
      last = at;
    }
    return zooms;
  });
}
// The zooms strictly between where the view started and where it ended: the animation's frames.
const between = (zooms) => {
  const a = zooms[0], b = zooms[zooms.length - 1];
  return zooms.filter((z) => Math.abs(z - a) > 1e-6 && Math.abs(z - b) > 1e-6);
};

test('reduced motion: a zoom to a region is a jump (no frame in between), and the setting follows the system', async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 800 });
  try {
    assert.equal((await page.evaluate(() => window.techmap.status())).reducedMotion, false, 'no preference: full motion');
    // the system's setting changes while the page is open: the page tells the app
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction(() => window.techmap.status().reducedMotion === true, null, { timeout: 5000 });
    // a page opened with the setting on reads it at start
    await page.reload();
    await page.waitForFunction(() => window.techmap && window.techmap.ready(), null, { timeout: 30000 });
    await settle(page);
    const st = await page.evaluate(() => window.techmap.status());
    assert.equal(st.reducedMotion, true, 'the setting is read when the page opens');
    assert.ok(st.idle, 'idle after settling');
    assert.ok(Math.abs(st.view.zoom - 1) < 1e-6, `the whole world first (zoom ${st.view.zoom})`);

    const zooms = await zoomFrames(page);
    const end = zooms[zooms.length - 1];
    assert.ok(end > 3, `the view reached Europe (zoom ${end})`);
    assert.deepEqual(between(zooms), [], `no frame between the world and Europe: ${zooms.join(', ')}`);
    const first = zooms.findIndex((z) => Math.abs(z - end) < 1e-6);
    assert.ok(first <= 3, `Europe within the frames the action takes to arrive (frame ${first}): ${zooms.join(', ')}`);
    await settle(page);
    const rest = await page.evaluate(() => window.techmap.status());
    assert.ok(rest.idle && Math.abs(rest.view.zoom - end) < 1e-6, 'and it rests there');

    // back to full motion: the next zoom eases again
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.waitForFunction(() => window.techmap.status().reducedMotion === false, null, { timeout: 5000 });
    await page.evaluate(() => window.techmap.action('view:world'));
    await settle(page);
    const eased = between(await zoomFrames(page));
    assert.ok(eased.length >= 4, `full motion again: the zoom eases over frames (${eased.length} in between)`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('full motion: without the preference a zoom to a region eases over several frames', async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 800 });
  try {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal((await page.evaluate(() => window.techmap.status())).reducedMotion, false);
    const zooms = await zoomFrames(page);
    const mid = between(zooms);
    assert.ok(zooms[zooms.length - 1] > 3, 'the view reached Europe');
    assert.ok(mid.length >= 4, `the zoom eases over several frames: ${zooms.join(', ')}`);
    for (let i = 1; i < mid.length; i++) assert.ok(mid[i] >= mid[i - 1], 'growing steadily toward Europe');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
