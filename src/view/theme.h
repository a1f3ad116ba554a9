// theme.h — the panels' colours (a calm slate theme, one blue accent), with no ImGui: ui_style
// copies them into ImGui's style, and tests/view/test_theme.cpp checks every text colour against
// every background it is drawn on (WCAG 2.1: 4.5:1 for text, 3:1 for the keyboard focus ring).
// The accent is Okabe-Ito blue, darkened until white text on it reads at 4.5:1.
#pragma once

namespace techmap::theme {

struct Rgba {
    float r, g, b, a;
};

// text
inline constexpr Rgba text{0.93f, 0.94f, 0.96f, 1.0f};
inline constexpr Rgba text_muted{0.72f, 0.75f, 0.80f, 1.0f};       // secondary text (ImGui's "disabled")
inline constexpr Rgba text_warning{1.0f, 0.78f, 0.30f, 1.0f};      // a choke point, a warning on the map
inline constexpr Rgba text_caveat{1.0f, 0.75f, 0.40f, 1.0f};       // a measure's caveat
inline constexpr Rgba text_date_note{1.0f, 0.72f, 0.45f, 1.0f};    // the timeline's note on the date
inline constexpr Rgba text_error{1.0f, 0.55f, 0.45f, 1.0f};        // a refused entry
// the panels (the window is slightly see-through: the map shows under it)
inline constexpr Rgba window_bg{0.14f, 0.16f, 0.21f, 0.96f};
inline constexpr Rgba popup_bg{0.13f, 0.15f, 0.20f, 0.98f};
inline constexpr Rgba border{0.30f, 0.34f, 0.42f, 0.6f};
inline constexpr Rgba separator{0.30f, 0.34f, 0.42f, 0.8f};
inline constexpr Rgba title_bg{0.09f, 0.11f, 0.15f, 1.0f};
inline constexpr Rgba title_bg_active{0.13f, 0.17f, 0.24f, 1.0f};
// controls
inline constexpr Rgba frame{0.19f, 0.22f, 0.29f, 1.0f};
inline constexpr Rgba frame_hovered{0.24f, 0.28f, 0.37f, 1.0f};
inline constexpr Rgba frame_active{0.25f, 0.29f, 0.38f, 1.0f};
inline constexpr Rgba button{0.20f, 0.25f, 0.34f, 1.0f};
inline constexpr Rgba tab{0.16f, 0.19f, 0.26f, 1.0f};
inline constexpr Rgba accent{0.00f, 0.38f, 0.60f, 1.0f};          // the selected tab
inline constexpr Rgba accent_hover{0.03f, 0.41f, 0.64f, 1.0f};    // a button under the pointer
inline constexpr Rgba accent_active{0.05f, 0.44f, 0.68f, 1.0f};   // a button pressed
inline constexpr Rgba tab_unfocused_active{0.05f, 0.36f, 0.56f, 1.0f};
inline constexpr Rgba check_mark{0.35f, 0.72f, 0.95f, 1.0f};
inline constexpr Rgba nav_highlight{1.0f, 0.85f, 0.35f, 1.0f};    // the keyboard focus ring
// presentation mode: high contrast, opaque black panels
inline constexpr Rgba present_text{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr Rgba present_text_muted{0.86f, 0.86f, 0.86f, 1.0f};
inline constexpr Rgba present_window_bg{0.0f, 0.0f, 0.0f, 1.0f};
inline constexpr Rgba present_border{1.0f, 1.0f, 1.0f, 0.6f};
inline constexpr Rgba present_frame{0.18f, 0.22f, 0.32f, 1.0f};

}  // namespace techmap::theme
