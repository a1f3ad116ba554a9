// panels.h — the ImGui panels. They call the Model's API and show its figures; they compute
// no figure themselves.
#pragma once
#include <array>
#include <map>
#include <string>

#include "core/model.h"
#include "view/map_content.h"

namespace techmap {

struct UiState {
    int preset_year = 0;         // 0 = today, else "as of" year (2021)
    int preset = -1;             // selected preset index in the combo
    std::string load_message;    // shown when the last data load had problems
    bool panel_open = true;
    float panel_right = 0;       // right edge of the docked panel (CSS px), for fitting the map
    MapLayer layer = MapLayer::Role;  // colour countries by role or by share of the selected input
    bool show_arcs = true;       // supply arcs of the selected input
    bool show_labels = true;
    bool show_why = false;       // the selected input's explanation under the map caption
    char search[64] = {0};       // country list filter
    char name_buf[81] = {0};     // the alliance's name being edited
    bool name_editing = false;
    bool show_sources = false, show_help = false, show_about = false, show_chain = false;
    // Screen rectangles (CSS px: x0, y0, x1, y1) of named controls, refreshed every frame, so
    // that the page (tests, a guided story) can point at them whatever the font and layout.
    std::map<std::string, std::array<float, 4>> items;
    int tooltip_country = -1;    // the country whose card is shown this frame (-1: none)
};

// Builds the panels for this frame. `hovered` is a dataset country under the pointer (or -1).
void ui_draw(Model& model, UiState& ui, int hovered, float width_css, float height_css);

}  // namespace techmap
