// Projection round trips, map asset integrity and picking of known places.
#include <doctest/doctest.h>

#include <cmath>

#include "core/projection.h"
#include "core/world_map.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
WorldMap load_map(const char* file) {
    std::string bytes = read_file(file);
    WorldMap w;
    std::string err;
    if (!w.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), err)) {
        std::fprintf(stderr, "%s: %s\n", file, err.c_str());
        std::abort();
    }
    return w;
}
const WorldMap& world110() {
    static const WorldMap m = load_map("assets/world-110m.bin");
    return m;
}
const WorldMap& world50() {
    static const WorldMap m = load_map("assets/world-50m.bin");
    return m;
}
std::string pick_in(const WorldMap& m, double lon, double lat) {
    int c = m.pick(glm::vec2(equal_earth(lon, lat)));
    return c < 0 ? std::string("none") : m.countries[size_t(c)].iso;
}
std::string pick_at(double lon, double lat) { return pick_in(world110(), lon, lat); }
double ring_area(const WorldMap& m, const MapRing& r) {
    double a = 0;
    for (uint32_t i = 0, j = r.count - 1; i < r.count; j = i++) {
        glm::dvec2 p = m.vertices[r.first + i], q = m.vertices[r.first + j];
        a += (q.x - p.x) * (q.y + p.y);
    }
    return std::fabs(a) * 0.5;
}
}  // namespace

TEST_CASE("Equal Earth round trips and known values") {
    for (double lat = -89; lat <= 89; lat += 7.3)
        for (double lon = -179.5; lon <= 179.5; lon += 11.9) {
            double lo = 0, la = 0;
            REQUIRE(equal_earth_inverse(equal_earth(lon, lat), lo, la));
            CHECK(lo == doctest::Approx(lon).epsilon(1e-9));
            CHECK(la == doctest::Approx(lat).epsilon(1e-9));
        }
    CHECK(equal_earth(180, 0).x == doctest::Approx(kEqualEarthMaxX));
    CHECK(equal_earth(0, 90).y == doctest::Approx(kEqualEarthMaxY));
    double lo, la;
    CHECK_FALSE(equal_earth_inverse({2.7, 1.3}, lo, la));  // a corner outside the world
}

TEST_CASE("both assets: triangles cover each country's area within 0.1%, nothing is NaN") {
  for (const WorldMap* mp : {&world110(), &world50()}) {
    const WorldMap& m = *mp;
    CHECK(m.countries.size() >= 170);
    CHECK(m.lakes >= 0);
    for (const glm::vec2& v : m.vertices) CHECK((std::isfinite(v.x) && std::isfinite(v.y)));
    for (const MapCountry& c : m.countries) {
        double rings = 0, tris = 0;
        for (uint32_t p = c.first_polygon; p < c.first_polygon + c.polygon_count; ++p) {
            const MapPolygon& poly = m.polygons[p];
            rings += ring_area(m, m.rings[poly.first_ring]);
            for (uint32_t r = poly.first_ring + 1; r < poly.first_ring + poly.ring_count; ++r) rings -= ring_area(m, m.rings[r]);
            for (uint32_t i = poly.first_index; i + 2 < poly.first_index + poly.index_count + 1; i += 3) {
                glm::dvec2 a = m.vertices[m.indices[i]], b = m.vertices[m.indices[i + 1]], d = m.vertices[m.indices[i + 2]];
                tris += std::fabs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) * 0.5;
            }
        }
        CHECK_MESSAGE(std::fabs(tris - rings) <= 0.001 * rings + 1e-9, c.iso);
    }
  }
}

TEST_CASE("picking known places at 1:50m, lakes and small countries included") {
    const WorldMap& m = world50();
    CHECK(pick_in(m, 2.35, 48.86) == "FRA");      // Paris
    CHECK(pick_in(m, 126.98, 37.57) == "KOR");    // Seoul
    CHECK(pick_in(m, 121.56, 25.04) == "TWN");    // Taipei
    CHECK(pick_in(m, 103.82, 1.35) == "SGP");     // Singapore
    CHECK(pick_in(m, 33.0, -1.0) == "none");      // the middle of Lake Victoria
    CHECK(pick_in(m, 28.2, -29.5) == "LSO");      // Lesotho, not South Africa
    // 179.9°E 65°N is on Chukotka's coast: land at 1:110m, just offshore at 1:50m; half a degree north
    CHECK(pick_in(m, 179.9, 65.5) == "RUS");
    CHECK(pick_in(m, -179.9, 65.5) == "RUS");    // the same coast across the antimeridian
    CHECK(pick_in(m, 6.13, 49.61) == "LUX");      // Luxembourg
    CHECK(pick_in(m, 14.45, 35.9) == "MLT");      // Malta
    CHECK(pick_in(m, 4.9, 52.37) == "NLD");       // Amsterdam
    CHECK(pick_in(m, 34.78, 32.08) == "ISR");     // Tel Aviv
}

// What a pick costs is measured by tests/bench/bench_core.cpp (scripts/bench.sh), not asserted
// here: a time budget would fail under the sanitizers and in WebAssembly, not on slow code.
TEST_CASE("20,000 picks spread over the world each answer, and more than a tenth find land") {
    const WorldMap& m = world50();
    int found = 0;
    for (int i = 0; i < 20000; ++i) {
        const double lon = -180 + (i * 7919 % 36000) / 100.0, lat = -60 + (i * 104729 % 13000) / 100.0;
        found += m.pick(glm::vec2(equal_earth(lon, lat))) >= 0;
    }
    CHECK(found > 2000);
}

TEST_CASE("picking known places") {
    CHECK(pick_at(2.35, 48.86) == "FRA");      // Paris
    CHECK(pick_at(126.98, 37.57) == "KOR");    // Seoul
    CHECK(pick_at(121.0, 23.7) == "TWN");      // central Taiwan
    CHECK(pick_at(28.2, -29.5) == "LSO");      // Lesotho, inside South Africa
    CHECK(pick_at(25.0, -30.0) == "ZAF");
    CHECK(pick_at(179.9, 65.0) == "RUS");      // across the antimeridian
    CHECK(pick_at(-179.9, 66.0) == "RUS");
    CHECK(pick_at(-30.0, 30.0) == "none");     // mid-Atlantic
    CHECK(pick_at(-98.0, 39.0) == "USA");
    CHECK(pick_at(0.0, -85.0) == "ATA");       // Antarctica, closed along the pole
    CHECK(pick_at(33.0, -1.0) == "none");      // Lake Victoria is water at 1:110m too
}

TEST_CASE("a malformed map asset is refused with a message") {
    WorldMap m;
    std::string err;
    const uint8_t junk[] = {'T', 'M', 'A', 'P', 1, 0, 0, 0, 9, 9, 9, 9};
    CHECK_FALSE(m.load(junk, sizeof junk, err));
    CHECK_FALSE(err.empty());
    std::string bytes = read_file("assets/world-110m.bin");
    bytes.resize(bytes.size() - 10);
    CHECK_FALSE(m.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), err));
    CHECK(err.find("size") != std::string::npos);
    CHECK(m.empty());
}
