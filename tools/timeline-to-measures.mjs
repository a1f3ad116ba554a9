// timeline-to-measures.mjs — build data/measures.json (dated export controls) from the facts file.
//
//   node tools/timeline-to-measures.mjs [--shared ../shared/data] [--out data]
//
// Reads shared/data/policy-timeline.md (sections A and B: id, issuer, dates, scope, status,
// source), then tools/policy-additions.md (more of section A, collected by this project) and tools/measure-mapping.json (hand-written: the nodes each measure covers, all or
// part, its kind, its targets when not the section's default, and a note on the mapping).
// Checks every node id against data/semiconductors.json and data/domains.json, and every code
// against data/world.json. Nothing is retyped: dates and scopes are the facts file's.
import fs from 'node:fs';
import path from 'node:path';
import { readTimeline, readMeasureAdditions, codes } from './policy-timeline.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shared = path.resolve(opt('--shared', path.join(root, '..', 'shared', 'data')));
const outDir = path.resolve(opt('--out', path.join(root, 'data')));
function die(msg) { console.error(`timeline-to-measures: ${msg}`); process.exit(1); }

const timeline = readTimeline(path.join(shared, 'policy-timeline.md'));
// and the measures this project collected beyond it, in the same form
timeline.measures.push(...readMeasureAdditions(path.join(root, 'tools', 'policy-additions.md')));
const mapping = JSON.parse(fs.readFileSync(path.join(root, 'tools', 'measure-mapping.json'), 'utf8'));
const readData = (f) => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8'));
const world = readData('world.json');
const countryIds = new Set(world.countries.map((c) => c.id));
const nodeIds = new Set();
for (const f of ['semiconductors.json', 'domains.json'])
  for (const d of readData(f).domains || []) for (const n of d.nodes) nodeIds.add(`${d.id}/${n.id}`);

// "semiconductors/@usFabTools" -> every node of the group
function expand(ref) {
  const m = /^([^/]+)\/@(.+)$/.exec(ref);
  if (!m) return [ref];
  const group = mapping.groups[m[2]];
  if (!group) die(`unknown group ${ref}`);
  return group.map((n) => `${m[1]}/${n}`);
}

const sources = [];
const measures = [];
const seen = new Set();
for (const t of timeline.measures) {
  const map = mapping.measures[t.id];
  if (!map) die(`no mapping for measure ${t.id} (add it to tools/measure-mapping.json)`);
  seen.add(t.id);
  const issuer = map.issuer || t.issuer;
  if (!countryIds.has(issuer)) die(`${t.id}: unknown issuer ${issuer}`);
  // targets: the section's default, a list from the mapping, or all but the codes in the scope
  let targets = t.section === 'A' ? ['CHN'] : '*';
  if (Array.isArray(map.targets)) targets = map.targets;
  if (map.targets === 'allBut') {
    targets = { allBut: codes(t.scope.split(';')[0]) };
    const n = +(/(\d+) partners/.exec(t.scope) || [])[1];
    if (n && n !== targets.allBut.length) die(`${t.id}: ${n} partners in the scope, ${targets.allBut.length} codes read`);
  }
  for (const c of Array.isArray(targets) ? targets : targets.allBut || []) if (!countryIds.has(c)) die(`${t.id}: unknown target ${c}`);
  // covers: node -> all | part (a node named twice keeps "all" over "part")
  const covers = new Map();
  for (const coverage of ['part', 'all'])
    for (const ref of (map.covers[coverage] || []).flatMap(expand)) {
      if (!nodeIds.has(ref)) die(`${t.id}: unknown node ${ref}`);
      covers.set(ref, coverage);
    }
  const sourceId = `m${sources.length + 1}`;
  sources.push({ id: sourceId, title: t.source });
  const d = t.dates;
  const notes = [];
  if (d.compliance) notes.push(`compliance date ${d.compliance}`);
  if (d.planned) notes.push('in-force date as planned when announced');
  if (t.issuers.length > 1) notes.push(`issued together by ${t.issuers.join(', ')}`);
  if (t.issuerText !== issuer && t.issuers.length === 1 && t.issuerText.includes('(')) notes.push(t.issuerText.replace(/^[A-Z]{3}\s*/, '').replace(/[()]/g, ''));
  const m = {
    id: t.id,
    name: map.name,
    issuer,
    targets,
    ...(map.kind === 'agreement' ? { announced: d.announced } : { announced: d.announced, inForce: d.inForce }),
    ...(d.ended ? { ended: d.ended } : {}),
    ...(t.status?.suspended ? { suspended: t.status.suspended } : {}),
    ...(t.status?.unknownFrom ? { unknownFrom: t.status.unknownFrom } : {}),
    kind: map.kind,
    ...(map.foreignMade ? { foreignMade: true } : {}),
    covers: [...covers].map(([node, coverage]) => ({ node, coverage })),
    scope: t.scope,
    mapping: map.mapping,
    ...(notes.length ? { note: notes.join('; ') } : {}),
    ...(t.check ? { check: t.check } : {}),
    sources: [sourceId],
  };
  measures.push(m);
}
for (const id of Object.keys(mapping.measures)) if (!seen.has(id)) die(`mapping for ${id}, which the facts file does not list`);

const out = {
  format: 'techmap-dataset/1',
  version: 'measures-2026-12',
  licence: { name: 'mixed', attribution: 'Measures: the sources named on each record, collected in shared/data/policy-timeline.md (2026-11-29) and tools/policy-additions.md (2026-12-01); node mappings by this project (tools/measure-mapping.json).' },
  sources,
  measures,
};
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'measures.json');
fs.writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes, ${measures.length} measures)`);
