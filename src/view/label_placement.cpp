// label_placement.cpp — greedy, non-overlapping country labels (see label_placement.h).
#include "view/label_placement.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/projection.h"

namespace techmap {
namespace {

struct Candidate {
    int country = -1;       // dataset index
    float priority = 0;     // higher first
    float screen_area = 0;  // px² of the shape on screen (0: marker only)
};

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
    return a.min.x < b.max.x && a.max.x > b.min.x && a.min.y < b.max.y && a.max.y > b.min.y;
}

}  // namespace

std::vector<PlacedLabel> place_labels(const Model& m, const WorldMap& map, const CountryLinks& links, const MapCamera& view,
                                      const ScreenRect& area, const std::vector<SmallCountry>& markers, int node,
                                      const std::vector<glm::vec2>& text_size) {
    const Dataset& ds = m.data();
    std::vector<PlacedLabel> placed;
    if (text_size.size() < ds.countries.size() || links.data_to_map.size() < ds.countries.size()) return placed;
    const double k = view.pixels_per_unit(area);
    std::vector<uint8_t> supplier(ds.countries.size(), 0);
    if (const Domain* d = m.domain(); d && node >= 0 && size_t(node) < d->nodes.size())
        for (const ShareRow& r : d->nodes[size_t(node)].shares)
            if (r.country >= 0) supplier[size_t(r.country)] = 1;
    std::vector<uint8_t> marked(ds.countries.size(), 0);
    for (const SmallCountry& s : markers) marked[size_t(s.country)] = 1;

    std::vector<Candidate> cands;
    for (size_t c = 0; c < ds.countries.size(); ++c) {
        const int mc = links.data_to_map[c];
        const float px_area = mc >= 0 ? float(map.countries[size_t(mc)].area * k * k) : 0.0f;
        if (mc < 0 && !marked[c]) continue;
        const Role role = m.role(int(c));
        float pr = std::log(1.0f + px_area);
        if (role == Role::Target) pr += 1000;
        else if (role == Role::Member) pr += 500;
        if (supplier[c]) pr += 250;
        cands.push_back({int(c), pr, px_area});
    }
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });

    // markers are obstacles too: a name is never printed over a dot (except its own country's)
    std::vector<PlacedLabel> dots;
    for (const SmallCountry& s : markers) {
        const glm::dvec2 p = view.map_to_screen(glm::dvec2(s.projected), area);
        dots.push_back({s.country, {float(p.x) - s.radius_px, float(p.y) - s.radius_px}, {float(p.x) + s.radius_px, float(p.y) + s.radius_px}});
    }
    for (const Candidate& cand : cands) {
        const Country& country = ds.countries[size_t(cand.country)];
        const glm::vec2 size = text_size[size_t(cand.country)];
        const bool important = cand.priority >= 250;
        // a name wider than its country is left out unless the country matters here
        if (!important && (cand.screen_area < size.x * size.y * 1.2f)) continue;
        glm::dvec2 p = view.map_to_screen(equal_earth(country.lon, country.lat), area);
        if (marked[size_t(cand.country)]) p.y -= 6 + size.y * 0.5;  // above its marker
        // the name on its country's centre; the target's and the members' also just above,
        // below, left or right of it when that place is taken (on a phone China's centre lies
        // among the dots of its small neighbours, and the rival went unnamed)
        const float dy = size.y + 2, dx = size.x / 2 + 4;
        const glm::vec2 shifts[] = {{0, 0}, {0, -dy}, {0, dy}, {-dx, 0}, {dx, 0}};
        const size_t tries = cand.priority >= 500 ? 5 : 1;
        for (size_t t = 0; t < tries; ++t) {
            const glm::vec2 c = glm::vec2(p) + shifts[t];
            const PlacedLabel r{cand.country, {c.x - size.x / 2 - 2, c.y - size.y / 2 - 1}, {c.x + size.x / 2 + 2, c.y + size.y / 2 + 1}};
            if (r.min.x < area.x || r.max.x > area.x + area.w || r.min.y < area.y || r.max.y > area.y + area.h) continue;
            const bool on_dot = !marked[size_t(cand.country)] &&
                                std::any_of(dots.begin(), dots.end(), [&](const PlacedLabel& o) { return overlap(r, o); });
            if (on_dot || std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& o) { return overlap(r, o); })) continue;
            placed.push_back(r);
            break;
        }
    }
    return placed;
}

}  // namespace techmap
