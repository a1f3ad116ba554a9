// The first minute of a visitor (issue 15), at a teacher's 1366x768, on the page's side: sources
// that read as words (no Markdown, no bare addresses, primaries rather than copies), a notice
// saying what a CSV or PNG download was, Escape closing the text view, and loading one's own
// dataset with the file picker or by dropping a file on the map (a good file, a bad one, one
// that is too large), with a visible drop hint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import { start, openApp, screenshot, settle, clickItem } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const TEACHER = { width: 1366, height: 768 };
const api = (page, fn, ...args) => page.evaluate(fn, ...args);
const notice = (page) => api(page, () => {
  const n = document.getElementById('notice');
  return n.hidden || getComputedStyle(n).display === 'none' ? '' : document.getElementById('notice-text').textContent;
});
async function noticeMatching(page, re, what) {
  await page.waitForFunction((src) => {
    const n = document.getElementById('notice');
    return !n.hidden && new RegExp(src).test(document.getElementById('notice-text').textContent);
  }, re.source, { timeout: 10000 }).catch(() => {});
  const text = await notice(page);
  assert.match(text, re, `${what}: the notice reads '${text}'`);
  return text;
}
// what makes a source title unreadable: Markdown links (whole or broken), bare addresses
// (brackets alone are fine: "MOFCOM/GAC announcement 23 [2023]")
const RAW = /\]\(|\[[^\]]*\]\(|https?:\/\/|www\./;
const COPY_HOST = /(^|\.)(github\.com|gitlab\.com|wikipedia\.org|wikimili\.com)$/;

// A tiny dataset that adds one alliance preset, and bad ones of each kind.
const GOOD = JSON.stringify({
  format: 'techmap-dataset/1', version: 'first-minute-1',
  sources: [{ id: 'fm1', title: 'A class exercise', url: 'https://example.org/' }],
  alliances: [{ id: 'CLASS', name: 'Our class group', snapshots: [{ year: 2024, members: ['USA', 'JPN', 'NLD'], source: 'fm1' }] }],
});
const UNKNOWN_COUNTRY = JSON.stringify({
  format: 'techmap-dataset/1', version: 'first-minute-bad', sources: [{ id: 's', title: 'mine' }],
  domains: [{ id: 'x', name: 'X', nodes: [{ id: 'a', name: 'A', kind: 'tool', shares: [{ country: 'ZZZ', share: 5, year: 2024, source: 's' }] }], edges: [] }],
});
const WRONG_FORMAT = JSON.stringify({ format: 'other-format/2', items: [] });
const NOT_JSON = 'Country,Share\nUSA,40\n';

test('source titles read as words everywhere a visitor meets them: no Markdown, no bare addresses, no copies', async () => {
  const { page, context, errors } = await openApp(env, TEACHER);
  try {
    // every source record of the default data
    const records = await api(page, () => Promise.all(['world', 'semiconductors', 'domains', 'measures']
      .map((f) => fetch(`data/${f}.json`).then((r) => r.json()).then((d) => (d.sources || []).map((s) => ({ file: f, ...s }))))));
    const all = records.flat();
    assert.ok(all.length > 40, `${all.length} source records`);
    for (const s of all) {
      assert.doesNotMatch(s.title, RAW, `${s.file} ${s.id}: the title '${s.title}'`);
      if (s.url === undefined) continue;
      assert.match(s.url, /^https?:\/\/\S+$/, `${s.file} ${s.id}: url is one address: '${s.url}'`);
      assert.doesNotMatch(new URL(s.url).host, COPY_HOST, `${s.file} ${s.id}: cites a copy (${s.url}), not the primary`);
      assert.doesNotMatch(s.title, /copy in GitHub|markdown copy/i, `${s.file} ${s.id}: '${s.title}'`);
    }
    // the ETO chart sources that were Markdown keep their publishers' names and an address
    const sia = all.find((s) => /^Semiconductor Industry Association \(SIA\) and World Semiconductor Trade Statistics \(WSTS\)/.test(s.title));
    assert.ok(sia && /^https:\/\/perma\.cc\//.test(sia.url), 'SIA and WSTS, with the address in url');
    assert.ok(all.some((s) => /^CSET, "The Semiconductor Supply Chain: Assessing National Competitiveness" \(2021\) \(citing SEMI\)$/.test(s.title)));

    // what the page shows: each domain's figures and the node explanations, the CSV, the text view
    const domains = ['semiconductors', 'rare_earths', 'chip_materials', 'ran', 'ai', 'chip_demand'];
    let nodes = 0;
    for (const domain of domains) {
      await api(page, (d) => window.techmap.setScenario({ domain: d }), domain);
      const shown = await api(page, () => {
        const f = window.techmap.figures();
        return f.nodes.map((n) => ({ id: n.id, sources: n.sources || '', why: window.techmap.explain(n.id).lines.filter((l) => /^Source/.test(l)).join(' | ') }));
      });
      assert.ok(shown.length > 0, `${domain}: nodes`);
      for (const n of shown) {
        nodes++;
        assert.doesNotMatch(n.sources, RAW, `${domain}/${n.id}: sources '${n.sources}'`);
        assert.doesNotMatch(n.why, RAW, `${domain}/${n.id}: explanation '${n.why}'`);
      }
      const rows = parseCsv(await api(page, () => window.techmap.figuresCsv()), { columns: true });
      for (const r of rows) assert.doesNotMatch(r.source || '', RAW, `${domain} CSV ${r.record} ${r.id}: '${r.source}'`);
    }
    console.log(`${all.length} source records, ${nodes} nodes' sources and explanations read as words`);
    await api(page, () => window.techmap.setScenario({ domain: 'semiconductors' }));
    await settle(page);
    await clickItem(page, 'text-view');
    const cells = await api(page, () => [...document.querySelectorAll('#figures-table tbody tr')].map((r) => r.lastElementChild.textContent));
    assert.ok(cells.length > 50, `${cells.length} rows in the text view's table`);
    for (const c of cells) assert.doesNotMatch(c, RAW, `text view source cell '${c}'`);
    assert.ok(cells.some((c) => /Semiconductor Industry Association \(SIA\)/.test(c)));
    await screenshot(page, 'first-minute-sources');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a CSV or PNG download says what was downloaded and its file name', async () => {
  const { page, context, errors } = await openApp(env, { ...TEACHER, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    assert.equal(await notice(page), '', 'no notice before');
    const [csv] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'export-csv')]);
    const csvName = csv.suggestedFilename();
    assert.match(csvName, /^techmap-figures-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await noticeMatching(page, /^Downloaded techmap-figures-\d{4}-\d{2}-\d{2}\.csv \(every figure of this scenario/, 'after the CSV');
    assert.ok(text.includes(csvName), `the notice names the file: '${text}'`);
    assert.ok(await page.isVisible('#notice-text'), 'the notice is on screen');
    await screenshot(page, 'first-minute-csv-notice');
    const [png] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'export-png')]);
    const pngName = png.suggestedFilename();
    assert.match(pngName, /^techmap-\d{4}-\d{2}-\d{2}\.png$/);
    const t2 = await noticeMatching(page, /^Downloaded techmap-\d{4}-\d{2}-\d{2}\.png \(the map with its title/, 'after the PNG');
    assert.ok(t2.includes(pngName));
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('Escape closes the text view and gives the keys back to the map', async () => {
  const { page, context, errors } = await openApp(env, TEACHER);
  try {
    const state = () => api(page, () => ({ shown: document.getElementById('textview').classList.contains('shown'),
      hidden: document.getElementById('textview').classList.contains('visually-hidden'), focus: document.activeElement && document.activeElement.id }));
    // the page's skip button "Show the scenario as text and a table", by keyboard
    await page.focus('#textview-open');
    await page.keyboard.press('Enter');
    assert.deepEqual(await state(), { shown: true, hidden: false, focus: 'textview-close' });
    const story = await api(page, () => window.techmap.story().step);
    await page.keyboard.press('Escape');
    assert.deepEqual(await state(), { shown: false, hidden: true, focus: 'canvas' });
    assert.equal(await api(page, () => window.techmap.story().step), story, 'the Escape went to the text view, not the map');
    // the panel's "Text view" button
    await clickItem(page, 'text-view');
    assert.equal((await state()).shown, true);
    assert.equal(await api(page, () => document.getElementById('textview').scrollTop), 0, 'the text view opens at its top');
    await page.keyboard.press('Escape');
    assert.deepEqual(await state(), { shown: false, hidden: true, focus: 'canvas' });
    // the keys reach the map again: the app still answers
    assert.ok(await api(page, () => window.techmap.ready()));
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// A click on the open sea (a user's gesture: a file picker opens only after one)
async function clickSea(page) {
  const spot = await api(page, () => {
    const items = window.techmap.uiItems();
    const inside = (x, y) => Object.values(items).some((r) => Array.isArray(r) && x >= r[0] - 4 && x <= r[2] + 4 && y >= r[1] - 4 && y <= r[3] + 4);
    for (const [lon, lat] of [[-150, -30], [-30, -35], [80, -35], [-140, 10], [160, -45]]) {
      const [x, y] = window.techmap.screenOf(lon, lat);
      if (x > 0 && y > 0 && x < innerWidth && y < innerHeight && !inside(x, y) && window.techmap.countryAt(x, y) === '') return [x, y];
    }
    return null;
  });
  assert.ok(spot, 'a spot of open sea on screen');
  await page.mouse.click(spot[0], spot[1]);
}

test('a dataset file chosen with the file picker is loaded; a bad one is refused and the data kept', async () => {
  const { page, context, errors } = await openApp(env, TEACHER);
  try {
    const v0 = (await api(page, () => window.techmap.status())).dataVersion;
    assert.equal(await api(page, () => document.getElementById('dataset-file').accept), '.json,application/json');
    // the panel's "load-dataset" action opens the picker: its button, or (a panel without it)
    // the action after a click on the map, a user's gesture as a picker needs
    const opened = page.waitForEvent('filechooser', { timeout: 10000 });
    const how = await clickItem(page, 'load-dataset').then(() => 'the panel\'s button', async (e) => {
      if (!/no control named/.test(e.message)) throw e;
      await clickSea(page);
      await api(page, () => window.techmap.action('load-dataset'));
      return 'the action';
    });
    const chooser = await opened;
    console.log(`the file picker opened from ${how}`);
    assert.equal(chooser.isMultiple(), false);
    await chooser.setFiles({ name: 'class-group.json', mimeType: 'application/json', buffer: Buffer.from(GOOD) });
    await noticeMatching(page, /^Loaded class-group\.json: 1 alliance preset \(Our class group\) \(version first-minute-1\)/, 'a good file');
    const v1 = (await api(page, () => window.techmap.status())).dataVersion;
    assert.notEqual(v1, v0, 'the data version changes');
    assert.match(v1, /first-minute-1/);
    await settle(page);
    await screenshot(page, 'first-minute-picker-loaded');

    // bad files through the same input: the loader's message, the data kept
    const bad = [
      ['no-such-country.json', UNKNOWN_COUNTRY, /^no-such-country\.json was not loaded, and the previous data is kept:\nno-such-country\.json: .*unknown country code 'ZZZ'/],
      ['shares.csv', NOT_JSON, /^shares\.csv was not loaded, and the previous data is kept:\nshares\.csv: \(file\): JSON syntax error at line 1/],
      ['other.json', WRONG_FORMAT, /^other\.json was not loaded, and the previous data is kept:\nother\.json: \(top level\): unsupported format/],
    ];
    for (const [name, text, re] of bad) {
      await page.setInputFiles('#dataset-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await noticeMatching(page, re, name);
      assert.equal((await api(page, () => window.techmap.status())).dataVersion, v1, `${name}: the data version stays`);
      assert.deepEqual((await api(page, () => window.techmap.scenario())).dataVersion, v1, `${name}: the scenario still answers`);
    }
    await settle(page);
    await screenshot(page, 'first-minute-picker-refused');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// Drags files over the map, or drops them on it, as synthetic events carrying a DataTransfer.
// `files`: [{name, text}] or [{name, size}] (that many zero bytes)
const dragEvents = (page, types, files) => api(page, ([types, files]) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.text !== undefined ? f.text : new Uint8Array(f.size)], f.name, { type: 'application/json' }));
  const canvas = document.getElementById('canvas');
  return types.map((type) => canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, clientX: 700, clientY: 400 })));
}, [types, files]);
const hint = (page) => api(page, () => {
  const h = document.getElementById('drop-hint');
  const r = h.getBoundingClientRect();
  return { visible: !h.hidden && getComputedStyle(h).display !== 'none', width: r.width, height: r.height, text: h.textContent };
});

test('a dataset file dropped on the map is loaded, with a drop hint; a bad or too large one is refused', async () => {
  const { page, context, errors } = await openApp(env, TEACHER);
  try {
    const v0 = (await api(page, () => window.techmap.status())).dataVersion;
    assert.equal((await hint(page)).visible, false, 'no hint before a drag');
    // dragging a file over the map: the hint covers it, and the drop will be taken (not the
    // browser's default of opening the file in place of the map)
    const taken = await dragEvents(page, ['dragenter', 'dragover'], [{ name: 'class-group.json', text: GOOD }]);
    assert.deepEqual(taken, [false, false], 'dragenter and dragover are taken (default prevented)');
    const h = await hint(page);
    assert.equal(h.visible, true, 'the drop hint shows');
    assert.ok(h.width > 1300 && h.height > 700, `over the whole map (${h.width}x${h.height})`);
    assert.match(h.text, /Drop a dataset file/);
    await screenshot(page, 'first-minute-drop-hint');
    await dragEvents(page, ['drop'], [{ name: 'class-group.json', text: GOOD }]);
    await noticeMatching(page, /^Loaded class-group\.json: 1 alliance preset \(Our class group\)/, 'a dropped good file');
    assert.equal((await hint(page)).visible, false, 'the hint goes with the drop');
    const v1 = (await api(page, () => window.techmap.status())).dataVersion;
    assert.notEqual(v1, v0);
    assert.match(v1, /first-minute-1/);

    // too large: refused before it is read
    await dragEvents(page, ['dragenter', 'dragover', 'drop'], [{ name: 'huge.json', size: 4 * 1024 * 1024 + 1 }]);
    await noticeMatching(page, /^huge\.json was not loaded: it is just over 4 MB, and a dataset file may be at most 4 MB\. The previous data is kept\.$/, 'too large');
    await dragEvents(page, ['drop'], [{ name: 'huger.json', size: 6 * 1024 * 1024 }]);
    await noticeMatching(page, /^huger\.json was not loaded: it is 6\.0 MB/, 'too large');
    // not JSON, the wrong format, an unknown country: the loader's message
    for (const [name, text, re] of [
      ['picture.png', '\x89PNG\r\n\x1a\n', /^picture\.png was not loaded, and the previous data is kept:\npicture\.png: \(file\): JSON syntax error/],
      ['other.json', WRONG_FORMAT, /^other\.json was not loaded, and the previous data is kept:\nother\.json: \(top level\): unsupported format/],
      ['no-such-country.json', UNKNOWN_COUNTRY, /unknown country code 'ZZZ'/],
    ]) {
      await dragEvents(page, ['drop'], [{ name, text }]);
      await noticeMatching(page, re, name);
    }
    // a file name with markup, and too long: text, cut, never markup
    const longName = '<img src=x onerror=alert(1)>' + 'a'.repeat(100) + '.json';
    await dragEvents(page, ['drop'], [{ name: longName, text: WRONG_FORMAT }]);
    const said = await noticeMatching(page, /^<img src=x onerror=alert\(1\)>a+… was not loaded/, 'a name with markup');
    assert.equal(said.split(' was not loaded')[0].length, 78, 'the name cut to 80 characters or less');
    assert.equal(await api(page, () => document.querySelectorAll('#notice img').length), 0, 'no markup from the name');
    // two files at once: neither is loaded
    await dragEvents(page, ['drop'], [{ name: 'a.json', text: GOOD }, { name: 'b.json', text: GOOD }]);
    await noticeMatching(page, /^Drop one dataset file at a time: 2 were dropped, and none was loaded\.$/, 'two files');
    assert.equal((await api(page, () => window.techmap.status())).dataVersion, v1, 'the data version changed only on success');
    const s = await api(page, () => window.techmap.scenario());
    assert.equal(s.dataVersion, v1, 'the scenario still answers');
    await settle(page);
    await screenshot(page, 'first-minute-drop-refused');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
