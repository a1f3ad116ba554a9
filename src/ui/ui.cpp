// ui.cpp — the UI's entry points: the style for the screen and mode, the hit test of the windows,
// and ui_draw, which builds the windows in a fixed order (see ui.h for the file of each).
#include "ui/ui.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "ui/windows.h"

namespace techmap {

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

void ui_draw(Model& m, UiState& ui, const StoryShown& story, int hovered, float width, float height, UiActions& actions) {
    ui.focused.clear();
    if (ui.mode == UiMode::Embed) {
        ui.panel_right = 0;
        ui.panel_bottom = 0;
        if (m.loaded()) {
            embed_corner(ui, height, actions);
            legend(m, ui, width, height);
            map_caption(m, ui, 0.0f, width);
        }
        ui.tooltip_country = -1;
        if (m.loaded() && hovered >= 0 && !ImGui::GetIO().WantCaptureMouse) {
            country_card(m, hovered);
            ui.tooltip_country = hovered;
        }
        return;
    }
    alliance_panel(m, ui, width, height, actions);
    if (m.loaded()) {
        info_windows(m, ui, width, height);
        supply_chain_window(m, ui, width, height);
        // on phones the unfolded panel covers the map: the legend and caption wait for it,
        // and the story's window takes the legend's place
        ui.timeline_top = height;
        if (!(ui.touch && ui.panel_open)) {
            const float left = width >= 900 ? ui.panel_right : 0.0f;
            timeline_window(m, ui, left, width, height, actions);
            const float bottom = ui.timeline_top;  // the windows at the bottom of the map sit above the timeline
            if (!(ui.touch && story.step > 0)) legend(m, ui, width, bottom);
            map_caption(m, ui, left, width);
            story_window(m, ui, story, left, width, bottom, actions);
        }
    }
    ui.tooltip_country = -1;
    if (m.loaded() && !ImGui::GetIO().WantCaptureMouse && hovered >= 0) {
        country_card(m, hovered);
        ui.tooltip_country = hovered;
    }
    if (ui.keyboard_to_map) {
        ui.keyboard_to_map = false;
        if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !ImGui::GetIO().WantTextInput) ImGui::FocusWindow(nullptr);
    }
}

}  // namespace techmap
