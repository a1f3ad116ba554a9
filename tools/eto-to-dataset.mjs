// eto-to-dataset.mjs — build the app's default datasets from the reference data.
//
//   node tools/eto-to-dataset.mjs [--shared ../shared/data] [--out data]
//
// Writes
//   data/world.json          countries (ISO 3166-1 alpha-3, name, label point), regions, alliance
//                            presets and macro indicators (from shared/data/sourced-figures.md)
//   data/semiconductors.json the ETO Advanced Semiconductor Supply Chain Dataset as one domain
//                            (CC BY-NC 4.0, Georgetown CSET / Emerging Technology Observatory)
//   data/domains.json        beyond chips: rare earths, critical chip materials, mobile network
//                            equipment, AI compute and research, chip demand (sourced-figures.md),
//                            and the links from these materials into the chip graph
//   Newer figures (shared/data/policy-timeline.md, section D) become editions of the nodes they
//   update (node "editions") and indicator values of more years, each with its publication date
//   and its CHECK note as written; the older figures stay as the first edition.
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
import { readTimeline, joinings, isoDate, codes, splitTop, holders, publicationDate, plainCaveat, nextDay } from './policy-timeline.mjs';
import { paxSilicaLater, GROUPING_LINES, markSources } from './sources-and-groupings.mjs';
import { aiFigures, aiInvestment } from './section-e.mjs';

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
// A source record's title is plain words for people (the app shows it beside each figure and in
// the CSV): no Markdown, no bare addresses. The ETO tables write their sources as Markdown, some
// of it broken ("[SIA](https://perma.cc/GT6R-SWEM) and World Semiconductor Trade Statistics
// (WSTS)](https://perma.cc/Y773-9T3A, https://perma.cc/UH5R-G63P)"): the link texts stay in the
// title and the addresses go to `url`, which holds one address: the first link whose text names
// a publisher (a capitalised name, not a word like "segments"), else the first link. The facts
// file writes several addresses as "a ; b": the first is the one kept (see data/README.md).
// Link texts that abbreviate a publication the address names in full get its full name.
const CSET_REPORT_URL = 'https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/';  // as the ETO tables link it
const LINK_NAMES = new Map([
  [`CSET|${CSET_REPORT_URL}`,
   'CSET, "The Semiconductor Supply Chain: Assessing National Competitiveness" (2021)'],
]);
function cleanSource(text, url) {
  const links = [];  // [label, [urls]]
  const split = (u) => u.split(/\s*[,;]\s+/).map((x) => x.trim()).filter(Boolean);
  let t = String(text || '');
  // [label](url, url)
  t = t.replace(/\[([^\[\]]*)\]\(([^()]*)\)/g, (_, label, u) => {
    links.push([label, split(u)]);
    return LINK_NAMES.get(`${label}|${split(u)[0]}`) || label;
  });
  // a link whose "[" is missing: "label](url)" -> "label"
  t = t.replace(/([^\s\]][^\]]*?)\]\(([^()]*)\)/g, (_, label, u) => { links.push([label.trim(), split(u)]); return label; });
  // bare addresses, in parentheses or not
  t = t.replace(/\s*\(\s*((?:https?:\/\/[^\s(),;]+[\s,;]*)+)\)/g, (_, u) => { links.push(['', split(u)]); return ''; });
  t = t.replace(/https?:\/\/[^\s(),;]+/g, (u) => { links.push(['', [u]]); return ''; });
  t = t.replace(/\s+/g, ' ').replace(/\s+([.,;:)])/g, '$1').replace(/\(\s*\)/g, '').trim();
  const named = links.find(([label, us]) => /^[A-Z]/.test(label) && us.length);
  const first = links.find(([, us]) => us.length);
  const given = url ? split(url)[0] : '';
  return { title: t, url: given || (named || first || [null, []])[1][0] || '' };
}
const sources = [];
const sourceIndex = new Map();
// Figures the facts file read through a copy of a document (on a code host, or an encyclopedia)
// whose primary it names, with its address: cited as the primary. The address kept is one of the
// row's own (the one on the primary's host), never typed here; what only the copy gives stays
// said in the title. (sourced-figures.md 1a: the USGS chapter read from a Markdown copy on
// GitHub; 5a: the TOP500 list file read from a copy on GitHub; section 6: the Wassenaar list
// from wassenaar.org, India's accession from Wikipedia.)
const PRIMARY = [
  { copy: /^(USGS Mineral Commodity Summaries 2025 - Rare Earths \(U\.S\. Geological Survey, 2025\)), via markdown copy in GitHub NSSAC\/dpi\.RAG$/,
    title: (m) => m[1], host: 'pubs.usgs.gov' },
  { copy: /^TOP500 list November 2020 \(TOP500_202011 list file; copy in GitHub mrkhan1473\/liner-reg\) - computed counts and Rmax shares$/,
    title: () => 'TOP500 list November 2020 (top500.org): system counts and Rmax shares computed from the list file TOP500_202011', host: 'www.top500.org' },
  { copy: /^The Wassenaar Arrangement: Participating States \(wassenaar\.org\) \+ Wikipedia \(42 states; India Dec 2017\)$/,
    title: () => 'The Wassenaar Arrangement: Participating States (wassenaar.org), with India\'s accession of December 2017 as reported by Wikipedia', host: 'www.wassenaar.org' },
];
function primarySource(title, url) {
  for (const p of PRIMARY) {
    const m = p.copy.exec(title || '');
    if (!m) continue;
    const kept = (url || '').split(/\s+;\s+/).find((u) => { try { return new URL(u).host === p.host; } catch { return false; } });
    if (!kept) die(`source '${title}': no address on ${p.host} among '${url}'`);
    return { title: p.title(m), url: kept };
  }
  return { title, url };
}
const copyHost = /(^|\.)(github\.com|gitlab\.com|wikipedia\.org|wikimili\.com)$/;
function sourceId(rawTitle, rawUrl, extra = {}) {
  const primary = primarySource(rawTitle, rawUrl);
  const { title, url } = cleanSource(primary.title, primary.url);
  if (/github|wikipedia/i.test(title) && !PRIMARY.some((p) => p.copy.test(rawTitle || '')))
    console.warn(`eto-to-dataset: source '${title}' is a copy on a code host or an encyclopedia; name its primary in PRIMARY if the facts file gives one`);
  try { if (url && copyHost.test(new URL(url).host)) die(`source '${title}': its address ${url} is a copy (code host or encyclopedia)`); } catch (e) { die(`source '${title}': bad address '${url}'`); }
  const key = `${title}\u0000${url || ''}`;
  if (!sourceIndex.has(key)) {
    const id = `s${sourceIndex.size + 1}`;  // timeline sources have ids of their own (t1...)
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
// the EU as a region: figures published for "the EU" are held by its members together
const eu = alliances.get('EU27');
if (eu) {
  const latest = [...eu.snapshots.values()].sort((x, y) => y.year - x.year)[0];
  regions.push({ id: 'EU27', name: 'European Union (EU-27)', members: [...new Set(latest.members)].sort(),
                 note: 'A figure published for the EU as a whole: held by its members together, with no country breakdown.' });
}
// NATO's accessions between snapshots (the table row "Finland 4 Apr 2023; Sweden 7 Mar 2024"):
// a dated snapshot for each year that has none, from the previous snapshot plus the accessions.
{
  const row = /\*\*NATO\*\*[^\n]*?\(([^)]*\d{4}[^)]*)\)/.exec(md);
  const nato = alliances.get('NATO');
  if (!row || !nato) die('sourced-figures.md: no NATO accession dates');
  const byName = new Map(countries.map((c) => [c.name, c.id]));
  const accessions = row[1].split(';').map((t) => {
    const name = t.trim().replace(/ \d.*$/, '');
    if (!byName.has(name)) die(`NATO accession: unknown country ${name}`);
    return { id: byName.get(name), date: isoDate(t) };
  });
  for (const acc of accessions) {
    const year = +acc.date.slice(0, 4);
    if (nato.snapshots.has(year)) continue;
    const before = [...nato.snapshots.values()].filter((s) => s.year < year).sort((x, y) => y.year - x.year)[0];
    const joined = accessions.filter((x) => x.date <= acc.date).map((x) => x.id);
    nato.snapshots.set(year, { year, date: acc.date, members: [...before.members, ...joined], source: before.source });
  }
}

// Groupings of the policy timeline (section C), and the AI-chip tiers of the January 2025 rule
// (section A, US-AI-2025-01): dated snapshots, and a status where a grouping is dormant or ended.
const timeline = readTimeline(path.join(shared, 'policy-timeline.md'));
// ids of their own ("t1"...), so that adding one never renumbers the other sources
const timelineSources = new Map();
function timelineSource(raw) {
  // a CHECK in a source cell is said on the record it qualifies, never in the source's title
  const title = raw.replace(/\s*\([^()]*\bCHECK\b[^()]*\)/g, '').replace(/,?\s*\bCHECK\b:?/g, '').trim();
  if (!timelineSources.has(title)) {
    const id = `t${timelineSources.size + 1}`;
    sources.push({ id, title });
    timelineSources.set(title, id);
  }
  return timelineSources.get(title);
}
const grouping = (id) => timeline.groupings.find((g) => g.id === id) || die(`policy-timeline.md: no grouping ${id}`);
function datedPreset(id, name, kind, g, extra = {}) {
  const listDate = (/list as of ([^;]*)/.exec(g.dates) || [])[1];
  const steps = joinings(g.members, listDate).sort((x, y) => (x.date || `${x.year}`).localeCompare(y.date || `${y.year}`));
  const source = timelineSource(g.source.replace(/\s*\((?:later joiners: )?not checked\)/, ''));
  const members = [];
  const snapshots = [];
  for (const st of steps) {
    for (const c of st.add) { if (!countryIds.has(c)) die(`${g.id}: unknown country ${c}`); members.push(c); }
    const snap = { year: st.year, ...(st.date ? { date: st.date } : {}), members: [...new Set(members)].sort(), source };
    const same = snapshots.findIndex((s) => s.year === snap.year && (s.date || '') === (snap.date || ''));
    if (same >= 0) snapshots[same] = snap; else snapshots.push(snap);
  }
  alliances.set(id, { id, name, kind, ...extra, snapshots: new Map(snapshots.map((s, i) => [i, s])) });
}
{
  const pax = grouping('Pax Silica');
  const notSigned = (/Participants that did not sign: (.*)$/.exec(pax.members) || [])[1] || '';
  const undated = joinings(pax.members, null).filter((j) => j.undated).flatMap((j) => j.add);
  datedPreset('PaxSilica', 'Pax Silica', 'declaration', pax, {
    note: `Signatories. ${undated.join(', ')}: joining date not given, counted from the list of ${isoDate((/list as of ([^;]*)/.exec(pax.dates) || [])[1])}.` });
  // section E: Greece's earlier date, the Philippines (April 2026), the ten of 27 June 2026
  paxSilicaLater(alliances.get('PaxSilica'), timeline.additions, notSigned, countryIds, timelineSource, die);
  datedPreset('MSP', 'Minerals Security Partnership', 'partnership', grouping('Minerals Security Partnership'), {
    note: 'The EU is a partner as a body: its member states count only where they are partners themselves.' });
  const chip4 = alliances.get('Chip4');
  const c4 = grouping('Chip 4 / Fab 4');
  const lastMeeting = isoDate(c4.members);
  if (chip4 && lastMeeting) chip4.status = `dormant since ${lastMeeting} (${c4.members.split(';').slice(1).join(';').trim()}; ${plainCaveat((/status: ([^)]*)/.exec(c4.source) || [])[1] || '').replace(/^not confirmed: /, 'not confirmed that it is ')})`;
  // the US-Japan-Netherlands tool-control group (section A, USJPNL-2023-01)
  const tri = timeline.measures.find((m) => m.id === 'USJPNL-2023-01') || die('policy-timeline.md: no USJPNL-2023-01');
  const triDate = tri.dates.announced || tri.dates.inForce;
  alliances.set('USJPNL2023', { id: 'USJPNL2023', name: 'US-Japan-Netherlands tool controls (2023)', kind: 'export-control group',
    status: `reported agreement of ${triDate} (${plainCaveat(tri.check)})`,
    snapshots: new Map([[0, { year: +triDate.slice(0, 4), date: triDate, members: [...tri.issuers].sort(), source: timelineSource(tri.source) }]]) });
  // the AI-chip tiers of the diffusion rule (January-May 2025)
  const ai = timeline.measures.find((m) => m.id === 'US-AI-2025-01') || die('policy-timeline.md: no US-AI-2025-01');
  const [exemptText, middleText] = ai.scope.split(';');
  const aiSource = timelineSource(ai.source);
  const aiStatus = `ended ${ai.dates.ended} (rule rescinded)`;
  const snap = (members) => new Map([[0, { year: +ai.dates.inForce.slice(0, 4), date: ai.dates.inForce, members: [...new Set(members)].sort(), source: aiSource }]]);
  alliances.set('AITier1', { id: 'AITier1', name: 'AI chip rule: the US and its 18 exempt partners (2025)', kind: 'export-control tier',
    status: aiStatus, snapshots: snap([ai.issuer, ...codes(exemptText)]) });
  alliances.set('AITier2', { id: 'AITier2', name: 'AI chip rule: capped middle tier, as named (2025)', kind: 'export-control tier',
    status: aiStatus, note: 'Only the members the facts file names; the tier held most other countries.', snapshots: snap(codes(middleText)) });
}

// ---- newer figures (policy-timeline.md, section D) -------------------------------------------
// Each row becomes editions of a node or values of an indicator, beside the older figures: the
// values, years, publication dates and CHECK notes as the facts file writes them. Shares are
// derived here from the tonnes (or counts) and said to be; what the listed holders leave is
// unattributed, never a row of its own.
const newerRow = (re) => timeline.figures.find((r) => re.test(r.figure)) || die(`policy-timeline.md section D: no row matching ${re}`);
const countryByName = new Map(countries.map((c) => [c.name, c.id]));
const namedCountry = (text) => [...countryByName.keys()].filter((n) => (text || '').startsWith(n)).sort((a, b) => b.length - a.length)[0];
const fmt = (v) => v.toLocaleString('en-US');
const countryName = (id) => (countries.find((c) => c.id === id) || die(`unknown country ${id}`)).name;
const pct1 = (v) => +v.toFixed(1);
// a source record for a row (or one of its parts): the publication in full when the row
// abbreviates it, and which figure it gives
function newerSource(r, publication = r.full ? `${r.full}${r.source.replace(/^[^(]*/, ' ').trimEnd()}` : r.source, what = r.figure) {
  return timelineSource(`${publication.trim()}: ${what}`);
}
const editionLabel = (r) => r.short + (r.revised ? ', revised' : '');
// "world N; CHN N (p%); ..." -> share rows of the world total (or of the listed holders' sum
// when no world total is given), checked against the percentages the facts file states
function quantityShares(r, source) {
  const items = r.parts.flatMap(holders);
  const world = items.find((i) => i.holder === 'world');
  const listed = items.filter((i) => i.holder !== 'world');
  if (!listed.length) die(`section D '${r.figure}': no holders read`);
  const sum = listed.reduce((a, i) => a + i.value, 0);
  const total = world ? world.value : sum;
  if (sum > total) die(`section D '${r.figure}': the holders sum past the world total`);
  const shares = listed.map((i) => {
    if (!countryIds.has(i.holder)) die(`section D '${r.figure}': unknown country ${i.holder}`);
    const share = pct1(100 * i.value / total);
    if (i.percent !== undefined && Math.abs(share - i.percent) > 0.05) die(`section D '${r.figure}': ${i.holder} ${share}% derived, ${i.percent}% stated`);
    return { country: i.holder, share, year: r.year, source };
  }).sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  // a share the facts file states in words ("(China ≈99%)")
  for (const m of r.value.matchAll(/\(([A-Z][a-z]+(?: [A-Z][a-z]+)*) ([≈~]?)(\d+(?:\.\d+)?)%\)/g)) {
    const row = shares.find((x) => x.country === countryByName.get(m[1]));
    if (!row || Math.abs(row.share - +m[3]) > (m[2] ? 1 : 0.05)) die(`section D '${r.figure}': ${m[1]} ${m[2]}${m[3]}% stated, ${row ? row.share : 'no'}% derived`);
  }
  return { shares, world: world ? world.value : null, sum, total, listed };
}
// The note of a quantity edition: how the shares were derived and what is left unattributed.
function quantityNote(r, q) {
  const unit = r.unit ? ` ${r.unit}` : '';
  const revises = /\((revises [^)]*)\)/.exec(r.source);
  const stated = (/\(([A-Z][a-z]+(?: [A-Z][a-z]+)* [≈~]?\d+(?:\.\d+)?%)\)/.exec(r.value) || [])[1];
  const head = `${editionLabel(r)}, published ${r.published}${revises ? ` (${revises[1]})` : ''}`;
  if (q.world === null)
    return `${head}: ${q.listed.map((i) => `${countryName(i.holder)} ${fmt(i.value)}${unit}`).join(', ')}${stated ? ` (${stated})` : ''}. ` +
      `No world total is given, so the shares are of these ${q.listed.length} countries' sum (${fmt(q.sum)}${unit}, derived here): ` +
      'the rest of the world is attributed to them, so any producer not listed counts as 0 and the listed shares are upper bounds.';
  const rest = q.total - q.sum;
  const restPct = pct1(100 * rest / q.total);
  const restRounded = pct1(100 - q.shares.reduce((a, x) => a + x.share, 0));  // what the rounded rows leave
  return `${head}: shares of the world total of ${fmt(q.total)}${unit} (derived here, rounded to 0.1%). The ${q.listed.length} countries listed hold ${fmt(q.sum)}${unit}` +
    (rest > 0 ? `; the other ${fmt(rest)}${unit} (${restPct}%${restRounded !== restPct ? `, ${restRounded}% beside the rounded shares` : ''}) are not broken down and stay unattributed.` : '.');
}
function quantityEdition(r) {
  const source = newerSource(r);
  sfSourceIds.add(source);
  const q = quantityShares(r, source);
  return { year: r.year, published: r.published, label: editionLabel(r), note: quantityNote(r, q), shares: q.shares };
}
const sfSourceIds = new Set();  // section D sources that domains.json cites

const allianceList = [...alliances.values()].map(a => ({
  ...a, snapshots: [...a.snapshots.values()].sort((x, y) => x.year - y.year || (x.date || '').localeCompare(y.date || ''))
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
// R&D of a newer year (section D): values beside the 2021 ones, and the 2023 ratio as a note
const gerdNewer = newerRow(/^R&D \(GERD/);
if (!/PPP/.test(gerdNewer.unit || '')) die(`section D '${gerdNewer.figure}': not in PPP like the 2021 values`);
const gerdNewerValues = gerdNewer.parts.flatMap(holders).map((h) => {
  if (h.holder !== 'EU27' && !countryIds.has(h.holder)) die(`section D '${gerdNewer.figure}': unknown country ${h.holder}`);
  return { ...(h.holder === 'EU27' ? { group: 'EU27' } : { country: h.holder }), value: h.value, year: gerdNewer.year,
           source: newerSource(gerdNewer), published: gerdNewer.published };
});
const ratioRow = newerRow(/^R&D \d{4}$/);
const ratio = /^China's GERD = (\d+(?:\.\d+)?)% of the US's \(PPP\)$/.exec(ratioRow.value) || die(`section D '${ratioRow.figure}': unexpected value`);
const gerdNote = `OECD MSTI via NSF/NCSES: 2021 (Russia: 2020), and ${gerdNewer.year} for ${gerdNewerValues.map((v) => v.country || v.group).join(', ')} ` +
  `(${gerdNewer.label}, published ${gerdNewer.published}); a sum over members may mix the two years and says so. ` +
  `${ratioRow.year}: China's GERD was ${ratio[1]}% of the United States' at PPP (${ratioRow.source}). ` +
  'Countries not listed are unknown, not zero. "EU27" is the EU total, never added to its members.';
// China's share of world chip sales of newer years (section D): one value per year, with the
// publication date and the CHECK as written
const salesRow = newerRow(/share of world chip sales/);
const salesCountry = countryByName.get(namedCountry(salesRow.figure)) || die(`section D '${salesRow.figure}': no country named`);
const salesSources = splitTop(salesRow.source, ';');
if (salesSources.length !== salesRow.parts.length) die(`section D '${salesRow.figure}': ${salesRow.parts.length} years, ${salesSources.length} sources`);
const salesNewer = salesRow.parts.map((p, i) => {
  const m = /^(\d{4}): ([≈~]?)(\d+(?:\.\d+)?)%(?: \((.*)\))?$/.exec(p) || die(`section D '${salesRow.figure}': cannot read '${p}'`);
  const check = /,?\s*CHECK:?\s*([^;,]*)/.exec(m[4] || '');
  const detail = (m[4] || '').replace(/,?\s*CHECK:?\s*[^;,]*/, '').trim();
  return { year: +m[1], value: +m[3], approx: !!m[2], detail, source: salesSources[i], published: publicationDate(salesSources[i]),
           check: check ? `${plainCaveat(check[1].trim())} (${salesSources[i]}): ${m[2]}${m[3]}%${detail ? ` (${detail})` : ''}` : '',
           sourceId: newerSource(salesRow, salesSources[i], `${salesRow.figure} ${m[1]}`) };
});
const gerdIndicator = indicators.find((i) => i.id === 'gerd');
gerdIndicator.note = gerdNote;
gerdIndicator.values.push(...gerdNewerValues);
indicators.find((i) => i.id === 'chip_demand_share').values.push(...salesNewer.map((v) => ({
  country: salesCountry, value: v.value, year: v.year, source: v.sourceId, published: v.published, ...(v.check ? { check: v.check } : {}) })));

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
  // (the sources are Markdown: cleanSource keeps the words in the title and the address in url)
  const chart = (inputs.find(i => i.input_id === r.provided_id)?.market_share_chart_source
                 || stages.find(s => s.stage_id === r.provided_id)?.market_share_chart_source || '').trim();
  const own = cleanSource(r.source.trim() || chart);
  const [title, url] = r.source.trim() ? [own.title, own.url]
    : chart ? [`${own.title.replace(/\.$/, '')} (the ETO dataset's chart source for this input; the row has no source of its own)`, own.url]
    : ['CSET, "The Semiconductor Supply Chain: Assessing National Competitiveness" (2021), via the ETO dataset (the row has no source of its own)', CSET_REPORT_URL];
  const src = sourceId(title, url, { licence: 'CC BY-NC 4.0', credit: etoCredit });
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
  version: 'eto-2026-08',  // the ETO repository as of August 2026 (commit 46e0106)
  licence: { name: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/',
             attribution: 'Emerging Technology Observatory Advanced Semiconductor Supply Chain Dataset, Georgetown Center for Security and Emerging Technology (CSET). Derived by the techno-alliance map project (converted to this format; no figures changed).' },
  sources: sources.filter(s => s.licence),
  domains: [{ id: 'semiconductors', name: 'Semiconductors (advanced logic chips)',
              description: 'Inputs to advanced logic chips: design, fabrication, assembly, testing and packaging, with the tools and materials each needs.',
              focus: 'N20',  // EUV lithography: the classic choke point
              stages: stages.map(s => ({ id: s.stage_id, name: s.stage_name })),
              nodes, edges }],
};
// registered after the ETO rows so that the ETO source ids stay as they were
indicators.push(indicator('ai_private_investment', 'Private investment in AI', 'USD bn',
  figureRows.filter(r => r.domain === 'ai' && r.item === 'ai_private_investment' && r.year === '2023'),
  'Stanford AI Index 2024 (via courseon.ai), 2023, by the country of the company invested in. Countries not listed are unknown, not zero.'));
const world = {
  format: 'techmap-dataset/1',
  version: 'world-2026-12',
  licence: { name: 'mixed', attribution: 'Country names and codes: world-countries (mledoze, ODbL 1.0). Alliance memberships and indicators: the sources named on each record.' },
  countries, regions,
  sources: sources.filter(s => !s.licence),
  alliances: allianceList,
  indicators,
};
// ---- beyond chips: domains from sourced-figures.md ---------------------------------------------
// Each node takes the rows of one item and year; ROW (rest of world) rows are left out: what the
// named countries do not hold stays unattributed, which the core treats as "could be anyone".
const sfSources = new Map();
function rows(domain, item, year) {
  const rs = figureRows.filter(r => r.domain === domain && r.item === item && r.year === String(year) && r.country_iso3 !== 'ROW' && r.country_iso3 !== 'WLD');
  if (!rs.length) die(`sourced-figures.md: no rows for ${domain}/${item}/${year}`);
  return rs;
}
function shareRows(domain, item, year, keep = () => true) {
  return rows(domain, item, year).filter(keep).map(r => {
    const src = sourceId(r.source_title, r.source_url.split(' ; ')[0]);
    sfSources.set(src, true);
    const holder = r.country_iso3 === 'EUU' ? { region: 'EU27' } : { country: r.country_iso3 };
    if (holder.country && !countryIds.has(holder.country)) die(`sourced-figures.md: unknown country ${holder.country}`);
    return { ...holder, share: +r.value, year: +r.year, source: src };
  }).sort((a, b) => b.share - a.share);
}
const node = (id, name, kind, description, shares, extra = {}) => ({ id, name, kind, description, shares, ...extra });
// polysilicon: capacity in kt by country (2023) -> % of the world's 2,256 kt (derived here)
const polyWorld = +figureRows.find(r => r.domain === 'materials' && r.item === 'polysilicon_capacity' && r.country_iso3 === 'WLD' && r.year === '2023').value;
const polyRows = figureRows.filter(r => r.domain === 'materials' && r.item === 'polysilicon_capacity' && r.year === '2023' && countryIds.has(r.country_iso3))
  .map(r => ({ country: r.country_iso3, share: +(100 * +r.value / polyWorld).toFixed(1), year: 2023, source: sourceId(r.source_title, r.source_url) }))
  .sort((a, b) => b.share - a.share);
for (const r of polyRows) sfSources.set(r.source, true);
const neonRow = rows('materials', 'semigrade_neon_supply_share', 2021).filter(r => r.value === '45');
// newer figures (section D) as editions of these nodes, and two new nodes
const reMine2025 = quantityEdition(newerRow(/^rare-earth mine production 2025/));
const reMine2024Revised = quantityEdition(newerRow(/^rare-earth mine production 2024, revised/));
const gallium2025 = quantityEdition(newerRow(/^gallium primary production 2025/));
const graphiteRow = newerRow(/^natural graphite mine production/);
const graphite = quantityEdition(graphiteRow);
const antimonyRow = newerRow(/^antimony mine production/);
const antimony = quantityEdition(antimonyRow);
// germanium: the facts file's figures disagree; each is an edition and each says so (CHECK)
const geRow = newerRow(/^germanium$/);
const germaniumEditions = (() => {
  let country = null;
  return splitTop(geRow.value, ' vs ').map((part) => {
    const m = /^(?:([A-Z][a-z]+(?: [A-Z][a-z]+)*) )?([≈~]?)(\d+(?:\.\d+)?)% \((.*)\)$/.exec(part) || die(`section D germanium: cannot read '${part}'`);
    if (m[1]) country = countryByName.get(m[1]) || die(`section D germanium: unknown country ${m[1]}`);
    if (!country) die('section D germanium: no country named');
    const pieces = splitTop(m[4], ',');
    const datePiece = pieces.find((x) => /^(?:\d{1,2} )?[A-Z][a-z]+ \d{4}$/.test(x));
    const yearPiece = pieces.find((x) => /^\d{4}$/.test(x));
    const label = pieces.filter((x) => x !== datePiece && x !== yearPiece).join(', ');
    const year = yearPiece ? +yearPiece : +(/\b(\d{4})\b/.exec(label) || die(`section D germanium: no year in '${part}'`))[1];
    const published = datePiece ? publicationDate(datePiece) : String(year);
    const source = newerSource(geRow, `${label}${datePiece ? `, ${datePiece}` : ` (${year})`}`, `germanium, China ${m[2]}${m[3]}%`);
    sfSourceIds.add(source);
    return { year, published, label,
             note: `${m[2] ? 'Approximate (' + m[2] + m[3] + '%). ' : ''}Only China's share is given; the rest is unattributed. ` +
                   (datePiece ? `As reported in ${datePiece}; the report's year is read as the data year.` : `No publication date is given: the study's year (${year}) is used.`),
             check: `sources disagree: ${geRow.value}: ${geRow.check}`,
             shares: [{ country, share: +m[3], year, source }] };
  });
})();
// chip sales of newer years: editions of the sales node (China's row), like the indicator
const salesEditions = salesNewer.map((v) => {
  sfSourceIds.add(v.sourceId);
  return { year: v.year, published: v.published, label: v.source,
           note: `China${v.approx ? ' about' : ''} ${v.value}% of world sales${v.detail ? ` (${v.detail})` : ''}. Other markets are not broken down by country.`,
           ...(v.check ? { check: v.check } : {}),
           shares: [{ country: salesCountry, share: v.value, year: v.year, source: v.sourceId }] };
});
// TOP500 of a newer list: system counts as shares of the list's systems; the other lists'
// facts in the note
const topRow = newerRow(/^TOP500$/);
const top500Edition = (() => {
  const size = +(/TOP(\d+)/.exec(topRow.figure) || die('section D TOP500: no list size'))[1];
  const [main, ...others] = topRow.parts;
  const m = /^((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})) systems: (.*)$/.exec(main) || die(`section D TOP500: cannot read '${main}'`);
  const counts = holders(m[3]);
  const source = newerSource(topRow);
  sfSourceIds.add(source);
  const listed = counts.reduce((a, c) => a + c.value, 0);
  if (listed > size) die('section D TOP500: more systems than the list holds');
  for (const c of counts) if (!countryIds.has(c.holder)) die(`section D TOP500: unknown country ${c.holder}`);
  return { year: +m[2], published: publicationDate(m[1]), label: `TOP500 list, ${m[1]}`,
           note: `Shares of the ${size} systems of the ${m[1]} list by count (derived here), not of performance (Rmax) like the 2020 edition: ` +
                 `many small systems count as much as a few large ones. The ${counts.length} countries listed have ${listed} systems; ` +
                 `the other ${size - listed} (${pct1(100 * (size - listed) / size)}%) are unattributed. ` +
                 `Other lists, from their announcements and not in these shares: ${others.join('; ')}.`,
           shares: counts.map((c) => ({ country: c.holder, share: pct1(100 * c.value / size), year: +m[2], source }))
             .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country)) };
})();
// newer AI figures (section E): private AI investment of a newer year as values of the indicator
// and an edition of AI-VC whose shares stay unknown (no world total); notable models: notShown
const aiNew = aiFigures(timeline.additions, die);
const aiIndexSource = timelineSource(aiNew.source.title);
const aiIndexRecord = sources.find((s) => s.id === aiIndexSource);
if (aiNew.source.url) aiIndexRecord.url = aiNew.source.url;
const aiIndicator = indicators.find((i) => i.id === 'ai_private_investment');
const aiVc = aiInvestment(aiNew, { sourceId: aiIndexSource, countryIds, countryName, older: aiIndicator.values, die });
aiIndicator.values.push(...aiVc.values);
aiIndicator.note += ` Values of ${aiNew.year}: ${aiNew.publication} (${aiNew.dateText}), for ${aiVc.countries.map(countryName).join(', ')} only; ` +
  `a sum over members may mix the two years. ${aiVc.laterNote}`;
world.sources.push(aiIndexRecord);
sfSourceIds.add(aiIndexSource);
const domainsFile = {
  format: 'techmap-dataset/1',
  version: 'sf-2026-12',
  licence: { name: 'mixed', attribution: 'Figures: the sources named on each record (collected 2026-11 and 2026-12); shares derived from tonnes or counts say so in their notes.' },
  sources: [],
  domains: [
    { id: 'rare_earths', name: 'Rare earths',
      description: 'Rare-earth elements from the mine through separation and refining to permanent magnets. China mines about two thirds and refines over 90%.',
      focus: 'RE-SEP',
      nodes: [
        node('RE-MINE', 'Rare-earth mine production', 'material', 'Mine production in tonnes of rare-earth-oxide equivalent, as shares of the USGS world total (derived here); first edition 2024 of MCS 2025 (world 390,000 t). China\'s figure is its production quota and excludes undocumented production.',
             shareRows('rare_earths', 'mine_production_share', 2024), { editions: [reMine2024Revised, reMine2025] }),
        node('RE-SEP', 'Rare-earth separation and refining (2023)', 'process', 'Separation of mixed rare-earth concentrates into individual oxides and metals (IEA, Global Critical Minerals Outlook 2024). Australia\'s 1% is derived (98% for the top three minus China\'s 92% and Malaysia\'s 5%).',
             shareRows('rare_earths', 'refined_output_share', 2023)),
        node('RE-MAG', 'NdFeB permanent magnets (estimate, 2024)', 'material', 'Sintered neodymium-iron-boron magnets for motors, drives and actuators.',
             shareRows('rare_earths', 'ndfeb_magnet_production_share', 2024),
             { note: 'WEAK: an estimate ("at least 85%, possibly 90%") from trade press citing IEEE Spectrum; no country breakdown of the rest was found, so the other 10% is unattributed.' }),
        node('RE-MINE-2023', 'Rare-earth mine production (2023)', 'material', 'The previous year of the same USGS table (world total 376,000 t), for comparison.',
             shareRows('rare_earths', 'mine_production_share', 2023)),
        node('RE-SEP-2019', 'Rare-earth separation and refining (2019)', 'process', 'IEA (2021), The Role of Critical Minerals in Clean Energy Transitions, for comparison.',
             shareRows('rare_earths', 'processing_share', 2019)),
      ],
      // mining and refining side by side, not chained: ore crosses borders in ways the data does
      // not trace (Myanmar's is refined in China, Australia's in Malaysia), so chaining country
      // shares would count a cut-off twice
      edges: [{ from: 'RE-SEP', to: 'RE-MAG', type: 'goes_into' }] },
    { id: 'chip_materials', name: 'Critical chip materials',
      description: 'Materials with one dominant supplier that chip making or its neighbours depend on: gallium, germanium, semiconductor-grade neon, polysilicon, natural graphite, antimony.',
      nodes: [
        node('GA', 'Gallium, primary low-purity', 'material', 'Gallium is a by-product of alumina refining; it goes into compound semiconductors (GaN, GaAs) for power, radio-frequency and optoelectronic chips.',
             shareRows('materials', 'gallium_primary_production_share', 2023),
             { note: 'First edition (2023), OK: China\'s share from USGS via the Critical Minerals Association; the USGS country table was not retrieved, so the rest (Japan, Russia, South Korea...) is unattributed.',
               editions: [gallium2025] }),
        node('GE', 'Germanium, refined', 'material', 'Germanium goes into infrared optics, fibre optics and silicon-germanium layers of chips (as germane gas).',
             shareRows('materials', 'germanium_refined_production_share', 2023),
             { note: 'First edition (2023), OK: China\'s share from mining.com; the rest (Canada, Finland, Russia, the United States, Belgium...) is not broken down. Later sources disagree on China\'s share.',
               editions: germaniumEditions }),
        node('NEON', 'Semiconductor-grade neon (2021)', 'material', 'Purified neon is the buffer gas of the excimer lasers of DUV lithography scanners.',
             neonRow.map(r => { const src = sourceId(r.source_title, r.source_url); sfSources.set(src, true); return { country: r.country_iso3, share: 45, year: 2021, source: src }; }),
             { note: 'OK: two Ukrainian firms (Ingas, Cryoin) supplied 45-54% (Reuters, Techcet); the low end is used. Russia\'s and China\'s shares were not found: unattributed, not zero.' }),
        node('POLY', 'Polysilicon capacity (2023, mostly solar-grade)', 'material', 'Polysilicon is the feedstock of silicon wafers. Shares of the world\'s 2,256 kt capacity (EnergyTrend/TrendForce), derived here.',
             polyRows,
             { note: 'Capacity, not output, and mostly solar-grade: electronic-grade polysilicon for chips comes mainly from Germany, the United States and Japan, with no sourced shares.' }),
        node('GRAPHITE', `Natural graphite, mine production (${graphiteRow.year})`, 'material', 'Natural (flake) graphite from the mine, in tonnes (USGS); most goes into battery anodes, the rest into refractories, lubricants and the graphite parts of furnaces.',
             graphite.shares, { note: graphite.note }),
        node('SB', `Antimony, mine production (${antimonyRow.year})`, 'material', 'Antimony from the mine, in tonnes (USGS); it goes into flame retardants, lead-acid batteries, ammunition and, in small amounts, semiconductors (a dopant, and antimonide compound semiconductors).',
             antimony.shares, { note: antimony.note }),
      ],
      edges: [] },
    { id: 'ran', name: 'Mobile network equipment',
      description: 'Radio access network (RAN) and telecom equipment, by the home country of the vendor (Huawei, ZTE: China; Ericsson: Sweden; Nokia: Finland; Samsung: South Korea; Cisco: United States).',
      nodes: [
        node('RAN', 'Mobile RAN equipment (2020)', 'tool', 'Revenue shares of radio access network equipment (Dell\'Oro Group via Mobile World Live); country shares are the sums of their vendors\' shares.',
             shareRows('telecom', 'RAN_country_share', 2020),
             { firms: [['Huawei', 'CHN', 33], ['Ericsson', 'SWE', 29], ['Nokia', 'FIN', 19], ['ZTE', 'CHN', 10], ['Samsung', 'KOR', 6]]
                 .map(([name, country, share]) => ({ name, country, share, year: 2020, source: sourceId(rows('telecom', 'RAN_vendor_share_Huawei', 2020)[0].source_title, rows('telecom', 'RAN_vendor_share_Huawei', 2020)[0].source_url) })) }),
        node('TELECOM', 'Telecom equipment, all kinds (2023)', 'tool', 'Revenue shares of all telecom equipment (Dell\'Oro Group via Mobile World Live).',
             shareRows('telecom', 'telecom_equipment_country_share', 2023),
             { note: 'The United States\' 6% is Cisco only (Ciena was not reported for 2023).' }),
      ],
      edges: [] },
    { id: 'ai', name: 'AI compute and research', measures: 'share',
      description: 'Proxies for AI capability: supercomputer performance, AI research output and citations, private investment in AI start-ups.',
      nodes: [
        node('TOP500', 'Supercomputers (TOP500)', 'tool', 'The 500 fastest systems by country. First edition (Nov 2020): shares of the aggregate Rmax (2,430 PFlop/s), computed from the official list file; a newer edition counts systems instead (its note says so).',
             shareRows('ai', 'top500_Rmax_share', 2020, r => r.country_iso3 !== 'EUU'),
             { note: 'The EU-27 sum of the 2020 list (15.55%, derived by the source) is left out: its members are listed one by one.',
               editions: [top500Edition] }),
        node('AI-PUBS', 'AI journal publications (2020)', 'design', 'Shares of the world\'s AI journal publications (Stanford HAI, AI Index 2021). Only China, the United States and the EU are given; the EU figure is held by its members together.',
             shareRows('ai', 'ai_journal_publications_share', 2020)),
        node('AI-CITES', 'AI journal citations (2020)', 'design', 'Shares of the world\'s AI journal citations (Stanford HAI, AI Index 2021).',
             shareRows('ai', 'ai_journal_citations_share', 2020)),
        node('AI-VC', 'Private investment in AI start-ups', 'material', 'Shares of global private investment in AI start-ups, by the country of the company. ' +
               `First edition (2020): Tortoise Global AI Index. A newer edition (${aiNew.year}, ${aiNew.publication}) gives amounts without a world total, so its shares are unknown (its note gives the amounts).`,
             shareRows('ai', 'ai_startup_private_investment_share', 2020), { editions: [aiVc.edition] }),
      ],
      edges: [] },
    { id: 'chip_demand', name: 'Semiconductor demand', measures: 'demand',
      description: 'Where chips are sold: shares of world semiconductor sales by billing location (SIA/WSTS). A target with a large market is also a large customer of the alliance\'s firms.',
      nodes: [
        node('SALES-2021', 'Semiconductor sales by market', 'output', 'Shares of world semiconductor sales by billing location. First edition (2021): world sales USD 555.9 bn; mainland China USD 192.5 bn (SIA). Other markets are not broken down by country in the sources found. (The id keeps the first edition\'s year so that old links still open.)',
             shareRows('semis_market', 'semiconductor_sales_share', 2021), { editions: salesEditions }),
      ],
      edges: [] },
  ],
  // Where the materials go into the chip graph. "source": the cited source says so; "assumption":
  // a modelling choice, said as such in the app. Off by default (a scenario switch turns them on).
  links: [
    { from: 'chip_materials/NEON', to: 'semiconductors/N25', basis: 'source', source: neonRow.length ? sourceId(neonRow[0].source_title, neonRow[0].source_url) : undefined,
      note: 'Semiconductor-grade neon is the laser gas of DUV lithography (Reuters/Techcet: "global neon consumption for chip production").' },
    { from: 'rare_earths/RE-SEP', to: 'semiconductors/N90', basis: 'assumption',
      note: 'Cerium oxide, a separated rare earth, is the abrasive of CMP slurries for oxide layers; how much of CMP materials depends on it is not in the data.' },
    { from: 'chip_materials/POLY', to: 'semiconductors/N26', basis: 'assumption',
      note: 'Wafers are grown from polysilicon, but these shares are mostly solar-grade capacity: they overstate China\'s role in electronic-grade polysilicon.' },
    { from: 'chip_materials/GE', to: 'semiconductors/N91', basis: 'assumption',
      note: 'Germane (GeH4) is an electronic gas for silicon-germanium layers of advanced logic chips; its weight among electronic gases is not in the data.' },
  ],
  notShown: 'Gallium is listed but not linked: it goes into compound semiconductors (GaN, GaAs), which the advanced-logic chip graph does not model. Quantum computing and biotechnology are not shown: the figures found cover three economies (public quantum funding announced, McKinsey 2022) or come from an aggregator of unclear method (biotech patents), too thin for shares of world supply. ' + aiVc.notShown,
};
domainsFile.sources = sources.filter(s => sfSources.has(s.id) || sfSourceIds.has(s.id) || domainsFile.links.some(l => l.source === s.id) ||
  domainsFile.domains.some(d => d.nodes.some(n => (n.firms || []).some(f => f.source === s.id))));
for (const l of domainsFile.links) if (l.source === undefined) delete l.source;

// every source record reads as words, with at most one address (cleanSource, PRIMARY); its
// publication date where the title gives one; weak sources marked with what makes them weak
markSources(sources);
for (const a of world.alliances) if (GROUPING_LINES[a.id]) a.description = GROUPING_LINES[a.id];
for (const s of sources) {
  if (/\]\(|https?:\/\/|www\./.test(s.title)) die(`source ${s.id}: Markdown or an address left in its title: ${s.title}`);
  if (s.url !== undefined && !/^https?:\/\/\S+$/.test(s.url)) die(`source ${s.id}: url is not one address: ${s.url}`);
}
fs.mkdirSync(outDir, { recursive: true });
const write = (name, obj) => {
  const file = path.join(outDir, name);
  fs.writeFileSync(file, JSON.stringify(obj, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
};
write('world.json', world);
write('semiconductors.json', semis);
write('domains.json', domainsFile);
