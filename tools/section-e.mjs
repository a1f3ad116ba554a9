// section-e.mjs — applies section E of shared/data/policy-timeline.md ("Additions and corrections",
// collected 2026-12-06) to the measures read from sections A and B, for
// tools/timeline-to-measures.mjs. Nothing is retyped: every date, scope and source is read from
// the rows as written, and the forms of text this reads are checked (a row in another form stops
// the converter rather than being skipped):
//   * a new measure ("US-2025-09-AFF"): issuer ("USA: ..." or "China (...)"), the date it takes
//     effect ("effective 29 Sep 2025", "from 15 Jan 2026", "(MOFCOM Ann. 1 [2026], 6 Jan 2026)"),
//     a suspension ("suspended worldwide 10 Nov 2025 through 9 Nov 2026"), whether anything after
//     it was found ("later: not found"), and what its own text makes the default when the
//     suspension lapses ("back in force on 10 Nov 2026 unless BIS acts");
//   * steps ("came into force in three steps: 7 Oct 2022 (first tranche), ..."): Measure steps;
//   * parts with dates of their own ("planned entry into force by part: technology rules (Ann. 62)
//     9 Oct 2025, ..."): steps, and the in-force date of the part the mapping names (`inForceFrom`);
//   * articles ("only Article 2 (...) was suspended, 9 Nov 2025–27 Nov 2026 (...); Article 1 (...)
//     was never suspended"): the article never suspended becomes a measure of its own, `<id>-A1`.
// Every CHECK becomes a plain caveat (plainCaveat). Rows that are not measures (groupings, figures)
// are read by tools/eto-to-dataset.mjs; the row of newer AI figures through aiFigures() and
// aiInvestment() below.
import { isoDate, nextDay, suspensionIn, plainCaveat, splitTop, publicationDate } from './policy-timeline.mjs';

const DAY = '(\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4})';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "2026-11-10" -> "10 Nov 2026"
export const prettyDate = (iso) => `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
const NUMBER_WORDS = { two: 2, three: 3, four: 4, five: 5 };

// "technology rules (Ann. 62) 9 Oct 2025, material rules (Ann. 55–58) 8 Nov 2025, ..." or
// "7 Oct 2022 (first tranche), 12 Oct 2022 (US-person rule, §744.6), ..." -> [{date, what}]
function datedPieces(text) {
  const after = [...text.matchAll(new RegExp(`${DAY} \\(([^)]*)\\)`, 'g'))].map((m) => ({ date: isoDate(m[1]), what: m[2] }));
  if (after.length) return after;
  return [...text.matchAll(new RegExp(`(?:^|,\\s*)(?:the )?([^,]+?) ${DAY}`, 'g'))].map((m) => ({ date: isoDate(m[2]), what: m[1].trim() }));
}

export function applySectionE(timeline, mapping, countries, die) {
  const byName = new Map(countries.map((c) => [c.name, c.id]));
  const measures = timeline.measures;
  for (const r of timeline.additions) {
    if (!/^[A-Z]{2}(?:-[A-Z0-9]+)+$/.test(r.id)) continue;  // groupings and figures: tools/eto-to-dataset.mjs
    const caveats = [...r.factChecks, ...r.sourceChecks].map((n) => plainCaveat(n));
    const old = measures.find((m) => m.id === r.id);
    if (!old) { measures.push(newMeasure(r, caveats, byName, mapping, die)); continue; }
    if (!/correction/.test(r.what) && !/only Article/.test(r.fact)) continue;  // a restatement (US-AI-2025-01: a past grouping)
    correct(old, r, caveats, measures, mapping, die);
  }
  // a suspension that ends where the sources end, with no default said: what the suspension's own
  // end date makes it
  for (const m of measures) {
    const sus = m.status?.suspended?.[0];
    if (m.status?.unknownFrom && sus && !m.lapseDefault)
      m.lapseDefault = `by the suspension's own end date (${prettyDate(sus.until)}) it applies again from ${prettyDate(nextDay(sus.until))} unless the suspension is extended`;
  }
}

function newMeasure(r, caveats, byName, mapping, die) {
  const head = /^([A-Z]{3}):\s*|^([A-Z][a-z]+) \(([^)]*)\):\s*/.exec(r.fact) || die(`section E ${r.id}: no issuer ("USA: ..." or "China (...): ...")`);
  const issuer = head[1] || byName.get(head[2]) || die(`section E ${r.id}: unknown issuer ${head[2]}`);
  const effective = new RegExp(`(?:effective|[Ff]rom) ${DAY}`).exec(r.fact);
  const dated = head[3] ? isoDate(head[3]) : null;
  const inForce = effective ? isoDate(effective[1]) : dated;
  if (!inForce) die(`section E ${r.id}: no date it takes effect`);
  const sus = suspensionIn(r.fact);
  const back = new RegExp(`back in force on ${DAY} unless ([^(;.]*)`).exec(r.fact);
  if (sus && back && isoDate(back[1]) !== nextDay(sus.until)) die(`section E ${r.id}: back in force on ${back[1]}, not the day after the suspension`);
  const notFound = /not found/.test(r.fact);
  const scope = r.fact.slice(head[0].length).replace(/\s*\([^()]*\bCHECK\b[^()]*\)/g, '').replace(/\s*\(\s*mapping CHECK\s*\)/, '').trim();
  const notes = [];
  if (/an easing/.test(r.fact)) notes.push('an easing of earlier rules, not an end: the licence requirement stays');
  if (!mapping.measures[r.id]) die(`no mapping for measure ${r.id} (add it to tools/measure-mapping.json)`);
  return {
    section: 'E', id: r.id, issuerText: issuer, issuer, issuers: [issuer],
    dates: { text: r.fact, announced: inForce, inForce },
    scope, source: r.source,
    status: { text: r.fact, ...(sus ? { suspended: [sus] } : {}), ...(sus && notFound ? { unknownFrom: nextDay(sus.until) } : {}) },
    ...(back ? { lapseDefault: `by its own text the rule applies again from ${back[1]} unless ${back[2].trim()}` } : {}),
    ...(notes.length ? { notes } : {}),
    ...(caveats.length ? { caveat: caveats.join('; ') } : {}),
  };
}

function correct(old, r, caveats, measures, mapping, die) {
  old.moreSources = [...(old.moreSources || []), r.source];
  const add = (c) => { old.caveat = [old.caveat || (old.check ? plainCaveat(old.check) : ''), c].filter(Boolean).join('; '); };
  const steps = new RegExp(`in (\\w+) steps: (.*?)\\.\\s`).exec(r.fact + ' ');
  const parts = /by part: (.*?); all suspended/.exec(r.fact);
  const articles = new RegExp(`only (Article \\d+) \\(([^)]*)\\) was suspended, ${DAY}\\s*[–-]\\s*${DAY}(?: \\(([^)]*)\\))?; (Article \\d+) \\(([^)]*)\\) was never suspended`).exec(r.fact);
  if (steps) {
    old.steps = datedPieces(steps[2]);
    const n = NUMBER_WORDS[steps[1]];
    if (!n || old.steps.length !== n) die(`section E ${r.id}: ${steps[1]} steps written, ${old.steps.length} read`);
    if (old.steps[0].date !== old.dates.inForce) die(`section E ${r.id}: the first step (${old.steps[0].date}) is not the in-force date of section A`);
  } else if (parts) {
    old.steps = datedPieces(parts[1]);
    if (old.steps.length < 2) die(`section E ${r.id}: fewer than two parts read`);
    const from = mapping.measures[r.id]?.inForceFrom;
    const step = from ? old.steps.find((s) => s.what.startsWith(from)) : old.steps[0];
    if (!step) die(`section E ${r.id}: no part '${from}' (inForceFrom in tools/measure-mapping.json)`);
    old.dates = { ...old.dates, inForce: step.date };
    old.notes = [...(old.notes || []), `the inputs it covers are those of the ${step.what.replace(/\s*\(.*\)$/, '')}, in force from ${prettyDate(step.date)} as planned`];
    const sus = suspensionIn(r.fact) || die(`section E ${r.id}: no suspension read`);
    old.status = { ...old.status, suspended: [sus] };
    const lapse = /Default when a suspension lapses: ([^(.]*)/.exec(r.fact);
    if (lapse) old.lapseDefault = `by their own text ${lapse[1].trim().replace(/^the rules apply again/, `the rules apply again from ${prettyDate(nextDay(sus.until))}`)}`;
  } else if (articles) {
    const sus = { from: isoDate(articles[3]), until: isoDate(articles[4]) };
    const was = old.status?.suspended?.[0];
    if (!was || was.from !== sus.from || was.until !== sus.until) die(`section E ${r.id}: the suspension of ${articles[1]} differs from section B`);
    old.notes = [...(old.notes || []), `only ${articles[1]} (${articles[2]}) was suspended; ${articles[6]} (${articles[7]}) was never suspended and is listed as ${r.id}-A1`];
    const id = `${r.id}-A1`;
    if (!mapping.measures[id]) die(`no mapping for measure ${id} (add it to tools/measure-mapping.json)`);
    measures.push({
      section: 'E', id, issuerText: old.issuerText, issuer: old.issuer, issuers: old.issuers,
      dates: { text: old.dates.text, announced: old.dates.announced, inForce: old.dates.inForce },
      scope: `${articles[6]}: ${articles[7]}`, source: old.source, moreSources: [r.source],
      notes: [`${articles[6]} of ${r.id}; never suspended`],
    });
  } else {
    die(`section E ${r.id}: a correction in a form this converter does not read`);
  }
  for (const c of caveats) add(c);
}

// [SECTION] the row "AI figures" ------------------------------------------------------------------
// "<publication> (<month year>), figures for <year>: <what> <holder> <n>, ... (<unit>); <what> ...
// . <later publication> (<day>) has <year> figures: <world totals>; its country split <...>".
// Returns the publication, its date, the data year, each series with its holders (ISO codes, or a
// region as written: "Europe"), the source (title and the address the cell names) and the later
// publication's world totals (told, never used as shares: it gives no country table).
export function aiFigures(additions, die) {
  const r = additions.find((x) => /^AI figures\b/.test(x.item)) || die('section E: no row "AI figures"');
  const [first, second, ...more] = splitTop(r.fact, '. ');
  if (more.length) die(`section E AI figures: ${more.length} sentences more than read`);
  const head = /^(.+?) \(((?:[A-Z][a-z]+ )?\d{4})\), figures for (\d{4}): (.*)$/.exec(first) || die(`section E AI figures: cannot read '${first}'`);
  const series = splitTop(head[4], ';').map((part) => {
    const m = /^(.+?) ((?:[A-Z]{3}|[A-Z][a-z]+) \d[^()]*?)(?: \(([^)]*)\))?$/.exec(part) || die(`section E AI figures: cannot read '${part}'`);
    const holders = m[2].split(/,\s*/).map((h) => {
      const x = /^([A-Z]{3}|[A-Z][a-z]+) (\d+(?:\.\d+)?)$/.exec(h) || die(`section E AI figures: cannot read '${h}' in '${part}'`);
      return { holder: x[1], value: +x[2] };
    });
    return { what: m[1], unit: m[3] || null, holders };
  });
  const later = /^(.+?) \((\d{1,2} [A-Z][a-z]{2} \d{4})\) has (\d{4}) figures: ([^;]*); (its country split [^(]*?)\s*\(/.exec(second || '') || die(`section E AI figures: cannot read '${second}'`);
  // the source cell's piece that names the publication, with the address it names ("hai.stanford.edu")
  const key = head[1].split(' ').slice(-3).join(' ');  // "AI Index 2025"
  const piece = splitTop(r.source, ';').find((p) => p.includes(key)) || die(`section E AI figures: no source names ${key}`);
  const host = (/\b((?:[a-z0-9-]+\.)+(?:edu|org|com|gov|net))\b/.exec(piece) || [])[1];
  const rest = piece.split(/,\s*/).filter((x) => x !== host && x !== key).join(', ');
  return {
    publication: head[1], dateText: head[2], published: publicationDate(head[2]), year: +head[3], series,
    source: { title: `${head[1]} (${head[2]})${rest ? `, ${rest}` : ''}`, ...(host ? { url: `https://${host}` } : {}) },
    later: { publication: later[1], published: isoDate(later[2]), dateText: later[2], year: +later[3], totals: later[4].trim(), split: later[5].trim() },
  };
}

// The series of private AI investment as (a) values of the indicator of that name and (b) an
// edition of the node of shares of world private AI investment. The source gives no world total,
// so each country's share of the world is unknown: the edition's rows are the countries with an
// unknown share (never their shares of the three's sum, which would count every other investor
// as 0), and its note gives the amounts and the most each share can be (its part of the listed
// sum). `older`: the indicator's values of an earlier year, to name investors the new year leaves
// out. Other series (notable AI models) are told in `notShown`, with why they make no node.
export function aiInvestment(ai, { sourceId, countryIds, countryName, older, die }) {
  const inv = ai.series.find((s) => /private AI investment/.test(s.what)) || die('section E AI figures: no private AI investment');
  for (const h of inv.holders) if (!countryIds.has(h.holder)) die(`section E AI figures: unknown country ${h.holder}`);
  const byValue = [...inv.holders].sort((a, b) => b.value - a.value);
  const sum = +byValue.reduce((a, h) => a + h.value, 0).toFixed(2);
  const names = (hs, f) => hs.map((h) => `${h.holder.length === 3 ? countryName(h.holder) : h.holder} ${f(h)}`).join(', ').replace(/, ([^,]*)$/, ' and $1');
  const unit = inv.unit || die('section E AI figures: no unit for private AI investment');
  const cur = /^(\S+) (bn|mn)$/.exec(unit);
  const amount = (v) => (cur ? `${cur[1]} ${v} ${cur[2]}` : `${v} ${unit}`);  // "USD 109.1 bn"
  const cap = (t) => t[0].toUpperCase() + t.slice(1);
  const amounts = names(byValue, (h) => amount(h.value));
  const bounds = names(byValue, (h) => `${(100 * h.value / sum).toFixed(1)}%`);
  const oldYear = Math.max(...older.map((v) => v.year));
  const others = older.filter((v) => v.year === oldYear && v.country && !inv.holders.some((h) => h.holder === v.country))
    .map((v) => ({ holder: v.country, value: v.value }));
  const othersSum = +others.reduce((a, v) => a + v.value, 0).toFixed(2);
  const ratio = (byValue[0].value / byValue[1].value).toFixed(1);
  const values = byValue.map((h) => ({ country: h.holder, value: h.value, year: ai.year, source: sourceId, published: ai.published }));
  const edition = {
    year: ai.year, published: ai.published, label: ai.publication,
    note: `${ai.publication} (${ai.dateText}): private AI investment in ${ai.year}, ${amounts}. ` +
      `The report's world total is not in the data, so each country's share of the world is unknown, and the other countries are not 0` +
      (others.length ? ` (${names(others, (h) => amount(h.value))} in ${oldYear}, ${amount(othersSum)} together)` : '') + '. ' +
      `At most: ${bounds} (each one's part of the ${inv.holders.length} countries' ${amount(sum)}, derived here). ` +
      `${cap(countryName(byValue[0].holder))} invested ${ratio} times as much as ${countryName(byValue[1].holder)}. ` +
      'The first edition comes from another compiler (Tortoise Global AI Index, start-ups), so the two years compare only loosely.',
    shares: byValue.map((h) => ({ country: h.holder, share: null, year: ai.year, source: sourceId })),
  };
  const laterNote = `${ai.later.publication} (${ai.later.dateText}) gives for ${ai.later.year} only world totals (${ai.later.totals}); ${ai.later.split}, so it is not used here.`;
  const notShown = ai.series.filter((s) => s !== inv).map((s) =>
    `${cap(s.what)} of ${ai.year} (${ai.publication}: ${names(s.holders, (h) => h.value)}) are not a node: ` +
    `the world count is not in the data${s.holders.some((h) => h.holder.length > 3) ? ` and ${s.holders.filter((h) => h.holder.length > 3).map((h) => h.holder).join(', ')} is not broken down by country` : ''}, ` +
    'so no share of the world can be drawn from them.').join(' ');
  return { values, edition, laterNote, notShown, countries: byValue.map((h) => h.holder) };
}
