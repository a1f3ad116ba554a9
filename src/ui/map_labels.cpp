// map_labels.cpp — greedy, non-overlapping country labels.
#include "ui/map_labels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/projection.h"

namespace techmap {

int draw_map_labels(const Model& m, const WorldMap& map, const CountryLinks& links, const MapView& view,
                    const ScreenRect& area, const std::vector<SmallCountry>& markers, int node, ImFont* font,
                    float font_px) {
    const Dataset& ds = m.data();
    const double k = view.pixels_per_unit(area);
    std::vector<uint8_t> supplier(ds.countries.size(), 0);
    if (const Domain* d = m.domain(); d && node >= 0)
        for (const ShareRow& r : d->nodes[size_t(node)].shares)
            if (r.country >= 0) supplier[size_t(r.country)] = 1;
    std::vector<uint8_t> marked(ds.countries.size(), 0);
    for (const SmallCountry& s : markers) marked[size_t(s.country)] = 1;

    // text sizes per country, measured once per font and size
    static std::vector<ImVec2> sizes;
    static const ImFont* sized_font = nullptr;
    static float sized_px = 0;
    if (sized_font != font || sized_px != font_px || sizes.size() != ds.countries.size()) {
        sizes.resize(ds.countries.size());
        for (size_t c = 0; c < ds.countries.size(); ++c) sizes[c] = font->CalcTextSizeA(font_px, 1e9f, 0.0f, ds.countries[c].name.c_str());
        sized_font = font;
        sized_px = font_px;
    }
    std::vector<LabelCandidate> cands;
    for (size_t c = 0; c < ds.countries.size(); ++c) {
        const int mc = links.data_to_map[c];
        const float px_area = mc >= 0 ? float(map.countries[size_t(mc)].area * k * k) : 0.0f;
        if (mc < 0 && !marked[c]) continue;
        const int role = m.role(int(c));
        float pr = std::log(1.0f + px_area);
        if (role == 2) pr += 1000;
        else if (role == 1) pr += 500;
        if (supplier[c]) pr += 250;
        cands.push_back({int(c), pr, px_area});
    }
    std::sort(cands.begin(), cands.end(), [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });

    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    std::vector<ImVec4> placed;  // x0, y0, x1, y1
    // markers are obstacles too: a name is never printed over a dot
    for (const SmallCountry& s : markers) {
        const glm::dvec2 p = view.map_to_screen(glm::dvec2(s.projected), area);
        placed.push_back(ImVec4(float(p.x) - s.radius_px, float(p.y) - s.radius_px, float(p.x) + s.radius_px, float(p.y) + s.radius_px));
    }
    const size_t obstacles = placed.size();
    int count = 0;
    for (const LabelCandidate& cand : cands) {
        const Country& country = ds.countries[size_t(cand.country)];
        const char* name = country.name.c_str();
        const ImVec2 size = sizes[size_t(cand.country)];
        const bool important = cand.priority >= 250;
        // a name wider than its country is left out unless the country matters here
        if (!important && (cand.screen_area < size.x * size.y * 1.2f)) continue;
        glm::dvec2 p = view.map_to_screen(equal_earth(country.lon, country.lat), area);
        if (marked[size_t(cand.country)]) p.y -= 6 + size.y * 0.5;  // above its marker
        ImVec4 r(float(p.x) - size.x / 2 - 2, float(p.y) - size.y / 2 - 1, float(p.x) + size.x / 2 + 2, float(p.y) + size.y / 2 + 1);
        if (r.x < area.x || r.z > area.x + area.w || r.y < area.y || r.w > area.y + area.h) continue;
        bool overlaps = false;
        for (size_t i = 0; i < placed.size() && !overlaps; ++i) {
            const ImVec4& o = placed[i];
            if (i < obstacles && marked[size_t(cand.country)]) continue;  // its own dot area is fine
            overlaps = r.x < o.z && r.z > o.x && r.y < o.w && r.w > o.y;
        }
        if (overlaps) continue;
        placed.push_back(r);
        const ImVec2 at(r.x + 2, r.y + 1);
        const ImU32 halo = IM_COL32(255, 255, 255, 170), ink = IM_COL32(25, 28, 33, 255);
        for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
            dl->AddText(font, font_px, ImVec2(at.x + d.x, at.y + d.y), halo, name);
        dl->AddText(font, font_px, at, ink, name);
        ++count;
    }
    return count;
}

}  // namespace techmap
