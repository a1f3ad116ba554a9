// alliance_panel.cpp — the docked panel: the alliance (presets as of a year, members, undo and
// redo, its name), the target and the policy switches, the figures (results.cpp), what the map
// shows, sharing and classroom tools, and the footer with credits.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "core/firms.h"
#include "core/headline.h"
#include "ui/widgets.h"

namespace techmap {
namespace {

// A group's members as of 2021 (the year chosen) or as of the scenario's date (today when none).
void apply_group(Model& m, const UiState& ui, const std::string& id) {
    if (ui.preset_year) m.apply_preset(id, ui.preset_year);
    else m.apply_preset_on(id, scenario_date(m.scenario()));
}

void alliance_section(Model& m, UiState& ui) {
    const Dataset& ds = m.data();
    // the preset shown is the one the members still come from (none after a toggle; back on undo)
    const int preset = m.preset_id().empty() ? -1 : ds.find_alliance(m.preset_id());
    const int count = m.scenario().member_count();
    ImGui::TextUnformatted("Alliance");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s, %d %s", m.alliance_name().c_str(), count, count == 1 ? "member" : "members");
    ImGui::PopTextWrapPos();
    const char* preview = preset >= 0 ? ds.alliances[size_t(preset)].name.c_str() : "Choose a group of countries…";
    ImGui::SetNextItemWidth(-1);
    const bool preset_open = ImGui::BeginCombo("##preset", preview, ImGuiComboFlags_HeightLarge);
    remember(ui, "preset");
    if (preset_open) {
        search_field(ui, ui.preset_search, sizeof ui.preset_search, "##preset-search", "search");
        // as of 2021, or as of the scenario's date (today when it has none)
        const int on = scenario_date(m.scenario());
        for (size_t i = 0; i < ds.alliances.size(); ++i) {
            const AlliancePreset& p = ds.alliances[i];
            if (!contains_text(p.name, ui.preset_search) && !contains_text(p.id, ui.preset_search)) continue;
            const bool exists = ui.preset_year ? p.as_of(ui.preset_year) != nullptr : p.as_of_date(on) != nullptr;
            if (!exists) ImGui::BeginDisabled();
            // an ended grouping (a rescinded rule) reads as ended on the date shown, with its end date
            const int day = ui.preset_year ? ui.preset_year * 10000 + 1231 : on;
            // a declaration with its signing date in the list ("first signed" when more signed
            // later: a country's card gives the date it signed itself); an ended grouping with its end date
            const std::string signed_on = p.kind == "declaration" && !p.snapshots.empty() && p.snapshots.front().date
                                              ? (p.snapshots.size() > 1 ? " (first signed " : " (signed ") + pretty_date(p.snapshots.front().date) + ")" : "";
            const std::string label = p.name + (p.ended && p.ended <= day ? " (ended " + pretty_date(p.ended) + ")" : signed_on) + "##" + p.id;
            if (ImGui::Selectable(label.c_str(), preset == int(i))) apply_group(m, ui, p.id);
            if (!exists && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Not yet formed on that date");
            else if (exists && ImGui::IsItemHovered() && !p.snapshots.empty()) {
                const AllianceSnapshot& first = p.snapshots.front();
                const AllianceSnapshot* now = ui.preset_year ? p.as_of(ui.preset_year) : p.as_of_date(on);
                // a first snapshot without a day is only the data's first listing (the EU is older than 2021)
                const std::string since = first.date ? (p.kind == "declaration" ? "Signed " : "Since ") + pretty_date(first.date)
                                                     : "Members as listed from " + std::to_string(first.year);
                const std::string tip = (p.description.empty() ? std::string() : p.description + "\n") + since +
                                        (p.ended ? "; ended " + pretty_date(p.ended) : std::string()) +
                                        (p.note.empty() ? std::string() : ". " + p.note) +
                                        (now && !now->caveat.empty() ? "\nOn this date: " + now->caveat + "." : std::string());
                ImGui::SetTooltip("%s", tip.c_str());
                remember_text(ui, "preset-tip", tip);
            }
            remember(ui, ("preset:" + p.id).c_str());
            if (!exists) ImGui::EndDisabled();
        }
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted("Membership as of");
    ImGui::SameLine();
    // "today", or the timeline's date when the scenario has one
    const std::string on_label = m.scenario().date ? "the date (" + date_text(m.scenario().date) + ")##year-today" : std::string("today##year-today");
    bool changed = ImGui::RadioButton(on_label.c_str(), &ui.preset_year, 0);
    remember(ui, "year-today");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("2021", &ui.preset_year, 2021);
    remember(ui, "year-2021");
    if (changed && preset >= 0) apply_group(m, ui, ds.alliances[size_t(preset)].id);
    // the group's note (dormant, proposal, ...) on demand: a line of its own would move what follows
    if (preset >= 0) {
        const AlliancePreset& p = ds.alliances[size_t(preset)];
        const AllianceSnapshot* now = ui.preset_year ? p.as_of(ui.preset_year) : p.as_of_date(scenario_date(m.scenario()));
        const std::string first = p.snapshots.front().date ? pretty_date(p.snapshots.front().date) : std::to_string(p.snapshots.front().year);
        const std::string about = p.description + (p.description.empty() ? "" : " ") + (p.kind == "declaration" ? "Signed " : "Since ") + first +
                                  (p.ended ? "; ended " + pretty_date(p.ended) : std::string()) + "." + (p.note.empty() ? "" : " " + p.note) +
                                  (now && !now->caveat.empty() ? " On this date: " + now->caveat + "." : "");
        help_marker(about.c_str());
    }

    // add or remove any country from a searchable list: it stays open for the next pick, and
    // the search clears after each
    ImGui::SetNextItemWidth(ui.touch ? -1.0f : 190 * ui.scale);
    const Scenario& s = m.scenario();
    const bool list_open = ImGui::BeginCombo("##countries", "Add or remove countries…", ImGuiComboFlags_HeightLarge);
    remember(ui, "countries");
    if (list_open) {
        country_search(ui, ds, ui.search, sizeof ui.search, "##search", "countries-first", [&](int c) {
            if (c == s.target) return false;
            const Country& k = ds.countries[size_t(c)];
            const std::string label = (s.is_member(c) ? "[x] " : "[ ] ") + k.name + "##c" + k.id;
            if (ImGui::Selectable(label.c_str(), s.is_member(c), ImGuiSelectableFlags_DontClosePopups)) {
                m.toggle_member(c);
                ui.search[0] = 0;
                ui.search_refocus = true;
            }
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
    same_line_if_fits("Clear");
    if (count == 0) ImGui::BeginDisabled();
    if (ImGui::Button("Clear")) m.clear_members();
    remember(ui, "clear");
    if (count == 0) ImGui::EndDisabled();
    // name the alliance
    if (!ui.name_editing && std::string(ui.name_buf) != m.alliance_name())
        std::snprintf(ui.name_buf, sizeof ui.name_buf, "%s", m.alliance_name().c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##name", "name this alliance", ui.name_buf, sizeof ui.name_buf)) m.set_alliance_name(ui.name_buf);
    ui.name_editing = ImGui::IsItemActive();
}

// The members as buttons with their names (click to remove): last in the section, so that a
// change of members moves nothing above it.
void members_section(Model& m, UiState& ui) {
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    int shown = 0;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::TextDisabled("Members (click one to remove it):");
    for (int c : ds.countries_by_name) {
        if (!s.is_member(c)) continue;
        const std::string label = ds.countries[size_t(c)].name + " \u00d7##m" + ds.countries[size_t(c)].id;
        const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (shown > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        if (small_button(ui, label.c_str())) m.toggle_member(c);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s): click to remove", ds.countries[size_t(c)].name.c_str(), ds.countries[size_t(c)].id.c_str());
        ++shown;
    }
    if (shown == 0) {
        muted_wrapped("None yet: choose a group above, or click countries on the map.");
    }
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
    // the threshold's name beside the slider, not under its grip
    float t = float(s.threshold);
    ImGui::TextUnformatted("Control threshold");
    remember_text(ui, "threshold-label", "Control threshold");
    glossary_marker("control threshold");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##threshold", &t, 50.0f, 100.0f, "%.0f%%")) m.set_threshold(double(std::round(t)));
    remember(ui, "threshold");
    bool deny = s.deny, fdpr = s.third_country_rule, ret = s.retaliation;
    if (ImGui::Checkbox("Deny the target", &deny)) m.set_deny(deny);
    remember(ui, "deny");
    glossary_marker("deny");
    same_line_if_fits("[x] Third-country rule (?)");
    if (ImGui::Checkbox("Third-country rule", &fdpr)) m.set_third_country_rule(fdpr);
    remember(ui, "third-country-rule");
    glossary_marker("third-country rule");
    if (ImGui::Checkbox("Target retaliates (cuts the alliance off)", &ret)) m.set_retaliation(ret);
    remember(ui, "retaliation");
    glossary_marker("retaliation");
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

// What the map shows: colouring, the input whose suppliers are drawn, arcs and labels.
void map_section(Model& m, UiState& ui, UiActions& actions) {
    const Domain* d = m.domain();
    if (!d) return;
    // the domain: every one recomputed live, each with its headline
    const DomainFigures& cur = m.figures();
    (void)cur;
    const std::string cur_label = d->name;  // the counts are in the list (a long label would be cut)
    ImGui::SetNextItemWidth(-1);
    const bool dom_open = ImGui::BeginCombo("##domain", cur_label.c_str());
    remember(ui, "domain");
    if (dom_open) {
        for (size_t i = 0; i < m.data().domains.size(); ++i) {
            const Domain& x = m.data().domains[i];
            const DomainFigures& xf = m.figures_of(int(i));
            const std::string label = x.measures == Measures::Demand ? x.name + "##d" + x.id
                                                             : x.name + "  (controls " + std::to_string(xf.choke_points) + " of " +
                                                                   std::to_string(xf.nodes_with_shares) + ")##d" + x.id;
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
    const bool node_open = ImGui::BeginCombo("##node", sel >= 0 ? d->nodes[size_t(sel)].name.c_str() : "Choose an input…",
                                             ImGuiComboFlags_HeightLarge);
    remember(ui, "node");
    if (node_open) {
        // a search by name or stage; the list opens at the input shown
        const bool appearing = search_field(ui, ui.node_search, sizeof ui.node_search, "##node-search", "search inputs, stages or firms");
        remember(ui, "node-search");
        ImGui::TextDisabled("* = a choke point: the alliance controls it");
        // the inputs with shares, and those made of inputs or kinds (their figures come from those)
        auto listable = [&](const Node& n) { return !n.shares.empty() || !n.inputs.empty() || !n.subtypes.empty(); };
        std::vector<char> listed(d->nodes.size(), 0);
        bool first = true;
        auto item = [&](size_t i, const std::string& stage) {
            const Node& n = d->nodes[i];
            listed[i] = 1;
            if (!contains_text(n.name, ui.node_search) && !contains_text(stage, ui.node_search)) return;
            const NodeFigures& f = m.figures().nodes[i];
            const std::string label = (f.choke == Choke::Yes ? "* " : "  ") + n.name + (n.link >= 0 ? "  (linked)" : "") + "##" + n.id;
            if (ImGui::Selectable(label.c_str(), int(i) == sel)) m.select_node(int(i));
            if (first) {
                remember(ui, "node-first");
                remember_text(ui, "node-first", n.name);
            }
            first = false;
            if (appearing && int(i) == sel) ImGui::SetScrollHereY(0.3f);
        };
        for (const Stage& st : d->stages) {
            bool heading = false;
            for (size_t i = 0; i < d->nodes.size(); ++i) {
                if (d->nodes[i].stage != st.id || !listable(d->nodes[i])) continue;
                const bool match = contains_text(d->nodes[i].name, ui.node_search) || contains_text(st.name, ui.node_search);
                if (!heading && match) ImGui::TextDisabled("%s", st.name.c_str());
                heading |= match;
                item(i, st.name);
            }
        }
        bool heading = false;
        for (size_t i = 0; i < d->nodes.size(); ++i) {
            if (listed[i] || !listable(d->nodes[i])) continue;
            if (!heading && !d->stages.empty() && contains_text(d->nodes[i].name, ui.node_search)) {
                ImGui::TextDisabled("Other inputs");
                heading = true;
            }
            item(i, std::string());
        }
        // with a query: the inputs of the other domains that match, each with where it lives (a
        // pick opens that domain on it: "gallium" is in the critical chip materials)
        bool elsewhere = false;
        if (ui.node_search[0])
            for (const Domain& od : m.data().domains) {
                if (&od == d) continue;
                for (const Node& n : od.nodes) {
                    if (!listable(n) || !contains_text(n.name, ui.node_search)) continue;
                    if (!elsewhere) ImGui::TextDisabled("In other domains");
                    elsewhere = true;
                    const std::string label = "  " + n.name + " (in " + od.name + ")##" + od.id + "/" + n.id;
                    if (ImGui::Selectable(label.c_str(), false) && m.select_domain(od.id))
                        for (size_t k = 0; k < od.nodes.size(); ++k)
                            if (od.nodes[k].id == n.id) m.select_node(int(k));
                    if (first) {
                        remember(ui, "node-first");
                        remember_text(ui, "node-first", n.name + " (in " + od.name + ")");
                    }
                    first = false;
                }
            }
        // firms by name ("ASML", "Tokyo Electron"): each of the inputs it makes, with its share
        if (ui.node_search[0]) {
            bool firms_heading = false;
            for (const FirmMatch& fm : find_firms(m.data(), ui.node_search, 12)) {
                const Domain& od = m.data().domains[size_t(fm.domain)];
                const Node& n = od.nodes[size_t(fm.node)];
                if (!firms_heading) ImGui::TextDisabled("Firms (counted for their headquarters' country)");
                firms_heading = true;
                const std::string share = is_known(fm.firm->share) ? plain_percent(fm.firm->share, fm.firm->share) : "share unknown";
                const std::string text = firm_with_country(m.data(), *fm.firm) + ": " + n.name + " " + share +
                                         (&od == d ? std::string() : " (in " + od.name + ")");
                if (ImGui::Selectable(("  " + text + "##firm-" + od.id + "/" + n.id + "/" + fm.firm->name).c_str(), false) && m.select_domain(od.id))
                    m.select_node(fm.node);
                if (first) {
                    remember(ui, "node-first");
                    remember_text(ui, "node-first", text);
                }
                first = false;
            }
        }
        if (first) ImGui::TextDisabled("No input or firm matches in any domain.");
        ImGui::EndCombo();
    }
    if (!node_open && ImGui::IsItemHovered()) ImGui::SetTooltip("The input whose suppliers the map shows (* = a choke point for the alliance)");
    if (small_button(ui, "Supply chain…")) ui.show_chain = !ui.show_chain;
    remember(ui, "chain");
    ImGui::SameLine();
    ImGui::Checkbox("supply arcs", &ui.show_arcs);
    ImGui::SameLine();
    ImGui::Checkbox("labels", &ui.show_labels);
    // regions where small countries crowd: one click zooms there
    ImGui::TextUnformatted("Zoom to");
    for (const auto& [label, action, name] : {std::tuple{"World", "view:world", "view-world"}, std::tuple{"Europe", "view:europe", "view-europe"},
                                              std::tuple{"East Asia", "view:east-asia", "view-east-asia"}}) {
        same_line_if_fits(label);
        if (small_button(ui, label)) actions.push_back(action);
        remember(ui, name);
    }
}

// The iframe code for this view: a size, the code to read, a button that copies it.
void embed_section(const Model& m, UiState& ui, UiActions& actions) {
    static const int sizes[3][2] = {{400, 300}, {600, 400}, {800, 600}};
    ImGui::TextUnformatted("Embed this view in a page, at");
    for (int i = 0; i < 3; ++i) {
        const std::string label = std::to_string(sizes[i][0]) + "×" + std::to_string(sizes[i][1]);
        same_line_if_fits(label.c_str());
        if (ImGui::RadioButton(label.c_str(), ui.embed_size == i)) ui.embed_size = i;
        remember(ui, ("embed-size:" + std::to_string(i)).c_str());
    }
    ui.embed_size = std::clamp(ui.embed_size, 0, 2);
    const int sel = m.selected_node();
    const std::string title = "Techno-alliance map" + (m.domain() && sel >= 0 ? ": " + headline_of(m, ui, sel).title : std::string());
    const std::string code = embed_code(ui.embed_url, sizes[ui.embed_size][0], sizes[ui.embed_size][1], title);
    std::vector<char> buf(code.begin(), code.end());
    buf.push_back(0);
    ImGui::InputTextMultiline("##embed-code", buf.data(), buf.size(), ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f),
                              ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    remember(ui, "embed-code");
    remember_text(ui, "embed-code", code);
    if (small_button(ui, "Copy the embed code")) actions.push_back("copy-embed");
    remember(ui, "copy-embed");
    muted_wrapped("The embedded map shows this view with a one-line caption and \"Open the full view\"; visitors can look "
                  "around and open the full view, not change the scenario in your page.");
}

// Sharing and classroom tools: links, stories, exports, presentation mode, the text view.
void share_section(const Model& m, UiState& ui, UiActions& actions) {
    if (small_button(ui, "Copy link")) actions.push_back("copy-link");
    remember(ui, "copy-link");
    same_line_if_fits("Guided tour");
    if (small_button(ui, "Guided tour")) actions.push_back("story-start");  // the built-in story, from step 1
    remember(ui, "story");
    same_line_if_fits("Presentation mode");
    const bool pres = ui.mode == UiMode::Presentation;
    if (small_button(ui, pres ? "Leave presentation mode" : "Presentation mode")) actions.push_back(pres ? "mode:full" : "mode:presentation");
    remember(ui, "presentation");
    same_line_if_fits("Embed");
    if (small_button(ui, ui.show_embed ? "Embed (hide)" : "Embed")) ui.show_embed = !ui.show_embed;
    remember(ui, "embed");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The HTML that shows this view in another page (a course page, a blog)");
    if (ui.show_embed) embed_section(m, ui, actions);
    if (small_button(ui, "PNG")) actions.push_back("export-png");
    remember(ui, "export-png");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Download a picture for a memo or a slide: the map alone with its legend, the title, the headline, the date "
                          "and the mode, your caption, the sources and the link, at twice the screen's density");
    same_line_if_fits("CSV");
    if (small_button(ui, "CSV")) actions.push_back("export-csv");
    remember(ui, "export-csv");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download every figure of this scenario, with years and sources, as CSV");
    same_line_if_fits("Text view");
    if (small_button(ui, "Text view")) actions.push_back("text-view");
    remember(ui, "text-view");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The scenario's summary and figures as text and a table (also read by screen readers)");
    if (small_button(ui, "Load your own data…")) actions.push_back("load-dataset");
    remember(ui, "load-dataset");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A dataset file of the same format (JSON), loaded on top of the default data; you can also drop it on the map. "
                          "A bad file is refused with a message and the current data stays.");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##picture-caption", "caption for the picture (optional)", ui.picture_caption, sizeof ui.picture_caption);
    remember(ui, "picture-caption");
    // one's own story: add this view as a step (a caption is optional: nothing needs typing)
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    ImGui::InputTextWithHint("##story-caption", "caption (optional)", ui.story_caption, sizeof ui.story_caption);
    same_line_if_fits("Add to my story");
    if (small_button(ui, "Add to my story")) actions.push_back("story-add");
    remember(ui, "story-add");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds this view as the next step of your own story; share it with \"Copy the story's link\"");
}

// The panel's sections as tabs, so that nothing needs scrolling to be found: the alliance
// (members, target, policies), the results, the map's settings, sharing and presenting. Each
// tab's controls stay in place when the figures change (figures sit in a fixed-height area).
void panel_tabs(Model& m, UiState& ui, UiActions& actions) {
    // buttons drawn as tabs (ImGui's tab bar needs the pointer over a tab for a frame before a
    // press, so a tap on a touch screen, with no hover before it, would be lost)
    const char* names[] = {"Alliance", "Results", "Map", ui.touch ? "Share" : "Share & present"};
    const char* ids[] = {"tab-alliance", "tab-results", "tab-map", "tab-share"};
    if (ui.tab_request >= 0 && ui.tab_request < 4 && ui.tab_request != ui.panel_tab) {
        ui.panel_tab = ui.tab_request;
        ImGui::SetScrollY(0.0f);
    }
    ui.tab_request = -1;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, ImGui::GetStyle().ItemSpacing.y));
    for (int t = 0; t < 4; ++t) {
        if (t) same_line_if_fits(names[t]);
        const bool active = ui.panel_tab == t;
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(active ? ImGuiCol_TabActive : ImGuiCol_Tab));
        if (ImGui::Button(names[t]) && ui.panel_tab != t) {
            ui.panel_tab = t;
            ImGui::SetScrollY(0.0f);  // a section opens at its top, whatever the last one's scroll
        }
        ImGui::PopStyleColor();
        remember(ui, ids[t]);
    }
    ImGui::PopStyleVar();
    ImGui::Separator();
    {
        const int t = ui.panel_tab;
        switch (t) {
            case 0:
                alliance_section(m, ui);
                ImGui::Separator();
                target_section(m, ui);
                ImGui::Separator();
                members_section(m, ui);
                break;
            case 1:
                compare_section(m, ui);
                results_section(m, ui);
                ranked_section(m, ui);
                break;
            case 2:
                map_section(m, ui, actions);
                break;
            case 3:
                share_section(m, ui, actions);
                ImGui::Separator();
                if (small_button(ui, "Sources and credits")) ui.show_sources = !ui.show_sources;
                remember(ui, "sources");
                same_line_if_fits("Glossary");
                if (small_button(ui, "Glossary")) ui.show_glossary = !ui.show_glossary;
                remember(ui, "glossary");
                same_line_if_fits("Help");
                if (small_button(ui, "Help")) ui.show_help = !ui.show_help;
                remember(ui, "help");
                same_line_if_fits("About");
                if (small_button(ui, "About")) ui.show_about = !ui.show_about;
                remember(ui, "about");
                muted_wrapped("Semiconductor data: Emerging Technology Observatory Advanced Semiconductor Supply Chain "
                        "Dataset, Georgetown CSET (CC BY-NC 4.0). Map: Natural Earth; lakes © OpenStreetMap contributors "
                        "(ODbL). Names: world-countries (ODbL). Other domains: the source named with each figure (see Sources and credits).");
                muted_wrapped(("Data version: " + data_version_words(m.data().version()) + ".").c_str());
                break;
        }
    }
}

}  // namespace

void alliance_panel(Model& m, UiState& ui, float width, float height, UiActions& actions) {
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
        panel_tabs(m, ui, actions);
    }
    if (open && !ui.load_message.empty()) {
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, im_color(theme::text_error));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ui.load_message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ui.panel_right = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x;
    ui.panel_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
}

}  // namespace techmap
