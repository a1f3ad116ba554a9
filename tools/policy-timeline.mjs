// policy-timeline.mjs — reads shared/data/policy-timeline.md (dated measures and groupings) into
// plain records, for tools/timeline-to-measures.mjs (data/measures.json) and
// tools/eto-to-dataset.mjs (the dated alliance presets in data/world.json). Nothing is retyped:
// ids, issuers, dates, scopes, statuses and sources come from the tables as written.
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

export function readTimeline(file) {
  const md = fs.readFileSync(file, 'utf8');
  const a = table(md, '## A.').map((r) => ({
    section: 'A', id: r.id, issuerText: r.issuer, issuer: codes(r.issuer)[0], issuers: codes(r.issuer.split('(')[0]),
    dates: dates(r['announced / in force']), scope: r['scope (in ETO terms where possible)'], source: r.source,
    check: /CHECK/.test(r.source) ? r.source.replace(/^.*\(CHECK:?\s*/, '').replace(/\)$/, '') : '',
  }));
  const b = table(md, '## B.').map((r) => ({
    section: 'B', id: r.id, issuerText: 'CHN', issuer: 'CHN', issuers: ['CHN'],
    dates: dates(r['announced / in force']), scope: r.scope, status: status(r['status on 2026-11-29']), source: r.source,
    check: /CHECK/.test(r['status on 2026-11-29']) ? r['status on 2026-11-29'] : '',
  }));
  const c = table(md, '## C.').map((r) => ({ id: r.id, members: r.members, dates: r.dates, source: r.source }));
  return { measures: [...a, ...b], groupings: c };
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
