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
    if (ui.mode == UiMode::Presentation) scale = height >= 1000 ? 2.0f : 1.6f;  // at least 1.6x the normal type
    else if (width >= 1600 && height >= 1000) scale = 1.2f;   // projectors, large screens
    if (ui.mode == UiMode::Presentation && ui.touch) scale = 1.25f;
    const int key = int(scale * 100) * 8 + int(ui.mode) * 2 + (ui.touch ? 1 : 0);
    if (key == ui.style_key) return false;
    const bool font_changed = scale != ui.scale || ui.style_key < 0;
    ui.style_key = key;
    ui.scale = scale;
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    // a calm theme for reading from the back of a room: slate panels, one blue accent (Okabe-Ito
    // blue, the members' colour on the map; the target's orange is the map's alone), generous
    // spacing, rounded frames
    style.WindowRounding = 8;
    style.FrameRounding = 5;
    style.GrabRounding = 5;
    style.TabRounding = 5;
    style.PopupRounding = 6;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.WindowBorderSize = 1;
    style.TabBarBorderSize = 1;
    ImVec4* c = style.Colors;
    const ImVec4 accent(0.00f, 0.45f, 0.70f, 1.0f), accent_hover(0.12f, 0.55f, 0.80f, 1.0f), accent_active(0.20f, 0.62f, 0.86f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.68f, 0.71f, 0.76f, 1.0f);  // secondary text, still 7:1 on the panel
    c[ImGuiCol_WindowBg] = ImVec4(0.14f, 0.16f, 0.21f, 0.96f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.15f, 0.20f, 0.98f);
    c[ImGuiCol_Border] = ImVec4(0.30f, 0.34f, 0.42f, 0.6f);
    c[ImGuiCol_FrameBg] = ImVec4(0.19f, 0.22f, 0.29f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.28f, 0.37f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.27f, 0.32f, 0.42f, 1.0f);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.09f, 0.11f, 0.15f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.13f, 0.17f, 0.24f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.25f, 0.34f, 1.0f);
    c[ImGuiCol_ButtonHovered] = accent_hover;
    c[ImGuiCol_ButtonActive] = accent_active;
    c[ImGuiCol_Header] = ImVec4(0.20f, 0.25f, 0.34f, 1.0f);
    c[ImGuiCol_HeaderHovered] = accent_hover;
    c[ImGuiCol_HeaderActive] = accent_active;
    c[ImGuiCol_CheckMark] = ImVec4(0.35f, 0.72f, 0.95f, 1.0f);
    c[ImGuiCol_SliderGrab] = accent_hover;
    c[ImGuiCol_SliderGrabActive] = accent_active;
    c[ImGuiCol_Tab] = ImVec4(0.16f, 0.19f, 0.26f, 1.0f);
    c[ImGuiCol_TabHovered] = accent_hover;
    c[ImGuiCol_TabActive] = accent;
    c[ImGuiCol_TabUnfocused] = ImVec4(0.16f, 0.19f, 0.26f, 1.0f);
    c[ImGuiCol_TabUnfocusedActive] = ImVec4(0.05f, 0.36f, 0.56f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.30f, 0.34f, 0.42f, 0.8f);
    c[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.85f, 0.35f, 1.0f);  // the keyboard focus, plainly visible
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

void ui_draw_for_export(const Model& m, UiState& ui, float width) {
    if (m.loaded()) legend(m, ui, width, ui.timeline_top);
    ui.texts["picture-caption"] = ui.picture_caption;  // the page writes it under the picture's title
}

void ui_draw(Model& m, UiState& ui, const StoryShown& story, int hovered, float width, float height, UiActions& actions) {
    ui.focused.clear();
    ui.map_top = 0;  // the caption's band, when it is drawn (map_caption)
    if (ui.mode == UiMode::Embed) {
        ui.panel_right = 0;
        ui.panel_bottom = 0;
        ui.timeline_top = height;
        if (m.loaded()) {
            embed_band(m, ui, width, actions);
            if (height >= 380) legend(m, ui, width, height);  // a small embed: the map first (the colours are the full view's)
        }
        ui.tooltip_country = -1;
        if (m.loaded() && hovered >= 0 && !ImGui::GetIO().WantCaptureMouse) {
            country_card(m, ui, hovered);
            ui.tooltip_country = hovered;
        }
        return;
    }
    if (ui.mode == UiMode::Presentation) {
        presentation_view(m, ui, story, width, height, actions);
    } else {
        alliance_panel(m, ui, width, height, actions);
    }
    if (m.loaded() && ui.mode == UiMode::Full) {
        info_windows(m, ui, width, height, actions);
        supply_chain_window(m, ui, width, height);
        // on phones the unfolded panel covers the map: the legend and caption wait for it,
        // and the story's window takes the legend's place
        ui.timeline_top = height;
        if (!(ui.touch && ui.panel_open)) {
            const float left = width >= 900 ? ui.panel_right : 0.0f;
            if (!(ui.touch && ui.show_welcome)) timeline_window(m, ui, left, width, height, actions);  // phones: the opening card first
            const float bottom = ui.timeline_top;  // the windows at the bottom of the map sit above the timeline
            if (!(ui.touch && (story.step > 0 || ui.show_welcome))) legend(m, ui, width, bottom);
            if (!ui.show_welcome) map_caption(m, ui, left, width);  // the opening card says the same
            story_window(m, ui, story, left, width, bottom, actions);
            if (story.step > 0) ui.show_welcome = false;  // the tour has begun
            welcome_card(m, ui, left, width, bottom, actions);
        }
    }
    if (m.loaded()) pinned_country_card(m, ui);
    ui.tooltip_country = -1;
    if (m.loaded() && !ImGui::GetIO().WantCaptureMouse && hovered >= 0 && hovered != ui.card_country) {
        country_card(m, ui, hovered);
        ui.tooltip_country = hovered;
    }
    if (ui.keyboard_to_map) {
        ui.keyboard_to_map = false;
        if (!ui.escape_in_popup && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !ImGui::GetIO().WantTextInput) {
            // Escape closes the top window first (the one opened last is closed first where
            // they can overlap), and with none open gives the keyboard back to the map
            // the opening card last: the glossary or help opened from it lie over it
            bool* open_windows[] = {&ui.show_glossary, &ui.show_help, &ui.show_about, &ui.show_sources, &ui.show_chain, &ui.show_welcome};
            bool closed = false;
            if (!ui.timeline_measure.empty()) {
                ui.timeline_measure.clear();
                closed = true;
            }
            if (!closed && ui.card_country >= 0) {  // the card a click opened
                ui.card_country = -1;
                closed = true;
            }
            for (bool* w : open_windows)
                if (!closed && *w) {
                    *w = false;
                    closed = true;
                }
            if (!closed && ui.mode == UiMode::Presentation) actions.push_back("mode:full");  // like a slide show
            else if (!closed) ImGui::FocusWindow(nullptr);
        }
        ui.escape_in_popup = false;
    }
}

}  // namespace techmap
