// windows.h — the UI's windows and the panel's sections, one file each (see ui.h for the map of
// files); ui.cpp builds them in order. Internal to src/ui.
#pragma once
#include "core/model.h"
#include "ui/ui.h"

namespace techmap {

// alliance_panel.cpp: the docked panel (presets, members, target and policies, results, the
// map's settings, sharing, footer). Sets ui.panel_right / ui.panel_bottom.
void alliance_panel(Model& m, UiState& ui, float width, float height, UiActions& actions);

// results.cpp: the panel's figures.
void results_section(Model& m, UiState& ui);
void ranked_section(Model& m, UiState& ui);
void compare_section(Model& m, UiState& ui);

// supply_chain_window.cpp
void supply_chain_window(Model& m, UiState& ui, float width, float height);

// map_overlays.cpp: over the map. On wide screens the caption has a band of its own above the
// map (ui.map_top), so that it never hides the suppliers it names.
void map_caption(const Model& m, UiState& ui, float left, float width);
void legend(const Model& m, UiState& ui, float width, float height);
void country_card(const Model& m, UiState& ui, int country);
void pinned_country_card(Model& m, UiState& ui);  // the card a click opens in explore mode
void embed_band(const Model& m, UiState& ui, float width, UiActions& actions);

// info_windows.cpp: sources and credits, help, about.
void info_windows(const Model& m, UiState& ui, float width, float height, UiActions& actions);

// map_overlays.cpp: the opening card (title, plain sentence, the next step), over the map.
void welcome_card(const Model& m, UiState& ui, float left, float width, float height, UiActions& actions);

// Where a window at the bottom of the map goes (the story's step, the opening card): left of
// the legend when there is room beside it, else above it; at most `max_w` wide. The window's
// bottom-left corner and its width.
struct BottomPlace {
    float x, bottom, w;
};
BottomPlace bottom_of_map(const UiState& ui, float left, float width, float height, float max_w);

// story_window.cpp: the story's current step, bottom of the map (`left`: where the map starts).
void story_window(const Model& m, UiState& ui, const StoryShown& story, float left, float width, float height,
                  UiActions& actions);

// story_window.cpp: the list of the story's steps as a combo (the story window, the presentation bar).
void story_steps_combo(UiState& ui, const StoryShown& story, UiActions& actions);

// presentation.cpp: the whole UI in presentation mode (title and headline above the map, the
// legend, a slim bar of the tour's controls along the bottom).
void presentation_view(const Model& m, UiState& ui, const StoryShown& story, float width, float height, UiActions& actions);

// timeline_window.cpp: the controls in force over time, along the bottom of the map (sets
// ui.timeline_top).
void timeline_window(Model& m, UiState& ui, float left, float width, float height, UiActions& actions);

}  // namespace techmap
