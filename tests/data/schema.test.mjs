// The data's format has one written definition, data/dataset.schema.json (JSON Schema 2020-12):
// every default data file must follow it, and files that break it in the ways the loader refuses
// must break it too, so that the schema and the loader (src/core/dataset_*.cpp) cannot drift apart
// unseen. Run by the test command with the browser tests (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/dataset.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const DATA = fs.readdirSync(path.join(ROOT, 'data')).filter((f) => f.endsWith('.json') && f !== 'dataset.schema.json' && f !== 'story.json');

test('every default data file follows data/dataset.schema.json', () => {
  assert.ok(DATA.length >= 4, `data files: ${DATA.join(', ')}`);
  for (const f of DATA) {
    const ok = validate(JSON.parse(fs.readFileSync(path.join(ROOT, 'data', f), 'utf8')));
    assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
  }
});

test('files the loader refuses for their shape break the schema too', () => {
  const bad = {
    'no format': { version: 'x' },
    'another format': { format: 'techmap-dataset/2' },
    'a share that is text': { format: 'techmap-dataset/1', domains: [{ id: 'd', name: 'D', nodes: [{ id: 'n', name: 'N', kind: 'tool',
      shares: [{ country: 'USA', share: '40', year: 2023, source: 's' }] }], edges: [] }] },
    'a country code that is not three letters': { format: 'techmap-dataset/1', countries: [{ id: 'US', name: 'United States', lat: 39, lon: -98 }] },
  };
  // editions (a node's figures of other years or sources): the loader refuses each of these
  const row = (year) => ({ country: 'USA', share: 40, year, source: 's' });
  const withEdition = (edition, shares = [row(2023)]) => ({ format: 'techmap-dataset/1', domains: [{ id: 'd', name: 'D',
    nodes: [{ id: 'n', name: 'N', kind: 'tool', shares, editions: [edition] }], edges: [] }] });
  const good = { year: 2025, published: '2026-02-06', label: 'USGS MCS 2026', shares: [row(2025)] };
  assert.ok(validate(withEdition(good)), `a good edition fails the schema: ${ajv.errorsText(validate.errors)}`);
  assert.ok(validate(withEdition({ ...good, published: '2025-11' })), 'a month as the publication date fails the schema');
  const { label, ...noLabel } = good;
  const { published, ...noDate } = good;
  const { shares, ...noShares } = good;
  Object.assign(bad, {
    'an edition without a label': withEdition(noLabel),
    'an edition with an empty label': withEdition({ ...good, label: '' }),
    'an edition without a publication date': withEdition(noDate),
    'an edition published "Feb 2026"': withEdition({ ...good, published: 'Feb 2026' }),
    'an edition without shares': withEdition(noShares),
    'an edition with no rows': withEdition({ ...good, shares: [] }),
    'editions on a node without shares of its own': withEdition(good, []),
    'an indicator value published "2025/11"': { format: 'techmap-dataset/1', indicators: [{ id: 'i', name: 'I', unit: 'u',
      values: [{ country: 'USA', value: 1, year: 2022, source: 's', published: '2025/11' }] }] },
  });
  for (const [what, file] of Object.entries(bad)) assert.equal(validate(file), false, `${what} passes the schema`);
});
