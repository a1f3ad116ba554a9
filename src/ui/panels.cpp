// panels.cpp — the alliance panel: presets, members, target, threshold, policy switches, the
// headline figures with their ranges, years and sources, the hovered country, and credits.
#include "ui/panels.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace techmap {
namespace {

void remember(UiState& ui, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.items[name] = {a.x, a.y, b.x, b.y};
    if (ImGui::IsItemFocused()) ui.focused = name;
}

void remember_window(UiState& ui, const char* name) {
    const ImVec2 p = ImGui::GetWindowPos(), z = ImGui::GetWindowSize();
    ui.items[name] = {p.x, p.y, p.x + z.x, p.y + z.y};
}

// Does a country's name or code contain `needle` (ignoring case)? Empty matches all.
bool matches(const Country& k, const char* needle) {
    std::string n = needle, hay = k.name + " " + k.id;
    if (n.empty()) return true;
    auto lower = [](std::string& x) { std::transform(x.begin(), x.end(), x.begin(), [](unsigned char ch) { return char(std::tolower(ch)); }); };
    lower(n);
    lower(hay);
    return hay.find(n) != std::string::npos;
}

// Continues on the same line if a button labelled `next` fits there, else starts a new line.
void same_line_if_fits(const char* next) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float need = ImGui::CalcTextSize(next).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
}

// Inside an open combo: a search field (focused on opening, except on phones where a keyboard
// would cover the list) and every country whose name or code matches, drawn by `row`; the first
// row's rectangle is remembered as `first_item`.
template <class Row>
void country_search(UiState& ui, const Dataset& ds, char* buf, size_t size, const char* field_id, const char* first_item, Row row) {
    if (ImGui::IsWindowAppearing()) {
        buf[0] = 0;
        if (!ui.touch) ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint(field_id, "search", buf, size);
    bool first = true;
    for (int c : ds.countries_by_name) {
        if (!matches(ds.countries[size_t(c)], buf) || !row(c)) continue;
        if (first) remember(ui, first_item);
        first = false;
    }
}

// A compact button; on touch screens a full-height one (44 px targets).
bool small_button(const UiState& ui, const char* label) { return ui.touch ? ImGui::Button(label) : ImGui::SmallButton(label); }

void help_marker(const char* text) {
    // beside the last control if it fits there, else on a line of its own
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("(?)").x <= right) ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void alliance_section(Model& m, UiState& ui) {
    const Dataset& ds = m.data();
    // the preset shown is the one the members still come from (none after a toggle; back on undo)
    const int preset = m.preset_id().empty() ? -1 : ds.find_alliance(m.preset_id());
    ImGui::TextUnformatted("Alliance");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s, %d members", m.alliance_name().c_str(), m.scenario().member_count());
    ImGui::PopTextWrapPos();
    const char* preview = preset >= 0 ? ds.alliances[size_t(preset)].name.c_str()
                                                                                     : "Choose a preset…";
    ImGui::SetNextItemWidth(-1);
    const bool preset_open = ImGui::BeginCombo("##preset", preview);
    remember(ui, "preset");
    if (preset_open) {
        for (size_t i = 0; i < ds.alliances.size(); ++i) {
            const AlliancePreset& p = ds.alliances[i];
            const bool exists = ui.preset_year == 0 || p.as_of(ui.preset_year);
            if (!exists) ImGui::BeginDisabled();
            if (ImGui::Selectable(p.name.c_str(), preset == int(i))) m.apply_preset(p.id, ui.preset_year);
            remember(ui, ("preset:" + p.id).c_str());
            if (!exists) ImGui::EndDisabled();
        }
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted("Membership as of");
    ImGui::SameLine();
    bool changed = ImGui::RadioButton("today", &ui.preset_year, 0);
    remember(ui, "year-today");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("2021", &ui.preset_year, 2021);
    remember(ui, "year-2021");
    if (changed && preset >= 0) m.apply_preset(ds.alliances[size_t(preset)].id, ui.preset_year);
    if (preset >= 0 && !ds.alliances[size_t(preset)].note.empty()) ImGui::TextDisabled("%s", ds.alliances[size_t(preset)].note.c_str());

    // members as small buttons: click to remove
    const Scenario& s = m.scenario();
    int shown = 0;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (size_t c = 0; c < s.members.size(); ++c) {
        if (!s.members[c]) continue;
        const std::string label = ds.countries[c].id + "##m";
        const float w = ImGui::CalcTextSize(ds.countries[c].id.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (shown > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        if (small_button(ui, label.c_str())) m.toggle_member(int(c));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: click to remove", ds.countries[c].name.c_str());
        ++shown;
    }
    if (shown == 0) ImGui::TextDisabled("No members: pick a preset or click the map.");
    // add or remove any country from a searchable list
    ImGui::SetNextItemWidth(170 * ui.scale);
    const bool list_open = ImGui::BeginCombo("##countries", "Add or remove…", ImGuiComboFlags_HeightLarge);
    remember(ui, "countries");
    if (list_open) {
        country_search(ui, ds, ui.search, sizeof ui.search, "##search", "countries-first", [&](int c) {
            if (c == s.target) return false;
            const Country& k = ds.countries[size_t(c)];
            const std::string label = (s.is_member(c) ? "[x] " : "[ ] ") + k.name + "##c" + k.id;
            if (ImGui::Selectable(label.c_str(), s.is_member(c), ImGuiSelectableFlags_DontClosePopups)) m.toggle_member(c);
            return true;
        });
        ImGui::EndCombo();
    }
    same_line_if_fits("Undo");
    if (!m.can_undo()) ImGui::BeginDisabled();
    if (ImGui::Button("Undo")) m.undo();
    remember(ui, "undo");
    if (!m.can_undo()) ImGui::EndDisabled();
    same_line_if_fits("Redo");
    if (!m.can_redo()) ImGui::BeginDisabled();
    if (ImGui::Button("Redo")) m.redo();
    if (!m.can_redo()) ImGui::EndDisabled();
    if (shown > 0) {
        same_line_if_fits("Clear");
        if (ImGui::Button("Clear")) m.clear_members();
        remember(ui, "clear");
    }
    // name the alliance
    if (!ui.name_editing && std::string(ui.name_buf) != m.alliance_name())
        std::snprintf(ui.name_buf, sizeof ui.name_buf, "%s", m.alliance_name().c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##name", "name this alliance", ui.name_buf, sizeof ui.name_buf)) m.set_alliance_name(ui.name_buf);
    ui.name_editing = ImGui::IsItemActive();
}

void target_section(Model& m, UiState& ui) {
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    ImGui::TextUnformatted("Target (rival)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const char* preview = s.target >= 0 ? ds.countries[size_t(s.target)].name.c_str() : "none";
    const bool open = ImGui::BeginCombo("##target", preview, ImGuiComboFlags_HeightLarge);
    remember(ui, "target");
    if (open) {
        country_search(ui, ds, ui.target_search, sizeof ui.target_search, "##target-search", "target-first", [&](int c) {
            if (ImGui::Selectable((ds.countries[size_t(c)].name + "##t" + ds.countries[size_t(c)].id).c_str(), c == s.target)) m.set_target(c);
            return true;
        });
        ImGui::EndCombo();
    }
    float t = float(s.threshold);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##threshold", &t, 50.0f, 100.0f, "control threshold %.0f%%")) m.set_threshold(double(std::round(t)));
    remember(ui, "threshold");
    bool deny = s.deny, fdpr = s.third_country_rule, ret = s.retaliation;
    if (ImGui::Checkbox("Deny the target", &deny)) m.set_deny(deny);
    remember(ui, "deny");
    ImGui::SameLine();
    if (ImGui::Checkbox("Third-country rule", &fdpr)) m.set_third_country_rule(fdpr);
    remember(ui, "third-country-rule");
    help_marker("Extends the denial to non-members' production that depends on inputs the alliance controls "
                "(the idea of the US foreign direct product rule).");
    if (ImGui::Checkbox("Target retaliates (cuts the alliance off)", &ret)) m.set_retaliation(ret);
    remember(ui, "retaliation");
    if (s.retaliation) {
        bool ret3 = s.retaliation_third_countries;
        ImGui::Indent();
        if (ImGui::Checkbox("and third countries follow", &ret3)) m.set_retaliation_third_countries(ret3);
        remember(ui, "retaliation-third-countries");
        help_marker("The worst case of a cut-off whose rules reach third countries (as China's 2025 rare-earth rules claim to): "
                    "only the alliance's own production is assured, so the lower bound of its access is what members make.");
        ImGui::Unindent();
    }
    if (!m.data().links.empty()) {
        bool links = s.links;
        if (ImGui::Checkbox("Materials feed the chip chain", &links)) m.set_links(links);
        remember(ui, "links");
        std::string text = "Cross-domain links: ";
        for (const DomainLink& l : m.data().links) {
            const Domain& from = m.data().domains[size_t(l.from_domain)];
            const Domain& to = m.data().domains[size_t(l.to_domain)];
            text += "\n- " + from.nodes[size_t(l.from_node)].name + " -> " + to.nodes[size_t(l.to_node)].name + " (" +
                    (l.basis == "source" ? "sourced" : "assumption") + "): " + l.note;
        }
        help_marker(text.c_str());
    }
}

// A bullet whose text wraps inside the panel (BulletText would run past its edge).
void bullet(const char* fmt, ...) IM_FMTARGS(1);
void bullet(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    ImGui::Bullet();
    ImGui::TextWrapped("%s", buf);
}

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

// A bar for a share range: solid to the lower bound, pale to the upper (what unknown shares allow).
void range_bar(const Range& r, float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() * 0.7f, y = p.y + ImGui::GetTextLineHeight() * 0.15f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width, y + h), IM_COL32(70, 74, 84, 255), 2.0f);
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width * float(r.hi / 100), y + h), IM_COL32(0, 114, 178, 110), 2.0f);
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width * float(r.lo / 100), y + h), IM_COL32(0, 114, 178, 255), 2.0f);
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
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

// The supply chain as a tree, from the finished product down through what goes into each step
// and the kinds of each input; each line shows the alliance's share and marks choke points.
void chain_node(Model& m, int idx, int depth) {
    const Domain& d = *m.domain();
    const Node& n = d.nodes[size_t(idx)];
    const NodeFigures& f = m.figures().nodes[size_t(idx)];
    const bool leaf = n.inputs.empty() && n.subtypes.empty();
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (idx == m.selected_node()) flags |= ImGuiTreeNodeFlags_Selected;
    if (depth < 2) flags |= ImGuiTreeNodeFlags_DefaultOpen;
    std::string label = n.name;
    if (f.has_shares) label += "  " + percent_text(f.alliance_share);
    if (f.choke == Choke::Yes) label += "  [choke point]";
    else if (f.choke == Choke::Possible) label += "  [possible]";
    if (f.choke == Choke::Yes) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.3f, 1.0f));
    const bool open = ImGui::TreeNodeEx((void*)(intptr_t)(idx * 64 + depth), flags, "%s", label.c_str());
    if (f.choke == Choke::Yes) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) m.select_node(idx);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s (%s)%s", n.name.c_str(), to_string(n.kind), n.market.empty() ? "" : ("\nmarket: " + n.market).c_str());
    if (leaf || !open) return;
    if (depth < 12) {
        for (int in : n.inputs) chain_node(m, in, depth + 1);
        if (!n.subtypes.empty()) {
            ImGui::TextDisabled("kinds:");
            for (int sub : n.subtypes) chain_node(m, sub, depth + 1);
        }
    }
    ImGui::TreePop();
}

// The chain as a graph: boxes in columns (production flows left to right), filled by the
// alliance's share (grey = none, blue = all), choke points framed in orange and marked "choke",
// the selected box in white with its inputs and outputs highlighted. Click a box to select it.
void chain_graph_view(Model& m, UiState& ui) {
    const Domain& d = *m.domain();
    if (ui.chain_domain != m.domain_index()) {
        ui.chain = layout_chain(d);
        ui.chain_domain = m.domain_index();
    }
    const ChainGraph& g = ui.chain;
    const DomainFigures& figs = m.figures();
    const float sc = ui.scale, bw = 196 * sc, bh = 46 * sc, gx = 34 * sc, gy = 10 * sc;
    const ImVec2 canvas(float(g.columns) * (bw + gx) + 8, float(g.rows) * (bh + gy) + 8 + (g.unlinked_row >= 0 ? 20.0f : 0.0f));
    ImGui::BeginChild("##graph", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true, ImGuiWindowFlags_HorizontalScrollbar);
    remember(ui, "chain-graph");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto box_min = [&](const ChainGraph::Box& b) {
        const float band = (g.unlinked_row >= 0 && b.row >= g.unlinked_row) ? 20.0f : 0.0f;
        return ImVec2(origin.x + 4 + float(b.column) * (bw + gx), origin.y + 4 + float(b.row) * (bh + gy) + band);
    };
    const int sel_box = m.selected_node() >= 0 ? g.box_of_node[size_t(m.selected_node())] : -1;
    std::vector<char> near(g.boxes.size(), 0);
    for (const ChainGraph::Link& l : g.links)
        if (l.from == sel_box || l.to == sel_box) near[size_t(l.from)] = near[size_t(l.to)] = 1;
    // links first, under the boxes; the selected box's in front and brighter
    for (int pass = 0; pass < 2; ++pass)
        for (const ChainGraph::Link& l : g.links) {
            const bool hot = l.from == sel_box || l.to == sel_box;
            if (hot != (pass == 1)) continue;
            const ImVec2 a0 = box_min(g.boxes[size_t(l.from)]), b0 = box_min(g.boxes[size_t(l.to)]);
            const ImVec2 a(a0.x + bw, a0.y + bh * 0.5f), b(b0.x, b0.y + bh * 0.5f);
            const float dx = std::max(20.0f, (b.x - a.x) * 0.5f);
            dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b,
                               hot ? IM_COL32(255, 255, 255, 230) : IM_COL32(150, 160, 175, 90), hot ? 2.5f : 1.2f);
            dl->AddTriangleFilled(ImVec2(b.x, b.y), ImVec2(b.x - 6, b.y - 4), ImVec2(b.x - 6, b.y + 4),
                                  hot ? IM_COL32(255, 255, 255, 230) : IM_COL32(150, 160, 175, 140));
        }
    if (g.unlinked_row >= 0)
        dl->AddText(ImVec2(origin.x + 4, origin.y + 4 + float(g.unlinked_row) * (bh + gy)), IM_COL32(170, 170, 170, 255),
                    "Whole stages and inputs with no link in the data:");
    for (size_t i = 0; i < g.boxes.size(); ++i) {
        const ChainGraph::Box& b = g.boxes[i];
        const Node& n = d.nodes[size_t(b.node)];
        const NodeFigures& f = figs.nodes[size_t(b.node)];
        const ImVec2 p0 = box_min(b), p1(p0.x + bw, p0.y + bh);
        ImGui::SetCursorScreenPos(p0);
        ImGui::PushID(int(i));
        if (ImGui::InvisibleButton("##box", ImVec2(bw, bh))) m.select_node(b.node);
        remember(ui, ("box:" + n.id).c_str());
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        // fill: grey -> member blue with the alliance's (lower-bound) share; no data: dark
        ImU32 fill = IM_COL32(60, 62, 68, 255);
        if (f.has_shares) {
            const float t = float(std::clamp(f.alliance_share.lo / 100.0, 0.0, 1.0));
            const glm::u8vec4 a = palette::kOther, c = palette::kMember;
            fill = IM_COL32(int(a.r + (c.r - a.r) * t), int(a.g + (c.g - a.g) * t), int(a.b + (c.b - a.b) * t), 255);
        }
        if (n.link >= 0 && !m.scenario().links) fill = (fill & 0x00FFFFFFu) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 110));  // a link, off
        dl->AddRectFilled(p0, p1, fill, 4.0f);
        const bool light = f.has_shares && f.alliance_share.lo < 45.0;
        const ImU32 ink = light ? IM_COL32(20, 20, 24, 255) : IM_COL32(245, 245, 245, 255);
        if (f.choke == Choke::Yes) dl->AddRect(p0, p1, IM_COL32(255, 170, 40, 255), 4.0f, 0, 3.0f);
        else if (f.choke == Choke::Possible) dl->AddRect(p0, p1, IM_COL32(255, 170, 40, 200), 4.0f, 0, 1.5f);
        if (int(i) == sel_box) dl->AddRect(ImVec2(p0.x - 3, p0.y - 3), ImVec2(p1.x + 3, p1.y + 3), IM_COL32(255, 255, 255, 255), 6.0f, 0, 2.5f);
        else if (near[i] || hovered) dl->AddRect(ImVec2(p0.x - 2, p0.y - 2), ImVec2(p1.x + 2, p1.y + 2), IM_COL32(255, 255, 255, 150), 5.0f, 0, 1.5f);
        const ImVec4 clip(p0.x + 4, p0.y, p1.x - 4, p1.y);
        dl->AddText(nullptr, 0.0f, ImVec2(p0.x + 6, p0.y + 4), ink, n.name.c_str(), nullptr, 0.0f, &clip);
        std::string line2 = f.has_shares ? percent_text(f.alliance_share) : std::string("no shares");
        if (f.choke == Choke::Yes) line2 += "  choke";
        else if (f.choke == Choke::Possible) line2 += "  choke?";
        if (b.kinds > 0) line2 += "  +" + std::to_string(b.kinds);
        if (n.link >= 0) line2 += m.scenario().links ? "  linked" : "  linked (off)";
        dl->AddText(nullptr, 0.0f, ImVec2(p0.x + 6, p0.y + 6 + ImGui::GetTextLineHeight()), ink, line2.c_str(), nullptr, 0.0f, &clip);
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s)", n.name.c_str(), to_string(n.kind));
            if (f.has_shares) ImGui::Text("alliance holds %s of world supply", percent_text(f.alliance_share).c_str());
            else ImGui::TextDisabled("no shares of its own in the data");
            if (b.kinds > 0) ImGui::TextDisabled("%d kinds: select it to list them", b.kinds);
            ImGui::EndTooltip();
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(canvas);
    ImGui::EndChild();
    // the selected box's kinds, to pick one (e.g. EUV among lithography tools)
    if (sel_box >= 0) {
        const int top = g.boxes[size_t(sel_box)].node;
        const Node& tn = d.nodes[size_t(top)];
        if (!tn.subtypes.empty()) {
            ImGui::TextDisabled("Kinds of %s:", tn.name.c_str());
            ImGui::SameLine();
            if (ImGui::BeginCombo("##kinds", m.selected_node() != top ? d.nodes[size_t(m.selected_node())].name.c_str() : "choose a kind…")) {
                std::vector<int> stack(tn.subtypes.rbegin(), tn.subtypes.rend());
                while (!stack.empty()) {
                    const int k = stack.back();
                    stack.pop_back();
                    const NodeFigures& f = figs.nodes[size_t(k)];
                    const std::string label = d.nodes[size_t(k)].name + (f.has_shares ? "  " + percent_text(f.alliance_share) : "") +
                                              (f.choke == Choke::Yes ? "  choke" : "") + "##k" + d.nodes[size_t(k)].id;
                    if (ImGui::Selectable(label.c_str(), k == m.selected_node())) m.select_node(k);
                    const std::vector<int>& sub = d.nodes[size_t(k)].subtypes;
                    stack.insert(stack.end(), sub.rbegin(), sub.rend());
                }
                ImGui::EndCombo();
            }
            remember(ui, "chain-kinds");
        }
    }
    ImGui::TextDisabled("Fill: the alliance's share (grey none, blue all). Orange frame: choke point. Arrows: goes into.");
}

void chain_window(Model& m, UiState& ui, float width, float height) {
    const Domain* d = m.domain();
    if (!ui.show_chain || !d) return;
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(900.0f * ui.scale, width - 16), std::min(620.0f * ui.scale, height * 0.8f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(0.98f);
    if (ImGui::Begin("Supply chain", &ui.show_chain, ImGuiWindowFlags_NoCollapse)) {
        remember(ui, "chain-window");
        ImGui::RadioButton("graph", &ui.chain_tab, 0);
        remember(ui, "chain-tab-graph");
        ImGui::SameLine();
        ImGui::RadioButton("tree", &ui.chain_tab, 1);
        remember(ui, "chain-tab-tree");
        ImGui::SameLine();
        ImGui::TextDisabled("click an input to show it on the map; shares are the alliance's");
        if (ui.chain_tab == 0) {
            chain_graph_view(m, ui);
        } else {
            for (int o : m.figures().outputs) chain_node(m, o, 0);
            ImGui::Separator();
            ImGui::TextDisabled("Stages (whole-stage shares):");
            for (size_t i = 0; i < d->nodes.size(); ++i)
                if (d->nodes[i].inputs.empty() && d->nodes[i].outputs.empty() && d->nodes[i].parent < 0 && d->nodes[i].subtypes.empty())
                    chain_node(m, int(i), 0);
        }
    }
    ImGui::End();
}

// What the map shows: colouring, the input whose suppliers are drawn, arcs and labels.
void map_section(Model& m, UiState& ui) {
    const Domain* d = m.domain();
    if (!d) return;
    // the domain: every one recomputed live, each with its headline
    const DomainFigures& cur = m.figures();
    const std::string cur_label = d->name + "  (" + std::to_string(cur.choke_points) + " of " + std::to_string(cur.nodes_with_shares) + " held)";
    ImGui::SetNextItemWidth(-1);
    const bool dom_open = ImGui::BeginCombo("##domain", cur_label.c_str());
    remember(ui, "domain");
    if (dom_open) {
        for (size_t i = 0; i < m.data().domains.size(); ++i) {
            const Domain& x = m.data().domains[i];
            const DomainFigures& xf = m.figures_of(int(i));
            const std::string label = x.name + "  (" + std::to_string(xf.choke_points) + " of " + std::to_string(xf.nodes_with_shares) +
                                      " held)##d" + x.id;
            if (ImGui::Selectable(label.c_str(), int(i) == m.domain_index())) {
                m.select_domain(x.id);
                m.select_node(m.default_node());
            }
            remember(ui, ("domain:" + x.id).c_str());
            if (ImGui::IsItemHovered() && !x.description.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
                ImGui::TextUnformatted(x.description.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        if (!m.data().not_shown.empty()) {
            ImGui::Separator();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
            ImGui::TextDisabled("%s", m.data().not_shown.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndCombo();
    }
    d = m.domain();
    ImGui::TextUnformatted("Map");
    ImGui::SameLine();
    int layer = int(ui.layer);
    ImGui::RadioButton("roles", &layer, int(MapLayer::Role));
    ImGui::SameLine();
    ImGui::RadioButton("share of the input", &layer, int(MapLayer::Share));
    remember(ui, "layer-share");
    ui.layer = MapLayer(layer);
    const int sel = m.selected_node();
    ImGui::SetNextItemWidth(-1);
    const bool node_open = ImGui::BeginCombo("##node", sel >= 0 ? d->nodes[size_t(sel)].name.c_str() : "Choose an input…");
    remember(ui, "node");
    if (node_open) {
        std::vector<char> listed(d->nodes.size(), 0);
        auto item = [&](size_t i) {
            const Node& n = d->nodes[i];
            const NodeFigures& f = m.figures().nodes[i];
            const std::string label = (f.choke == Choke::Yes ? "* " : "  ") + n.name + (n.link >= 0 ? "  (linked)" : "") + "##" + n.id;
            if (ImGui::Selectable(label.c_str(), int(i) == sel)) m.select_node(int(i));
            listed[i] = 1;
        };
        for (const Stage& st : d->stages) {
            bool heading = false;
            for (size_t i = 0; i < d->nodes.size(); ++i) {
                if (d->nodes[i].stage != st.id || d->nodes[i].shares.empty()) continue;
                if (!heading) ImGui::TextDisabled("%s", st.name.c_str());
                heading = true;
                item(i);
            }
        }
        bool heading = false;
        for (size_t i = 0; i < d->nodes.size(); ++i) {
            if (listed[i] || d->nodes[i].shares.empty()) continue;
            if (!heading && !d->stages.empty()) ImGui::TextDisabled("Other inputs");
            heading = true;
            item(i);
        }
        ImGui::EndCombo();
    }
    if (!node_open && ImGui::IsItemHovered()) ImGui::SetTooltip("The input whose suppliers the map shows (* = a choke point for the alliance)");
    if (small_button(ui, "Supply chain…")) ui.show_chain = !ui.show_chain;
    remember(ui, "chain");
    ImGui::SameLine();
    ImGui::Checkbox("supply arcs", &ui.show_arcs);
    ImGui::SameLine();
    ImGui::Checkbox("labels", &ui.show_labels);
}

// A caption over the map for the input it shows: who supplies it, and whether it is a choke point.
void map_caption(const Model& m, UiState& ui, float left, float width) {
    const Domain* d = m.domain();
    const int sel = m.selected_node();
    if (!d || sel < 0) return;
    const Node& n = d->nodes[size_t(sel)];
    const NodeFigures& f = m.figures().nodes[size_t(sel)];
    const Scenario& s = m.scenario();
    const std::string target = s.target >= 0 ? m.data().countries[size_t(s.target)].name : "the target";
    // on narrow screens the caption goes below the folded panel's title bar
    const float top = width < 900 ? ui.panel_bottom + 8.0f : 8.0f;
    ImGui::SetNextWindowPos(ImVec2(left + (width - left) * 0.5f, top), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(560.0f * ui.scale, width - left - 16), 10000));
    ImGui::Begin("##caption", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                           ImGuiWindowFlags_NoFocusOnAppearing);
    remember_window(ui, "caption-window");
    if (f.choke == Choke::Yes) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.3f, 1.0f));
        ImGui::Text("%s: a choke point", n.name.c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::Text("%s", n.name.c_str());
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(540.0f * ui.scale, width - left - 40));
    if (f.has_shares)
        ImGui::TextDisabled("alliance holds %s of world supply; %s can obtain %s under denial", percent_text(f.alliance_share).c_str(),
                            target.c_str(), percent_text(f.target_access).c_str());
    ImGui::PopTextWrapPos();
    if (small_button(ui, ui.show_why ? "hide why" : "why?")) ui.show_why = !ui.show_why;
    remember(ui, "why");
    if (ui.show_why) {
        // the rows, members, inputs and sources behind the figures (the core's explanation)
        const Explanation e = m.explain(sel);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(540.0f * ui.scale, width - left - 40));
        for (const std::string& line : e.lines) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
        ImGui::PopTextWrapPos();
        if (!e.rows.empty() && ImGui::BeginTable("rows", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("supplier");
            ImGui::TableSetupColumn("role");
            ImGui::TableSetupColumn("share");
            ImGui::TableSetupColumn("year");
            ImGui::TableHeadersRow();
            for (const Explanation::Row& r : e.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.holder.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.role.c_str());
                ImGui::TableNextColumn();
                if (is_known(r.share)) ImGui::Text("%.1f%%", r.share);
                else ImGui::TextDisabled("unknown");
                ImGui::TableNextColumn();
                ImGui::Text("%d", r.year);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

// The legend, bottom right: what each colour means, with the scale of shares.
void legend(const Model& m, UiState& ui, float width, float height) {
    const Domain* d = m.domain();
    const int sel = m.selected_node();
    ImGui::SetNextWindowPos(ImVec2(width - 8, height - 8), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("Legend", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoFocusOnAppearing);
    remember_window(ui, "legend-window");
    auto swatch = [](glm::u8vec4 c, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + s * 1.4f, p.y + s), IM_COL32(c.r, c.g, c.b, 255), 2.0f);
        ImGui::Dummy(ImVec2(s * 1.4f, s));
        ImGui::SameLine();
        ImGui::TextUnformatted(text);
    };
    if (ui.layer == MapLayer::Share && d && sel >= 0) {
        const Node& n = d->nodes[size_t(sel)];
        const double mx = max_country_share(n);
        ImGui::Text("Share of world supply: %s", n.name.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = 220 * ui.scale, h = ImGui::GetTextLineHeight();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 44; ++i) {
            const glm::u8vec4 c = palette::share(i / 43.0);
            const float x0 = p.x + w * float(i) / 44.0f, x1 = p.x + w * float(i + 1) / 44.0f + 1.0f;
            dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1, p.y + h), IM_COL32(c.r, c.g, c.b, 255));
        }
        ImGui::Dummy(ImVec2(w, h));
        ImGui::Text("0%%");
        ImGui::SameLine(w - ImGui::CalcTextSize("100%").x);
        ImGui::Text("%.0f%%", mx);
        swatch(palette::kUnknownShare, "supplier, share unknown");
        swatch(palette::kNotListed, "not a listed supplier");
    } else {
        swatch(palette::kMember, "alliance member");
        swatch(palette::kTarget, "target");
        swatch(palette::kOther, "not aligned");
    }
    swatch(palette::kNoData, "not in the data");
    if (ui.show_arcs && sel >= 0 && d && height >= 500) {
        ImGui::Separator();
        ImGui::TextWrapped("Arcs: suppliers of %s to the target, width by share; blue = a member's (denied).",
                           d->nodes[size_t(sel)].name.c_str());
    }
    ImGui::End();
}

// Sources and credits, help, about: small windows opened from the panel's footer.
void info_windows(const Model& m, UiState& ui, float width, float height) {
    const Dataset& ds = m.data();
    const float w = std::min(620.0f * ui.scale, width - 24.0f);
    auto open = [&](const char* title, bool* shown) {
        ImGui::SetNextWindowPos(ImVec2(width * 0.5f, height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, height * 0.8f));
        return ImGui::Begin(title, shown, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize);
    };
    if (ui.show_sources) {
        if (open("Sources and credits", &ui.show_sources)) {
            ImGui::PushTextWrapPos(0.0f);
            for (const DatasetInfo& f : ds.files) {
                ImGui::Text("%s (version %s)", f.file.c_str(), f.version.c_str());
                ImGui::TextDisabled("Licence: %s. %s", f.licence.c_str(), f.attribution.c_str());
            }
            ImGui::Separator();
            ImGui::TextUnformatted("Map: Natural Earth (public domain) via world-atlas; lakes © OpenStreetMap contributors (ODbL 1.0) "
                                   "via geo-maps. Country names and codes: world-countries (ODbL 1.0). Font: DejaVu Sans.");
            ImGui::TextUnformatted("Software: Dear ImGui (MIT), SDL2 (zlib), GLM (MIT), nlohmann/json (MIT), earcut (ISC).");
            ImGui::Separator();
            // a source cited by two files is listed once
            std::vector<const Source*> distinct;
            for (const Source& s : ds.sources)
                if (std::none_of(distinct.begin(), distinct.end(), [&](const Source* x) { return x->title == s.title && x->url == s.url; }))
                    distinct.push_back(&s);
            ImGui::Text("The %zu sources cited by the figures:", distinct.size());
            for (const Source* s : distinct) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s%s%s", s->title.c_str(), s->url.empty() ? "" : " — ", s->url.c_str());
            }
            if (!ds.not_shown.empty()) {
                ImGui::Separator();
                ImGui::TextWrapped("Not shown: %s", ds.not_shown.c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    if (ui.show_help) {
        if (open("Help", &ui.show_help)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted("Click or tap a country to add it to the alliance or remove it; hover it for its card.");
            ImGui::TextUnformatted("Drag to pan; wheel, pinch or double-click to zoom.");
            ImGui::TextUnformatted("Keys on the map: + and - zoom, arrows pan, 0 resets the view; Ctrl+Z undoes and Ctrl+Y "
                                   "redoes a change of members; Tab moves between the panel's controls.");
            ImGui::TextUnformatted("Ranges such as 0.0–78.9% mean the data leaves some shares unknown: the figure lies "
                                   "somewhere in the range. \"why?\" under the map's caption shows the rows behind the selected input.");
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    if (ui.show_about) {
        if (open("About", &ui.show_about)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted("Techno-alliance map: what a coalition of countries controls in a technology's supply chain, "
                                   "what a rival can still obtain under export controls, and what the coalition loses if the "
                                   "rival retaliates. Every figure is computed from published shares, with its year and source.");
            ImGui::TextDisabled("Data version %s. The model is described in docs/model.md.", ds.version().c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
}

// The guided story (or a teacher's own): one step at a time, caption and sources, previous/next.
void story_window(const Model& m, UiState& ui, float left, float width, float height) {
    const Story& st = ui.story_custom ? ui.custom_story : ui.story;
    if (ui.story_step <= 0 || size_t(ui.story_step) > st.steps.size()) return;
    const StoryStep& step = st.steps[size_t(ui.story_step - 1)];
    // bottom of the map, left of the legend; above it when there is no room beside it
    float right = width - 8.0f, bottom = height - 8.0f;
    if (auto it = ui.items.find("legend-window"); it != ui.items.end()) {
        if (it->second[0] - 8.0f - (left + 8.0f) >= 360.0f * ui.scale) right = it->second[0] - 8.0f;
        else bottom = it->second[1] - 8.0f;
    }
    const float w = std::min(620.0f * ui.scale, right - left - 8.0f);
    ImGui::SetNextWindowPos(ImVec2(std::max(left + 8.0f, (left + right) * 0.5f - w * 0.5f), bottom), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(120.0f, bottom - 16.0f) * 0.75f));
    ImGui::SetNextWindowBgAlpha(0.96f);
    bool open = true;
    const std::string title = st.title + "###story";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                               ImGuiWindowFlags_NoFocusOnAppearing)) {
        remember_window(ui, "story-window");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Step %d of %zu", ui.story_step, st.steps.size());
        if (!step.title.empty()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(step.title.c_str());
        }
        ImGui::TextUnformatted(step.caption.c_str());
        remember(ui, "story-caption");
        if (!step.sources.empty()) {
            std::string src;
            for (int i : step.sources) src += (src.empty() ? "" : "; ") + m.data().sources[size_t(i)].title;
            ImGui::TextDisabled("Sources: %s", src.c_str());
        }
        ImGui::PopTextWrapPos();
        if (ui.story_step <= 1) ImGui::BeginDisabled();
        if (ImGui::Button("< Previous")) ui.actions.push_back("story-step:" + std::to_string(ui.story_step - 1));
        remember(ui, "story-prev");
        if (ui.story_step <= 1) ImGui::EndDisabled();
        ImGui::SameLine();
        const bool last = size_t(ui.story_step) >= st.steps.size();
        if (last) ImGui::BeginDisabled();
        if (ImGui::Button("Next >")) ui.actions.push_back("story-step:" + std::to_string(ui.story_step + 1));
        remember(ui, "story-next");
        if (last) ImGui::EndDisabled();
        same_line_if_fits("Link to this step");
        if (ImGui::Button("Link to this step")) ui.actions.push_back("copy-link");
        remember(ui, "story-link");
        if (ui.story_custom) {
            same_line_if_fits("Copy the story's link");
            if (ImGui::Button("Copy the story's link")) ui.actions.push_back("copy-story-link");
            remember(ui, "story-share");
        }
    }
    ImGui::End();
    if (!open) ui.story_step = 0;
}

// Embedded in another page: the map, its legend and caption, and a way to the full view.
void embed_corner(UiState& ui, float height) {
    ImGui::SetNextWindowPos(ImVec2(8, height - 8), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::Begin("##embed", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoFocusOnAppearing);
    remember_window(ui, "embed-window");
    if (small_button(ui, "Open the full view")) ui.actions.push_back("open-full-view");
    remember(ui, "open-full-view");
    ImGui::End();
}

// Sharing and classroom tools: links, stories, exports, presentation mode, the text view.
void share_section(UiState& ui) {
    if (small_button(ui, "Copy link")) ui.actions.push_back("copy-link");
    remember(ui, "copy-link");
    same_line_if_fits("Guided story");
    if (small_button(ui, "Guided story")) {
        ui.story_custom = false;
        ui.actions.push_back("story-step:1");
    }
    remember(ui, "story");
    same_line_if_fits("Presentation mode");
    const bool pres = ui.mode == UiMode::Presentation;
    if (small_button(ui, pres ? "Leave presentation mode" : "Presentation mode")) ui.actions.push_back(pres ? "mode:full" : "mode:presentation");
    remember(ui, "presentation");
    if (small_button(ui, "PNG")) ui.actions.push_back("export-png");
    remember(ui, "export-png");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download the map with its legend and attribution as a PNG image");
    same_line_if_fits("CSV");
    if (small_button(ui, "CSV")) ui.actions.push_back("export-csv");
    remember(ui, "export-csv");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download every figure of this scenario, with years and sources, as CSV");
    same_line_if_fits("Text view");
    if (small_button(ui, "Text view")) ui.actions.push_back("text-view");
    remember(ui, "text-view");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The scenario's summary and figures as text and a table (also read by screen readers)");
    // one's own story: add this view as a step (a caption is optional: nothing needs typing)
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    ImGui::InputTextWithHint("##story-caption", "caption (optional)", ui.story_caption, sizeof ui.story_caption);
    same_line_if_fits("Add to my story");
    if (small_button(ui, "Add to my story")) ui.actions.push_back("story-add");
    remember(ui, "story-add");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds this view as the next step of your own story; share it with \"Copy the story's link\"");
}

void hovered_card(const Model& m, int hovered) {
    if (hovered < 0) return;
    const Dataset& ds = m.data();
    const int role = m.role(hovered);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(ds.countries[size_t(hovered)].name.c_str());
    ImGui::TextDisabled("%s", role == 1 ? "alliance member: click to remove" : role == 2 ? "target" : "not aligned: click to add");
    const Domain* d = m.domain();
    if (d && m.selected_node() >= 0) {
        const Node& n = d->nodes[size_t(m.selected_node())];
        for (const ShareRow& r : n.shares)
            if (r.country == hovered) {
                if (is_known(r.share)) ImGui::Text("%s: %.1f%% of world supply (%d)", n.name.c_str(), r.share, r.year);
                else ImGui::Text("%s: a supplier, share unknown (%d)", n.name.c_str(), r.year);
            }
    }
    if (d) {
        const std::vector<CountryShare> top = strongest_nodes(*d, hovered, 3);
        if (!top.empty()) ImGui::TextDisabled("strongest in:");
        for (const CountryShare& t : top) ImGui::BulletText("%s %.0f%% (%d)", d->nodes[size_t(t.node)].name.c_str(), t.share, t.year);
    }
    const std::vector<int> groups = memberships(ds, hovered);
    if (!groups.empty()) {
        std::string names;
        for (int g : groups) names += (names.empty() ? "" : ", ") + ds.alliances[size_t(g)].name;
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextDisabled("member of: %s", names.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTooltip();
}

}  // namespace

bool ui_covers(float x, float y) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return true;  // a click outside closes it
    for (const ImGuiWindow* w : g.Windows)
        if (w->WasActive && !w->Hidden && w->OuterRectClipped.Contains(ImVec2(x, y))) return true;
    return false;
}

bool ui_style(UiState& ui, float width, float height) {
    ui.touch = width < 700;
    float scale = 1.0f;
    if (ui.mode == UiMode::Presentation) scale = height >= 1000 ? 1.9f : 1.5f;
    else if (width >= 1600 && height >= 1000) scale = 1.2f;   // projectors, large screens
    if (ui.mode == UiMode::Presentation && ui.touch) scale = 1.25f;
    const int key = int(scale * 100) * 8 + int(ui.mode) * 2 + (ui.touch ? 1 : 0);
    if (key == ui.style_key) return false;
    const bool font_changed = scale != ui.scale || ui.style_key < 0;
    ui.style_key = key;
    ui.scale = scale;
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    if (ui.mode == UiMode::Presentation) {
        // high contrast: opaque black panels, white text, light grey for secondary text
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_PopupBg] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.86f, 0.86f, 0.86f, 1);
        style.Colors[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.6f);
        style.Colors[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.22f, 0.32f, 1);
        style.WindowBorderSize = 2;
        style.FrameBorderSize = 1;
    }
    style.ScaleAllSizes(scale);
    if (ui.touch) {
        // every control at least 44 px high: frame = font + 2 x padding
        const float font_px = 15.0f * scale;
        style.FramePadding = ImVec2(12, std::ceil((44.0f - font_px) * 0.5f));
        style.ItemSpacing = ImVec2(10, 8);
        style.ScrollbarSize = 20;
        style.GrabMinSize = 28;
        style.TouchExtraPadding = ImVec2(0, 0);
    }
    ImGui::GetStyle() = style;
    return font_changed;
}

void ui_draw(Model& m, UiState& ui, int hovered, float width, float height) {
    ui.focused.clear();
    if (ui.mode == UiMode::Embed) {
        ui.panel_right = 0;
        ui.panel_bottom = 0;
        if (m.loaded()) {
            embed_corner(ui, height);
            legend(m, ui, width, height);
            map_caption(m, ui, 0.0f, width);
        }
        ui.tooltip_country = -1;
        if (m.loaded() && hovered >= 0 && !ImGui::GetIO().WantCaptureMouse) {
            hovered_card(m, hovered);
            ui.tooltip_country = hovered;
        }
        return;
    }
    const float panel_w = std::min(400.0f * ui.scale, width - 16.0f);
    // phones: the panel starts folded so that the map shows, and a full-width button (not a
    // small title-bar arrow) unfolds it
    if (ui.touch && !ui.touch_seen) ui.panel_open = false;
    ui.touch_seen |= ui.touch;
    ImGui::SetNextWindowPos(ImVec2(8, 8), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(panel_w, 0), ImVec2(panel_w, height - 16.0f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;
    if (ui.touch) ImGui::SetNextWindowBgAlpha(1.0f);
    if (ui.touch) flags |= ImGuiWindowFlags_NoTitleBar;
    else ImGui::SetNextWindowCollapsed(!ui.panel_open, ImGuiCond_Always);
    if (ui.keyboard_to_panel) {
        ImGui::SetNextWindowFocus();
        if (!ui.panel_open) ui.panel_open = true;
        ui.keyboard_to_panel = false;
    }
    bool open = ImGui::Begin("Techno-alliance map", nullptr, flags);
    remember_window(ui, "panel");
    if (ui.touch) {
        if (ImGui::Button(ui.panel_open ? "Hide the panel" : "Alliance, target and figures", ImVec2(-1, 0))) ui.panel_open = !ui.panel_open;
        remember(ui, "panel-toggle");
        open = ui.panel_open;
    } else {
        ui.panel_open = !ImGui::IsWindowCollapsed();
    }
    if (!open) {
        // folded (phones start so): nothing inside to lay out
    } else if (!m.loaded()) {
        ImGui::TextUnformatted("Loading data…");
    } else {
        alliance_section(m, ui);
        ImGui::Separator();
        target_section(m, ui);
        ImGui::Separator();
        results_section(m);
        ranked_section(m, ui);
        compare_section(m, ui);
        ImGui::Separator();
        map_section(m, ui);
        ImGui::Separator();
        share_section(ui);
        ImGui::Separator();
        if (small_button(ui, "Sources and credits")) ui.show_sources = !ui.show_sources;
        remember(ui, "sources");
        ImGui::SameLine();
        if (small_button(ui, "Help")) ui.show_help = !ui.show_help;
        remember(ui, "help");
        ImGui::SameLine();
        if (small_button(ui, "About")) ui.show_about = !ui.show_about;
        remember(ui, "about");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Semiconductor data: Emerging Technology Observatory Advanced Semiconductor Supply Chain "
                            "Dataset, Georgetown CSET (CC BY-NC 4.0). Map: Natural Earth; lakes © OpenStreetMap contributors "
                            "(ODbL). Names: world-countries (ODbL). Other domains: the source named with each figure (see Sources and credits). "
                            "Data version %s.",
                            m.data().version().c_str());
        ImGui::PopTextWrapPos();
    }
    if (open && !ui.load_message.empty()) {
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1.0f));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ui.load_message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ui.panel_right = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x;
    ui.panel_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
    if (m.loaded()) {
        info_windows(m, ui, width, height);
        chain_window(m, ui, width, height);
        // on phones the unfolded panel covers the map: the legend and caption wait for it,
        // and the story's window takes the legend's place
        if (!(ui.touch && ui.panel_open)) {
            if (!(ui.touch && ui.story_step > 0)) legend(m, ui, width, height);
            map_caption(m, ui, width >= 900 ? ui.panel_right : 0.0f, width);
            story_window(m, ui, width >= 900 ? ui.panel_right : 0.0f, width, height);
        }
    }
    ui.tooltip_country = -1;
    if (m.loaded() && !ImGui::GetIO().WantCaptureMouse && hovered >= 0) {
        hovered_card(m, hovered);
        ui.tooltip_country = hovered;
    }
    if (ui.keyboard_to_map) {
        ui.keyboard_to_map = false;
        if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !ImGui::GetIO().WantTextInput) ImGui::FocusWindow(nullptr);
    }
}

}  // namespace techmap
