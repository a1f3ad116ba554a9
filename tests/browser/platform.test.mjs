// Browser tests of the app's own platform layer (src/app/platform_web.cpp, Emscripten's HTML5 API
// in place of SDL2): what it alone decides — text from the keyboard layout (keypress, non-ASCII),
// ImGui's copy to and paste from the system clipboard, the cursor's shape on the canvas, a double
// click, two fingers pinching the map, and a lifted finger that leaves nothing hovered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, settle, clickItem } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// what the picture caption's field holds, as the PNG export reads it
async function caption(page) {
  await Promise.all([page.waitForEvent('download'), clickItem(page, 'export-png')]);
  return page.evaluate(() => window.techmap.lastPicture.parts.caption);
}
const status = (page) => page.evaluate(() => window.techmap.status());
const centre = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

test('a text field takes a layout\'s non-ASCII keys, copies to the system clipboard and pastes from it; the cursor follows', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  try {
    await clickItem(page, 'tab-share');
    const field = await clickItem(page, 'picture-caption');
    assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'text', 'an I-beam over the text field');
    await page.keyboard.type('Carte: ');
    // a key of a French layout: keydown 'é', then its keypress with the character
    await page.evaluate(() => {
      for (const [type, init] of [['keydown', { key: 'é', code: 'Digit2', keyCode: 50 }], ['keypress', { key: 'é', code: 'Digit2', charCode: 233 }],
        ['keyup', { key: 'é', code: 'Digit2', keyCode: 50 }]])
        document.getElementById('canvas').dispatchEvent(new KeyboardEvent(type, { ...init, bubbles: true, cancelable: true }));
    });
    await settle(page);
    assert.equal(await caption(page), 'Carte: é', 'the layout\'s character is typed');
    // ImGui's copy reaches the system clipboard
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await clickItem(page, 'picture-caption');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await settle(page);  // ImGui takes the keys a frame at a time
    let copied = '';
    for (let i = 0; i < 50 && !copied; i++, await page.waitForTimeout(100)) copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, 'Carte: é');
    // and its paste takes what another program put there
    await page.evaluate(() => navigator.clipboard.writeText('Łódź — Zürich'));
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await settle(page);
    assert.equal(await caption(page), 'Łódź — Zürich', 'pasted from the system clipboard');
    // away from any control the cursor is the arrow again
    await page.mouse.move(field[0] - 200 < 0 ? field[2] + 200 : field[0] - 200, 500);
    await settle(page);
    assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'default');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a double click zooms in where it is; two fingers pinch the map in and out', async () => {
  const { page, context, errors } = await openApp(env, { width: 900, height: 700, touch: true });
  try {
    await page.evaluate(() => window.techmap.setView(0, 0, 1));
    await settle(page);
    const area = (await status(page)).mapArea;
    const [cx, cy] = centre([area[0], area[1], area[0] + area[2], area[1] + area[3]]);
    const zoom = async () => (await status(page)).view.zoom;
    const z0 = await zoom();
    await page.mouse.dblclick(cx, cy);
    await settle(page);
    const z1 = await zoom();
    assert.ok(z1 > z0 * 1.8, `a double click zooms in: ${z0} -> ${z1}`);
    // a pinch: two touch points spread from 60 to 240 px apart, then back
    const cdp = await context.newCDPSession(page);
    const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }] });
    await touch('touchStart', 60);
    for (let d = 80; d <= 240; d += 20) await touch('touchMove', d);
    await touch('touchEnd', 240);
    await settle(page);
    const z2 = await zoom();
    assert.ok(z2 > z1 * 2, `spreading two fingers zooms in: ${z1} -> ${z2}`);
    await touch('touchStart', 240);
    for (let d = 220; d >= 60; d -= 20) await touch('touchMove', d);
    await touch('touchEnd', 60);
    await settle(page);
    const z3 = await zoom();
    assert.ok(z3 < z2 / 2, `closing them zooms out: ${z2} -> ${z3}`);
    assert.equal((await page.evaluate(() => window.techmap.scenario())).members.length, 0, 'a pinch toggles nothing');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a tap on a phone opens the country\'s card and leaves nothing hovered: no tooltip or highlight stays under a lifted finger', async () => {
  const { page, context, errors } = await openApp(env, { width: 390, height: 844, dpr: 2, touch: true, mobile: true });
  try {
    await page.evaluate(() => window.techmap.setView(-55, -10, 2));
    await settle(page);
    const [x, y] = await page.evaluate(() => window.techmap.screenOf(-52, -10));  // Brazil
    await page.touchscreen.tap(x, y);
    await settle(page);
    const s = await status(page);
    const items = await page.evaluate(() => window.techmap.uiItems());
    assert.ok(items['country-card'] || items['pinned-card'], 'the tap opened the card');
    assert.equal(s.hovered, '', 'no country stays hovered after the finger lifts');
    assert.equal(s.tooltip, '', 'no tooltip stays after the finger lifts');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
