// map_content.cpp — colours, arcs and markers for the current scenario.
#include "view/map_content.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/vec3.hpp>

#include "core/projection.h"

namespace techmap {

glm::u8vec4 palette::role(Role r) {
    switch (r) {
        case Role::Member: return kMember;
        case Role::Target: return kTarget;
        case Role::Other: return kOther;
    }
    return kNoData;
}

glm::u8vec4 palette::share(double f) {
    // viridis at 6 stops, linearly interpolated (perceptually even, colour-blind safe)
    static const glm::vec3 stops[6] = {{68, 1, 84}, {65, 68, 135}, {42, 120, 142}, {34, 168, 132}, {122, 209, 81}, {253, 231, 37}};
    f = std::clamp(f, 0.0, 1.0) * 5.0;
    const int i = std::min(int(f), 4);
    const glm::vec3 c = glm::mix(stops[i], stops[i + 1], float(f - i));
    return {uint8_t(c.r), uint8_t(c.g), uint8_t(c.b), 255};
}

void CountryLinks::build(const Dataset& ds, const WorldMap& map) {
    map_to_data.assign(map.countries.size(), -1);
    data_to_map.assign(ds.countries.size(), -1);
    for (size_t i = 0; i < map.countries.size(); ++i) {
        const int c = ds.find_country(map.countries[i].iso);
        map_to_data[i] = c;
        if (c >= 0) data_to_map[size_t(c)] = int(i);
    }
}

double max_country_share(const Node& node) {
    double mx = 0;
    for (const ShareRow& r : node.shares)
        if (r.country >= 0 && is_known(r.share)) mx = std::max(mx, r.share);
    return mx;
}

std::vector<glm::u8vec4> colors_by_country(const Model& m, MapLayer layer, int node_index) {
    const Dataset& ds = m.data();
    const Domain* dom = m.domain();
    const Node* node = (layer == MapLayer::Share && dom && node_index >= 0) ? &dom->nodes[size_t(node_index)] : nullptr;
    std::vector<glm::u8vec4> by_data(ds.countries.size(), palette::kNotListed);
    if (!node) {
        for (size_t c = 0; c < by_data.size(); ++c) by_data[c] = palette::role(m.role(int(c)));
        return by_data;
    }
    const double mx = std::max(max_country_share(*node), 1e-9);
    for (const ShareRow& r : node->shares)
        if (r.country >= 0)
            by_data[size_t(r.country)] = is_known(r.share) ? palette::share(r.share / mx) : palette::kUnknownShare;
    return by_data;
}

std::vector<glm::u8vec4> country_colors(const WorldMap& map, const CountryLinks& links,
                                        const std::vector<glm::u8vec4>& by_country, const glm::vec4& water) {
    std::vector<glm::u8vec4> colors(map.countries.size(), palette::kNoData);
    for (size_t i = 0; i < colors.size(); ++i) {
        if (int(i) == map.lakes) {
            colors[i] = glm::u8vec4(glm::vec4(water) * 255.0f);
            continue;
        }
        const int c = links.map_to_data[i];
        if (c < 0) continue;
        colors[i] = by_country[size_t(c)];
    }
    return colors;
}

std::vector<ArcSpec> supply_arcs(const Model& m, int node_index) {
    std::vector<ArcSpec> arcs;
    const Domain* dom = m.domain();
    const int target = m.scenario().target;
    if (!dom || node_index < 0 || target < 0) return arcs;
    const Node& node = dom->nodes[size_t(node_index)];
    const Country& to = m.data().countries[size_t(target)];
    for (const SupplierDenial& r : supplier_denials(m.data(), node, m.scenario())) {
        if (!is_known(r.share) || r.share <= 0) continue;
        const Country& from = m.data().countries[size_t(r.country)];
        ArcSpec a;
        a.from_lon = from.lon;
        a.from_lat = from.lat;
        a.to_lon = to.lon;
        a.to_lat = to.lat;
        a.width_px = float(1.5 + std::min(r.share, 100.0) * 0.10);
        // denied (a ban), perhaps denied (a licence: a range), or open: as the core says for the
        // mode and the date on screen, whoever is a member
        a.color = r.level == ControlLevel::Certain ? palette::kArcDenied : r.level == ControlLevel::Possible ? palette::kArcLicence : palette::kArcOpen;
        a.denial = r.level;
        arcs.push_back(a);
    }
    return arcs;
}

std::vector<uint8_t> countries_that_matter(const Model& m) {
    const Dataset& ds = m.data();
    std::vector<uint8_t> matters(ds.countries.size(), 0);
    if (const Domain* d = m.domain())
        for (const Node& n : d->nodes)
            for (const ShareRow& r : n.shares)
                if (r.country >= 0) matters[size_t(r.country)] = 1;
    for (const AlliancePreset& p : ds.alliances)  // Malta, Luxembourg...: members of presets
        for (const AllianceSnapshot& s : p.snapshots)
            for (int c : s.members) matters[size_t(c)] = 1;
    for (size_t c = 0; c < matters.size(); ++c)
        if (m.role(int(c)) != Role::Other) matters[c] = 1;
    return matters;
}

std::vector<SmallCountry> small_countries(const Model& m, const std::vector<uint8_t>& matters, const WorldMap& map,
                                          const CountryLinks& links, const MapCamera& view, const ScreenRect& area,
                                          float min_area_px) {
    const Dataset& ds = m.data();
    const double k = view.pixels_per_unit(area);
    std::vector<SmallCountry> out;
    for (size_t c = 0; c < ds.countries.size() && c < matters.size(); ++c) {
        if (!matters[c]) continue;
        const int mc = c < links.data_to_map.size() ? links.data_to_map[c] : -1;
        const double px_area = mc >= 0 ? map.countries[size_t(mc)].area * k * k : 0.0;
        if (mc >= 0 && px_area >= min_area_px) continue;
        SmallCountry s;
        s.country = int(c);
        s.projected = glm::vec2(equal_earth(ds.countries[c].lon, ds.countries[c].lat));
        s.radius_px = m.role(int(c)) != Role::Other ? 6.0f : 3.5f;  // small and quiet unless in the scenario
        out.push_back(s);
    }
    return out;
}

}  // namespace techmap
