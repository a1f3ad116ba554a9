// map_content.h — what the map shows for the current scenario: a colour per country (by role,
// or by share of the selected input), the supply arcs of the selected input, and markers for
// countries too small to see. Reads the Model's figures and rows; computes no figure.
// No GL and no ImGui: the renderer (src/render) draws it, the panels (src/ui) explain it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/map_camera.h"
#include "core/model.h"
#include "core/scenario_link.h"
#include "core/world_map.h"

namespace techmap {


// A great-circle arc between two places, drawn with its width in CSS pixels; pale at `from`,
// full colour at `to`, so that the direction of supply reads without animation.
struct ArcSpec {
    double from_lon = 0, from_lat = 0, to_lon = 0, to_lat = 0;
    float width_px = 2;
    glm::u8vec4 color{0, 0, 0, 255};
    ControlLevel denial = ControlLevel::None;  // what the colour says: denied, a licence, open
};

struct MarkerSpec {
    glm::vec2 projected{0};
    float radius_px = 5;
    glm::u8vec4 color{200, 200, 200, 255};
};

// Colour-blind-safe colours (Okabe–Ito for roles; viridis for shares).
namespace palette {
constexpr glm::u8vec4 kMember{0, 114, 178, 255};      // blue
constexpr glm::u8vec4 kTarget{213, 94, 0, 255};       // vermillion
constexpr glm::u8vec4 kOther{214, 211, 204, 255};     // light warm grey
constexpr glm::u8vec4 kNoData{176, 176, 176, 255};    // grey: not in the dataset
constexpr glm::u8vec4 kUnknownShare{204, 121, 167, 255};  // reddish purple: supplier, share unknown
constexpr glm::u8vec4 kNotListed{232, 230, 226, 255}; // very light: not a listed supplier
// Arcs from a supplier to the target: denied (dark blue), a licence (sky blue, may be granted
// or refused), open (dark grey).
constexpr glm::u8vec4 kArcDenied{0, 90, 150, 255};
constexpr glm::u8vec4 kArcLicence{86, 180, 233, 255};
constexpr glm::u8vec4 kArcOpen{60, 60, 60, 255};
glm::u8vec4 role(Role role);
glm::u8vec4 share(double fraction);                   // viridis, 0..1
}  // namespace palette

// Links between a WorldMap's countries and the dataset's.
struct CountryLinks {
    std::vector<int> map_to_data;  // WorldMap country -> dataset country (-1)
    std::vector<int> data_to_map;  // dataset country -> WorldMap country (-1)
    void build(const Dataset& ds, const WorldMap& map);
};

// The largest share among countries in `node` (for the legend's scale); 0 if none.
double max_country_share(const Node& node);

// One colour per dataset country: its role, or its share of `node` on the viridis scale.
std::vector<glm::u8vec4> colors_by_country(const Model& m, MapLayer layer, int node);
// The same for each WorldMap country (lakes in `water`, shapes without data grey).
std::vector<glm::u8vec4> country_colors(const WorldMap& map, const CountryLinks& links,
                                        const std::vector<glm::u8vec4>& by_country, const glm::vec4& water);

// Arcs from each supplier of `node` to the target, coloured by how surely the core says that
// supply is denied on the scenario's date in its mode (supplier_denials, figures.h).
std::vector<ArcSpec> supply_arcs(const Model& m, int node);

// Per dataset country: does it matter here (a supplier in the domain, a member of an alliance
// preset, the scenario's member or target)? Changes only with the scenario: build it then.
std::vector<uint8_t> countries_that_matter(const Model& m);

// Countries that matter and have no shape or one smaller than `min_area_px` on screen.
struct SmallCountry {
    int country = -1;          // dataset index
    glm::vec2 projected{0};
    float radius_px = 5;
};
std::vector<SmallCountry> small_countries(const Model& m, const std::vector<uint8_t>& matters, const WorldMap& map,
                                          const CountryLinks& links, const MapCamera& view, const ScreenRect& area,
                                          float min_area_px = 60.0f);

}  // namespace techmap
