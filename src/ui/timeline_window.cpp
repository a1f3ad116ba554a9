// timeline_window.cpp — the controls in force over time, under the map: one lane per issuer
// with each measure as a line from its entry into force (a mark) to its end (pale where it is
// suspended, dotted where its status is unknown, thin before it takes effect), the scenario's
// date as a cursor, the date's controls (previous / next change, play, today) and the two
// choices of what is denied. Clicking a mark explains the measure; clicking or dragging on the
// strip moves the date. Keyboard: Tab reaches every button; the date slider takes the arrows.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/report.h"
#include "core/scenario_link.h"
#include "ui/widgets.h"

namespace techmap {
namespace {

constexpr int kTimelineStart = 20190101;
constexpr double kPlayStepSeconds = 1.6;  // each change shows this long while playing

// Issuer colours: the Okabe–Ito palette (told apart with the common colour-vision deficiencies).
ImU32 issuer_color(const std::string& iso3) {
    if (iso3 == "USA") return IM_COL32(0, 114, 178, 255);
    if (iso3 == "JPN") return IM_COL32(204, 121, 167, 255);
    if (iso3 == "NLD") return IM_COL32(230, 159, 0, 255);
    if (iso3 == "TWN") return IM_COL32(0, 158, 115, 255);
    if (iso3 == "CHN") return IM_COL32(213, 94, 0, 255);
    return IM_COL32(86, 180, 233, 255);
}

// Where a measure's mark sits: its entry into force, or its announcement (an agreement has no
// entry into force); 0 when the data gives neither.
int start_of(const Measure& me) { return me.in_force ? me.in_force : me.announced; }

const char* state_words(MeasureState st) {
    switch (st) {
        case MeasureState::NotYet: return "not yet in force";
        case MeasureState::InForce: return "in force";
        case MeasureState::Suspended: return "suspended";
        case MeasureState::Ended: return "ended";
        case MeasureState::Unknown: return "status unknown (the sources end here)";
    }
    return "";
}

std::string targets_text(const Dataset& ds, const Measure& me) {
    std::string list;
    for (int c : me.target_list) list += (list.empty() ? "" : ", ") + ds.countries[size_t(c)].name;
    switch (me.targets) {
        case Measure::Targets::All: return "every destination";
        case Measure::Targets::AllBut: return "every destination but " + list;
        case Measure::Targets::Listed: return list.empty() ? "no listed destination" : list;
    }
    return list;
}

// The explanation of one measure: who, against whom, when, what kind, what it covers and why
// the app maps it so, its state on the scenario's date, and its sources.
void measure_explanation(const Model& m, const Measure& me) {
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    const int date = scenario_date(s);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
    ImGui::TextUnformatted(me.name.c_str());
    ImGui::TextDisabled("%s · issued by %s · against %s", me.id.c_str(),
                        me.issuer >= 0 ? ds.countries[size_t(me.issuer)].name.c_str() : "?", targets_text(ds, me).c_str());
    std::string dates;
    if (me.announced) dates += "announced " + pretty_date(me.announced);
    if (me.in_force) dates += (dates.empty() ? "" : ", ") + std::string("in force ") + pretty_date(me.in_force);
    // dates told against today: a suspension that has run out says so, and where the sources end
    for (const Measure::Window& w : me.suspended)
        dates += ", suspended " + pretty_date(w.from) + " to " + pretty_date(w.until) + (w.until < today() ? " (run out by today)" : "");
    if (me.unknown_from)
        dates += ", status unknown from " + pretty_date(me.unknown_from) + " (the sources end there; by its own text it " +
                 (me.suspended.empty() ? "stays in force" : "applies again once the suspension runs out") + ")";
    if (me.ended) dates += ", ended " + pretty_date(me.ended);
    ImGui::TextUnformatted(dates.c_str());
    ImGui::Text("On %s: %s.", pretty_date(date).c_str(), state_words(me.state_on(date)));
    const char* kind = me.kind == MeasureKind::Ban       ? "A ban: what it covers is denied."
                       : me.kind == MeasureKind::Licence ? "A licence requirement, not a ban: some licences may be granted, so "
                                                           "what it covers counts as a range (none denied to all denied)."
                                                         : "An agreement without published rules of its own: it denies nothing.";
    ImGui::TextUnformatted(kind);
    if (me.foreign_made) ImGui::TextUnformatted("Reaches foreign-made items (a foreign direct product rule): counted with the third-country rule.");
    if (!me.scope.empty()) ImGui::Text("Scope: %s", me.scope.c_str());
    std::string covers;
    int shown = 0;
    for (const MeasureCover& c : me.covers) {
        if (c.domain < 0 || c.node < 0) continue;
        const Node& n = ds.domains[size_t(c.domain)].nodes[size_t(c.node)];
        if (n.link >= 0) continue;  // a linked copy: listed in its own domain
        if (shown++ < 8) covers += (covers.empty() ? "" : "; ") + n.name + (c.whole ? "" : " (part)");
    }
    if (shown > 8) covers += "; and " + std::to_string(shown - 8) + " more";
    if (!covers.empty()) ImGui::Text("Inputs it covers: %s.", covers.c_str());
    if (!me.mapping.empty()) ImGui::TextDisabled("How it is mapped: %s", me.mapping.c_str());
    if (!me.note.empty()) ImGui::TextDisabled("%s", me.note.c_str());
    if (!me.check.empty()) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "CHECK: %s", me.check.c_str());
    const std::string src = source_list(ds, me.sources);
    if (!src.empty()) ImGui::TextDisabled("Sources: %s", src.c_str());
    ImGui::PopTextWrapPos();
}

struct Lane {
    int issuer = -1;
    std::vector<int> measures;
};

std::vector<Lane> lanes_of(const Dataset& ds) {
    std::vector<Lane> lanes;
    for (size_t i = 0; i < ds.measures.size(); ++i) {
        const Measure& me = ds.measures[i];
        auto it = std::find_if(lanes.begin(), lanes.end(), [&](const Lane& l) { return l.issuer == me.issuer; });
        if (it == lanes.end()) {
            lanes.push_back({me.issuer, {}});
            it = lanes.end() - 1;
        }
        it->measures.push_back(int(i));
    }
    // within a lane, oldest first (top to bottom), whatever the order of the data
    for (Lane& l : lanes)
        std::stable_sort(l.measures.begin(), l.measures.end(),
                         [&](int a, int b) { return start_of(ds.measures[size_t(a)]) < start_of(ds.measures[size_t(b)]); });
    return lanes;
}

// The change dates and lanes depend on the data and today only: computed once per data revision
// (and again if today moves past midnight), not every drawn frame.
struct TimelineCache {
    long data_revision = -1;
    int today = 0;
    std::vector<int> changes;
    std::vector<Lane> lanes;
};
const TimelineCache& timeline_cache(const Model& m) {
    static TimelineCache c;
    if (c.data_revision != m.data_revision() || c.today != today()) {
        c.data_revision = m.data_revision();
        c.today = today();
        c.changes = measure_change_dates(m.data(), kTimelineStart, c.today);
        c.lanes = lanes_of(m.data());
    }
    return c;
}

}  // namespace

void timeline_window(Model& m, UiState& ui, float left, float width, float height, UiActions& actions) {
    const Dataset& ds = m.data();
    ui.timeline_top = height;
    if (ds.measures.empty()) return;
    const Scenario& s = m.scenario();
    const int end = today();
    const int d0 = days_of(kTimelineStart), d1 = days_of(end);
    const int date = std::clamp(scenario_date(s), kTimelineStart, end);
    const TimelineCache& cache = timeline_cache(m);
    const std::vector<int>& changes = cache.changes;
    const std::vector<Lane>& lanes = cache.lanes;
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : std::string("the target");

    // a date the visitor picks on the strip is read with the controls in force on it (as Play does):
    // the upper bound, everything members make, would look the same on every date (the rules in
    // force, whoever issued them, are dated too: they stay)
    auto read_controls = [&] {
        if (m.scenario().deny_mode == DenialMode::Everything) m.set_deny_mode(DenialMode::Controls);
    };
    auto go_to = [&](int day_date) {
        m.set_date(day_date);
        read_controls();
    };

    // playing: one change after another, each shown for a moment; the app draws while it plays
    if (ui.timeline_playing) {
        const double now = ImGui::GetTime();
        if (now >= ui.timeline_next_step) {
            auto next = std::upper_bound(changes.begin(), changes.end(), date);
            if (next == changes.end()) {
                m.set_date(0);
                ui.timeline_playing = false;
            } else {
                m.set_date(*next);
                ui.timeline_next_step = now + kPlayStepSeconds;
            }
        }
        actions.push_back("animate");
    }

    const float pad = 8.0f;
    const float x0 = left + pad, w = std::max(200.0f, width - left - 2 * pad);
    ImGui::SetNextWindowPos(ImVec2(x0, height - pad), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, height * 0.6f));
    ImGui::SetNextWindowBgAlpha(0.94f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoScrollbar;
    if (!ImGui::Begin("Timeline###timeline", nullptr, flags)) {
        ImGui::End();
        return;
    }
    remember_window(ui, "timeline-window");

    // row 1: the date and its controls, then what is denied
    const std::string when = pretty_date(scenario_date(s)) + (s.date ? "" : " (today)");
    // in the what-if mode the date picks the figures' editions, not the rules: the label says so
    ImGui::TextUnformatted(s.deny_mode == DenialMode::Everything ? "What if, on" : "Rules on");
    ImGui::SameLine();
    // the date as a box dragged over the days: a click alone leaves it as it is (a slider would
    // jump to where the box was clicked); keyboard: activate it, then the arrows move the date
    int day = days_of(date) - d0;
    const float box_w = ImGui::CalcTextSize("30 Sep 2026 (today)").x + ImGui::GetStyle().FramePadding.x * 4;
    ImGui::SetNextItemWidth(box_w);
    const float days_per_px = std::max(1.0f, float(d1 - d0) / (box_w * 3.0f));  // three box widths span the timeline
    const bool moved = ImGui::DragInt("##date", &day, days_per_px, 0, d1 - d0, when.c_str(), ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
    if (moved) {
        go_to(day >= d1 - d0 ? 0 : date_of_days(d0 + day));
        ui.timeline_playing = false;
    }
    remember(ui, "timeline-date");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The date the controls in force are read on: drag it left or right, type one in the box beside it, or click the strip below");
    // a date typed as people write it, Enter applies it; a bad one is said and changes nothing
    // on a phone, folded: the date and the steps between changes only (the map keeps the screen)
    const bool compact = ui.touch && !ui.timeline_open;
    if (!compact) {
    same_line_if_fits("type a date__");
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("30 Sep 2026__").x + ImGui::GetStyle().FramePadding.x * 2);
    // up and down reach the box (as its "history"), not the keyboard's move to the next control
    int arrow_step = 0;
    if (ImGui::InputTextWithHint("##date-typed", "type a date", ui.date_typed, sizeof ui.date_typed,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                                 [](ImGuiInputTextCallbackData* d) {
                                     *static_cast<int*>(d->UserData) = d->EventKey == ImGuiKey_UpArrow ? 1 : -1;
                                     return 0;
                                 },
                                 &arrow_step)) {
        const TypedDate t = parse_typed_date(ui.date_typed);
        if (!t.date) ui.date_error = t.error;
        else if (t.date > end) ui.date_error = pretty_date(t.date) + " is after today: the data has no rules of the future";
        else if (t.date < kTimelineStart) ui.date_error = "The timeline starts on " + pretty_date(kTimelineStart) + ": type a later date";
        else {
            ui.date_error.clear();
            ui.date_typed[0] = '\0';
            ui.timeline_playing = false;
            go_to(t.date == end ? 0 : t.date);
        }
        ImGui::SetKeyboardFocusHere(-1);  // the box keeps the keyboard: the next date, or the arrows
    }
    // in the box, the arrows step the date: up and down by a day (Shift: a month), left and right
    // too while nothing is typed
    if (ImGui::IsItemActive() || arrow_step) {
        int step = arrow_step;
        if (!ui.date_typed[0] && !step) step = ImGui::IsKeyPressed(ImGuiKey_RightArrow) ? 1 : ImGui::IsKeyPressed(ImGuiKey_LeftArrow) ? -1 : 0;
        if (step) {
            const int to = std::clamp(ImGui::GetIO().KeyShift ? add_months(date, step) : date_of_days(days_of(date) + step), kTimelineStart, end);
            ui.date_error.clear();
            ui.timeline_playing = false;
            go_to(to == end ? 0 : to);
        }
    }
    remember(ui, "timeline-date-typed");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Type a date: 2023-09-01, 1 Sep 2023, Sep 2023 (its 1st) or 2023 (1 January), then Enter. "
                          "Up and down step a day, with Shift a month.");
    }
    const char* prev_label = compact ? "<##prev" : "< Previous change";
    same_line_if_fits(prev_label);
    auto prev = std::lower_bound(changes.begin(), changes.end(), date);
    const bool has_prev = prev != changes.begin();
    if (!has_prev) ImGui::BeginDisabled();
    if (small_button(ui, prev_label)) go_to(*(prev - 1));
    remember(ui, "timeline-prev");
    if (!has_prev) ImGui::EndDisabled();
    if (!compact) same_line_if_fits("Pause");
    if (!compact && small_button(ui, ui.timeline_playing ? "Pause" : "Play")) {
        ui.timeline_playing = !ui.timeline_playing;
        if (ui.timeline_playing) {
            // from the start when at today (nothing left to play), else from here
            if (date >= end) m.set_date(kTimelineStart);
            read_controls();
            ui.timeline_next_step = ImGui::GetTime() + kPlayStepSeconds;
            actions.push_back("animate");
        }
    }
    if (!compact) remember(ui, "timeline-play");
    if (!compact && ImGui::IsItemHovered()) ImGui::SetTooltip("Steps through every change of the controls since 2019, with what is denied set to the controls in force");
    const char* next_label = compact ? ">##next" : "Next change >";
    same_line_if_fits(next_label);
    auto next = std::upper_bound(changes.begin(), changes.end(), date);
    const bool has_next = next != changes.end() && s.date != 0;
    if (!has_next) ImGui::BeginDisabled();
    if (small_button(ui, next_label)) go_to(*next);
    remember(ui, "timeline-next");
    if (!has_next) ImGui::EndDisabled();
    same_line_if_fits("Today");
    if (s.date == 0) ImGui::BeginDisabled();
    if (small_button(ui, "Today")) m.set_date(0);
    remember(ui, "timeline-today");
    if (s.date == 0) ImGui::EndDisabled();
    // on a phone the strip and the choices wait behind a button: the map keeps the screen
    if (ui.touch) {
        same_line_if_fits("Hide the measures");
        if (small_button(ui, ui.timeline_open ? "Hide the measures" : "Measures…")) ui.timeline_open = !ui.timeline_open;
        remember(ui, "timeline-more");
    }
    if (!ui.touch || ui.timeline_open) {
    // a typed date that could not be read: said in words, with what to type (the date is unchanged)
    if (!ui.date_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.72f, 0.45f, 1.0f));
        ImGui::TextWrapped("%s", ui.date_error.c_str());
        ImGui::PopStyleColor();
        remember_text(ui, "timeline-date-error", ui.date_error);
    }
    // what is denied: the upper bound, or the real controls (and the same for retaliation)
    // a combo whose closed face is short and whose choices say it in full
    auto mode_combo = [&](const char* id, const char* face_all, const char* face_controls, const std::string& all,
                          const std::string& controls, DenialMode mode, const char* tip, const char* face_rules = nullptr,
                          const std::string& rules = std::string()) -> int {
        const char* face = mode == DenialMode::Controls ? face_controls : mode == DenialMode::RulesInForce && face_rules ? face_rules : face_all;
        const float cw = ImGui::CalcTextSize(face_all).x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
        same_line_if_fits(face_all);
        ImGui::SetNextItemWidth(cw);
        int chosen = -1;
        if (ImGui::BeginCombo(id, face)) {
            if (ImGui::Selectable(all.c_str(), mode == DenialMode::Everything)) chosen = int(DenialMode::Everything);
            if (ImGui::Selectable(controls.c_str(), mode == DenialMode::Controls)) chosen = int(DenialMode::Controls);
            if (face_rules && ImGui::Selectable(rules.c_str(), mode == DenialMode::RulesInForce)) chosen = int(DenialMode::RulesInForce);
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
        return chosen;
    };
    const std::string deny_tip = "What " + target +
                                 " is denied: everything the members make (what a full embargo could do: the upper bound), only the "
                                 "export controls the members had in force on this date, or every rule in force on this date aimed at " +
                                 target + ", whoever issued it (the world as it is)";
    const int dm = mode_combo("##deny-mode", "What if: all members make", "Denied: members' controls",
                              "Denied: everything members make (what if)", "Denied: the members' controls in force on this date",
                              s.deny_mode, deny_tip.c_str(), "Denied: all rules in force",
                              "Denied: every rule in force on this date, whoever issued it");
    remember(ui, "deny-mode");
    if (dm >= 0) m.set_deny_mode(DenialMode(dm));
    if (ui.touch) ImGui::NewLine();
    const std::string ret_tip = "What " + target + "'s retaliation cuts: everything it makes (the upper bound) or only its "
                                "measures in force on this date (suspensions honoured)";
    const int rm = mode_combo("##retaliation-mode", "Cut-off: all the target makes", "Cut-off: its measures in force",
                              "Cut-off: everything " + target + " makes (the upper bound)",
                              "Cut-off: " + target + "'s measures in force on this date", s.retaliation_mode, ret_tip.c_str());
    remember(ui, "retaliation-mode");
    if (rm >= 0) m.set_retaliation_mode(DenialMode(rm));

    // the strip: lanes of measures, year ticks, the cursor
    float label_w = 0;
    for (const Lane& l : lanes)
        if (l.issuer >= 0) label_w = std::max(label_w, ImGui::CalcTextSize(ds.countries[size_t(l.issuer)].name.c_str()).x);
    label_w += pad;
    const float lane_h = ImGui::GetFontSize() + 3.0f;
    const float axis_h = ImGui::GetFontSize() + 2.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float strip_w = std::max(100.0f, ImGui::GetContentRegionAvail().x);
    const float strip_h = lane_h * float(lanes.size()) + axis_h;
    const float sx0 = origin.x + label_w, sx1 = origin.x + strip_w - 4.0f;
    auto x_of = [&](int d) { return sx0 + (sx1 - sx0) * float(days_of(std::clamp(d, kTimelineStart, end)) - d0) / float(std::max(1, d1 - d0)); };
    ImGui::InvisibleButton("##strip", ImVec2(strip_w, strip_h));
    remember(ui, "timeline-strip");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // year ticks, labelled every year or every few years, as the width allows
    const float year_w = (sx1 - sx0) * 365.25f / float(std::max(1, d1 - d0));
    const int label_every = std::max(1, int(std::ceil((ImGui::CalcTextSize("2026").x + 6.0f) / std::max(1.0f, year_w))));
    for (int y = kTimelineStart / 10000; y <= end / 10000; ++y) {
        const float x = x_of(y * 10000 + 101);
        dl->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + strip_h - axis_h), IM_COL32(255, 255, 255, 28));
        if ((y - kTimelineStart / 10000) % label_every != 0) continue;
        char b[8];
        std::snprintf(b, sizeof b, "%d", y);
        if (x + ImGui::CalcTextSize(b).x < sx1 + 4) dl->AddText(ImVec2(x + 2, origin.y + strip_h - axis_h + 1), faint, b);
    }
    // lanes and measures
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_measure = -1;
    float best = 1e9f;
    for (size_t l = 0; l < lanes.size(); ++l) {
        const Lane& lane = lanes[l];
        const float ly = origin.y + lane_h * float(l);
        const std::string& iso = lane.issuer >= 0 ? ds.countries[size_t(lane.issuer)].id : std::string();
        const char* name = lane.issuer >= 0 ? ds.countries[size_t(lane.issuer)].name.c_str() : "?";
        const bool member = s.is_member(lane.issuer), is_target = lane.issuer == s.target;
        dl->AddText(ImVec2(origin.x, ly + (lane_h - ImGui::GetFontSize()) * 0.5f), member || is_target ? text_col : faint, name);
        const ImU32 col = issuer_color(iso);
        const ImU32 pale = (col & 0x00FFFFFF) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 80));
        const int k = int(lane.measures.size());
        for (int j = 0; j < k; ++j) {
            const Measure& me = ds.measures[size_t(lane.measures[size_t(j)])];
            const float y = ly + 3.0f + (lane_h - 6.0f) * (k == 1 ? 0.5f : float(j) / float(k - 1));
            const int start = start_of(me);
            if (!start) continue;
            if (me.announced && me.announced < start) dl->AddLine(ImVec2(x_of(me.announced), y), ImVec2(x_of(start), y), pale, 1.0f);
            const int stop = me.ended ? me.ended : end;
            const float thick = me.kind == MeasureKind::Ban ? 3.0f : 2.0f;
            if (me.kind == MeasureKind::Agreement) {
                for (float x = x_of(start); x < x_of(stop); x += 6.0f) dl->AddCircleFilled(ImVec2(x, y), 1.2f, col);
            } else {
                dl->AddLine(ImVec2(x_of(start), y), ImVec2(x_of(stop), y), me.kind == MeasureKind::Ban ? col : (col & 0x00FFFFFF) | IM_COL32(0, 0, 0, 190), thick);
            }
            for (const Measure::Window& wnd : me.suspended) {
                // suspended: the line goes pale with a gap on either side
                const float a = x_of(wnd.from), b = x_of(wnd.until);
                dl->AddRectFilled(ImVec2(a, y - thick), ImVec2(b, y + thick), ImGui::GetColorU32(ImGuiCol_WindowBg));
                for (float x = a; x < b; x += 4.0f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(b, x + 2.0f), y), pale, 1.0f);
            }
            if (me.unknown_from) {
                const float a = x_of(me.unknown_from), b = x_of(stop);
                dl->AddRectFilled(ImVec2(a, y - thick), ImVec2(b, y + thick), ImGui::GetColorU32(ImGuiCol_WindowBg));
                for (float x = a; x < b; x += 3.0f) dl->AddCircleFilled(ImVec2(x, y), 0.9f, col);
            }
            const ImVec2 mark(x_of(start), y);
            const bool selected = ui.timeline_measure == me.id;
            dl->AddCircleFilled(mark, selected ? 5.5f : 4.0f, col);
            if (selected) dl->AddCircle(mark, 7.0f, text_col, 0, 1.5f);
            const float dx = mouse.x - mark.x, dy = mouse.y - mark.y, d2 = dx * dx + dy * dy;
            if (d2 < 64.0f && d2 < best) {
                best = d2;
                hovered_measure = lane.measures[size_t(j)];
            }
        }
    }
    // the cursor at the scenario's date
    const float cx = x_of(date);
    dl->AddLine(ImVec2(cx, origin.y - 2), ImVec2(cx, origin.y + strip_h - axis_h), text_col, 2.0f);
    dl->AddTriangleFilled(ImVec2(cx - 5, origin.y - 4), ImVec2(cx + 5, origin.y - 4), ImVec2(cx, origin.y + 3), text_col);

    // keyboard: with the strip focused, Enter or Space explains the measure that took effect
    // last on or before the date (the marks are for the pointer)
    if (ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_Space, false))) {
        int best_m = -1, best_d = 0;
        for (size_t i = 0; i < ds.measures.size(); ++i) {
            const int start = start_of(ds.measures[i]);
            if (start && start <= date && start >= best_d) { best_d = start; best_m = int(i); }
        }
        if (best_m >= 0) ui.timeline_measure = ds.measures[size_t(best_m)].id;
    }
    const bool strip_hovered = ImGui::IsItemHovered();
    if (strip_hovered && hovered_measure >= 0) {
        const Measure& me = ds.measures[size_t(hovered_measure)];
        ImGui::SetTooltip("%s (%s, %s): %s on %s. Click to explain.", me.name.c_str(), me.id.c_str(), to_string(me.kind),
                          state_words(me.state_on(scenario_date(s))), pretty_date(scenario_date(s)).c_str());
    }
    if (ImGui::IsItemClicked() && hovered_measure >= 0) {
        const std::string& id = ds.measures[size_t(hovered_measure)].id;
        ui.timeline_measure = ui.timeline_measure == id ? std::string() : id;
        ui.timeline_dragging = false;
    } else if (ImGui::IsItemActivated() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && hovered_measure < 0 && mouse.x >= sx0 - 4) {
        ui.timeline_dragging = true;
    }
    if (ui.timeline_dragging) {
        if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && mouse.x >= sx0 - 8) {
            const float t = std::clamp((mouse.x - sx0) / std::max(1.0f, sx1 - sx0), 0.0f, 1.0f);
            const int at = d0 + int(std::lround(t * float(d1 - d0)));
            go_to(at >= d1 ? 0 : date_of_days(at));
            ui.timeline_playing = false;
        } else {
            ui.timeline_dragging = false;
        }
    }

    }  // the strip and the choices

    // the measure clicked, explained
    if (!ui.timeline_measure.empty()) {
        const auto it = std::find_if(ds.measures.begin(), ds.measures.end(), [&](const Measure& me) { return me.id == ui.timeline_measure; });
        if (it == ds.measures.end()) {
            ui.timeline_measure.clear();
        } else {
            ImGui::Separator();
            // the buttons first, the words below in an area of their own that scrolls: a long
            // explanation never pushes "Close" out of the window nor the map off the screen
            if (small_button(ui, "Close")) ui.timeline_measure.clear();
            remember(ui, "timeline-measure-close");
            ImGui::SameLine();
            if (small_button(ui, "Go to its date")) go_to(start_of(*it));
            remember(ui, "timeline-measure-go");
            const float line = ImGui::GetTextLineHeightWithSpacing();
            ImGui::SetNextWindowSizeConstraints(ImVec2(0, line), ImVec2(FLT_MAX, std::max(line * 3.0f, height * 0.22f)));
            ImGui::BeginChild("##measure-why", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
            remember_window(ui, "timeline-measure-why");
            measure_explanation(m, *it);
            ImGui::EndChild();
        }
    }
    ui.timeline_top = ImGui::GetWindowPos().y;
    ImGui::End();
}

}  // namespace techmap
