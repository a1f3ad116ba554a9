// world_map.h — country shapes for drawing and picking, read from the app's map asset
// (assets/world-<res>.bin, written by tools/world-atlas-to-asset.mjs).
//
// Vertices are stored projected (Equal Earth), so drawing, picking and labels agree exactly:
// what is drawn as a straight edge between two projected vertices is what picking tests.
// Picking uses a uniform grid over polygon bounding boxes, then even-odd point-in-polygon over
// the polygon's rings (holes such as Lesotho inside South Africa come out right).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

namespace techmap {

struct MapPolygon {
    uint32_t first_ring = 0, ring_count = 0;
    uint32_t first_index = 0, index_count = 0;  // into WorldMap::indices (global vertex indices)
    glm::vec2 min{0}, max{0};                   // projected bounding box
    int country = 0;                            // index into WorldMap::countries
};

struct MapRing { uint32_t first = 0, count = 0; };

struct MapCountry {
    std::string iso;           // ISO 3166-1 alpha-3 (or an X.. code for unrecognised areas)
    uint32_t first_polygon = 0, polygon_count = 0;
    glm::vec2 min{0}, max{0};
    float area = 0;            // projected area (equal-area: proportional to true area)
};

class WorldMap {
public:
    // Parses an asset. Returns false (and sets error) on a malformed one, leaving *this empty.
    bool load(const uint8_t* bytes, size_t size, std::string& error);
    bool empty() const { return countries.empty(); }

    // Country index at a projected point, or -1 (ocean, lakes, holes). Never the lakes entry.
    int pick(glm::vec2 projected) const;
    int find(const std::string& iso) const;

    std::vector<MapCountry> countries;
    std::vector<MapPolygon> polygons;
    std::vector<MapRing> rings;
    std::vector<glm::vec2> vertices;   // projected
    std::vector<uint32_t> indices;     // triangles, global vertex indices
    std::vector<uint32_t> border_indices;  // line segments (pairs) along every ring
    int lakes = -1;                    // the pseudo-country "~LK" holding lakes (water), or -1

private:
    static constexpr int kGridW = 96, kGridH = 48;
    std::vector<std::vector<uint32_t>> grid_;  // polygon indices per cell
    bool inside(const MapPolygon& p, glm::vec2 q) const;
    int cell(float v, float lo, float hi, int n) const;
};

}  // namespace techmap
