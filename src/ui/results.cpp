// results.cpp — the panel's figures: the domain's headline results (choke points, access under
// denial and retaliation, R&D, the keys, AI investment, chip demand), the ranked lists, and the
// comparison with a pinned scenario.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/widgets.h"

namespace techmap {

void results_section(Model& m) {
    const Domain* d = m.domain();
    if (!d) return;
    const DomainFigures& f = m.figures();
    const Scenario& s = m.scenario();
    const Dataset& ds = m.data();
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : "the target";
    ImGui::TextUnformatted(d->name.c_str());
    bullet("Choke points held: %d of %d inputs with data%s", f.choke_points, f.nodes_with_shares,
           f.possible_choke_points > 0 ? (" (+" + std::to_string(f.possible_choke_points) + " possible)").c_str() : "");
    if (f.possible_choke_points > 0 && ImGui::IsItemHovered())
        ImGui::SetTooltip("Possible: the alliance reaches the threshold only if shares the data leaves unknown fall to members.");
    const std::string product = f.outputs.empty() ? std::string() : d->nodes[size_t(f.outputs[0])].name;
    if (s.deny && !product.empty())
        bullet("%s's access to the end product (%s) under denial: %s", target.c_str(), product.c_str(), percent_text(f.target_access_to_outputs).c_str());
    bullet("Inputs %s can get less than half of: %d", target.c_str(), f.target_denied_nodes);
    if (s.retaliation && !product.empty()) {
        bullet("Alliance's access to the end product if %s cuts it off: %s", target.c_str(), percent_text(f.alliance_access_to_outputs).c_str());
        if (!f.alliance_access_to_outputs.exact() && ImGui::IsItemHovered())
            ImGui::SetTooltip("A range: some inputs have suppliers whose shares the data does not give (e.g. photoresists),\n"
                              "so the lower bound assumes the worst for each of them.");
    }
    Pooled rd = m.pooled_rd();
    if (!rd.unit.empty()) {
        const std::string tv = rd.target_known ? std::to_string(int(rd.target_value + 0.5)) : std::string("unknown");
        const std::string missing = rd.members_without_data > 0
            ? " (" + std::to_string(rd.members_without_data) + (rd.members_without_data == 1 ? " member" : " members") + " without data)" : "";
        bullet("R&D spending (GERD, %d): members %.0f vs %s %s, USD bn PPP%s", rd.year_max ? rd.year_max : 2021,
               rd.members_value, target.c_str(), tv.c_str(), missing.c_str());
        if (ImGui::IsItemHovered() && !rd.sources.empty())
            ImGui::SetTooltip("%s. Source: %s", rd.indicator_name.c_str(), ds.sources[size_t(rd.sources[0])].title.c_str());
    }
    const DomainKeys& keys = m.keys();
    if (keys.coalition_found) {
        std::string names;
        for (int c : keys.minimal_coalition) names += (names.empty() ? "" : ", ") + ds.countries[size_t(c)].id;
        bullet("Smallest group holding %.0f%% of every input any group can: %zu countries (%s)", s.threshold,
               keys.minimal_coalition.size(), names.c_str());
        if (ImGui::IsItemHovered() && !keys.power.empty()) {
            std::string top;
            for (size_t i = 0; i < keys.power.size() && i < 5; ++i) {
                char b[64];
                std::snprintf(b, sizeof b, "%s%s %.2f", i ? ", " : "", ds.countries[size_t(keys.power[i].country)].id.c_str(), keys.power[i].index);
                top += b;
            }
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
            ImGui::Text("Power (mean Shapley-Shubik index over %d inputs): %s", keys.nodes_considered, top.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    const Pooled ai = m.pooled_ai();
    if (!ai.unit.empty() && (ai.members_with_data > 0 || ai.target_known)) {
        char tv[32] = "unknown";
        if (ai.target_known) std::snprintf(tv, sizeof tv, "%.2f", ai.target_value);
        bullet("Private investment in AI (%d): members %.1f vs %s %s, %s%s", ai.year_max ? ai.year_max : ai.target_year, ai.members_value,
               target.c_str(), tv, ai.unit.c_str(),
               ai.members_without_data ? (" (" + std::to_string(ai.members_without_data) + " members without data)").c_str() : "");
    }
    int year = 0;
    const double demand = m.target_demand_share(&year);
    if (is_known(demand)) bullet("%s's share of world chip sales: %.1f%% (%d, SIA/WSTS)", target.c_str(), demand, year);
}

// Ranked lists: the domain's inputs by the alliance's share (bars show ranges), and the countries
// that hold the keys (power index). Click an input to show it on the map.
void ranked_section(Model& m, UiState& ui) {
    const Domain* d = m.domain();
    if (!d) return;
    const bool open = ImGui::CollapsingHeader("Ranked: inputs held, countries with the keys");
    remember(ui, "ranked");
    if (!open) return;
    const DomainFigures& f = m.figures();
    std::vector<int> order;
    for (size_t i = 0; i < d->nodes.size(); ++i)
        if (f.nodes[i].has_shares && d->nodes[i].link < 0) order.push_back(int(i));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Range &x = f.nodes[size_t(a)].alliance_share, &y = f.nodes[size_t(b)].alliance_share;
        return x.lo != y.lo ? x.lo > y.lo : x.hi > y.hi;
    });
    const float bar_w = 90.0f * ui.scale;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Inputs the alliance holds most of (solid: certain; pale: if unknown shares are members'):");
    ImGui::PopTextWrapPos();
    for (size_t k = 0; k < order.size() && k < 8; ++k) {
        const int i = order[k];
        const NodeFigures& nf = f.nodes[size_t(i)];
        range_bar(nf.alliance_share, bar_w);
        ImGui::SameLine();
        const std::string label = percent_text(nf.alliance_share) + (nf.choke == Choke::Yes ? " * " : "   ") + d->nodes[size_t(i)].name +
                                  "##r" + d->nodes[size_t(i)].id;
        if (ImGui::Selectable(label.c_str(), i == m.selected_node())) m.select_node(i);
        if (k == 0) remember(ui, "ranked-first");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s: click to show it on the map", d->nodes[size_t(i)].name.c_str(), nf.choke == Choke::Yes ? " (a choke point)" : "");
    }
    const DomainKeys& keys = m.keys();
    if (!keys.power.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Who holds the keys (mean Shapley-Shubik power over %d inputs):", keys.nodes_considered);
        ImGui::PopTextWrapPos();
        for (size_t k = 0; k < keys.power.size() && k < 6; ++k) {
            const Power& p = keys.power[k];
            range_bar({100 * p.index, 100 * p.index}, bar_w);
            ImGui::SameLine();
            ImGui::Text("%.2f  %s%s", p.index, m.data().countries[size_t(p.country)].name.c_str(),
                        m.scenario().is_member(p.country) ? "  (member)" : p.country == m.scenario().target ? "  (target)" : "");
        }
    }
}

// Pin the current scenario and compare the next with it: which inputs flip.
void compare_section(Model& m, UiState& ui) {
    const Domain* d = m.domain();
    if (!d) return;
    if (!m.has_pin()) {
        if (ImGui::Button("Pin this scenario to compare")) m.pin();
        remember(ui, "pin");
        return;
    }
    const Model::Comparison c = m.compare();
    ImGui::Text("Compared with \"%s\":", c.pinned_name.c_str());
    ImGui::SameLine();
    const bool unpin = small_button(ui, "unpin");
    remember(ui, "unpin");
    if (unpin) { m.unpin(); return; }
    bullet("choke points %d -> %d; %zu inputs change status", c.choke_points_before, c.choke_points_after, c.flips.size());
    const char* names[] = {"no", "possible", "yes"};
    for (size_t i = 0; i < c.flips.size() && i < 6; ++i) {
        const Model::Flip& f = c.flips[i];
        bullet("%s: %s -> %s", d->nodes[size_t(f.node)].name.c_str(), names[int(f.before)], names[int(f.after)]);
    }
    if (c.flips.size() > 6) ImGui::TextDisabled("and %zu more", c.flips.size() - 6);
}

}  // namespace techmap
