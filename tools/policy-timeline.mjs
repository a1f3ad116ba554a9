// policy-timeline.mjs — reads shared/data/policy-timeline.md (dated measures and groupings) into
// plain records, for tools/timeline-to-measures.mjs (data/measures.json) and
// tools/eto-to-dataset.mjs (the dated alliance presets in data/world.json, and the newer figures
// of section D as editions and indicator values). Nothing is retyped: ids, issuers, dates,
// scopes, statuses, figures and sources come from the tables as written.
import fs from 'node:fs';

const MONTHS = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const pad = (n) => String(n).padStart(2, '0');

// "7 Oct 2022" -> "2022-10-07" (null when the text holds no full date)
export function isoDate(text) {
  const m = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})/.exec(text || '');
  return m ? `${m[3]}-${pad(MONTHS[m[2]])}-${pad(+m[1])}` : null;
}
export function nextDay(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
// ISO 3166-1 alpha-3 codes in a text ("EU" and words are left out)
export const codes = (text) => [...(text || '').matchAll(/\b[A-Z]{3}\b/g)].map((m) => m[0]);

// The markdown table under the heading that starts with `heading` ("## A."), as row objects
// keyed by the header cells.
function table(md, heading) {
  const at = md.indexOf('\n' + heading);
  if (at < 0) throw new Error(`policy-timeline.md: no section '${heading}'`);
  const lines = md.slice(at + 1).split('\n').slice(1);
  const rows = [];
  let header = null;
  for (const line of lines) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|')) { if (header) break; continue; }
    const cells = line.slice(1, -1).split('|').map((c) => c.trim());
    if (!header) { header = cells; continue; }
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }
  return rows;
}

// "announced / in force" as written: "7 Oct 2022 / 7 Oct 2022", "13 Jan 2025; rescinded 13 May
// 2025", "10 Jun 2025 (announced 14 Jun 2025)", "9 Oct 2025 / 1 Dec 2025 planned", "1 Jan 2024".
function dates(text) {
  const out = { text };
  const [main, rest] = text.split(';');
  if (rest && /rescinded/.test(rest)) out.ended = isoDate(rest);
  const announcedLater = /\(announced ([^)]*)\)/.exec(main);
  const parts = main.replace(/\([^)]*\)/g, '').split(' / ');
  if (parts.length === 2) {
    out.announced = isoDate(parts[0]);
    out.inForce = isoDate(parts[1]);
    if (/planned/.test(parts[1])) out.planned = true;
  } else {
    out.inForce = isoDate(parts[0]);
    out.announced = announcedLater ? isoDate(announcedLater[1]) : out.inForce;
  }
  const compliance = /\(compliance ([^)]*)\)/.exec(text);
  if (compliance) out.compliance = isoDate(compliance[1]);
  return out;
}

// "suspended 9 Nov 2025 until 27 Nov 2026 (status after that date: not found, CHECK)"
function status(text) {
  const m = /suspended (.+?) until (.+?)(?: \(|$)/.exec(text || '');
  if (!m) return { text };
  const until = isoDate(m[2]);
  const out = { text, suspended: [{ from: isoDate(m[1]), until }] };
  if (/not found/.test(text)) out.unknownFrom = nextDay(until);
  return out;
}

// Section A: export controls on chips and tools (issuer → China unless said).
function sectionA(md) {
  return table(md, '## A.').map((r) => ({
    section: 'A', id: r.id, issuerText: r.issuer, issuer: codes(r.issuer)[0], issuers: codes(r.issuer.split('(')[0]),
    dates: dates(r['announced / in force']), scope: r['scope (in ETO terms where possible)'], source: r.source,
    check: /CHECK/.test(r.source) ? r.source.replace(/^.*\(CHECK:?\s*/, '').replace(/\)$/, '') : '',
  }));
}

// Measures of section A form in another file (tools/policy-additions.md: what this project
// collected beyond the shared facts file).
export function readMeasureAdditions(file) {
  return sectionA(fs.readFileSync(file, 'utf8'));
}

export function readTimeline(file) {
  const md = fs.readFileSync(file, 'utf8');
  const a = sectionA(md);
  const b = table(md, '## B.').map((r) => ({
    section: 'B', id: r.id, issuerText: 'CHN', issuer: 'CHN', issuers: ['CHN'],
    dates: dates(r['announced / in force']), scope: r.scope, status: status(r['status on 2026-11-29']), source: r.source,
    check: /CHECK/.test(r['status on 2026-11-29']) ? r['status on 2026-11-29'] : '',
  }));
  const c = table(md, '## C.').map((r) => ({ id: r.id, members: r.members, dates: r.dates, source: r.source }));
  return { measures: [...a, ...b], groupings: c, figures: newerFigures(table(md, '## D.')), additions: sectionE(md) };
}

// [SECTION] section E, additions and corrections -------------------------------------------------
// Rows as written: `item` the first cell ("US-2025-09-AFF", "CN-2025-10 (correction of scope
// dates)", "Pax Silica (April 2026)"), `id` its name without the parenthesis, `what` the
// parenthesis ("correction", "April 2026"), the fact and the source, and the CHECK notes of each
// (the text after "CHECK:" up to the closing parenthesis, or the parenthesis that holds a bare
// CHECK), so that a converter can show them as plain caveats.
export function checkNotes(text) {
  const out = [];
  for (const m of (text || '').matchAll(/\(([^()]*\bCHECK\b[^()]*)\)|CHECK:\s*([^()]*)|([^.;:()]+):\s*CHECK\b/g)) {
    const t = (m[1] || m[2] || m[3]).replace(/,?\s*\bCHECK\b:?\s*/g, ' ').replace(/\s+/g, ' ').trim().replace(/[,;:]$/, '');
    out.push(t);
  }
  return out;
}
// A CHECK note of the facts file as a plain caveat for readers (the app never shows "CHECK"):
// "one source only", "sources disagree", "not confirmed after June 2026", with the note's own
// detail where it says more. `sourcesEnd`: the month the stored sources end in (section E).
export function plainCaveat(note, sourcesEnd = SOURCES_END) {
  let t = (note || '').replace(/\(([^()]*)\bCHECK\b[^()]*\)/g, '($1)').replace(/,?\s*\bCHECK\b:?\s*/g, ' ').replace(/\(\s*\)/g, '')
    .replace(/\s*≠\s*/g, ' is not ').replace(/\s+/g, ' ').trim().replace(/^[,;:]\s*|[,;:]$/g, '');
  const end = sourcesEnd ? `not confirmed after ${sourcesEnd} (the sources end there)` : 'not confirmed (the sources end here)';
  if (/status after that date: not found/.test(t)) return `what applies after the suspension is not known: the sources end in ${sourcesEnd || 'the data'}`;
  if (/^\d{1,2} or \d{1,2} \w+$/.test(t)) return `sources disagree on the day: ${t}`;
  if (/later: not found|not found/.test(t)) return t.replace(/;?\s*later: not found|;?\s*not found/, '').trim() + `; ${end}`;
  if (/^unpublished$/.test(t)) return 'never published: reported by one news agency only';
  if (/^mapping$/.test(t)) return 'which inputs it covers is this project\'s reading (the rule names end users, not products)';
  if (/^undated$/.test(t)) return 'one of the sources is undated';
  if (/one secondary source|\bsecondary\b/.test(t)) return `one source only, a secondary one${t.replace(/^.*?(?:one secondary source|secondary)[;:,]?\s*/, '') ? ': ' + t.replace(/^.*?(?:one secondary source|secondary)[;:,]?\s*/, '') : ''}`;
  if (/conflicting|disagree/.test(t)) {
    const rest = t.replace(/:?\s*conflicting;?\s*/, '; ').replace(/^;\s*|;\s*$/g, '');
    return `sources disagree${rest ? ` (${rest})` : ''}`;
  }
  if (/^exact date$/.test(t)) return 'exact date not confirmed';
  return `not confirmed: ${t[0].toLowerCase()}${t.slice(1)}`;
}
let SOURCES_END = null;

function sectionE(md) {
  SOURCES_END = (/sources end in (\w+ \d{4})/.exec(md) || [])[1] || null;
  return table(md, '## E.').map((r) => {
    const item = r['id / item'];
    const paren = /\(([^)]*)\)\s*$/.exec(item);
    return { item, id: item.replace(/\s*\([^)]*\)\s*$/, ''), what: paren ? paren[1] : '', fact: r.fact, source: r.source,
             factChecks: checkNotes(r.fact), sourceChecks: checkNotes(r.source) };
  });
}
// "9 Nov 2025–27 Nov 2026", "10 Nov 2025 through 9 Nov 2026", "7 Nov 2025 \"until 10 Nov 2026\"":
// the first suspension window written in a text, or null.
export function suspensionIn(text) {
  const d = '(\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4})';
  const m = new RegExp(`suspended[^0-9]*?${d}\\s*(?:–|-|through|"?until)\\s*${d}`).exec(text || '');
  return m ? { from: isoDate(m[1]), until: isoDate(m[2]) } : null;
}

// [SECTION] section D, newer figures ------------------------------------------------------------
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

// Splits at `sep` outside parentheses: "a; b (c; d)" -> ["a", "b (c; d)"].
export function splitTop(text, sep) {
  const out = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; ++i) {
    if (text[i] === '(') ++depth;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(sep, i)) { out.push(text.slice(start, i).trim()); start = i + sep.length; }
  }
  out.push(text.slice(start).trim());
  return out.filter((p) => p);
}

// A publication date as written: "6 Feb 2026" -> "2026-02-06", "Nov 2025" / "March 2025" ->
// "2025-11" / "2025-03", else the last year in the text ("2025"); null when there is none.
export function publicationDate(text) {
  const day = isoDate(text);
  if (day) return day;
  const month = new RegExp(`\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|${MONTH_NAMES})\\w* (\\d{4})`).exec(text || '');
  if (month) return `${month[2]}-${pad(MONTHS[month[1].slice(0, 3)])}`;
  const years = [...(text || '').matchAll(/\b(19|20)\d{2}\b/g)];
  return years.length ? years[years.length - 1][0] : null;
}

// "390,000" -> 390000, "≈28.9" -> 28.9
const number = (t) => +t.replace(/[≈~,]/g, '');

// Holders with figures in one part of a value cell: "world 390,000; CHN 270,000 (69.2%)",
// "USA 171, JPN 43", "EU-27 542.1". percent: a share the facts file states beside the figure.
export function holders(text) {
  const out = [];
  const re = /(?:^|[;,:]\s*)(world|EU-27|[A-Z]{3}) ([≈~]?)(\d[\d,]*(?:\.\d+)?)(?: \(([≈~]?)(\d+(?:\.\d+)?)%\))?(?=\s*(?:[;,(]|$))/g;
  for (const m of text.matchAll(re))
    out.push({ holder: m[1] === 'EU-27' ? 'EU27' : m[1], value: number(m[3]), approx: !!m[2],
               ...(m[5] ? { percent: +m[5] } : {}) });
  return out;
}

// A short key for a publication, so that "USGS MCS 2026 (revises MCS 2025)" finds the date of
// "USGS Mineral Commodity Summaries 2026 (6 Feb 2026)": parentheses dropped, runs of capitalised
// words replaced by their initials.
function publicationKey(text) {
  return text.replace(/\([^)]*\)/g, ' ')
    .replace(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g, (run) => run.split(' ').map((w) => w[0]).join(''))
    .replace(/\s+/g, ' ').trim();
}

// The rows of section D: what (`figure`), the data year and unit read from it, the value cell
// split into parts at ';' (outside parentheses), and the source: its label (the publication
// without its date), the date it was published (its own, or that of the same publication named
// in full in another row) and the text after CHECK.
function newerFigures(rows) {
  const dates = new Map();
  for (const r of rows)
    for (const piece of splitTop(r.source, ';'))
      if (isoDate(piece)) dates.set(publicationKey(piece), isoDate(piece));
  // a row without a unit takes that of the row about the same thing ("... 2024, revised")
  const what = (f) => f.replace(/\b(?:19|20)\d{2}\b.*$/, '').trim();
  const unitOf = (f) => (/\(([^)]*)\)/.exec(f) || [])[1] || null;
  return rows.map((r) => {
    const label = r.source.replace(/\s*\((?:\d{1,2} )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\)/, '').trim();
    const year = /\b((?:19|20)\d{2})\b/.exec(r.figure);
    const unit = unitOf(r.figure) || unitOf((rows.find((x) => x !== r && what(x.figure) === what(r.figure) && unitOf(x.figure)) || {}).figure || '');
    const check = /CHECK:?\s*(.*)$/.exec(r.source);
    return {
      figure: r.figure, value: r.value, source: r.source,
      year: year ? +year[1] : null,
      unit,
      revised: /\brevised\b/.test(r.figure),
      parts: splitTop(r.value, ';'),
      label,
      short: publicationKey(r.source),
      // the publication named in full with its date, when this row abbreviates it
      full: [...dates.keys()].includes(publicationKey(r.source)) && !isoDate(r.source)
        ? rows.flatMap((x) => splitTop(x.source, ';')).find((p) => isoDate(p) && publicationKey(p) === publicationKey(r.source)) : null,
      published: isoDate(r.source) || dates.get(publicationKey(r.source)) || publicationDate(r.source),
      check: check ? check[1] : '',
    };
  });
}

// Membership snapshots from a grouping's "members" cell: groups separated by ';', each a list of
// codes with an optional "(date)", "(Mon YYYY)" or "(YYYY)"; codes without a date join at
// `undatedAt`. Returns [{date|null, year, add: [codes]}] in the order written.
export function joinings(members, undatedAt) {
  const head = members.split(/\.\s+Participants/)[0];
  return head.split(';').map((g) => {
    const paren = /\(([^)]*)\)/.exec(g);
    const when = paren ? paren[1] : undatedAt;
    const date = isoDate(when);
    const year = +(/(\d{4})/.exec(when || '') || [])[1] || null;
    return { date, year, add: codes(g.replace(/\([^)]*\)/g, '')), undated: !paren };
  }).filter((j) => j.add.length);
}
