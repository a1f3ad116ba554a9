// eto-to-dataset.mjs — build the app's default datasets from the reference data.
//
//   node tools/eto-to-dataset.mjs [--shared ../shared/data] [--out data]
//
// Writes
//   data/world.json          countries (ISO 3166-1 alpha-3, name, label point), regions, alliance
//                            presets and macro indicators (from shared/data/sourced-figures.md)
//   data/semiconductors.json the ETO Advanced Semiconductor Supply Chain Dataset as one domain
//                            (CC BY-NC 4.0, Georgetown CSET / Emerging Technology Observatory)
//
// Treatment of the ETO quirks (see data/README.md for the reasoning):
//   * empty share on a country row  -> "share": null   (known supplier, unknown share)
//   * region rows (EUR, "Various countries") -> shares held by a region, never by a country
//   * firm rows -> kept per node as "firms" (for the "why"), never summed into country shares
//   * sums over 100 from rounding   -> kept as published; the core normalises and says so
//   * "is a type of" -> an edge of type "type_of"; the parent keeps its own published shares
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shared = path.resolve(opt('--shared', path.join(root, '..', 'shared', 'data')));
const outDir = path.resolve(opt('--out', path.join(root, 'data')));
const etoDir = path.join(shared, 'eto-chip-explorer');

function readCsv(file) {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}
function die(msg) { console.error(`eto-to-dataset: ${msg}`); process.exit(1); }

// ---- countries ------------------------------------------------------------------------------
const wc = require('world-countries/countries.json');
const countries = wc
  .filter(c => /^[A-Z]{3}$/.test(c.cca3) && c.cca3 !== 'UNK')
  .map(c => ({ id: c.cca3, name: c.name.common, lat: +c.latlng[0].toFixed(2), lon: +c.latlng[1].toFixed(2) }))
  .sort((a, b) => a.id.localeCompare(b.id));
const countryIds = new Set(countries.map(c => c.id));
const europe = wc.filter(c => c.region === 'Europe' && countryIds.has(c.cca3)).map(c => c.cca3).sort();

const regions = [
  { id: 'EUR', name: 'Europe (unspecified countries)', members: europe,
    note: 'ETO region row: a share held by European firms without a country breakdown.' },
  { id: 'VAR', name: 'Various countries', members: ['*'],
    note: 'ETO row "Various countries": a share held by countries not named; any country may be among them.' },
];

// ---- sources table (deduplicated) ------------------------------------------------------------
const sources = [];
const sourceIndex = new Map();
function sourceId(title, url, extra = {}) {
  const key = `${title}\u0000${url || ''}`;
  if (!sourceIndex.has(key)) {
    const id = `s${sources.length + 1}`;
    sources.push({ id, title, ...(url ? { url } : {}), ...extra });
    sourceIndex.set(key, id);
  }
  return sourceIndex.get(key);
}

// ---- sourced-figures.md: CSV blocks -----------------------------------------------------------
const md = fs.readFileSync(path.join(shared, 'sourced-figures.md'), 'utf8');
const figureRows = [];
for (const m of md.matchAll(/```csv\n([\s\S]*?)```/g)) {
  for (const r of parse(m[1], { columns: true, skip_empty_lines: true, relax_column_count: true })) figureRows.push(r);
}
if (!figureRows.length) die('no CSV blocks found in sourced-figures.md');

// alliance presets
const presetMeta = {
  G7: { name: 'G7', kind: 'grouping' },
  D10_UK_proposal: { id: 'D10', name: 'D10 (UK proposal, 2020)', kind: 'proposal' },
  T12_CNAS_proposal: { id: 'T12', name: 'T-12 techno-democracies (proposal, 2020)', kind: 'proposal' },
  Quad: { name: 'Quad', kind: 'grouping' },
  Chip4: { name: 'Chip 4 / Fab 4', kind: 'grouping', note: 'Did not exist in 2021 (proposed 2022).' },
  EU27: { id: 'EU27', name: 'EU-27', kind: 'grouping' },
  FiveEyes: { name: 'Five Eyes', kind: 'grouping' },
  NATO: { name: 'NATO', kind: 'grouping' },
  Wassenaar: { name: 'Wassenaar Arrangement', kind: 'export-control regime',
               note: 'Russia is formally still a participating state.' },
};
const alliances = new Map();
for (const r of figureRows.filter(r => r.domain === 'membership' && r.value === '1')) {
  const meta = presetMeta[r.item];
  if (!meta) die(`unknown membership item ${r.item}`);
  const id = meta.id || r.item;
  if (!alliances.has(id)) alliances.set(id, { id, name: meta.name, kind: meta.kind, ...(meta.note ? { note: meta.note } : {}), snapshots: new Map() });
  const a = alliances.get(id);
  const year = +r.year;
  if (!a.snapshots.has(year)) a.snapshots.set(year, { year, members: [], source: sourceId(r.source_title, r.source_url) });
  if (!countryIds.has(r.country_iso3)) die(`membership ${r.item}: unknown country ${r.country_iso3}`);
  a.snapshots.get(year).members.push(r.country_iso3);
}
const allianceList = [...alliances.values()].map(a => ({
  ...a, snapshots: [...a.snapshots.values()].sort((x, y) => x.year - y.year)
    .map(s => ({ ...s, members: [...new Set(s.members)].sort() })),
}));

// macro indicators: one consistent year per indicator
function indicator(id, name, unit, rows, note) {
  const values = rows.filter(r => countryIds.has(r.country_iso3) || r.country_iso3 === 'EUU')
    .map(r => ({ ...(r.country_iso3 === 'EUU' ? { group: 'EU27' } : { country: r.country_iso3 }), value: +r.value, year: +r.year,
                 source: sourceId(r.source_title, r.source_url) }));
  return { id, name, unit, ...(note ? { note } : {}), values };
}
const gerd2021 = figureRows.filter(r => r.domain === 'rd' && r.item === 'GERD' && (r.year === '2021' || (r.year === '2020' && r.country_iso3 === 'RUS')) && /current PPP/.test(r.unit));
const demand = figureRows.filter(r => r.domain === 'semis_market' && r.item === 'semiconductor_sales_share' && r.country_iso3 === 'CHN' && r.year === '2021');
const madeHere = figureRows.filter(r => r.domain === 'semis_market' && r.item === 'china_IC_market_produced_in_china_share' && r.year === '2021');
const indicators = [
  indicator('gerd', 'Gross domestic expenditure on R&D (GERD)', 'USD bn, current PPP', gerd2021,
    'OECD MSTI via NSF/NCSES, 2021 (Russia: 2020). Countries not listed are unknown, not zero. "EU27" is the EU total, never added to its members.'),
  indicator('chip_demand_share', 'Share of world semiconductor sales (billing location)', '% of world', demand,
    'SIA/WSTS regions are billing locations, not end use. Only China has a country figure.'),
  indicator('chip_market_made_at_home', 'Share of the home IC market produced in the country', '% of home market', madeHere,
    'IC Insights: ICs produced in China by any firm, as a share of China\'s IC market.'),
];

// ---- ETO semiconductor domain ---------------------------------------------------------------
const inputs = readCsv(path.join(etoDir, 'inputs.csv'));
const providers = readCsv(path.join(etoDir, 'providers.csv'));
const provision = readCsv(path.join(etoDir, 'provision.csv'));
const sequence = readCsv(path.join(etoDir, 'sequence.csv'));
const stages = readCsv(path.join(etoDir, 'stages.csv'));

const kindOf = { process: 'process', tool_resource: 'tool', material_resource: 'material',
                 design_resource: 'design', ultimate_output: 'output' };
const providerById = new Map(providers.map(p => [p.provider_id, p]));
const regionOfProvider = { EUR: 'EUR', 'Various countries': 'VAR' };
const etoCredit = 'Emerging Technology Observatory Advanced Semiconductor Supply Chain Dataset, Georgetown CSET (CC BY-NC 4.0)';

const nodes = [];
const nodeById = new Map();
function addNode(n) { nodes.push(n); nodeById.set(n.id, n); }
const stripMd = s => (s || '').replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)').trim();
for (const s of stages) {
  addNode({ id: s.stage_id, name: `${s.stage_name} (whole stage)`, kind: 'process', stage: s.stage_id,
            description: s.description, market: stripMd(s.market_share_chart_global_market_size_info) || undefined,
            note: stripMd(s.market_share_chart_caption) || undefined, shares: [], firms: [] });
}
for (const i of inputs) {
  const kind = kindOf[i.type];
  if (!kind) die(`inputs.csv ${i.input_id}: unknown type ${i.type}`);
  addNode({ id: i.input_id, name: i.input_name, kind, stage: i.stage_id || undefined,
            description: i.description, market: stripMd(i.market_share_chart_global_market_size_info) || undefined,
            note: stripMd(i.market_share_chart_caption) || undefined, shares: [], firms: [] });
}
for (const r of provision) {
  const node = nodeById.get(r.provided_id);
  const p = providerById.get(r.provider_id);
  if (!node) die(`provision.csv: unknown node ${r.provided_id}`);
  if (!p) die(`provision.csv: unknown provider ${r.provider_id}`);
  const share = r.share_provided === '' ? null : +r.share_provided;
  // 127 rows (years 2019/2022) carry no source of their own: cite the node's chart source when
  // the dataset gives one, else the CSET report the dataset was built from; say which it is.
  const chart = stripMd(inputs.find(i => i.input_id === r.provided_id)?.market_share_chart_source
                        || stages.find(s => s.stage_id === r.provided_id)?.market_share_chart_source);
  const title = r.source.trim() ? r.source.trim()
    : chart ? `${chart} (the ETO dataset's chart source for this input; the row has no source of its own)`
    : 'CSET, "The Semiconductor Supply Chain: Assessing National Competitiveness" (2021), via the ETO dataset (the row has no source of its own)';
  const src = sourceId(title, undefined, { licence: 'CC BY-NC 4.0', credit: etoCredit });
  if (p.provider_type === 'country') {
    const region = regionOfProvider[p.provider_name];
    const holder = region || p.provider_name;
    if (!region && !countryIds.has(holder)) die(`provision.csv: provider ${p.provider_name} is not an ISO 3166-1 alpha-3 code`);
    node.shares.push({ [region ? 'region' : 'country']: holder, share, year: +r.year, source: src });
  } else {
    const country = regionOfProvider[p.country] || p.country || undefined;
    node.firms.push({ name: p.provider_name, ...(country ? { country } : {}), share, year: +r.year, source: src });
  }
}
const edges = [];
for (const s of sequence) {
  if (s.goes_into_id) edges.push({ from: s.input_id, to: s.goes_into_id, type: 'goes_into' });
  if (s.is_type_of_id) edges.push({ from: s.input_id, to: s.is_type_of_id, type: 'type_of' });
}
for (const n of nodes) {
  n.shares.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || (a.country || a.region).localeCompare(b.country || b.region));
  n.firms.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.name.localeCompare(b.name));
  for (const k of Object.keys(n)) if (n[k] === undefined) delete n[k];
}

const semis = {
  format: 'techmap-dataset/1',
  version: 'eto-46e0106',
  licence: { name: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/',
             attribution: 'Emerging Technology Observatory Advanced Semiconductor Supply Chain Dataset, Georgetown Center for Security and Emerging Technology (CSET). Derived by the techno-alliance map project (converted to this format; no figures changed).' },
  sources: sources.filter(s => s.licence),
  domains: [{ id: 'semiconductors', name: 'Semiconductors (advanced logic chips)',
              description: 'Inputs to advanced logic chips: design, fabrication, assembly, testing and packaging, with the tools and materials each needs.',
              stages: stages.map(s => ({ id: s.stage_id, name: s.stage_name })),
              nodes, edges }],
};
const world = {
  format: 'techmap-dataset/1',
  version: 'world-2026-11',
  licence: { name: 'mixed', attribution: 'Country names and codes: world-countries (mledoze, ODbL 1.0). Alliance memberships and indicators: the sources named on each record.' },
  countries, regions,
  sources: sources.filter(s => !s.licence),
  alliances: allianceList,
  indicators,
};
fs.mkdirSync(outDir, { recursive: true });
const write = (name, obj) => {
  const file = path.join(outDir, name);
  fs.writeFileSync(file, JSON.stringify(obj, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
};
write('world.json', world);
write('semiconductors.json', semis);
