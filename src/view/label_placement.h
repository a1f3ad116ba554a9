// label_placement.h — where country names go on the map: placed greedily by importance so that
// they never overlap each other or a small country's marker: the target and members first, then
// suppliers of the selected input, then the largest countries; a name wider than its country
// (unless the country matters here) or one that would collide gives way.
// Pure geometry in CSS pixels: no GL, no ImGui. The caller measures the names with its font
// (ui/map_labels.h) and draws what is placed.
//
//   std::vector<glm::vec2> sizes = ...;   // per dataset country, its name's size in px
//   for (const PlacedLabel& l : place_labels(model, map, links, view, area, markers, node, sizes)) draw(l);
#pragma once
#include <vector>

#include <glm/vec2.hpp>

#include "core/map_camera.h"
#include "core/model.h"
#include "core/world_map.h"
#include "view/map_content.h"

namespace techmap {

struct PlacedLabel {
    int country = -1;       // dataset index
    glm::vec2 min{0}, max{0};  // the name's box with its halo margin (CSS px); the text starts at min + (2, 1)
};

// Labels for `node`'s scenario on `map` as seen through `view` in `area`, most important first.
// `text_size` has one entry per dataset country (the name's width and height in px).
std::vector<PlacedLabel> place_labels(const Model& m, const WorldMap& map, const CountryLinks& links, const MapCamera& view,
                                      const ScreenRect& area, const std::vector<SmallCountry>& markers, int node,
                                      const std::vector<glm::vec2>& text_size);

}  // namespace techmap
