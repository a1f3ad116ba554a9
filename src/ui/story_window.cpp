// story_window.cpp — the guided story (or a teacher's own), one step at a time: its caption and
// sources, previous / next, a link to the step. The app's story player opens the steps.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/report.h"
#include "ui/widgets.h"

namespace techmap {

// The step, and a list to go straight to any other ("Step 2 of 7: ..."), at the next item's width.
void story_steps_combo(UiState& ui, const StoryShown& story, UiActions& actions) {
    const Story& st = *story.story;
    const StoryStep& step = st.steps[size_t(story.step - 1)];
    const std::string face = "Step " + std::to_string(story.step) + " of " + std::to_string(st.steps.size()) +
                             (step.title.empty() ? std::string() : ": " + step.title);
    if (ImGui::BeginCombo("##story-steps", face.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (size_t i = 0; i < st.steps.size(); ++i) {
            const std::string label = std::to_string(i + 1) + ". " + (st.steps[i].title.empty() ? st.steps[i].caption.substr(0, 60) : st.steps[i].title) +
                                      "##step" + std::to_string(i + 1);
            if (ImGui::Selectable(label.c_str(), int(i) + 1 == story.step)) actions.push_back("story-step:" + std::to_string(i + 1));
            remember(ui, ("story-step-item:" + std::to_string(i + 1)).c_str());
        }
        ImGui::EndCombo();
    }
    remember(ui, "story-steps");
}

void story_window(const Model& m, UiState& ui, const StoryShown& story, float left, float width, float height,
                  UiActions& actions) {
    if (!story.story || story.step <= 0 || size_t(story.step) > story.story->steps.size()) return;
    const Story& st = *story.story;
    const StoryStep& step = st.steps[size_t(story.step - 1)];
    // bottom of the map, left of the legend; above it when there is no room beside it
    const BottomPlace at = bottom_of_map(ui, left, width, height, 620.0f * ui.scale);
    ImGui::SetNextWindowPos(ImVec2(at.x, at.bottom), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(at.w, 0), ImVec2(at.w, std::max(120.0f, at.bottom - 16.0f) * 0.75f));
    ImGui::SetNextWindowBgAlpha(0.96f);
    bool open = true;
    const std::string title = st.title + "###story";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                               ImGuiWindowFlags_NoFocusOnAppearing)) {
        remember_window(ui, "story-window");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::SetNextItemWidth(-1);
        story_steps_combo(ui, story, actions);
        ImGui::TextUnformatted(step.caption.c_str());
        remember(ui, "story-caption");
        if (!step.sources.empty()) {
            const std::string src = source_list(m.data(), step.sources);
            ImGui::TextDisabled("Sources: %s", src.c_str());
        }
        ImGui::PopTextWrapPos();
        if (story.step <= 1) ImGui::BeginDisabled();
        if (ImGui::Button("< Previous")) actions.push_back("story-step:" + std::to_string(story.step - 1));
        remember(ui, "story-prev");
        if (story.step <= 1) ImGui::EndDisabled();
        ImGui::SameLine();
        const bool last = size_t(story.step) >= st.steps.size();
        if (last) ImGui::BeginDisabled();
        if (ImGui::Button("Next >")) actions.push_back("story-step:" + std::to_string(story.step + 1));
        remember(ui, "story-next");
        if (last) ImGui::EndDisabled();
        same_line_if_fits("Link to this step");
        if (ImGui::Button("Link to this step")) actions.push_back("copy-link");
        remember(ui, "story-link");
        same_line_if_fits("Back to my view");
        if (ImGui::Button("Back to my view")) actions.push_back("story-close");
        remember(ui, "story-back");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Leave the story and return to the scenario you had before it started");
        if (story.custom) {
            same_line_if_fits("Copy the story's link");
            if (ImGui::Button("Copy the story's link")) actions.push_back("copy-story-link");
            remember(ui, "story-share");
        }
    }
    ImGui::End();
    if (!open) actions.push_back("story-close");
}

}  // namespace techmap
