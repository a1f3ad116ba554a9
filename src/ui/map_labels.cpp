// map_labels.cpp — measuring and drawing the country names that view/label_placement placed.
#include "ui/map_labels.h"

#include <imgui.h>

namespace techmap {

const std::vector<glm::vec2>& label_text_sizes(const Dataset& ds, ImFont* font, float font_px) {
    static std::vector<glm::vec2> sizes;
    static const ImFont* sized_font = nullptr;
    static float sized_px = 0;
    if (sized_font != font || sized_px != font_px || sizes.size() != ds.countries.size()) {
        sizes.resize(ds.countries.size());
        for (size_t c = 0; c < ds.countries.size(); ++c) {
            const ImVec2 s = font->CalcTextSizeA(font_px, 1e9f, 0.0f, ds.countries[c].name.c_str());
            sizes[c] = {s.x, s.y};
        }
        sized_font = font;
        sized_px = font_px;
    }
    return sizes;
}

int draw_map_labels(const Dataset& ds, const std::vector<PlacedLabel>& labels, ImFont* font, float font_px) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImU32 halo = IM_COL32(255, 255, 255, 170), ink = IM_COL32(25, 28, 33, 255);
    for (const PlacedLabel& l : labels) {
        const char* name = ds.countries[size_t(l.country)].name.c_str();
        const ImVec2 at(l.min.x + 2, l.min.y + 1);
        for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
            dl->AddText(font, font_px, ImVec2(at.x + d.x, at.y + d.y), halo, name);
        dl->AddText(font, font_px, at, ink, name);
    }
    return int(labels.size());
}

}  // namespace techmap
