// map_labels.h — country names on the map, placed greedily by importance so that they never
// overlap: the target and members first, then suppliers of the selected input, then the
// largest countries; a name that does not fit its country (or would collide) gives way.
#pragma once
#include <vector>

#include "core/map_view.h"
#include "core/model.h"
#include "core/world_map.h"
#include "view/map_content.h"

struct ImFont;

namespace techmap {

struct LabelCandidate {
    int country = -1;       // dataset index
    float priority = 0;     // higher first
    float screen_area = 0;  // px² of the shape on screen (0: marker only)
};

// Draws the labels into ImGui's background draw list (over the map, under the panels).
// Returns how many were placed.
int draw_map_labels(const Model& m, const WorldMap& map, const CountryLinks& links, const MapView& view,
                    const ScreenRect& area, const std::vector<SmallCountry>& markers, int node, ImFont* font,
                    float font_px);

}  // namespace techmap
