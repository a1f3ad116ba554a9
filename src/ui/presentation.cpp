// presentation.cpp — presentation mode, for a projector: the map takes the screen, the title and
// the headline sit above it in large type, and the panel becomes a slim bar along the bottom
// (leave, previous, the tour's steps, next, the date and the mode). A clicker's keys (←, →,
// Space, Page Up, Page Down) step the tour: the app's key handler sends them as story actions.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "core/headline.h"
#include "core/measures.h"
#include "ui/widgets.h"

namespace techmap {

namespace {

// The title and the headline across the top of the screen; the map starts below them.
void presentation_caption(const Model& m, UiState& ui, float width) {
    const int sel = m.selected_node();
    if (!m.domain() || sel < 0) return;
    const PlainHeadline& h = headline_of(m, ui, sel);
    const float w = width - 16.0f;
    ImGui::SetNextWindowPos(ImVec2(8, 8), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));  // the width fixed, the height fitted
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##present-caption", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    remember_window(ui, "caption-window");
    const float wrap = w - ImGui::GetStyle().WindowPadding.x * 2;
    ImGui::SetWindowFontScale(1.15f);
    wrapped(h.title.c_str(), wrap);
    ImGui::SetWindowFontScale(1.0f);
    remember(ui, "caption-title");
    remember_text(ui, "caption-title", h.title);
    if (!h.sentence.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(h.sentence.c_str(), wrap);
        ImGui::PopStyleColor();
        remember_text(ui, "caption-sentence", h.sentence);
    }
    if (!h.firms.empty()) {
        muted_wrapped(h.firms.c_str(), wrap);
        remember_text(ui, "caption-firms", h.firms);
    }
    ui.map_top = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y + 4.0f;
    ImGui::End();
}

// The slim bar along the bottom: what the panel becomes while presenting.
void presentation_bar(const Model& m, UiState& ui, const StoryShown& story, float width, float height, UiActions& actions) {
    ImGui::SetNextWindowPos(ImVec2(0, height), ImGuiCond_Always, ImVec2(0, 1));
    // one row of controls, sized outright (a width fixed and a height fitted would fit every frame)
    ImGui::SetNextWindowSize(ImVec2(width, ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);
    // no keyboard navigation inside the bar: a clicker's keys step the tour wherever the focus is
    ImGui::Begin("##present-bar", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                               ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
    remember_window(ui, "present-bar");
    if (ImGui::Button("Leave")) actions.push_back("mode:full");
    remember(ui, "present-leave");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Leave presentation mode (Escape)");
    ImGui::SameLine();
    // the date and the mode the figures are for, at the right end
    const Scenario& s = m.scenario();
    const char* mode = s.deny_mode == DenialMode::Everything ? "what if" : s.deny_mode == DenialMode::Controls ? "members' controls" : "rules in force";
    const std::string when = pretty_date(scenario_date(s)) + " · " + mode;
    const float tw = ImGui::CalcTextSize(when.c_str()).x;
    const bool touring = story.story && story.step > 0 && size_t(story.step) <= story.story->steps.size();
    if (touring) {
        const size_t steps = story.story->steps.size();
        if (story.step <= 1) ImGui::BeginDisabled();
        if (ImGui::Button("< Previous")) actions.push_back("story-step:" + std::to_string(story.step - 1));
        remember(ui, "story-prev");
        if (story.step <= 1) ImGui::EndDisabled();
        ImGui::SameLine();
        const bool last = size_t(story.step) >= steps;
        // the steps' list keeps its place whatever the step's title: Next never moves
        const float next_w = ImGui::CalcTextSize("Next >").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - next_w - tw - ImGui::GetStyle().ItemSpacing.x * 3));
        story_steps_combo(ui, story, actions);
        ImGui::SameLine();
        if (last) ImGui::BeginDisabled();
        if (ImGui::Button("Next >")) actions.push_back("story-step:" + std::to_string(story.step + 1));
        remember(ui, "story-next");
        if (last) ImGui::EndDisabled();
    } else {
        if (ImGui::Button("Start the guided tour")) actions.push_back("story-start");
        remember(ui, "present-tour");
    }
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - tw));
    ImGui::TextUnformatted(when.c_str());
    remember_text(ui, "present-when", when);
    ui.timeline_top = ImGui::GetWindowPos().y;
    ImGui::End();
}

}  // namespace

void presentation_view(const Model& m, UiState& ui, const StoryShown& story, float width, float height, UiActions& actions) {
    ui.panel_right = 0;
    ui.panel_bottom = 0;
    ui.show_welcome = false;
    ui.timeline_top = height;
    if (!m.loaded()) return;
    presentation_bar(m, ui, story, width, height, actions);
    presentation_caption(m, ui, width);
    legend(m, ui, width, ui.timeline_top);
}

}  // namespace techmap
