// timeline_window.cpp — the controls in force over time, under the map: the date and its controls
// (previous / next change, play, today, a typed date), the two choices of what is denied, the strip
// of measures under them (timeline_strip.cpp: a lane per issuer, a row per measure) and the
// explanation of the measure clicked there (in the words of timeline_words.cpp). Keyboard: Tab
// reaches every button, each lane's name and each measure's mark; the date box takes the arrows.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/scenario_link.h"
#include "ui/timeline.h"
#include "ui/widgets.h"

namespace techmap {
namespace {

constexpr double kPlayStepSeconds = 1.6;  // each change shows this long while playing

// The change dates and lanes depend on the data and today only: computed once per data revision
// (and again if today moves past midnight), not every drawn frame.
struct TimelineCache {
    long data_revision = -1;
    int today = 0;
    std::vector<int> changes;
    std::vector<MeasureLane> lanes;
};
const TimelineCache& timeline_cache(const Model& m) {
    static TimelineCache c;
    if (c.data_revision != m.data_revision() || c.today != today()) {
        c.data_revision = m.data_revision();
        c.today = today();
        c.changes = measure_change_dates(m.data(), kTimelineStart, c.today);
        c.lanes = measure_lanes(m.data());
    }
    return c;
}

}  // namespace

void timeline_go_to(Model& m, int date) {
    m.set_date(date);
    if (m.scenario().deny_mode == DenialMode::Everything) m.set_deny_mode(DenialMode::Controls);
}

void timeline_window(Model& m, UiState& ui, float left, float width, float height, UiActions& actions) {
    const Dataset& ds = m.data();
    ui.timeline_top = height;
    if (ds.measures.empty()) return;
    const Scenario& s = m.scenario();
    const int end = today();
    const int d0 = days_of(kTimelineStart), d1 = days_of(end);
    const int date = std::clamp(scenario_date(s), kTimelineStart, end);
    const TimelineCache& cache = timeline_cache(m);
    // the lanes the user folded or unfolded are those of the data they were chosen in
    if (ui.timeline_lanes_data != m.data_revision()) {
        ui.timeline_lanes.clear();
        ui.timeline_lanes_data = m.data_revision();
    }
    const std::vector<int>& changes = cache.changes;
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : std::string("the target");

    auto read_controls = [&] {
        if (m.scenario().deny_mode == DenialMode::Everything) m.set_deny_mode(DenialMode::Controls);
    };
    auto go_to = [&](int day_date) { timeline_go_to(m, day_date); };

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
    // at most 60% of the screen; on a phone with the measures shown, 70% (they are what was asked for)
    const float max_h = height * (ui.touch && ui.timeline_open ? 0.7f : 0.6f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, max_h));
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
        ImGui::PushStyleColor(ImGuiCol_Text, im_color(theme::text_date_note));
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

    // the strip: a lane per issuer, a row per measure (or a lane folded with its count)
    // as tall as the window has room for (below what is above it, above an explanation); on a wide
    // screen, so that the map keeps the screen, 36% of its height less 140 px (a lane a row at
    // 1280x720 as before the rows, lanes unfolded as the screen grows); lanes fold to fit
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float why_h = ui.timeline_measure.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() + std::max(line * 3.0f, height * 0.22f);
    const float room = max_h - (ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y) - ImGui::GetStyle().WindowPadding.y - why_h;
    timeline_strip(m, ui, cache.lanes, ui.touch ? room : std::min(room, height * 0.36f - 140.0f));

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
            if (small_button(ui, "Go to its date")) go_to(it->start());
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
