// The method as a page of the site (docs/model.md, built into web/model.html by tools/model-page.mjs):
// served with the site, well formed, in the teachers' guide's style, with no file path a reader
// would meet; the About window opens it in a new tab; the converter refuses a text with a path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { start, openApp, clickItem, screenshot, ROOT } from './browser.mjs';

const PAGE = 'web/model.html';
// what a repository path looks like (the converter's own test, repeated here on what is served)
const PATH = /\b(?:src|tests|docs|data|tools|web|shared)\/[\w.-]+(?:\/[\w.-]+)*/;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the method is served at /web/model.html: one h1, its sections, tables, no file path, a way back to the map', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  try {
    const response = await page.goto(env.url + PAGE);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.title(), /^Techno-alliance map: /);
    const headings = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => ({ level: +h.tagName[1], text: h.textContent.trim() })));
    assert.equal(headings.filter((h) => h.level === 1).length, 1, 'one h1');
    assert.equal(headings[0].level, 1, 'the h1 comes first');
    for (let k = 1; k < headings.length; k++)
      assert.ok(headings[k].level <= headings[k - 1].level + 1, `heading "${headings[k].text}" skips a level`);
    // the model's own sections, converted (not the markdown as text)
    const text = await page.evaluate(() => document.body.innerText);
    for (const h of ['Definitions', 'Worked example']) assert.ok(headings.some((x) => x.text.startsWith(h)), `a section "${h}"`);
    assert.ok((await page.$$('main table')).length >= 2, 'the worked examples as tables');
    assert.doesNotMatch(text, /^#{1,4} |\|---/m, 'no markdown left as text');
    assert.match(text, /Shapley/);
    const source = fs.readFileSync(path.join(ROOT, 'docs/model.md'), 'utf8');
    assert.ok(text.includes(source.match(/^# (.+)$/m)[1]), 'the title is the model\'s');
    // nothing a reader has no use for
    assert.doesNotMatch(text, PATH, 'no file path of the repository');
    assert.doesNotMatch(text, /\bCHECK\b/);
    // the way back, and the house style (the guide's colours and width)
    const back = await page.$$eval('a[href="../"]', (as) => as.length);
    assert.ok(back >= 1, 'a link back to the map');
    const style = await page.evaluate(() => ({ maxWidth: getComputedStyle(document.body).maxWidth, link: getComputedStyle(document.querySelector('a')).color }));
    assert.equal(style.maxWidth, '768px', 'the guide\'s measure (48rem)');
    assert.equal(style.link, 'rgb(10, 79, 158)', 'the guide\'s link colour');
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.url)), [], 'no request outside the site');
    assert.deepEqual(errors, []);
    await screenshot(page, 'model-page');
  } finally {
    await context.close();
  }
});

test('About opens the method in a new tab', async () => {
  const { page, context, errors } = await openApp(env, { width: 1280, height: 720, hash: '#v1&m=JPN,NLD,USA' });
  try {
    await clickItem(page, 'about');
    assert.ok((await page.evaluate(() => window.techmap.uiItems()))['about-model'], 'About has the link to the method');
    const [tab] = await Promise.all([context.waitForEvent('page'), clickItem(page, 'about-model')]);
    await tab.waitForLoadState();
    assert.equal(new URL(tab.url()).pathname, '/' + PAGE);
    assert.equal((await tab.$$('h1')).length, 1);
    await tab.close();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the converter refuses a method that would show a file path', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-page-'));
  try {
    const md = path.join(dir, 'model.md'), out = path.join(dir, 'model.html');
    const run = () => spawnSync(process.execPath, [path.join(ROOT, 'tools/model-page.mjs'), md, path.join(ROOT, 'web/teachers.html'), out], { encoding: 'utf8' });
    fs.writeFileSync(md, '# The model\n\nComputed by `src/core/figures.cpp`.\n');
    let r = run();
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /src\/core\/figures\.cpp/);
    assert.ok(!fs.existsSync(out), 'no page written');
    fs.writeFileSync(md, '# The model\n\nComputed by the core.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /<table>/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
