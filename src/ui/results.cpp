// results.cpp — the panel's figures: the domain's headline results (choke points, access under
// denial and retaliation, R&D, the keys, AI investment, chip demand), the ranked lists, and the
// comparison with a pinned scenario.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/measures.h"
#include "core/report.h"
#include "ui/widgets.h"

namespace techmap {
namespace {
// 1150.4 -> "1,150": whole numbers with a thousands separator
std::string thousands(double v) {
    std::string t = std::to_string(long(std::lround(v)));
    for (int i = int(t.size()) - 3; i > (t[0] == '-' ? 1 : 0); i -= 3) t.insert(size_t(i), ",");
    return t;
}
}  // namespace

void compare_figures(Model& m, UiState& ui);

// Who holds the keys (power indices over every input: tens of ms in WebAssembly): not on the
// app's first frame, so that the first map is not kept waiting; the frames after it (the opening
// draws several) have them. Empty until then.
const DomainKeys& keys_after_first_frame(Model& m) {
    static const DomainKeys not_yet;
    return m.keys_ready() || ImGui::GetFrameCount() > 1 ? m.keys() : not_yet;
}

void results_section(Model& m, UiState& ui) {
    const Domain* d = m.domain();
    if (!d) return;
    const DomainFigures& f = m.figures();
    const Scenario& s = m.scenario();
    const Dataset& ds = m.data();
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : "the target";
    const bool demand = d->measures == Measures::Demand;
    // a fixed height: a change of figures moves nothing below (the ranked lists stay put)
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float h = std::clamp(ImGui::GetIO().DisplaySize.y * 0.5f, line * 10.0f, line * 24.0f);
    ImGui::BeginChild("##figures", ImVec2(0, h), false);
    remember_window(ui, "results-figures");
    if (m.has_pin()) {
        compare_figures(m, ui);
        ImGui::Separator();
    }
    ImGui::TextUnformatted(d->name.c_str());
    const std::string year = f.year_min && f.year_min != f.year_max
                                 ? " (figures of " + std::to_string(f.year_min) + " to " + std::to_string(f.year_max) + ")"
                                 : f.year_max ? " (" + std::to_string(f.year_max) + ")" : std::string();
    // shares of an activity (research, investment) are not supply: no denial of them is told
    const bool activity = d->measures == Measures::Share;
    if (!demand) {
        bullet_term("choke point",
                    activity ? "The alliance controls %d of the %d inputs with data%s: it accounts for at least %.0f%% of the world's total of each."
                             : "The alliance controls %d of the %d inputs with data%s: it makes at least %.0f%% of world supply of each.",
                    f.choke_points, f.nodes_with_shares, year.c_str(), s.threshold);
        if (f.possible_choke_points > 0)
            bullet("%d more could be, if the shares the data leaves unknown belong to members.", f.possible_choke_points);
        const std::string product = f.outputs.empty() ? std::string() : d->nodes[size_t(f.outputs[0])].name;
        // in the mode and on the date on screen, in the headline's words (headline.h)
        if (s.deny && !product.empty() && !activity)
            bullet("%s: %s %s of world supply.", product.c_str(), in_sentence(denial_clause(ds, s)).c_str(),
                   plain_percent(f.target_access_to_outputs.lo, f.target_access_to_outputs.hi).c_str());
        if (s.deny && !activity) {
            // what the count counts: the chain's items whose access is known or follows from inputs
            int items = 0;
            for (size_t i = 0; i < d->nodes.size(); ++i)
                items += d->nodes[i].link < 0 && (f.nodes[i].has_shares || !d->nodes[i].inputs.empty());
            bullet("%s could get less than half of world supply of %d of the %d inputs and stages in the chain.", target.c_str(),
                   f.target_denied_nodes, items);
        }
        if (s.retaliation && !product.empty() && !activity) {
            bullet_term(f.alliance_access_to_outputs.exact() ? "retaliation" : "range",
                        "%s: %s %s of world supply.", product.c_str(), in_sentence(cutoff_clause(ds, s)).c_str(),
                        plain_percent(f.alliance_access_to_outputs.lo, f.alliance_access_to_outputs.hi).c_str());
        }
    }
    Pooled rd = m.pooled_rd();
    if (!rd.unit.empty()) {
        // the years of the values summed: never a year the values are not of
        const int lo = rd.first_year(), hi = rd.last_year();
        const std::string years = lo == hi ? std::to_string(hi) : std::to_string(lo) + "–" + std::to_string(hi);
        const std::string tv = rd.target_known ? thousands(rd.target_value) : std::string("unknown");
        const std::string missing = rd.members_without_data > 0
            ? " (" + std::to_string(rd.members_without_data) + (rd.members_without_data == 1 ? " member" : " members") + " without data)" : "";
        bullet_term("GERD", "Research and development spending (%s): members USD %s bn, %s %s bn (in purchasing-power dollars)%s.",
                    years.c_str(), thousands(rd.members_value).c_str(), target.c_str(), tv.c_str(), missing.c_str());
    }
    const DomainKeys& keys = keys_after_first_frame(m);
    if (!demand && keys.coalition_found && !keys.minimal_coalition.empty()) {
        int in = 0;
        for (int c : keys.minimal_coalition) in += s.is_member(c) ? 1 : 0;
        std::vector<int> group(keys.minimal_coalition.begin(), keys.minimal_coalition.end());
        // a property of the shares, whoever the alliance and the target: say so when the target is in it
        const bool has_target = s.target >= 0 && std::find(group.begin(), group.end(), s.target) != group.end();
        const std::string target_in = has_target ? "; " + country_in_sentence(target) + ", the target, is one of them" : std::string();
        bullet("The smallest group of countries that could together control every input any group can: %zu countries (%s), "
               "%d of them in the alliance%s.",
               group.size(), country_list(ds, group, 12).c_str(), in, target_in.c_str());
        if (ImGui::IsItemHovered() && !keys.power.empty()) {
            std::string top;
            for (size_t i = 0; i < keys.power.size() && i < 5; ++i) {
                char b[96];
                std::snprintf(b, sizeof b, "%s%s %.2f", i ? ", " : "", ds.countries[size_t(keys.power[i].country)].name.c_str(), keys.power[i].index);
                top += b;
            }
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
            ImGui::Text("Power (mean Shapley-Shubik index over the %d inputs where some group of countries can reach the threshold): %s",
                        keys.nodes_considered, top.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    const Pooled ai = m.pooled_ai();
    if (!ai.unit.empty() && (ai.members_with_data > 0 || ai.target_known)) {
        char tv[32] = "unknown";
        if (ai.target_known) std::snprintf(tv, sizeof tv, "%.2f", ai.target_value);
        bullet("Private investment in AI (%d): members %.1f, %s %s, %s%s.", ai.year_max ? ai.year_max : ai.target_year, ai.members_value,
               target.c_str(), tv, ai.unit.c_str(),
               ai.members_without_data ? (" (" + std::to_string(ai.members_without_data) + (ai.members_without_data == 1 ? " member" : " members") + " without data)").c_str() : "");
    }
    int dyear = 0;
    const double share = m.target_demand_share(&dyear);
    if (is_known(share)) bullet("%s buys %.1f%% of the world's chips (%d): denying it also loses a customer.", target.c_str(), share, dyear);
    ImGui::EndChild();
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
    const DomainKeys& keys = keys_after_first_frame(m);
    if (!keys.power.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Who holds the keys, members or not (mean Shapley-Shubik power over the %d of %d inputs with data where some "
                            "group of countries reaches the threshold):", keys.nodes_considered, m.figures().nodes_with_shares);
        ImGui::PopTextWrapPos();
        for (size_t k = 0; k < keys.power.size() && k < 6; ++k) {
            const Power& p = keys.power[k];
            range_bar({100 * p.index, 100 * p.index}, bar_w);
            ImGui::SameLine();
            char row[160];
            std::snprintf(row, sizeof row, "%.2f  %s%s", p.index, m.data().countries[size_t(p.country)].name.c_str(),
                          m.scenario().is_member(p.country) ? "  (member)" : p.country == m.scenario().target ? "  (the target)" : "  (not a member)");
            ImGui::TextUnformatted(row);
            remember_text(ui, ("keys-row:" + std::to_string(k + 1)).c_str(), row);
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
    const std::string name = m.pinned_name();
    const std::string title = name.empty() ? "Compared with the pinned scenario:" : "Compared with \"" + name + "\":";
    ImGui::TextUnformatted(title.c_str());
    remember_text(ui, "compare-title", title);
    ImGui::SameLine();
    const bool unpin = small_button(ui, "unpin");
    remember(ui, "unpin");
    if (unpin) m.unpin();
}

// The comparison's figures, at the top of the results' fixed-height area (so that a long list
// of changes scrolls there and never pushes the panel's sections out of sight).
void compare_figures(Model& m, UiState& ui) {
    const Domain* d = m.domain();
    if (!d || !m.has_pin()) return;
    const Model::Comparison c = m.compare();
    // the two scenarios in words, then input by input, before and after side by side
    const ComparisonWords w = comparison_words(m, c);  // the comparison made once per frame
    muted_wrapped(w.heading.c_str());
    remember_text(ui, "compare-heading", w.heading);
    bullet("choke points %d -> %d", c.choke_points_before, c.choke_points_after);
    bullet("%s", w.products.c_str());
    remember_text(ui, "compare-products", w.products);
    if (!w.lines.empty()) ImGui::TextDisabled("What the target could get, input by input:");
    if (!w.lines.empty() && ImGui::BeginTable("compare", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("input", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        // short heads (the panel is narrow): the dates and modes are in the heading above
        ImGui::TableSetupColumn("pinned", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("now", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        // the largest changes first, six at most: the rest are in the text view and the CSV
        std::vector<Model::Flip> shown = c.changes;
        std::stable_sort(shown.begin(), shown.end(), [](const Model::Flip& x, const Model::Flip& y) {
            return std::fabs(x.access_after.mid() - x.access_before.mid()) > std::fabs(y.access_after.mid() - y.access_before.mid());
        });
        if (shown.size() > 6) shown.resize(6);
        for (const Model::Flip& f : shown) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s%s", d->nodes[size_t(f.node)].name.c_str(), f.before != f.after ? (f.after == Choke::Yes ? " (now a choke point)" : " (choke status changed)") : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plain_percent(f.access_before).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plain_percent(f.access_after).c_str());
        }
        ImGui::EndTable();
    }
    std::string all;
    for (const std::string& line : w.lines) all += line + "\n";
    remember_text(ui, "compare-lines", all);
    if (c.changes.size() > 6) ImGui::TextDisabled("and %zu more inputs changed (all in the text view and the CSV)", c.changes.size() - 6);
    if (w.lines.empty()) ImGui::TextDisabled("No input's figures changed.");
    else if (w.unchanged) ImGui::TextDisabled("%zu other inputs unchanged.", w.unchanged);
}

}  // namespace techmap
