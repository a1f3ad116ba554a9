// Who makes it: the firms behind the shares, as a visitor meets them — the search finds a firm and
// opens its input, the caption names the firm with its headquarters, the country's card lists its
// leading firms, the "why" and the CSV carry every firm row. Words checked against the core's own
// explanation (window.techmap.explain), never against numbers typed here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, settle, clickItem } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const texts = (page) => page.evaluate(() => window.techmap.uiTexts());

async function search(page, query) {
  await clickItem(page, 'tab-map');
  await clickItem(page, 'node');
  await page.keyboard.type(query);
  await settle(page);
  return (await texts(page))['node-first'];
}

test('search "ASML" reaches EUV lithography tools, and the caption names ASML with its headquarters', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N36' });
  try {
    const first = await search(page, 'ASML');
    assert.match(first, /^ASML \(the Netherlands\): EUV lithography tools 100%$/);
    await clickItem(page, 'node-first');
    await settle(page);
    assert.equal((await page.evaluate(() => window.techmap.scenario())).node, 'N20');
    const why = await page.evaluate(() => window.techmap.explain('N20'));
    assert.deepEqual(why.firms.map((f) => [f.holder, f.role, f.share, f.year]), [['ASML', 'Netherlands', 100, 2025]]);
    assert.ok(why.lines.some((l) => /headquartered there, not where their factories stand/.test(l)), 'the why says a share is by headquarters');
    assert.equal((await texts(page))['caption-firms'], 'ASML (the Netherlands) makes 100% (2025).');
    // the same words for the page's accessible view and the text view
    assert.equal((await page.evaluate(() => window.techmap.figures())).headline.firms, 'ASML (the Netherlands) makes 100% (2025).');
    assert.match(await page.evaluate(() => window.techmap.summary()), /ASML \(the Netherlands\) makes 100% \(2025\)\./);
    const csv = await page.evaluate(() => window.techmap.figuresCsv());
    assert.match(csv, /\r\nfirm,N20,ASML,share of world supply \(EUV lithography tools; headquarters: Netherlands\),100\.000,100\.000,%,2025,/);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('search finds Tokyo Electron, TSMC and SMIC, from another domain too, and says where', async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&d=rare_earths' });
  try {
    for (const firm of ['Tokyo Electron', 'TSMC', 'SMIC']) {
      const first = await search(page, firm);
      assert.ok(first.startsWith(`${firm} (`), `"${firm}" first: ${first}`);
      assert.ok(first.endsWith('(in Semiconductors (advanced logic chips))'), `a firm in another domain says where: ${first}`);
      await page.keyboard.press('Escape');
      await settle(page);
    }
    // a firm whose share the data does not give reads "share unknown", never 0%
    assert.match(await search(page, 'TSMC'), /Photomasks share unknown/);
    await clickItem(page, 'node-first');
    await settle(page);
    const s = await page.evaluate(() => window.techmap.scenario());
    assert.equal(s.node, 'N33');
    assert.match((await texts(page))['caption-firms'], /^Firms named, shares unknown/);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test("the Netherlands' card lists ASML and the inputs it leads", async () => {
  const { page, context, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N20' });
  try {
    await page.evaluate(() => window.techmap.setView(5, 52, 4.2, true));
    await settle(page);
    const world = JSON.parse(await (await fetch(env.url + 'data/world.json')).text());
    const c = world.countries.find((x) => x.id === 'NLD');
    const [x, y] = await page.evaluate(([lon, lat]) => window.techmap.screenOf(lon, lat), [c.lon, c.lat]);
    const nl = { x, y };
    assert.equal(await page.evaluate(([px, py]) => window.techmap.countryAt(px, py), [x, y]), 'NLD');
    await page.mouse.move(nl.x, nl.y);
    await settle(page);
    await page.mouse.move(nl.x + 1, nl.y);
    await settle(page);
    const card = (await texts(page))['card-firms'] || '';
    assert.match(card, /^ASML: EUV lithography tools 100% \(2025\)/, card);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
