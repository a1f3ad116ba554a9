// map_labels.h — country names on the map, drawn with ImGui over the map and under the panels.
// Where they go is decided by view/label_placement.h (pure geometry, tested natively); here the
// names are measured with the UI font and drawn with a light halo.
#pragma once
#include <vector>

#include <glm/vec2.hpp>

#include "core/dataset.h"
#include "view/label_placement.h"

struct ImFont;

namespace techmap {

// Each dataset country's name measured with `font` at `font_px` (cached per font and size).
const std::vector<glm::vec2>& label_text_sizes(const Dataset& ds, ImFont* font, float font_px);

// Draws the placed names into ImGui's background draw list; returns how many were drawn.
int draw_map_labels(const Dataset& ds, const std::vector<PlacedLabel>& labels, ImFont* font, float font_px);

}  // namespace techmap
