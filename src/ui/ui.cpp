// ui.cpp — the UI's entry points: the style for the screen and mode, the hit test of the windows,
// and ui_draw, which builds the windows in a fixed order (see ui.h for the file of each).
#include "ui/ui.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "ui/windows.h"
#include "view/theme.h"

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
    // spacing, rounded frames; the colours are in view/theme.h (their contrast is tested there)
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
    namespace t = theme;
    const auto v = [](theme::Rgba x) { return ImVec4(x.r, x.g, x.b, x.a); };
    c[ImGuiCol_Text] = v(t::text);
    c[ImGuiCol_TextDisabled] = v(t::text_muted);  // secondary text
    c[ImGuiCol_WindowBg] = v(t::window_bg);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v(t::popup_bg);
    c[ImGuiCol_Border] = v(t::border);
    c[ImGuiCol_FrameBg] = v(t::frame);
    c[ImGuiCol_FrameBgHovered] = v(t::frame_hovered);
    c[ImGuiCol_FrameBgActive] = v(t::frame_active);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgCollapsed] = v(t::title_bg);
    c[ImGuiCol_TitleBgActive] = v(t::title_bg_active);
    c[ImGuiCol_Button] = v(t::button);
    c[ImGuiCol_ButtonHovered] = v(t::accent_hover);
    c[ImGuiCol_ButtonActive] = v(t::accent_active);
    c[ImGuiCol_Header] = v(t::button);
    c[ImGuiCol_HeaderHovered] = v(t::accent_hover);
    c[ImGuiCol_HeaderActive] = v(t::accent_active);
    c[ImGuiCol_CheckMark] = v(t::check_mark);
    c[ImGuiCol_SliderGrab] = v(t::accent_hover);
    c[ImGuiCol_SliderGrabActive] = v(t::accent_active);
    c[ImGuiCol_Tab] = v(t::tab);
    c[ImGuiCol_TabHovered] = v(t::accent_hover);
    c[ImGuiCol_TabActive] = v(t::accent);
    c[ImGuiCol_TabUnfocused] = v(t::tab);
    c[ImGuiCol_TabUnfocusedActive] = v(t::tab_unfocused_active);
    c[ImGuiCol_Separator] = v(t::separator);
    c[ImGuiCol_NavHighlight] = v(t::nav_highlight);  // the keyboard focus, plainly visible
    if (ui.mode == UiMode::Presentation) {
        // high contrast: opaque black panels, white text, light grey for secondary text
        c[ImGuiCol_WindowBg] = v(t::present_window_bg);
        c[ImGuiCol_PopupBg] = v(t::present_window_bg);
        c[ImGuiCol_Text] = v(t::present_text);
        c[ImGuiCol_TextDisabled] = v(t::present_text_muted);
        c[ImGuiCol_Border] = v(t::present_border);
        c[ImGuiCol_FrameBg] = v(t::present_frame);
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
