// timeline-to-measures.mjs — build data/measures.json (dated export controls) from the facts file.
//
//   node tools/timeline-to-measures.mjs [--shared ../shared/data] [--out data]
//
// Reads shared/data/policy-timeline.md (sections A and B: id, issuer, dates, scope, status,
// source), then tools/policy-additions.md (more of section A, collected by this project) and tools/measure-mapping.json (hand-written: the nodes each measure covers, all or
// part, its kind, its targets when not the section's default, and a note on the mapping).
// Section E (additions and corrections, 2026-12-06) is applied on top (tools/section-e.mjs): the
// new measures with their dates, suspensions and what a rule's own text makes the default when a
// suspension lapses; the steps of the October 2022 rule and the parts of China's October 2025
// rules; the two articles of China's December 2024 ban. Every CHECK becomes a plain caveat.
// Checks every node id against data/semiconductors.json and data/domains.json, and every code
// against data/world.json. Nothing is retyped: dates and scopes are the facts file's.
import fs from 'node:fs';
import path from 'node:path';
import { readTimeline, readMeasureAdditions, codes, plainCaveat, publicationDate } from './policy-timeline.mjs';
import { applySectionE } from './section-e.mjs';

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
applySectionE(timeline, mapping, world.countries, die);
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
  const sourceIds = [];
  for (const title of [t.source, ...(t.moreSources || [])]) {
    const same = sources.find((x) => x.raw === title);  // a source two measures cite is one record
    if (same) { sourceIds.push(same.id); continue; }
    const id = `m${sources.length + 1}`;
    const caveats = [];
    const plain = title.replace(/\s*\(CHECK:?\s*([^)]*)\)/g, (_, note) => { caveats.push(plainCaveat(note)); return ''; })
      .replace(/,?\s*\bCHECK\b/g, '').trim();
    sources.push({ id, raw: title, title: plain, ...(publicationDate(plain) ? { published: publicationDate(plain) } : {}),
                   ...(caveats.length ? { caveat: caveats.join('; ') } : {}) });
    sourceIds.push(id);
  }
  const d = t.dates;
  const notes = [];
  if (d.compliance) notes.push(`compliance date ${d.compliance}`);
  if (d.planned) notes.push('in-force date as planned when announced');
  if (t.issuers.length > 1) notes.push(`issued together by ${t.issuers.join(', ')}`);
  if (t.issuerText !== issuer && t.issuers.length === 1 && t.issuerText.includes('(')) notes.push(t.issuerText.replace(/^[A-Z]{3}\s*/, '').replace(/[()]/g, ''));
  if (t.notes) notes.push(...t.notes);
  const m = {
    id: t.id,
    name: map.name,
    issuer,
    targets,
    ...(map.kind === 'agreement' ? { announced: d.announced } : { announced: d.announced, inForce: d.inForce }),
    ...(d.ended ? { ended: d.ended } : {}),
    ...(t.status?.suspended ? { suspended: t.status.suspended } : {}),
    ...(t.status?.unknownFrom ? { unknownFrom: t.status.unknownFrom } : {}),
    ...(t.lapseDefault ? { lapseDefault: t.lapseDefault } : {}),
    ...(t.steps ? { steps: t.steps } : {}),
    kind: map.kind,
    ...(map.foreignMade ? { foreignMade: true } : {}),
    covers: [...covers].map(([node, coverage]) => ({ node, coverage })),
    scope: t.scope,
    mapping: map.mapping,
    ...(notes.length ? { note: notes.join('; ') } : {}),
    ...(t.caveat || t.check ? { check: t.caveat || plainCaveat(t.check) } : {}),
    sources: sourceIds,
  };
  measures.push(m);
}
for (const id of Object.keys(mapping.measures)) if (!seen.has(id)) die(`mapping for ${id}, which the facts file does not list`);

const out = {
  format: 'techmap-dataset/1',
  version: 'measures-2026-12',
  licence: { name: 'mixed', attribution: 'Measures: the sources named on each record (collected 2026-11-29, 2026-12-01 and 2026-12-06; the sources end in June 2026); which inputs each measure covers is this project\'s reading, said on each measure.' },
  sources: sources.map(({ raw, ...x }) => x),
  measures,
};
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'measures.json');
fs.writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes, ${measures.length} measures)`);
