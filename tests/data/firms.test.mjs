// The firm rows of the ETO provision table arrive in data/semiconductors.json: every row of a
// provider that is not a country, on its input, with its share (unknown stays null, never 0), its
// year and its headquarters' country. Checked against the ETO table itself where the shared
// facts are beside the project (../shared/data/eto-chip-explorer: the converter's input), and
// always against a held count and a held sample per input, so a converter that drops, rounds or
// moves firm rows fails here either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const ETO = path.resolve(ROOT, '..', 'shared', 'data', 'eto-chip-explorer');
const semis = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/semiconductors.json'), 'utf8'));
const nodes = semis.domains[0].nodes;
const firmRows = nodes.flatMap((n) => (n.firms || []).map((f) => ({ node: n.id, ...f })));
const key = (r) => `${r.node}|${r.name}|${r.year}|${r.share ?? 'unknown'}`;

test('the firm rows arrive: a held count and a held sample per input', () => {
  assert.equal(firmRows.length, 720, 'firm rows in data/semiconductors.json');
  assert.equal(new Set(firmRows.map((r) => r.name)).size, 282, 'firms named');
  const held = [
    ['N20', 'ASML', 'NLD', 100, 2025],
    ['N36', 'Applied Materials', 'USA', 41.2, 2025],
    ['N36', 'Tokyo Electron', 'JPN', 9.7, 2025],
    ['N36', 'Various companies', 'VAR', 5.1, 2025],
    ['N33', 'TSMC', 'TWN', null, 2019],
    ['N33', 'SMIC', 'CHN', null, 2019],
  ];
  for (const [node, name, country, share, year] of held) {
    const r = firmRows.find((x) => x.node === node && x.name === name);
    assert.ok(r, `${name} on ${node}`);
    assert.deepEqual([r.country, r.share ?? null, r.year], [country, share, year], `${name} on ${node}`);
  }
  // unknown is unknown: a firm without a share has none (a 0 is only a published 0)
  assert.ok(firmRows.filter((r) => r.share === undefined || r.share === null).length > 100);
  for (const r of firmRows) assert.ok(r.share === null || r.share === undefined || (r.share >= 0 && r.share <= 100), key(r));
});

test('every firm row of the ETO provision table is in the data, and no other', (t) => {
  if (!fs.existsSync(path.join(ETO, 'provision.csv'))) {
    t.skip(`the converter's input is not beside the project (${ETO}); the held count and sample above still check the rows`);
    return;
  }
  const read = (f) => parse(fs.readFileSync(path.join(ETO, f), 'utf8'), { columns: true, skip_empty_lines: true });
  const providers = new Map(read('providers.csv').map((p) => [p.provider_id, p]));
  const expected = read('provision.csv')
    .filter((r) => providers.get(r.provider_id).provider_type !== 'country')
    .map((r) => key({ node: r.provided_id, name: providers.get(r.provider_id).provider_name, year: +r.year,
                      share: r.share_provided === '' ? null : +r.share_provided }));
  assert.deepEqual(firmRows.map(key).sort(), expected.sort());
});
