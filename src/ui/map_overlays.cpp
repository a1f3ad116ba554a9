// map_overlays.cpp — what lies over the map: the caption of the input it shows (and "why?"), the
// legend, the card of the country under the pointer, and the embed mode's corner.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/firms.h"
#include "core/report.h"
#include "ui/widgets.h"

namespace techmap {
namespace {
// Rows of the "why": who (a supplier, or a firm), its role or headquarters, the share as published
// (unknown stays unknown) and the year. The suppliers' table and the firms' one.
void explanation_table(const char* id, const char* who, const char* what, const std::vector<Explanation::Row>& rows) {
    if (rows.empty() || !ImGui::BeginTable(id, 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(who);
    ImGui::TableSetupColumn(what);
    ImGui::TableSetupColumn("share");
    ImGui::TableSetupColumn("year");
    ImGui::TableHeadersRow();
    for (const Explanation::Row& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.holder.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.role.c_str());
        ImGui::TableNextColumn();
        if (is_known(r.share)) ImGui::Text("%.1f%%", r.share);
        else ImGui::TextDisabled("unknown");
        ImGui::TableNextColumn();
        if (r.year) ImGui::Text("%d", r.year);
    }
    ImGui::EndTable();
}
}  // namespace

// A caption over the map for the input it shows: who supplies it, and whether it is a choke point.
void map_caption(const Model& m, UiState& ui, float left, float width) {
    const Domain* d = m.domain();
    const int sel = m.selected_node();
    if (!d || sel < 0) return;
    const Node& n = d->nodes[size_t(sel)];
    const NodeFigures& f = m.figures().nodes[size_t(sel)];
    // on narrow screens the caption goes below the folded panel's title bar, over the map; on
    // wide ones it has a band of its own above the map, as high as a caption of four lines and
    // its button (a fixed height, so that the map does not jump from one input to the next)
    const float top = width < 900 ? ui.panel_bottom + 8.0f : 8.0f;
    if (width >= 900) {
        const ImGuiStyle& style = ImGui::GetStyle();
        ui.map_top = top + style.WindowPadding.y * 2 + 4 * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeight() + 4.0f;
    }
    ImGui::SetNextWindowPos(ImVec2(left + (width - left) * 0.5f, top), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(560.0f * ui.scale, width - left - 16), 10000));
    ImGui::Begin("##caption", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    remember_window(ui, "caption-window");
    // the input's name, and in plain words who makes it and what the alliance and the target get
    ImGui::TextUnformatted(n.name.c_str());
    if (f.choke == Choke::Yes) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, im_color(theme::text_warning));
        ImGui::TextUnformatted("— the alliance controls it");
        ImGui::PopStyleColor();
        glossary_marker("choke point");
    }
    const float wrap = std::min(540.0f * ui.scale, width - left - 40);
    const PlainHeadline& h = headline_of(m, ui, sel);
    // the input's name is the caption's first line: its title goes on without it ("The
    // Netherlands makes 99% of world supply (2025)"), a line shorter in the band above the map
    std::string title = h.title;
    if (const std::string named = n.name + ": "; title.rfind(named, 0) == 0) title = sentence_start(title.substr(named.size()));
    wrapped(title.c_str(), wrap);
    remember_text(ui, "caption-title", title);
    // the sentence, except on a screen too low to keep the map in sight (a small embed): there the
    // title and "why?" stay, and the sentence is in the "why" and the page's text view
    if (!h.sentence.empty() && ImGui::GetIO().DisplaySize.y >= 360) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(h.sentence.c_str(), wrap);
        ImGui::PopStyleColor();
        remember_text(ui, "caption-sentence", h.sentence);
    }
    const char* why = ui.show_why ? "hide why" : "why?";
    // who makes it (the "why" lists every firm with its headquarters), then "why?" on its last
    // line; on a phone the caption keeps to the title and the sentence (the firms are in "why?")
    if (!h.firms.empty() && width >= 480) {
        muted_wrapped(h.firms.c_str(), wrap);
        remember_text(ui, "caption-firms", h.firms);
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(why).x + ImGui::GetStyle().FramePadding.x * 2) ImGui::NewLine();
    }
    if (small_button(ui, why)) ui.show_why = !ui.show_why;
    remember(ui, "why");
    ui.caption_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    // narrow screens: the map starts below the caption (the band, on wide ones, is of fixed height)
    if (width < 900) ui.map_top = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y + 4.0f;
    if (ui.show_why) {
        // the rows, members, inputs and sources behind the figures (the core's explanation)
        const Explanation e = m.explain(sel);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(540.0f * ui.scale, width - left - 40));
        if (!h.sentence.empty() && ImGui::GetIO().DisplaySize.y < 360) ImGui::TextWrapped("%s", h.sentence.c_str());
        for (const std::string& line : e.lines) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
        ImGui::PopTextWrapPos();
        explanation_table("rows", "supplier", "role", e.rows);
        explanation_table("firms", "firm", "headquarters", e.firms);
    }
    ImGui::End();
}

BottomPlace bottom_of_map(const UiState& ui, float left, float width, float height, float max_w) {
    float right = width - 8.0f, bottom = height - 8.0f;
    if (auto it = ui.items.find("legend-window"); it != ui.items.end()) {
        if (it->second[0] - 8.0f - (left + 8.0f) >= 360.0f * ui.scale) right = it->second[0] - 8.0f;
        else bottom = it->second[1] - 8.0f;
    }
    const float w = std::min(max_w, right - left - 8.0f);
    return {std::max(left + 8.0f, (left + right) * 0.5f - w * 0.5f), bottom, w};
}

// The opening card over the map: what the first view shows, in a title and a plain sentence,
// and the next step: the guided tour, or build one's own alliance (or just look around).
void welcome_card(const Model& m, UiState& ui, float left, float width, float height, UiActions& actions) {
    if (!ui.show_welcome) return;
    const Domain* d = m.domain();
    const int sel = m.selected_node();
    // phones: below the folded panel; else at the bottom of the map, left of the legend, where
    // it hides the southern oceans rather than the suppliers of the first view's input
    if (ui.touch) {
        // phones: at the bottom, the map above it between the folded panel and the card
        const float w = std::min(600.0f * ui.scale, width - left - 16.0f);
        ImGui::SetNextWindowPos(ImVec2(left + (width - left) * 0.5f, height - 8.0f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, height * 0.6f));
    } else {
        const BottomPlace at = bottom_of_map(ui, left, width, height, 600.0f * ui.scale);
        ImGui::SetNextWindowPos(ImVec2(at.x, at.bottom), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(at.w, 0), ImVec2(at.w, height * 0.7f));
    }
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::Begin("##welcome", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
    remember_window(ui, "welcome-window");
    if (ui.touch) {
        ui.timeline_top = ImGui::GetWindowPos().y - 4.0f;
        ui.map_top = ui.panel_bottom + 4.0f;
    }
    // the story's title fits the scenario it was written for; after any change of input, members,
    // domain or date the title is the headline's, computed for what is on screen
    const bool as_opened = m.revision() == ui.welcome_revision;
    const PlainHeadline none{};
    const PlainHeadline& h = d && sel >= 0 ? headline_of(m, ui, sel) : none;
    const std::string title = as_opened || h.title.empty() ? ui.welcome_title : h.title;
    ImGui::SetWindowFontScale(1.3f);
    wrapped(title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    remember(ui, "welcome-title");
    remember_text(ui, "welcome-title", title);
    if (d && sel >= 0) {
        if (as_opened) wrapped(h.title.c_str());
        remember(ui, "welcome-sentence");
        if (!h.sentence.empty()) wrapped(h.sentence.c_str());
        remember_text(ui, "welcome-sentence", h.sentence);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    // who makes it ("who is ASML?" is a class's first question), except on a phone's short card
    if (d && sel >= 0 && !h.firms.empty() && !ui.touch) {
        wrapped(h.firms.c_str());
        remember_text(ui, "welcome-firms", h.firms);
    }
    if (ui.layer == MapLayer::Share && d && sel >= 0)
        wrapped(("On the map, the colour shows each country's share of " + in_sentence(d->nodes[size_t(sel)].name) +
                 "; the lines run from its suppliers to the rival.").c_str());
    else
        wrapped("On the map, the alliance is blue and the rival orange; the lines show who supplies the selected input.");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (ImGui::Button("Start the guided tour")) {
        actions.push_back("story-start");
        ui.show_welcome = false;
    }
    remember(ui, "welcome-tour");
    ImGui::SameLine();
    if (ImGui::Button("Build your own")) {
        actions.push_back("build-own");
        ui.show_welcome = false;
    }
    remember(ui, "welcome-build");
    same_line_if_fits("Look around");
    if (ImGui::Button("Look around")) ui.show_welcome = false;
    remember(ui, "welcome-close");
    same_line_if_fits("For teachers");
    if (small_button(ui, "For teachers")) actions.push_back("open-teachers");  // the guide, in a new tab
    remember(ui, "welcome-teachers");
    ImGui::End();
}

// The legend, bottom right: what each colour means, with the scale of shares.
void legend(const Model& m, UiState& ui, float width, float height) {
    const Domain* d = m.domain();
    const int sel = m.selected_node();
    // bottom right; presenting or embedded (the map takes the whole width) bottom left instead if
    // the right corner would hide a country the view names and the left one would not
    bool at_left = false;
    if (ui.mode != UiMode::Full && ui.legend_size[0] > 0) {
        auto hides = [&](float x0) {
            for (const auto& p : ui.keep_clear)
                if (p[0] >= x0 - 6 && p[0] <= x0 + ui.legend_size[0] + 6 && p[1] >= height - 8 - ui.legend_size[1] - 6 && p[1] <= height) return true;
            return false;
        };
        at_left = hides(width - 8 - ui.legend_size[0]) && !hides(8);
    }
    ImGui::SetNextWindowPos(at_left ? ImVec2(8, height - 8) : ImVec2(width - 8, height - 8), ImGuiCond_Always, ImVec2(at_left ? 0.0f : 1.0f, 1));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("Legend", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoFocusOnAppearing);
    remember_window(ui, "legend-window");
    // presenting or embedded, the legend keeps to a corner: the title and the headline are the large type
    // (a window keeps its scale: set it every frame, or leaving presentation keeps the small type)
    ImGui::SetWindowFontScale(ui.mode != UiMode::Full || ui.touch ? 0.75f : 1.0f);
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
        const char* of = d->measures == Measures::Demand ? "Share of world purchases" : d->measures == Measures::Share ? "Share of the world's total" : "Share of world supply";
        ImGui::Text("%s: %s", of, n.name.c_str());
        if (mx > 0) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = 220 * ImGui::GetFontSize() / 15.0f, h = ImGui::GetTextLineHeight();  // (the font size follows ui.scale)
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
        } else {
            // no scale from 0% to 0%: the data gives no country's share of it
            ImGui::TextDisabled("No country's share of it is known.");
        }
        remember_text(ui, "legend-scale", mx > 0 ? "0% to " + plain_percent(mx, mx) : "No country's share of it is known.");
        swatch(palette::kUnknownShare, "supplier, share unknown");
        swatch(palette::kNotListed, "not a listed supplier");
    } else {
        swatch(palette::kMember, "alliance member");
        swatch(palette::kTarget, "target");
        swatch(palette::kOther, "not aligned");
    }
    swatch(palette::kNoData, "not in the data");
    if (ui.show_arcs && sel >= 0 && d && !d->nodes[size_t(sel)].shares.empty() && height >= 500 && !ui.touch) {
        ImGui::Separator();
        // one short line: the lines' colours follow the date and the denial mode shown
        ImGui::TextUnformatted("Lines from suppliers, width by share:");
        swatch(palette::kArcDenied, "denied");
        ImGui::SameLine();
        swatch(palette::kArcLicence, "licence");
        ImGui::SameLine();
        swatch(palette::kArcOpen, "open");
        if (ImGui::IsItemHovered() || ImGui::IsWindowHovered())
            ImGui::SetTooltip("Lines run from the suppliers of %s to the target, for the date and the denial mode shown: dark blue where "
                              "that supply is denied, light blue where it needs a licence (which may be granted or refused), grey "
                              "where it is not denied.", in_sentence(d->nodes[size_t(sel)].name).c_str());
    }
    ui.legend_size = {ImGui::GetWindowSize().x, ImGui::GetWindowSize().y};
    if (ui.touch && ui.mode == UiMode::Full) ui.timeline_top = ImGui::GetWindowPos().y - 4.0f;  // phones: the map lies above it
    ImGui::End();
}

// What a country's card says: its role, its share of the selected input, where it is strongest,
// its groupings on the scenario's date. Shared by the card under the pointer and the pinned card.
namespace {
void country_card_body(const Model& m, UiState& ui, int country, bool full) {
    const Dataset& ds = m.data();
    const Role role = m.role(country);
    ImGui::TextUnformatted(ds.countries[size_t(country)].name.c_str());
    // what a click does: in explore it opens the card; with the Alliance section open it edits
    const bool build = editing_alliance(ui);
    ImGui::TextDisabled("%s", role == Role::Member ? (build ? "alliance member: click to remove" : "alliance member")
                              : role == Role::Target ? "target"
                                                     : (build ? "not aligned: click to add" : "not aligned"));
    const Domain* d = m.domain();
    if (d && m.selected_node() >= 0) {
        const Node& n = d->nodes[size_t(m.selected_node())];
        for (const ShareRow& r : n.shares)
            if (r.country == country) {
                if (is_known(r.share)) ImGui::TextWrapped("%s: %.1f%% of world supply (%d)", n.name.c_str(), r.share, r.year);
                else ImGui::TextWrapped("%s: a supplier, share unknown (%d)", n.name.c_str(), r.year);
            }
    }
    if (d) {
        const std::vector<CountryShare> top = strongest_nodes(*d, country, 3);
        if (!top.empty()) ImGui::TextDisabled("strongest in:");
        for (const CountryShare& t : top) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s %.0f%% (%d)", d->nodes[size_t(t.node)].name.c_str(), t.share, t.year);
        }
        // its leading firms (counted for it by their headquarters) and the inputs they lead
        std::string firms_text;
        for (const FirmInputs& fi : leading_firms(*d, country, 3)) {
            // its largest input, and how many more it makes
            const FirmInputs::Input& in = fi.inputs[0];
            std::string line = fi.name + ": " + d->nodes[size_t(in.node)].name + " " +
                               (is_known(in.share) ? plain_percent(in.share, in.share) : "share unknown") + (in.year ? " (" + std::to_string(in.year) + ")" : "");
            if (fi.inputs.size() > 1) line += std::string(" and ") + std::to_string(fi.inputs.size() - 1) + (fi.inputs.size() == 2 ? " more input" : " more inputs");
            if (firms_text.empty()) ImGui::TextDisabled("leading firms headquartered here:");
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
            firms_text += (firms_text.empty() ? "" : "\n") + line;
        }
        remember_text(ui, "card-firms", firms_text);
    }
    // memberships on the scenario's date; an ended grouping reads as ended, with its end date;
    // a proposal that never formed (the D10, the T-12) is not a membership
    const int on = scenario_date(m.scenario());
    // each with the date it joined (or signed) when the data gives it; the card a click keeps also
    // gives each grouping's one line and the caveat the sources leave (the hover card stays short)
    std::string names, ended, proposed;
    std::vector<std::string> lines;
    for (const Membership& g : memberships(ds, country, on)) {
        const AlliancePreset& p = ds.alliances[size_t(g.alliance)];
        const std::string since = g.since_date ? pretty_date(g.since_date) : g.since_year ? std::to_string(g.since_year) : "";
        const std::string when = since.empty() ? "" : (p.kind == "declaration" ? " (signed " : " (since ") + since + ")";
        if (g.ended) ended += (ended.empty() ? "" : "; ") + p.name + " (ended " + pretty_date(g.ended) + ")";
        else if (p.kind == "proposal") proposed += (proposed.empty() ? "" : "; ") + p.name;
        else {
            names += (names.empty() ? "" : ", ") + p.name + when + (g.caveat.empty() ? "" : " (uncertain)");
            lines.push_back(p.name + when + (p.description.empty() ? "" : ": " + p.description) + (g.caveat.empty() ? "" : " Caveat: " + g.caveat + "."));
        }
    }
    if (!names.empty() && !full) ImGui::TextDisabled("member on %s of: %s", pretty_date(on).c_str(), names.c_str());
    if (!names.empty() && full) ImGui::TextDisabled("member on %s of:", pretty_date(on).c_str());
    for (size_t k = 0; full && k < lines.size(); ++k) {
        ImGui::Bullet();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", lines[k].c_str());
        ImGui::PopStyleColor();
    }
    remember_text(ui, "card-groupings", full ? [&] { std::string t; for (const auto& l : lines) t += (t.empty() ? "" : "\n") + l; return t; }() : names);
    if (!proposed.empty()) ImGui::TextDisabled("named in proposals: %s", proposed.c_str());
    if (!ended.empty()) ImGui::TextDisabled("was in: %s", ended.c_str());
}
float card_width() {
    // never wider than the screen (ImGui moves a tooltip inside it, but cannot shrink it)
    return std::min(ImGui::GetFontSize() * 24.0f, ImGui::GetIO().DisplaySize.x - 24.0f);
}
}  // namespace

// The card of a country under the pointer: beside the pointer, but never over the caption above
// the map or the timeline below it (it goes above the pointer near the bottom).
void country_card(const Model& m, UiState& ui, int hovered) {
    if (hovered < 0) return;
    const float max_w = card_width();
    if (ui.card_size[0] > 0) {
        const ImVec2 mouse = ImGui::GetIO().MousePos, screen = ImGui::GetIO().DisplaySize;
        const float bottom = ui.timeline_top > 0 ? std::min(ui.timeline_top, screen.y) : screen.y;
        float x = std::min(mouse.x + 16.0f, screen.x - ui.card_size[0] - 8.0f);
        float y = mouse.y + 20.0f;
        if (y + ui.card_size[1] > bottom - 4.0f) y = mouse.y - ui.card_size[1] - 12.0f;
        y = std::max(y, ui.map_top + 4.0f);
        ImGui::SetNextWindowPos(ImVec2(std::max(8.0f, x), y), ImGuiCond_Always);
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(max_w + ImGui::GetStyle().WindowPadding.x * 2, FLT_MAX));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + max_w);
    country_card_body(m, ui, hovered, false);
    ImGui::PopTextWrapPos();
    remember_window(ui, "country-card");
    ui.card_size = {ImGui::GetWindowSize().x, ImGui::GetWindowSize().y};
    ImGui::EndTooltip();
}

// The card a click opens in explore mode: the same words, kept until closed, with the one edit it
// offers said on a button ("Add to the alliance"); nothing else changes on a click.
void pinned_country_card(Model& m, UiState& ui) {
    const int c = ui.card_country;
    if (c < 0 || size_t(c) >= m.data().countries.size()) { ui.card_country = -1; return; }
    const float max_w = card_width();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(std::clamp(ui.card_at[0] + 12.0f, 8.0f, std::max(8.0f, size.x - max_w - 40.0f)),
                                   std::clamp(ui.card_at[1] + 12.0f, 8.0f, std::max(8.0f, size.y * 0.5f))), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(max_w + ImGui::GetStyle().WindowPadding.x * 2, FLT_MAX));
    bool open = true;
    ImGui::SetNextWindowBgAlpha(1.0f);  // it opens over other windows: their words must not show through
    ImGui::Begin("Country##pinned-card", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    remember_window(ui, "pinned-card");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + max_w);
    country_card_body(m, ui, c, true);
    ImGui::PopTextWrapPos();
    const Role role = m.role(c);
    if (role != Role::Target) {
        if (ImGui::Button(role == Role::Member ? "Remove from the alliance" : "Add to the alliance")) m.toggle_member(c);
        remember(ui, "card-toggle");
        ImGui::SameLine();
    }
    if (ImGui::Button("Close")) open = false;
    remember(ui, "card-close");
    ImGui::End();
    if (!open) ui.card_country = -1;
}

// Embedded in another page: one line across the top (the view's title, its headline in the
// tooltip) and "Open the full view"; the map below it keeps its arcs and the countries named.
void embed_band(const Model& m, UiState& ui, float width, UiActions& actions) {
    ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##embed", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollbar);
    remember_window(ui, "embed-window");
    const char* open_label = ui.touch ? "Full view" : "Open the full view";
    const float button_w = ImGui::CalcTextSize(open_label).x + ImGui::GetStyle().FramePadding.x * 2;
    const int sel = m.selected_node();
    const PlainHeadline none{};
    const PlainHeadline& h = m.domain() && sel >= 0 ? headline_of(m, ui, sel) : none;
    const float room = ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x;
    const std::string line = fit_line(h.title, room);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    remember(ui, "caption-title");
    remember_text(ui, "caption-title", h.title);
    if (ImGui::IsItemHovered() && !h.sentence.empty()) {
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(width - 16.0f, 480.0f), FLT_MAX));
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(h.title.c_str());
        ImGui::TextUnformatted(h.sentence.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    remember_text(ui, "caption-sentence", h.sentence);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_w));
    if (ImGui::Button(open_label)) actions.push_back("open-full-view");
    remember(ui, "open-full-view");
    ui.map_top = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y + 2.0f;
    ImGui::End();
}

}  // namespace techmap
