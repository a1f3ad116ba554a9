// What readers see of the data (titles, notes, statuses, caveats, attributions) holds no internal
// note ("CHECK") and no file path, and a source on a weak host (an encyclopedia, a summary or
// trivia site, a local reprint) is marked weak, with the reason shown to the reader. The list of
// weak hosts is this test's own, so that the converter's list cannot shrink unseen.
// Run with the other data tests: node --test tests/data/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FILES = ['world.json', 'semiconductors.json', 'domains.json', 'measures.json'];
const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'data', f), 'utf8'));

export const WEAK_HOSTS = ['wikipedia.org', 'wikimili.com', 'britannica.com', 'courseon.ai', 'easterneye.biz', 'pentictonherald.ca',
  'factoftheday1.com', 'followthistrendingworld.com', 'page.ke'];
// keys whose values are identifiers, codes, dates or addresses, never words for readers
const NOT_WORDS = new Set(['id', 'format', 'version', 'url', 'source', 'sources', 'node', 'from', 'to', 'country', 'region',
  'issuer', 'targets', 'members', 'date', 'published', 'announced', 'inForce', 'ended', 'unknownFrom', 'kind', 'coverage', 'allBut']);

// every string a reader may see, with where it is
function words(value, at, out) {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => words(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!NOT_WORDS.has(k) && !k.startsWith('_')) words(v, `${at}.${k}`, out);
  return out;
}

const weakHost = (url) => {
  let host = '';
  try { host = new URL(url).host; } catch { return null; }
  return WEAK_HOSTS.find((h) => host === h || host.endsWith(`.${h}`)) || null;
};

test('a source on a weak host is marked weak, with the reason', () => {
  let seen = 0;
  for (const f of FILES)
    for (const s of read(f).sources || []) {
      const host = weakHost(s.url);
      if (!host) continue;
      seen++;
      assert.ok(typeof s.weak === 'string' && s.weak.length > 10, `${f} source ${s.id} (${host}) is not marked weak: ${s.title}`);
    }
  assert.ok(seen >= 4, `only ${seen} sources on weak hosts: the test would pass on nothing`);
});

test('the weak-host check fails on an unmarked weak source', () => {
  const s = { id: 'x', title: 'A page', url: 'https://en.wikipedia.org/wiki/Gallium' };
  assert.equal(weakHost(s.url), 'wikipedia.org');
  assert.equal(weakHost('https://pubs.usgs.gov/periodicals/mcs2026/'), null);
});

test('what readers see holds no CHECK and no file path', () => {
  const path_ = /(^|[\s(])(docs|shared|tools|data|src)\/[\w./-]+|\b[\w-]+\.(mjs|md|cpp|h)\b/;
  const bad = [];
  let n = 0;
  for (const f of FILES)
    for (const [at, text] of words(read(f), f, [])) {
      n++;
      if (/\bCHECK\b/.test(text)) bad.push(`${at}: CHECK in "${text.slice(0, 120)}"`);
      if (path_.test(text)) bad.push(`${at}: a file path in "${text.slice(0, 120)}"`);
    }
  assert.ok(n > 1000, `only ${n} strings read`);
  assert.deepEqual(bad, []);
});

test('the scan finds a CHECK and a path where they are', () => {
  const found = words({ title: 'x (CHECK: unpublished)', licence: { attribution: 'see shared/data/policy-timeline.md' }, id: 'CHECK' }, 'f', []);
  assert.deepEqual(found.map(([at]) => at), ['f.title', 'f.licence.attribution']);
});

test('every source a reader sees has an address or says it has none, and a date where the title gives one', () => {
  for (const f of FILES)
    for (const s of read(f).sources || []) {
      assert.ok(!s.url || /^https?:\/\/\S+$/.test(s.url), `${f} ${s.id}: bad address ${s.url}`);
      // a year that dates an event the title reports ("India's accession of December 2017") is not a publication date
      if (/\b(19|20)\d{2}\b/.test(s.title.replace(/accession of \w+ \d{4}/, ''))) assert.ok(s.published, `${f} ${s.id}: the title names a year but no publication date: ${s.title}`);
    }
});
