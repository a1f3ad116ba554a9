// world-atlas-to-asset.mjs — convert Natural Earth countries (npm world-atlas, TopoJSON) into
// the app's compact binary map asset, triangulated with earcut.
//
//   node tools/world-atlas-to-asset.mjs [110m|50m ...] [--out assets]
//
// Output assets/world-<res>.bin, little-endian (src/core/world_map.h reads it):
//   "TMAP" u32 version=2, u32 countries, u32 polygons, u32 rings, u32 vertices, u32 indices
//   countries: {char iso[4] (alpha-3 + NUL; "~LK" = lakes), u32 first polygon, u32 polygon count}
//   polygons:  {u32 first ring, u32 ring count, u32 first index, u32 index count}
//   rings:     {u32 first vertex, u32 vertex count}       (first ring = outer, then holes)
//   vertices:  lon*32767/180 and lat*32767/90 as int16, delta-coded per ring, stored as byte
//              planes (all low bytes of x, all high bytes of x, then y): compresses far better
//   indices:   triangle corners relative to the polygon's first vertex, as u16 deltas from the
//              previous index (wrapping), stored as two byte planes
// Lakes (OpenStreetMap via npm @geo-maps/earth-lakes-10km, ODbL) larger than a size threshold
// are stored as the pseudo-country "~LK": drawn as water, and picking there finds no country.
// Rings that cross the antimeridian (Fiji, Russia, Antarctica) are cut at ±180° so that every
// polygon lies inside [-180, 180]; Antarctica's ring is closed along the pole.
// Natural Earth features without an ISO numeric code (Kosovo, N. Cyprus, Somaliland, ...) are
// mapped by name where an ISO-like code exists, otherwise kept under their own 'X..' code.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import earcut, { deviation } from 'earcut';


const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = outIdx >= 0 ? path.resolve(args[outIdx + 1]) : path.join(root, 'assets');
const resolutions = args.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
if (!resolutions.length) resolutions.push('110m', '50m');

const wc = require('world-countries/countries.json');
const byNumeric = new Map(wc.filter(c => c.ccn3).map(c => [c.ccn3, c.cca3]));
const lakes = require('@geo-maps/earth-lakes-10km/map.geo.json');
// smallest lake kept, in projected area units (Equal Earth on the unit sphere: the globe is 4π, so 1e-4 ≈ 4,060 km²; Lake Victoria ≈ 1.7e-2)
const LAKE_MIN_AREA = { '110m': 6e-4, '50m': 2e-4 };
// features without an ISO numeric code: kept under their own code (not in the data: drawn as 'no data');
// 'Indian Ocean Ter.' and 'Siachen Glacier' are left out (tiny; the first does not triangulate cleanly)
const byName = { Kosovo: 'XKX', 'N. Cyprus': 'XNC', Somaliland: 'XSL' };

// Unwrap longitudes so consecutive points never jump by more than 180°.
function unwrap(ring) {
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let x = ring[i][0];
    const px = out[i - 1][0];
    while (x - px > 180) x -= 360;
    while (x - px < -180) x += 360;
    out.push([x, ring[i][1]]);
  }
  return out;
}
// Sutherland–Hodgman against one vertical line: keep the side where sign*(x - at) <= 0.
function clipX(ring, at, sign) {
  const out = [];
  const inside = p => sign * (p[0] - at) <= 1e-12;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const ia = inside(a), ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (at - a[0]) / (b[0] - a[0]);
      out.push([at, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out.length >= 3 ? out : null;
}
// Split one polygon (outer + holes) into pieces each inside [-180, 180].
function splitPolygon(rings) {
  let uw = rings.map(r => {
    let u = unwrap(r.slice(0, -1));  // TopoJSON rings repeat the first point at the end
    const first = u[0], last = u[u.length - 1];
    if (Math.abs(last[0] - first[0]) > 180) {  // circles a pole: close along it
      const pole = first[1] < 0 ? -90 : 90;
      u = [...u, [last[0], pole], [first[0], pole]];
    }
    return u;
  });
  const minX = Math.min(...uw[0].map(p => p[0])), maxX = Math.max(...uw[0].map(p => p[0]));
  if (minX >= -180 - 1e-9 && maxX <= 180 + 1e-9) return [uw];
  const pieces = [];
  for (const [lo, hi, shift] of [[-540, -180, 360], [-180, 180, 0], [180, 540, -360]]) {
    const clip = r => { const a = clipX(r, hi, 1); return a && clipX(a, lo, -1); };
    const outer = clip(uw[0]);
    if (!outer) continue;
    const holes = uw.slice(1).map(clip).filter(Boolean);
    pieces.push([outer, ...holes].map(r => r.map(p => [p[0] + shift, p[1]])));
  }
  return pieces;
}
// Equal Earth (Šavrič, Patterson & Jenny 2018), the same formula as src/core/projection.cpp
function equalEarth(lon, lat) {
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  const lam = lon * Math.PI / 180, t = Math.asin(M * Math.sin(lat * Math.PI / 180));
  const t2 = t * t, t6 = t2 * t2 * t2;
  return [lam * Math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2))), t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))];
}
const q = (v, range) => Math.max(-32767, Math.min(32767, Math.round(v / range * 32767)));

function ringArea(r) {  // projected area of a lon/lat ring
  const p = r.map(([x, y]) => equalEarth(x, y));
  let a = 0;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) a += (p[j][0] - p[i][0]) * (p[j][1] + p[i][1]);
  return Math.abs(a) / 2;
}

function convert(res) {
  const topo = require(`world-atlas/countries-${res}.json`);
  const fc = topojson.feature(topo, topo.objects.countries);
  const countries = new Map();  // iso -> list of polygons (list of rings)
  const lakePolys = [];
  for (const g of lakes.geometries) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) if (ringArea(p[0]) >= LAKE_MIN_AREA[res]) lakePolys.push([p[0]]);  // islands in lakes: dropped
  }
  countries.set('~LK', lakePolys);
  for (const f of fc.features) {
    const iso = (f.id && byNumeric.get(f.id)) || byName[f.properties.name];
    if (!iso) { console.warn(`  skipped feature without a code: ${f.properties.name} (${f.id})`); continue; }
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    if (!countries.has(iso)) countries.set(iso, []);
    for (const p of polys) for (const piece of splitPolygon(p)) countries.get(iso).push(piece);
  }
  let worst = { dev: 0 };
  const cRec = [], pRec = [], rRec = [], verts = [], idx = [];
  let areaErr = 0;
  for (const iso of [...countries.keys()].sort()) {
    const polys = countries.get(iso);
    const rec = { iso, first: pRec.length, count: 0 };
    cRec.push(rec);
    for (const rings of polys) {
      // quantise first, triangulate the quantised ring so triangles match the stored outline;
      // drop repeated points (quantisation merges close ones) which earcut handles poorly
      const qr = rings.map(r => {
        const out = [];
        for (const p of r) {
          const v = [q(p[0], 180), q(p[1], 90)];
          const last = out[out.length - 1];
          if (!last || last[0] !== v[0] || last[1] !== v[1]) out.push(v);
        }
        while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
        return out;
      }).filter(r => r.length >= 3);
      if (!qr.length) continue;
      const flat = [], holes = [];
      const firstRing = rRec.length, firstVert = verts.length;
      for (const r of qr) {
        if (flat.length) holes.push(flat.length / 2);
        rRec.push({ first: verts.length, count: r.length });
        for (const p of r) { flat.push(p[0], p[1]); verts.push(p); }
      }
      // triangulate in projected space (what is drawn), not in lon/lat: the projection bends
      // edges, and a triangulation valid in one space can fold over in the other
      const proj = [];
      for (let i = 0; i < flat.length; i += 2) proj.push(...equalEarth(flat[i] * 180 / 32767, flat[i + 1] * 90 / 32767));
      const tri = earcut(proj, holes, 2);
      if (verts.length - firstVert > 65535) throw new Error(`${iso}: polygon too large for u16 indices`);
      const dev = Math.abs(deviation(proj, holes, 2, tri));
      if (dev > worst.dev) worst = { dev, iso, n: proj.length / 2 };
      areaErr = Math.max(areaErr, dev);
      pRec.push({ ring: firstRing, rings: qr.length, first: idx.length, count: tri.length });
      for (const t of tri) idx.push(t);
      rec.count++;
    }
  }
  const size = 28 + cRec.length * 12 + pRec.length * 16 + rRec.length * 8 + verts.length * 4 + idx.length * 2;
  const buf = Buffer.alloc(size);
  let o = 0;
  buf.write('TMAP', o); o += 4;
  for (const v of [2, cRec.length, pRec.length, rRec.length, verts.length, idx.length]) { buf.writeUInt32LE(v, o); o += 4; }
  for (const c of cRec) { buf.write(c.iso.padEnd(4, '\0'), o, 4, 'latin1'); buf.writeUInt32LE(c.first, o + 4); buf.writeUInt32LE(c.count, o + 8); o += 12; }
  for (const p of pRec) { for (const v of [p.ring, p.rings, p.first, p.count]) { buf.writeUInt32LE(v, o); o += 4; } }
  for (const r of rRec) { buf.writeUInt32LE(r.first, o); buf.writeUInt32LE(r.count, o + 4); o += 8; }
  // vertices: per-ring deltas (wrapping int16), as byte planes x.lo x.hi y.lo y.hi
  const n = verts.length, w16 = (v) => ((v + 32768) & 0xffff) - 32768;
  const dx = new Int16Array(n), dy = new Int16Array(n);
  for (const r of rRec) {
    let px = 0, py = 0;
    for (let i = r.first; i < r.first + r.count; i++) {
      dx[i] = w16(verts[i][0] - px); dy[i] = w16(verts[i][1] - py);
      px = verts[i][0]; py = verts[i][1];
    }
  }
  const planes = (arr) => {
    const lo = Buffer.alloc(arr.length), hi = Buffer.alloc(arr.length);
    for (let i = 0; i < arr.length; i++) { lo[i] = arr[i] & 0xff; hi[i] = (arr[i] >> 8) & 0xff; }
    return Buffer.concat([lo, hi]);
  };
  for (const b of [planes(dx), planes(dy)]) { b.copy(buf, o); o += b.length; }
  // indices: deltas from the previous index (wrapping u16), as byte planes
  const di = new Int16Array(idx.length);
  let prev = 0;
  for (let i = 0; i < idx.length; i++) { di[i] = w16(idx[i] - prev); prev = idx[i]; }
  const ib = planes(di);
  ib.copy(buf, o); o += ib.length;
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `world-${res}.bin`);
  fs.writeFileSync(file, buf);
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${cRec.length} countries, ${pRec.length} polygons, ${verts.length} vertices, ${idx.length / 3} triangles, ${buf.length} bytes (${gz} gzip), max earcut deviation ${areaErr.toExponential(2)} (${worst.iso || '-'})`);
}
for (const r of resolutions) convert(r);
