// No keyboard trap (WCAG 2.1.2, issue 22): Tab moves through the map's controls and, at the end of
// them, leaves the canvas for the page's next stop, as Tab leaves any control; Shift+Tab leaves at
// once. Keys only (the page's focus() puts the keyboard back on the map once; the API only reads
// what is focused).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, settle } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const active = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

test("Tab goes through the map's controls and then leaves the canvas; Shift+Tab leaves at once", async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768 });
  try {
    // from the page: the skip link first, then the map
    await page.keyboard.press('Tab');
    assert.equal(await active(page), 'textview-open', 'the first Tab stop is the skip link');
    await page.keyboard.press('Tab');
    await settle(page);
    assert.equal(await active(page), 'canvas', 'the next stop is the map');
    const seen = new Set();
    let presses = 0;
    for (; presses < 200 && (await active(page)) === 'canvas'; presses++) {
      await page.keyboard.press('Tab');
      await settle(page);
      const f = (await page.evaluate(() => window.techmap.status())).focused;
      if (f) seen.add(f);
    }
    console.log(`left the canvas after ${presses} Tabs, through ${seen.size} named controls`);
    assert.notEqual(await active(page), 'canvas', `Tab leaves the canvas at the end of its controls (${presses} presses)`);
    assert.ok(seen.size >= 5, `Tab went through the map's controls first: ${[...seen].join(', ')}`);
    // back in, and Shift+Tab leaves at once
    await page.focus('#canvas');
    await page.keyboard.press('Shift+Tab');
    assert.notEqual(await active(page), 'canvas', 'Shift+Tab leaves the canvas');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
