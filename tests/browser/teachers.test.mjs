// The teachers' guide (web/teachers.html, served at /web/teachers.html): it is served with the
// site and every link on it leads somewhere; each link to a scenario opens the app on what it
// promises (no notice, the members, target, input, date and mode it asks for, the core's figures,
// and the figures its answers quote, kept beside each link as data-check); the words it quotes
// from the app are the app's; and it prints on at most two A4 pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, settle, screenshot, coreFigures, firstDifference, SITE, OUT } from './browser.mjs';

const GUIDE = 'web/teachers.html';
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// The guide in a fresh context, with what it logged and requested.
async function openGuide({ width = 1024, height = 800 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(env.url + GUIDE);
  return { page, context, errors, requests, response };
}
const linksOf = (page) => page.$$eval('a[href]', (as) => as.map((a, i) => ({
  i, href: a.getAttribute('href'), url: a.href, text: a.textContent.replace(/\s+/g, ' ').trim(), check: a.dataset.check || '' })));
// a link to a scenario of the app: relative to the guide, "../#v1&..."
const isScenario = (l) => l.href.startsWith('../#');

test('the guide is served at /web/teachers.html, is well formed, and every link on it resolves', async () => {
  const { page, context, errors, requests, response } = await openGuide();
  try {
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok((await page.title()).length > 10, 'a title');
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => ({ level: +h.tagName[1], text: h.textContent.trim() })));
    assert.equal(headings.filter((h) => h.level === 1).length, 1, 'one h1');
    assert.equal(headings[0].level, 1, 'the h1 comes first');
    for (let k = 1; k < headings.length; k++)
      assert.ok(headings[k].level <= headings[k - 1].level + 1, `heading "${headings[k].text}" skips a level`);
    const links = await linksOf(page);
    assert.ok(links.filter(isScenario).length >= 3, 'three lessons, each a link to the app');
    assert.ok(links.some((l) => l.href === '../'), 'a link back to the app');
    for (const l of links) {
      assert.ok(l.text.length >= 8 && !/^(here|click here|link|more|this)$/i.test(l.text), `link text says where it goes: "${l.text}"`);
      const u = new URL(l.url);
      if (u.origin === new URL(env.url).origin) {
        const r = await context.request.get(u.origin + u.pathname + u.search);
        assert.equal(r.status(), 200, `${l.href} answers 200`);
        if (isScenario(l)) assert.equal(u.origin + u.pathname, env.url, `${l.href} opens the app's page`);
      } else {
        // outside links are not fetched (the tests request nothing outside the machine): well formed, https
        assert.equal(u.protocol, 'https:', `${l.href}: https`);
      }
    }
    // nothing requested outside the site; no error (a blocked request would log one under the page's CSP)
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.url)), [], 'no request outside the site');
    assert.deepEqual(errors, []);
    // readable: text against its background at least 4.5:1 (WCAG AA), on screen
    const worst = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((s, v, k) => s + v * [0.2126, 0.7152, 0.0722][k], 0);
      const bg = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
      let min = { ratio: 99 };
      for (const el of document.querySelectorAll('h1, h2, h3, p, li, th, td, a, code, .answer, .ui, footer')) {
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < min.ratio) min = { ratio, text: el.textContent.slice(0, 40) };
      }
      return min;
    });
    assert.ok(worst.ratio >= 4.5, `contrast ${worst.ratio.toFixed(2)}:1 for "${worst.text}"`);
    await screenshot(page, 'teachers-guide');
  } finally { await context.close(); }
});

// What a link asks for, read from its fragment: members (m, or the preset a=ID@YEAR from the data),
// target, input, domain, date and what is denied.
function asked(hash) {
  const q = new Map(hash.slice(1).split('&').slice(1).map((kv) => { const k = kv.indexOf('='); return [kv.slice(0, k), decodeURIComponent(kv.slice(k + 1))]; }));
  const want = {};
  if (q.has('m')) want.members = q.get('m').split(',').filter(Boolean).sort();
  if (q.has('a')) {
    const [id, year] = q.get('a').split('@');
    const world = JSON.parse(fs.readFileSync(path.join(SITE, 'data/world.json'), 'utf8'));
    const preset = world.alliances.find((a) => a.id === id);
    assert.ok(preset, `preset ${id} in the data`);
    const snap = preset.snapshots.find((s) => String(s.year) === year) || preset.snapshots.at(-1);
    want.members = [...snap.members].sort();
  }
  if (q.has('t')) want.target = q.get('t');
  if (q.has('n')) want.node = q.get('n');
  if (q.has('d')) want.domain = q.get('d');
  if (q.has('date')) want.date = q.get('date');
  want.denyMode = q.get('dm') || 'all';
  if (q.has('l')) want.layer = q.get('l');
  return want;
}
// "N20.targetAccess=0,0; summary.chokePoints=56": figures the guide's words quote
function checkQuoted(f, check, where) {
  for (const part of check.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [key, values] = part.split('=');
    const [record, field] = key.split('.');
    const at = record === 'summary' ? f.summary : f.nodes.find((n) => n.id === record);
    assert.ok(at, `${where}: ${record} among the figures`);
    const got = [].concat(at[field]);
    const want = values.split(',').map(Number);
    assert.equal(got.length, want.length, `${where}: ${key} is ${JSON.stringify(at[field])}`);
    want.forEach((w, k) => assert.ok(Math.abs(got[k] - w) <= 0.05, `${where}: ${key} is ${JSON.stringify(at[field])}, the guide says ${values}`));
  }
}

test("each lesson link opens the app on the scenario it promises, with the core's figures", async () => {
  const { page: guide, context: guideContext } = await openGuide();
  const links = (await linksOf(guide)).filter(isScenario);
  await guideContext.close();
  for (const l of links) {
    const hash = l.href.slice(l.href.indexOf('#'));
    const where = `"${l.text}" (${hash})`;
    // as a teacher does: the guide, then a click on the link
    const { page, context, errors } = await openGuide({ width: 1366, height: 768 });
    try {
      const opened = [];
      page.on('framenavigated', (f) => { if (f === page.mainFrame()) opened.push(f.url()); });
      await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click(`a[href="${l.href}"]`)]);
      await page.waitForFunction(() => window.techmap && window.techmap.ready(), null, { timeout: 30000 });
      await settle(page);
      assert.equal(opened[0], env.url + hash, `${where}: the click opens the app with the link`);
      const notice = await page.evaluate(() => document.getElementById('notice').hidden ? '' : document.getElementById('notice-text').textContent);
      assert.equal(notice, '', `${where}: no notice`);
      const status = await page.evaluate(() => window.techmap.status());
      assert.equal(status.loaded, true);
      assert.equal(status.loadMessage, '', `${where}: no load message`);
      const shown = await page.evaluate(() => window.techmap.figures());
      const { comparison, ...own } = shown;
      const diff = firstDifference(own, coreFigures(shown.scenario));
      assert.equal(diff, null, `${where}: the page's figures differ from the core's: ${diff}`);
      // the scenario the link asked for
      const want = asked(hash), s = shown.scenario;
      if (want.members) assert.deepEqual([...s.members].sort(), want.members, `${where}: members`);
      if (want.target) assert.equal(s.target, want.target, `${where}: target`);
      if (want.node) assert.equal(s.node, want.node, `${where}: input`);
      if (want.domain) assert.equal(s.domain, want.domain, `${where}: domain`);
      if (want.date) assert.equal(s.date, want.date, `${where}: date`);
      assert.equal(s.denyMode, want.denyMode, `${where}: what is denied`);
      if (want.layer) assert.equal(status.layer, want.layer, `${where}: the map's colouring`);
      // meaningful: the input has shares, the caption says who makes it
      const node = shown.nodes.find((n) => n.id === s.node);
      assert.ok(node && node.hasShares && node.targetAccess.every((v) => typeof v === 'number'), `${where}: the input has figures`);
      const texts = await page.evaluate(() => window.techmap.uiTexts());
      assert.match(texts['caption-title'] || '', /makes \d/, `${where}: the caption says who makes it`);
      // what the guide's answers quote
      assert.ok(l.check, `${where}: the guide says which figures its answers quote (data-check)`);
      checkQuoted(shown, l.check, where);
      await screenshot(page, `teachers-link-${l.i}`);
      assert.deepEqual(errors, [], `${where}: no error`);
    } finally { await context.close(); }
  }
});


test("the app's words the guide quotes are the app's", async () => {
  const { page, context } = await openGuide();
  try {
    const words = [...new Set(await page.$$eval('.ui', (es) => es.map((e) => e.textContent.replace(/\s+/g, ' ').trim())))];
    assert.ok(words.length >= 10);
    // the app's strings: the WebAssembly (the UI), the page and its script, the data (inputs' names)
    const files = ['techmap.wasm', 'index.html', 'web/app.js', 'data/semiconductors.json', 'data/domains.json'];
    const app = files.map((f) => fs.readFileSync(path.join(SITE, f)).toString('latin1')).join('\n');
    const utf8 = (w) => Buffer.from(w, 'utf8').toString('latin1');
    const missing = words.filter((w) => !app.includes(utf8(w)));
    assert.deepEqual(missing, [], 'words the guide puts in the app\'s mouth');
  } finally { await context.close(); }
});

test('printed on A4 it takes at most two pages, without backgrounds, with the links written out', async () => {
  // a viewport as wide as A4 less its margins (180 mm at 96 px per inch): what the printed lines get
  const { page, context } = await openGuide({ width: 680, height: 960 });
  try {
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => {
      const out = { backgrounds: [], after: getComputedStyle(document.querySelector('a.open'), '::after').content,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      for (const el of document.querySelectorAll('*')) {
        const c = getComputedStyle(el).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent' && c !== 'rgb(255, 255, 255)') out.backgrounds.push(el.tagName + ' ' + c);
      }
      return out;
    });
    assert.deepEqual(look.backgrounds, [], 'no background colours in print');
    assert.match(look.after, /attr\(href\)|\.\.\/#v1/, 'the links\' addresses follow them in print');
    assert.ok(look.overflow <= 0, `nothing wider than the printed page (${look.overflow} px over)`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'teachers-guide.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
    console.log(`teachers' guide printed on A4: ${pages} page(s)`);
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  } finally { await context.close(); }
});
