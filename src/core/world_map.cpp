// world_map.cpp — map asset reader and picking.
#include "core/world_map.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include <glm/common.hpp>

#include "core/projection.h"

namespace techmap {
namespace {
struct Cursor {
    const uint8_t* p;
    size_t left;
    bool ok = true;
    uint32_t u32() {
        if (left < 4) { ok = false; return 0; }
        uint32_t v = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
        p += 4; left -= 4;
        return v;
    }
    uint16_t u16() {
        if (left < 2) { ok = false; return 0; }
        uint16_t v = uint16_t(p[0] | p[1] << 8);
        p += 2; left -= 2;
        return v;
    }
};
}  // namespace

bool WorldMap::load(const uint8_t* bytes, size_t size, std::string& error) {
    *this = WorldMap{};
    Cursor c{bytes, size};
    if (size < 28 || std::memcmp(bytes, "TMAP", 4) != 0) { error = "not a map asset (bad magic)"; return false; }
    c.p += 4; c.left -= 4;
    const uint32_t version = c.u32(), nc = c.u32(), np = c.u32(), nr = c.u32(), nv = c.u32(), ni = c.u32();
    if (version != 2) { error = "unsupported map asset version"; return false; }
    const uint64_t need = uint64_t(nc) * 12 + uint64_t(np) * 16 + uint64_t(nr) * 8 + uint64_t(nv) * 4 + uint64_t(ni) * 2;
    if (need != c.left) { error = "map asset size does not match its header"; return false; }
    WorldMap m;
    m.countries.resize(nc);
    for (MapCountry& k : m.countries) {
        char iso[5] = {0};
        std::memcpy(iso, c.p, 4);
        c.p += 4; c.left -= 4;
        k.iso = iso;
        k.first_polygon = c.u32();
        k.polygon_count = c.u32();
    }
    std::vector<uint32_t> poly_first_vertex(np);
    m.polygons.resize(np);
    for (MapPolygon& p : m.polygons) {
        p.first_ring = c.u32(); p.ring_count = c.u32(); p.first_index = c.u32(); p.index_count = c.u32();
    }
    m.rings.resize(nr);
    for (MapRing& r : m.rings) { r.first = c.u32(); r.count = c.u32(); }
    // validate references before using them
    for (size_t i = 0; i < nc; ++i) {
        const MapCountry& k = m.countries[i];
        if (uint64_t(k.first_polygon) + k.polygon_count > np) { error = "map asset: country polygon range out of bounds"; return false; }
        for (uint32_t p = k.first_polygon; p < k.first_polygon + k.polygon_count; ++p) m.polygons[p].country = int(i);
    }
    for (const MapPolygon& p : m.polygons)
        if (uint64_t(p.first_ring) + p.ring_count > nr || p.ring_count == 0 || uint64_t(p.first_index) + p.index_count > ni) {
            error = "map asset: polygon range out of bounds";
            return false;
        }
    for (const MapRing& r : m.rings)
        if (uint64_t(r.first) + r.count > nv || r.count < 3) { error = "map asset: ring range out of bounds"; return false; }
    // vertices: int16 per-ring deltas stored as byte planes (x lo, x hi, y lo, y hi)
    if (c.left != uint64_t(nv) * 4 + uint64_t(ni) * 2) { error = "map asset truncated"; return false; }
    const uint8_t* xl = c.p;
    const uint8_t* xh = xl + nv;
    const uint8_t* yl = xh + nv;
    const uint8_t* yh = yl + nv;
    m.vertices.resize(nv);
    for (const MapRing& r : m.rings) {
        int x = 0, y = 0;
        for (uint32_t i = r.first; i < r.first + r.count; ++i) {
            x = int16_t(uint16_t(x + int16_t(uint16_t(xl[i] | xh[i] << 8))));
            y = int16_t(uint16_t(y + int16_t(uint16_t(yl[i] | yh[i] << 8))));
            const glm::dvec2 xy = equal_earth(x * 180.0 / 32767.0, y * 90.0 / 32767.0);
            m.vertices[i] = glm::vec2(xy);
        }
    }
    // triangle corners: u16 deltas from the previous index, byte planes, relative to the polygon
    const uint8_t* il = yh + nv;
    const uint8_t* ih = il + ni;
    m.indices.resize(ni);
    uint16_t prev = 0;
    std::vector<uint16_t> local(ni);
    for (uint32_t i = 0; i < ni; ++i) local[i] = prev = uint16_t(prev + uint16_t(il[i] | ih[i] << 8));
    for (MapPolygon& p : m.polygons) {
        const uint32_t base = m.rings[p.first_ring].first;
        const uint32_t end = m.rings[p.first_ring + p.ring_count - 1].first + m.rings[p.first_ring + p.ring_count - 1].count;
        for (uint32_t i = p.first_index; i < p.first_index + p.index_count; ++i) {
            const uint32_t v = base + local[i];
            if (v >= end) { error = "map asset: triangle index out of its polygon"; return false; }
            m.indices[i] = v;
        }
    }
    c.left = 0;
    if (!c.ok) { error = "map asset truncated"; return false; }
    // bounds, areas, borders
    for (MapPolygon& p : m.polygons) {
        p.min = glm::vec2(1e9f); p.max = glm::vec2(-1e9f);
        const MapRing& outer = m.rings[p.first_ring];
        for (uint32_t i = outer.first; i < outer.first + outer.count; ++i) {
            p.min = glm::min(p.min, m.vertices[i]);
            p.max = glm::max(p.max, m.vertices[i]);
        }
    }
    // borders: every ring edge once; an edge two neighbours share (same quantised end points in
    // either direction) is kept once, which halves what is drawn on land borders
    std::unordered_set<uint64_t> seen;
    auto key = [&](uint32_t a, uint32_t b) {
        const glm::vec2 p = m.vertices[a], q = m.vertices[b];
        auto bits = [](float f) { uint32_t u; std::memcpy(&u, &f, 4); return uint64_t(u); };
        const uint64_t ka = bits(p.x) * 0x9E3779B97F4A7C15ull ^ bits(p.y), kb = bits(q.x) * 0x9E3779B97F4A7C15ull ^ bits(q.y);
        return std::min(ka, kb) * 0xC2B2AE3D27D4EB4Full ^ std::max(ka, kb);
    };
    for (const MapPolygon& p : m.polygons) {
        for (uint32_t r = p.first_ring; r < p.first_ring + p.ring_count; ++r) {
            const MapRing& ring = m.rings[r];
            for (uint32_t i = 0; i < ring.count; ++i) {
                const uint32_t a = ring.first + i, b = ring.first + (i + 1) % ring.count;
                if (!seen.insert(key(a, b)).second) continue;
                m.border_indices.push_back(a);
                m.border_indices.push_back(b);
            }
        }
    }
    for (MapCountry& k : m.countries) {
        k.min = glm::vec2(1e9f); k.max = glm::vec2(-1e9f);
        for (uint32_t p = k.first_polygon; p < k.first_polygon + k.polygon_count; ++p) {
            const MapPolygon& poly = m.polygons[p];
            k.min = glm::min(k.min, poly.min);
            k.max = glm::max(k.max, poly.max);
            for (uint32_t i = poly.first_index; i + 2 < poly.first_index + poly.index_count + 0u; i += 3) {
                const glm::vec2 a = m.vertices[m.indices[i]], b = m.vertices[m.indices[i + 1]], d = m.vertices[m.indices[i + 2]];
                k.area += 0.5f * std::fabs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y));
            }
        }
    }
    m.lakes = m.find("~LK");
    m.grid_.assign(size_t(kGridW * kGridH), {});
    for (uint32_t i = 0; i < np; ++i) {
        const MapPolygon& p = m.polygons[i];
        const int x0 = m.cell(p.min.x, -float(kEqualEarthMaxX), float(kEqualEarthMaxX), kGridW);
        const int x1 = m.cell(p.max.x, -float(kEqualEarthMaxX), float(kEqualEarthMaxX), kGridW);
        const int y0 = m.cell(p.min.y, -float(kEqualEarthMaxY), float(kEqualEarthMaxY), kGridH);
        const int y1 = m.cell(p.max.y, -float(kEqualEarthMaxY), float(kEqualEarthMaxY), kGridH);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) m.grid_[size_t(y * kGridW + x)].push_back(i);
    }
    *this = std::move(m);
    return true;
}

int WorldMap::cell(float v, float lo, float hi, int n) const {
    return std::clamp(int((v - lo) / (hi - lo) * float(n)), 0, n - 1);
}

bool WorldMap::inside(const MapPolygon& p, glm::vec2 q) const {
    bool in = false;
    for (uint32_t r = p.first_ring; r < p.first_ring + p.ring_count; ++r) {
        const MapRing& ring = rings[r];
        for (uint32_t i = 0, j = ring.count - 1; i < ring.count; j = i++) {
            const glm::vec2 a = vertices[ring.first + i], b = vertices[ring.first + j];
            if ((a.y > q.y) != (b.y > q.y) && q.x < (b.x - a.x) * (q.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
    }
    return in;
}

int WorldMap::pick(glm::vec2 q) const {
    if (grid_.empty() || std::fabs(q.x) > float(kEqualEarthMaxX) || std::fabs(q.y) > float(kEqualEarthMaxY)) return -1;
    const int x = cell(q.x, -float(kEqualEarthMaxX), float(kEqualEarthMaxX), kGridW);
    const int y = cell(q.y, -float(kEqualEarthMaxY), float(kEqualEarthMaxY), kGridH);
    const std::vector<uint32_t>& cands = grid_[size_t(y * kGridW + x)];
    auto hit = [&](const MapPolygon& p) {
        return q.x >= p.min.x && q.x <= p.max.x && q.y >= p.min.y && q.y <= p.max.y && inside(p, q);
    };
    if (lakes >= 0)  // water first: a lake lies over the countries around it
        for (uint32_t pi : cands)
            if (polygons[pi].country == lakes && hit(polygons[pi])) return -1;
    for (uint32_t pi : cands)
        if (polygons[pi].country != lakes && hit(polygons[pi])) return polygons[pi].country;
    return -1;
}

int WorldMap::find(const std::string& iso) const {
    for (size_t i = 0; i < countries.size(); ++i) if (countries[i].iso == iso) return int(i);
    return -1;
}

}  // namespace techmap
