// timeline_strip.cpp — the strip under the timeline's date (see timeline.h): a lane per issuer and,
// in it, a row per measure: a line from its entry into force to its end (its pattern says its kind,
// pale where it is suspended, dotted where its status is unknown, thin before it takes effect) with
// a mark at its start. When the rows would not fit, a lane folds to one row with its count, and a
// click (or Enter) on its name unfolds it (view/timeline_layout.h decides which). A measure's label
// shows on hover and on keyboard focus; a click on its mark explains it; a click or drag elsewhere
// moves the date. Year ticks, the date's cursor and a legend of the patterns complete it.
//
// [SECTION] drawing one measure
// [SECTION] the legend
// [SECTION] the strip
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/timeline.h"
#include "ui/widgets.h"
#include "view/timeline_layout.h"

namespace techmap {
namespace {

// [SECTION] drawing one measure ----------------------------------------------------------------

// Issuer colours: the Okabe–Ito palette (told apart with the common colour-vision deficiencies);
// a measure's kind is told by its pattern, not its colour.
ImU32 issuer_color(const std::string& iso3) {
    if (iso3 == "USA") return IM_COL32(0, 114, 178, 255);
    if (iso3 == "JPN") return IM_COL32(204, 121, 167, 255);
    if (iso3 == "NLD") return IM_COL32(230, 159, 0, 255);
    if (iso3 == "TWN") return IM_COL32(0, 158, 115, 255);
    if (iso3 == "CHN") return IM_COL32(213, 94, 0, 255);
    return IM_COL32(86, 180, 233, 255);
}

ImU32 with_alpha(ImU32 col, int alpha) { return (col & ~IM_COL32_A_MASK) | (ImU32(alpha) << IM_COL32_A_SHIFT); }

// The mark at a measure's start: a dot; a diamond for one that aims at firms.
void draw_mark(ImDrawList* dl, ImVec2 p, float r, ImU32 col, MeasureKind kind) {
    if (kind == MeasureKind::Entities) {
        const float q = r * 1.3f;
        dl->AddQuadFilled(ImVec2(p.x, p.y - q), ImVec2(p.x + q, p.y), ImVec2(p.x, p.y + q), ImVec2(p.x - q, p.y), col);
    } else {
        dl->AddCircleFilled(p, r, col);
    }
}

// A measure's life from a to b at height y, in its kind's pattern: a ban thick, a licence thinner,
// an agreement dotted, a measure aimed at firms a thin line with ticks (a list of names).
void draw_life(ImDrawList* dl, float a, float b, float y, ImU32 col, MeasureKind kind) {
    switch (kind) {
        case MeasureKind::Ban: dl->AddLine(ImVec2(a, y), ImVec2(b, y), col, 3.0f); break;
        case MeasureKind::Licence: dl->AddLine(ImVec2(a, y), ImVec2(b, y), with_alpha(col, 190), 2.0f); break;
        case MeasureKind::Agreement:
            for (float x = a; x < b; x += 6.0f) dl->AddCircleFilled(ImVec2(x, y), 1.2f, col);
            break;
        case MeasureKind::Entities:
            dl->AddLine(ImVec2(a, y), ImVec2(b, y), col, 1.0f);
            for (float x = a; x <= b; x += 5.0f) dl->AddLine(ImVec2(x, y - 3.0f), ImVec2(x, y + 3.0f), col, 1.0f);
            break;
    }
}

// Where dates fall on the strip: from the timeline's start to today, between x0 and x1.
struct DateAxis {
    int start = kTimelineStart, end = 0;
    float x0 = 0, x1 = 0;
    float x_of(int d) const {
        const int a = days_of(start), b = days_of(end);
        return x0 + (x1 - x0) * float(days_of(std::clamp(d, start, end)) - a) / float(std::max(1, b - a));
    }
};

// One measure on its row at height y.
void draw_measure(ImDrawList* dl, const DateAxis& ax, const Measure& me, float y, ImU32 col, float mark_r) {
    const int start = me.start();
    const ImU32 pale = with_alpha(col, 80), bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
    if (me.announced && me.announced < start) dl->AddLine(ImVec2(ax.x_of(me.announced), y), ImVec2(ax.x_of(start), y), pale, 1.0f);
    const int stop = me.ended ? me.ended : ax.end;
    draw_life(dl, ax.x_of(start), ax.x_of(stop), y, col, me.kind);
    // the dated steps of a measure that came in parts (the October 2022 rule): a short upright
    for (const Measure::Step& st : me.steps)
        if (st.date != start) dl->AddLine(ImVec2(ax.x_of(st.date), y - mark_r), ImVec2(ax.x_of(st.date), y + mark_r), col, 2.0f);
    for (const Measure::Window& w : me.suspended) {
        // suspended: the line goes pale and dashed, with a gap on either side
        const float a = ax.x_of(w.from), b = ax.x_of(w.until);
        dl->AddRectFilled(ImVec2(a, y - 4.0f), ImVec2(b, y + 4.0f), bg);
        for (float x = a; x < b; x += 4.0f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(b, x + 2.0f), y), pale, 1.0f);
    }
    if (me.unknown_from) {
        const float a = ax.x_of(me.unknown_from), b = ax.x_of(stop);
        dl->AddRectFilled(ImVec2(a, y - 4.0f), ImVec2(b, y + 4.0f), bg);
        for (float x = a; x < b; x += 3.0f) dl->AddCircleFilled(ImVec2(x, y), 0.9f, col);
    }
    draw_mark(dl, ImVec2(ax.x_of(start), y), mark_r, col, me.kind);
}

// [SECTION] the legend -------------------------------------------------------------------------

// What each pattern means, for the kinds and states the data has, on as many lines as the width
// needs. The samples are drawn in the text's colour: colours tell the issuers apart. With `draw`
// false it only measures: the height the legend takes at this width.
float strip_legend(UiState& ui, const Dataset& ds, float width, bool draw) {
    bool kinds[4] = {false, false, false, false}, suspended = false, unknown = false, steps = false;
    for (const Measure& me : ds.measures) {
        kinds[int(me.kind)] = true;
        steps |= !me.steps.empty();
        suspended |= !me.suspended.empty();
        unknown |= me.unknown_from != 0;
    }
    struct Entry {
        const char* words;
        int sample;  // a MeasureKind, or 4 suspended, 5 unknown, 6 a dated step
    };
    std::vector<Entry> entries;
    if (kinds[int(MeasureKind::Ban)]) entries.push_back({"ban", int(MeasureKind::Ban)});
    if (kinds[int(MeasureKind::Licence)]) entries.push_back({"licence (a range)", int(MeasureKind::Licence)});
    if (kinds[int(MeasureKind::Agreement)]) entries.push_back({"agreement", int(MeasureKind::Agreement)});
    if (kinds[int(MeasureKind::Entities)]) entries.push_back({"aims at firms", int(MeasureKind::Entities)});
    if (suspended) entries.push_back({"suspended", 4});
    if (unknown) entries.push_back({"status unknown", 5});
    if (steps) entries.push_back({"a dated step", 6});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float line = ImGui::GetTextLineHeight(), sample_w = line * 1.4f, space = line * 0.8f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    float x = o.x, y = o.y;
    std::string words;
    for (const Entry& e : entries) {
        const float w = sample_w + 4.0f + ImGui::CalcTextSize(e.words).x;
        if (x > o.x && x + w > o.x + width) {
            x = o.x;
            y += line + 2.0f;
        }
        if (draw) {
            const float cy = y + line * 0.5f, a = x + 1.0f, b = x + sample_w - 2.0f;
            if (e.sample < 4) {
                draw_life(dl, a, b, cy, col, MeasureKind(e.sample));
                draw_mark(dl, ImVec2(a, cy), 3.5f, col, MeasureKind(e.sample));
            } else if (e.sample == 4) {
                for (float px = a; px < b; px += 4.0f) dl->AddLine(ImVec2(px, cy), ImVec2(std::min(b, px + 2.0f), cy), col, 1.0f);
            } else if (e.sample == 5) {
                for (float px = a; px < b; px += 3.0f) dl->AddCircleFilled(ImVec2(px, cy), 0.9f, col);
            } else {
                dl->AddLine(ImVec2(a, cy), ImVec2(b, cy), with_alpha(col, 190), 2.0f);
                dl->AddLine(ImVec2((a + b) * 0.5f, cy - 3.5f), ImVec2((a + b) * 0.5f, cy + 3.5f), col, 2.0f);
            }
            dl->AddText(ImVec2(x + sample_w + 4.0f, y), col, e.words);
        }
        x += w + space;
        words += (words.empty() ? "" : ", ") + std::string(e.words);
    }
    const float height = y - o.y + line;
    if (draw) {
        ImGui::Dummy(ImVec2(width, height));
        remember_text(ui, "timeline-legend", words);
    }
    return height;
}

}  // namespace

// [SECTION] the strip ------------------------------------------------------------------------------

void timeline_strip(Model& m, UiState& ui, const std::vector<MeasureLane>& lanes, float max_height) {
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    const int date = std::clamp(scenario_date(s), kTimelineStart, today());
    const float font = ImGui::GetFontSize(), pad = 8.0f;
    // a row per measure, thinner than a line of text; a lane at least a line tall (its name)
    const float row_h = std::round(font * (ui.touch ? 0.95f : 0.7f)), label_h = font + 1.0f, gap = 1.0f;
    const float strip_w = std::max(100.0f, ImGui::GetContentRegionAvail().x);
    const float axis_h = font + 2.0f, legend_h = strip_legend(ui, ds, strip_w, false) + 2.0f;
    // the most rows that fit `max_height` (all lanes folded if none do: the lane unfolded last by
    // the user stays so, whatever its height)
    auto height_of = [&](const TimelineLayout& t) {
        float h = axis_h + legend_h;
        for (const TimelineLayout::Lane& l : t.lanes) h += std::max(float(l.rows) * row_h, label_h) + gap;
        return h;
    };
    TimelineLayout layout;
    for (int rows = int(ds.measures.size()); rows >= 0; --rows) {
        layout = timeline_layout(lanes, ds.measures.size(), rows, ui.timeline_lanes);
        if (height_of(layout) <= max_height || rows <= int(lanes.size())) break;
    }

    // the lanes' places, top to bottom, and the column of their names (a folded lane adds its count)
    std::vector<float> lane_y(lanes.size()), lane_h(lanes.size());
    float strip_h = 0, label_w = 0;
    const float arrow_w = font * 0.8f;
    for (size_t l = 0; l < lanes.size(); ++l) {
        lane_y[l] = strip_h;
        lane_h[l] = std::max(float(layout.lanes[l].rows) * row_h, label_h) + gap;
        strip_h += lane_h[l];
        if (lanes[l].issuer >= 0) label_w = std::max(label_w, ImGui::CalcTextSize(ds.countries[size_t(lanes[l].issuer)].name.c_str()).x);
    }
    label_w += arrow_w + ImGui::CalcTextSize(" (99)").x + pad;
    strip_h += axis_h;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    DateAxis ax;
    ax.end = today();
    ax.x0 = origin.x + label_w;
    ax.x1 = origin.x + strip_w - 6.0f;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    // year ticks, labelled every year or every few years, as the width allows
    const float year_w = (ax.x1 - ax.x0) * 365.25f / float(std::max(1, days_of(ax.end) - days_of(ax.start)));
    const int label_every = std::max(1, int(std::ceil((ImGui::CalcTextSize("2026").x + 6.0f) / std::max(1.0f, year_w))));
    const float rows_bottom = origin.y + strip_h - axis_h;
    for (int y = kTimelineStart / 10000; y <= ax.end / 10000; ++y) {
        const float x = ax.x_of(y * 10000 + 101);
        dl->AddLine(ImVec2(x, origin.y), ImVec2(x, rows_bottom), IM_COL32(255, 255, 255, 28));
        if ((y - kTimelineStart / 10000) % label_every != 0) continue;
        char b[8];
        std::snprintf(b, sizeof b, "%d", y);
        if (x + ImGui::CalcTextSize(b).x < ax.x1 + 4) dl->AddText(ImVec2(x + 2, rows_bottom + 1), faint, b);
    }

    // the lanes: a name (a button where the lane folds), then a row per measure, or one for all
    const bool nav_visible = ImGui::GetIO().NavVisible;
    int shown = -1, shown_how = 0;  // the measure whose label shows: 1 mark hovered, 2 focused, 3 line hovered
    int lane_hovered = -1;          // a folded lane hovered away from its marks
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    struct RowPlace {
        int measure, lane;
        float y, x0, x1;
    };
    std::vector<RowPlace> places;  // each measure's line, for the pointer on it
    for (size_t l = 0; l < lanes.size(); ++l) {
        const TimelineLayout::Lane& lane = layout.lanes[l];
        const float ly = origin.y + lane_y[l], rows_top = ly + (lane_h[l] - gap - float(lane.rows) * row_h) * 0.5f;
        const Country* issuer = lanes[l].issuer >= 0 ? &ds.countries[size_t(lanes[l].issuer)] : nullptr;
        const std::string iso = issuer ? issuer->id : std::string("?");
        const ImU32 col = issuer_color(iso);
        ImGui::PushID(iso.c_str());
        if (l > 0) dl->AddLine(ImVec2(origin.x, ly), ImVec2(ax.x1, ly), IM_COL32(255, 255, 255, 22));
        // the name: members and the target in full colour; a triangle in the issuer's colour says
        // whether the lane is folded (pointing right, with the count) or unfolded (pointing down)
        const bool member = s.is_member(lanes[l].issuer), is_target = lanes[l].issuer == s.target;
        const float ty = ly + (label_h - font) * 0.5f + 1.0f;
        const ImVec2 tri(origin.x + arrow_w * 0.4f, ty + font * 0.5f);
        const float t = font * 0.25f;
        if (!lane.foldable) dl->AddRectFilled(ImVec2(tri.x - t * 0.8f, tri.y - t * 0.8f), ImVec2(tri.x + t * 0.8f, tri.y + t * 0.8f), col);
        else if (lane.folded) dl->AddTriangleFilled(ImVec2(tri.x - t, tri.y - t * 1.2f), ImVec2(tri.x + t, tri.y), ImVec2(tri.x - t, tri.y + t * 1.2f), col);
        else dl->AddTriangleFilled(ImVec2(tri.x - t * 1.2f, tri.y - t), ImVec2(tri.x + t * 1.2f, tri.y - t), ImVec2(tri.x, tri.y + t), col);
        std::string name = issuer ? issuer->name : "?";
        if (lane.folded) name += " (" + std::to_string(lane.measures) + ")";
        dl->AddText(ImVec2(origin.x + arrow_w, ty), member || is_target ? text_col : faint, name.c_str());
        const std::string lane_words = (issuer ? issuer->name : std::string("?")) + ": " + std::to_string(lane.measures) +
                                       (lane.measures == 1 ? " measure" : " measures") +
                                       (lane.folded ? ", folded into one row" : lane.measures > 1 ? ", a row each" : "");
        if (lane.foldable) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x, ly));
            if (ImGui::InvisibleButton("##lane", ImVec2(label_w - pad * 0.5f, lane_h[l] - gap)))
                remember_lane_choice(ui.timeline_lanes, lanes[l].issuer, lane.folded);
            if (ImGui::IsItemHovered() || (ImGui::IsItemFocused() && nav_visible))
                ImGui::SetTooltip("%s. %s", lane_words.c_str(), lane.folded ? "Click to show each on a row of its own." : "Click to fold them into one row.");
            if (ImGui::IsItemFocused() && nav_visible) dl->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text_col, 3.0f);
        } else {
            ImGui::SetCursorScreenPos(ImVec2(origin.x, ly));
            ImGui::Dummy(ImVec2(label_w - pad * 0.5f, lane_h[l] - gap));
        }
        remember_text(ui, ("timeline-lane:" + iso).c_str(), lane_words);
        // the rows; a folded lane's one row: a pale line from its first measure to today, and each
        // measure's mark on it (its lines would lie on top of each other)
        if (lane.folded) {
            int first = 0;
            for (int mi : lanes[l].measures)
                if (ds.measures[size_t(mi)].start() && (!first || ds.measures[size_t(mi)].start() < first)) first = ds.measures[size_t(mi)].start();
            const float y = rows_top + row_h * 0.5f;
            if (first) dl->AddLine(ImVec2(ax.x_of(first), y), ImVec2(ax.x1, y), with_alpha(col, 110), 2.0f);
        }
        for (size_t j = 0; j < lanes[l].measures.size(); ++j) {
            const int mi = lanes[l].measures[j];
            const Measure& me = ds.measures[size_t(mi)];
            if (!me.start()) continue;  // no date: nowhere on the strip
            const int row = layout.row_of[size_t(mi)] - lane.first_row;
            const float y = rows_top + row_h * (float(row) + 0.5f);
            const float mark_r = std::min(4.0f, row_h * 0.36f);
            if (lane.folded) draw_mark(dl, ImVec2(ax.x_of(me.start()), y), mark_r, col, me.kind);
            else draw_measure(dl, ax, me, y, col, mark_r);
            const float mx = ax.x_of(me.start()), stop = ax.x_of(me.ended ? me.ended : ax.end);
            if (!lane.folded) ui.items["timeline-row:" + me.id] = {mx - mark_r, y - row_h * 0.5f, std::max(mx + mark_r, stop), y + row_h * 0.5f};
            // the mark as a control: the pointer's target, and a stop of the keyboard
            const float hit = std::max(row_h, 12.0f);
            ImGui::SetCursorScreenPos(ImVec2(mx - hit * 0.5f, y - row_h * 0.5f));
            ImGui::PushID(mi);
            if (ImGui::InvisibleButton("##mark", ImVec2(hit, row_h))) {
                ui.timeline_measure = ui.timeline_measure == me.id ? std::string() : me.id;
                ui.timeline_dragging = false;
            }
            ImGui::PopID();
            remember(ui, ("timeline-measure:" + me.id).c_str());
            // the pointer (with the keyboard in use, ImGui counts the focused item as hovered)
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_NoNavOverride)) {
                shown = mi;
                shown_how = 1;
            } else if (ImGui::IsItemFocused() && nav_visible && shown_how != 1) {
                shown = mi;
                shown_how = 2;
            }
            if (ui.timeline_measure == me.id) dl->AddCircle(ImVec2(mx, y), mark_r + 3.0f, text_col, 0, 1.5f);
            if (ImGui::IsItemFocused() && nav_visible) dl->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text_col, 2.0f, 0, 2.0f);
            places.push_back({mi, int(l), y, mx - hit * 0.5f, stop});
        }
        ImGui::PopID();
    }

    // the strip as one control under the marks and the lanes' names (submitted before it, they
    // take the pointer where they are): clicks and drags move the date
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("##strip", ImVec2(strip_w, strip_h));
    remember(ui, "timeline-strip");
    const bool strip_hovered = ImGui::IsItemHovered(), strip_clicked = ImGui::IsItemActivated(), strip_active = ImGui::IsItemActive();
    const bool strip_focused = ImGui::IsItemFocused();
    // the pointer on a measure's line (not its mark): its label too, for a row of its own; for a
    // folded lane, what the lane holds
    if (strip_hovered && shown < 0)
        for (const RowPlace& p : places)
            if (mouse.y >= p.y - row_h * 0.5f && mouse.y < p.y + row_h * 0.5f && mouse.x >= p.x0 && mouse.x <= p.x1) {
                if (layout.lanes[size_t(p.lane)].folded) {
                    lane_hovered = p.lane;
                } else {
                    shown = p.measure;
                    shown_how = 3;
                }
                break;
            }
    // the cursor at the scenario's date
    const float cx = ax.x_of(date);
    dl->AddLine(ImVec2(cx, origin.y - 2), ImVec2(cx, rows_bottom), text_col, 2.0f);
    dl->AddTriangleFilled(ImVec2(cx - 5, origin.y - 4), ImVec2(cx + 5, origin.y - 4), ImVec2(cx, origin.y + 3), text_col);

    // the label of the measure under the pointer or with the keyboard's focus
    if (shown >= 0) {
        const Measure& me = ds.measures[size_t(shown)];
        const std::string label = measure_label(ds, me, scenario_date(s));
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(font * 30.0f);
        const size_t first = label.find('\n');
        ImGui::TextUnformatted(label.substr(0, first).c_str());
        ImGui::TextDisabled("%s", label.substr(first + 1).c_str());
        ImGui::TextDisabled("%s", shown_how == 1 ? "Click to explain." : shown_how == 2 ? "Enter explains it." : "Its mark explains it; a click here moves the date.");
        ImGui::PopTextWrapPos();
        remember_window(ui, "timeline-label");
        ImGui::EndTooltip();
        ui.texts["timeline-label"] = label;
        ui.texts["timeline-label-measure"] = me.id;
    } else if (lane_hovered >= 0) {
        ImGui::SetTooltip("%s", ui.texts["timeline-lane:" + ds.countries[size_t(lanes[size_t(lane_hovered)].issuer)].id].c_str());
    }

    // keyboard: with the strip focused, Enter or Space explains the measure that took effect
    // last on or before the date (Tab then reaches each lane's name and each measure's mark)
    if (strip_focused && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_Space, false))) {
        int best_m = -1, best_d = 0;
        for (size_t i = 0; i < ds.measures.size(); ++i) {
            const int start = ds.measures[i].start();
            if (start && start <= date && start >= best_d) {
                best_d = start;
                best_m = int(i);
            }
        }
        if (best_m >= 0) ui.timeline_measure = ds.measures[size_t(best_m)].id;
    }
    // a click or drag on the strip (right of the names) moves the date
    if (strip_clicked && ImGui::IsMouseDown(ImGuiMouseButton_Left) && mouse.x >= ax.x0 - 4) ui.timeline_dragging = true;
    if (ui.timeline_dragging) {
        if (strip_active && ImGui::IsMouseDown(ImGuiMouseButton_Left) && mouse.x >= ax.x0 - 8) {
            const float f = std::clamp((mouse.x - ax.x0) / std::max(1.0f, ax.x1 - ax.x0), 0.0f, 1.0f);
            const int d0 = days_of(ax.start), d1 = days_of(ax.end);
            const int at = d0 + int(std::lround(f * float(d1 - d0)));
            timeline_go_to(m, at >= d1 ? 0 : date_of_days(at));
            ui.timeline_playing = false;
        } else {
            ui.timeline_dragging = false;
        }
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + strip_h + 2.0f));
    strip_legend(ui, ds, strip_w, true);
}

}  // namespace techmap
