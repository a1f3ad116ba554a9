// sources-and-groupings.mjs — for tools/eto-to-dataset.mjs: the later Pax Silica snapshots of
// section E of shared/data/policy-timeline.md, a one-line description of each grouping, and the
// source records' publication dates and weak marks.
//
// Weak sources: a record whose address is on a host in WEAK (an encyclopedia, a summary or
// trivia site, a local reprint of an agency story, a forum re-post) is marked `weak` with what
// makes it weak, shown to the reader beside it. A weak source is replaced only where the shared
// facts files give a primary source for the same figure (see PRIMARY in eto-to-dataset.mjs); for
// these they give none, so they stay, marked. tests/data/sources.test.mjs keeps its own list of
// weak hosts and fails on a source on one of them that is not marked.
import { isoDate, codes, plainCaveat, publicationDate } from './policy-timeline.mjs';

export const WEAK = [
  { host: /(^|\.)easterneye\.biz$/, why: 'a weekly newspaper\'s report, not an official list; the data has no primary source for it' },
  { host: /(^|\.)pentictonherald\.ca$/, why: 'an AP photo caption as reprinted by a local newspaper; the data has no primary source for it' },
  { host: /(^|\.)courseon\.ai$/, why: 'a newsletter\'s summary of the Stanford AI Index 2024, not the report itself' },
  { host: /(^|\.)factoftheday1\.com$/, why: 'a trivia site\'s summary of the Stanford AI Index 2021, not the report itself' },
  { host: /(^|\.)followthistrendingworld\.com$/, why: 'a site that republishes news, not the SIA\'s own release' },
  { host: /(^|\.)page\.ke$/, why: 'a third-party summary of the Foreign Affairs article, not the article itself' },
  { host: /(^|\.)(wikipedia\.org|wikimili\.com)$/, why: 'an encyclopedia' },
];
// a title that credits an encyclopedia for part of what it gives (the address being the primary's)
const WEAK_TITLE = [{ title: /as reported by Wikipedia/, why: 'India\'s accession date is from an encyclopedia; the rest is the Wassenaar Arrangement\'s own list' }];

export function markSources(sources) {
  for (const s of sources) {
    if (!s.published) {
      // the publication's own date: in "<publication>: <figure>" titles the part before the
      // figure; never the date of an event the title reports ("India's accession of December 2017")
      const head = s.title.includes(': ') ? s.title.slice(0, s.title.lastIndexOf(': ')) : '';
      const text = (/\d{4}/.test(head) ? head : s.title).replace(/\baccession of \w+ \d{4}/g, '');
      const p = publicationDate(text);
      if (p) s.published = p;
    }
    let host = '';
    try { host = s.url ? new URL(s.url).host : ''; } catch { host = ''; }
    const weak = WEAK.find((w) => w.host.test(host)) || WEAK_TITLE.find((w) => w.title.test(s.title));
    if (weak) s.weak = weak.why;
  }
}

// One line on what each grouping is, for the preset list and the country card (the app's own
// words; dates are the data's).
export const GROUPING_LINES = {
  G7: 'Seven large industrial democracies whose leaders meet every year.',
  Quad: 'Australia, India, Japan and the United States: a dialogue on security and technology.',
  FiveEyes: 'The intelligence-sharing alliance of five English-speaking countries.',
  Chip4: 'A US-proposed chip supply-chain group with Japan, South Korea and Taiwan; one officials\' call, in 2023.',
  EU27: 'The 27 member states of the European Union.',
  NATO: 'The North Atlantic military alliance.',
  Wassenaar: 'The multilateral export-control regime for conventional arms and dual-use goods and technologies.',
  D10: 'A UK proposal of 2020: the G7 with Australia, South Korea and India.',
  T12: 'A proposal of 2020 for a group of twelve "techno-democracies".',
  PaxSilica: 'A declaration first signed on 12 Dec 2025 by the United States and six partners; more countries have signed since.',
  MSP: 'A partnership on critical-mineral supply chains, launched on 14 Jun 2022.',
  USJPNL2023: 'The United States, Japan and the Netherlands: a reported 2023 agreement to align chip-tool controls.',
  AITier1: 'The United States and the 18 partners its AI-chip rule of 13 Jan 2025 exempted; the rule was rescinded on 13 May 2025.',
  AITier2: 'The countries named in the capped middle tier of the same AI-chip rule; rescinded on 13 May 2025.',
};

// Section E's rows on Pax Silica: Greece a signatory by an earlier date, the Philippines in April
// 2026, the signatories of 27 June 2026. Each becomes a dated snapshot (the members before it plus
// those it adds) with its CHECK as a plain caveat; the note says who took part without signing.
export function paxSilicaLater(pax, additions, notSigned, countryIds, timelineSource, die) {
  const rows = additions.filter((r) => r.id === 'Pax Silica');
  if (rows.length < 3) die('policy-timeline.md section E: fewer than three Pax Silica rows');
  const snaps = [...pax.snapshots.values()];
  const put = (date, add, remove, source, caveat) => {
    for (const c of add) if (!countryIds.has(c)) die(`Pax Silica: unknown country ${c}`);
    const before = snaps.filter((s) => (s.date || '') <= date).pop();
    const members = [...new Set([...(before ? before.members : []), ...add])].filter((c) => !remove.includes(c)).sort();
    const snap = { year: +date.slice(0, 4), date, members, source, ...(caveat ? { caveat } : {}) };
    const at = snaps.findIndex((s) => s.date === date);
    if (at >= 0) snaps[at] = snap; else snaps.push(snap);
    snaps.sort((x, y) => (x.date || '').localeCompare(y.date || ''));
    // the later snapshots hold them too
    for (const s of snaps) if ((s.date || '') > date) s.members = [...new Set([...s.members, ...add])].sort();
  };
  let taiwan = '';
  const laterSigners = [];
  let euSigned = null;
  for (const r of rows) {
    const caveat = [...r.factChecks, ...r.sourceChecks].map((n) => plainCaveat(n)).join('; ');
    const source = timelineSource(r.source);
    const earlier = /([A-Z]{3}) was already a signatory on (\d{1,2} \w{3} \d{4})/.exec(r.fact);
    const joined = /^([A-Z]{3}) joined in (\w+ \d{4})/.exec(r.fact);
    const summit = /new signatories ([^"]*?), "/.exec(r.fact);
    if (earlier) {
      put(isoDate(earlier[2]), [earlier[1]], [], source, `${caveat}: a signatory by this date`);
      pax.note = pax.note.replace(new RegExp(`\\s*${earlier[1]}: joining date not given[^.]*\\.`), '');
      const tw = /(TWN) did not sign; ([^.|]*)/.exec(r.fact);
      if (tw) taiwan = tw[2].trim();
    } else if (joined) {
      // dated by the report that says so (the month is the fact's; the day is the report's)
      const day = isoDate(r.source) || die(`Pax Silica (${r.what}): no dated report`);
      if (publicationDate(joined[2]) !== day.slice(0, 7)) die(`Pax Silica (${r.what}): the report is not of ${joined[2]}`);
      put(day, [joined[1]], [], source, `joined in ${joined[2]}, dated here by the report of ${r.source.replace(/^.*?(\d{1,2} \w{3} \d{4}).*$/, '$1')}; ${caveat}`);
    } else if (summit) {
      const date = isoDate(r.what) || die(`Pax Silica (${r.what}): no date`);
      const add = codes(summit[1]);
      const listed = summit[1].split(',').map((x) => x.trim());
      const notCountries = listed.filter((x) => !/^[A-Z]{3}$/.test(x));
      if (listed.length !== 10) die(`Pax Silica (${r.what}): ${listed.length} signatories read, the fact says ten`);
      laterSigners.push(...add);
      if (notCountries.includes('EU')) euSigned = date;
      put(date, add, [], source, `${caveat}${notCountries.length ? `; the ${notCountries.join(', ')} signed too but ${notCountries.length > 1 ? 'are' : 'is'} not a country: its member states count only where they signed themselves` : ''}`);
    } else {
      die(`Pax Silica (${r.what}): a row in a form this converter does not read`);
    }
  }
  pax.snapshots = new Map(snaps.map((s, i) => [i, s]));
  const stillNot = notSigned.split(',').map((x) => x.trim()).filter((x) => x && !laterSigners.includes(x) && !(x === 'EU' && euSigned));
  const signedLater = notSigned.split(',').map((x) => x.trim()).filter((x) => laterSigners.includes(x) || (x === 'EU' && euSigned));
  pax.note = `${pax.note} Took part without signing: ${stillNot.join(', ')}` +
    (taiwan ? ` (Taiwan: ${taiwan})` : '') + '.' +
    (signedLater.length ? ` ${signedLater.join(' and ')} took part without signing at first and signed on ${euSigned || 'a later date'}.` : '');
}
