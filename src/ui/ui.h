// ui.h — the ImGui user interface: the alliance panel and the windows around the map. The UI
// calls the Model's API and shows its figures; it computes no figure itself, draws no GL and
// never links src/render (CMake target techmap_ui). One file per window:
//
//   ui.cpp                   this API: style, hit test, and the order the windows are built in
//   alliance_panel.cpp       the panel: alliance, target and policies, the map's settings, sharing
//   results.cpp              the panel's figures: headline results, ranked lists, the pinned comparison
//   supply_chain_window.cpp  the chain as a graph or a tree
//   map_overlays.cpp         over the map: the caption ("why?"), the legend, the country card, the embed corner
//   info_windows.cpp         sources and credits, help, about
//   story_window.cpp         the guided story's (or a teacher's own) current step
//   presentation.cpp         presentation mode: title and headline above the map, a slim bar of the tour
//   timeline_window.cpp      the controls in force over time: measures on a strip, the date, play
//   widgets.cpp              the small widgets they share
//   map_labels.cpp           country names drawn where view/label_placement put them
//
// Each frame: ui_style() before ImGui::NewFrame, then ui_draw(); the app handles the actions
// the panels ask for after the frame is built.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/headline.h"
#include "core/model.h"
#include "core/scenario_link.h"
#include "core/story.h"
#include "view/chain_graph.h"
#include "view/map_content.h"
#include "view/timeline_layout.h"

namespace techmap {

// What the windows share from one frame to the next (the app reads the map settings, the mode
// and the named rectangles, and sets the mode, the layer and the load message).
struct UiState {
    UiMode mode = UiMode::Full;
    bool touch = false;          // small screen: controls at least 44 px high, no small buttons
    float scale = 1.0f;          // type and control size (the font is rasterised at 15 px x scale)
    int style_key = -1;          // what the style was last built for
    int preset_year = 0;         // 0 = today, else "as of" year (2021)
    std::string load_message;    // shown when the last data load had problems
    bool panel_open = true;      // the alliance panel is unfolded
    bool touch_seen = false;     // a small screen has been seen (the panel then starts folded)
    float panel_bottom = 0;      // its bottom edge (CSS px): the map's caption goes below on narrow screens
    float panel_right = 0;       // right edge of the docked panel (CSS px), for fitting the map
    float map_top = 0;           // top edge of the map's area (CSS px): below the caption's band on wide screens
    float caption_bottom = 0;    // the caption's bottom edge as last drawn (windows that open go below it)
    MapLayer layer = MapLayer::Role;  // colour countries by role or by share of the selected input
    bool show_arcs = true;       // supply arcs of the selected input
    bool show_labels = true;
    bool show_why = false;       // the selected input's explanation under the map caption
    char search[64] = {0};       // country list filter
    bool search_refocus = false; // a pick cleared it: the keys go back to it for the next one
    char target_search[64] = {0};  // target list filter
    char name_buf[81] = {0};     // the alliance's name being edited
    bool name_editing = false;
    bool show_sources = false, show_help = false, show_about = false, show_chain = false, show_glossary = false;
    // the opening: a card over the map with the scenario's title and plain sentence, and the
    // next step (the guided tour, or build your own); shown when the page opens on no link
    bool show_welcome = false;
    std::string welcome_title;
    long welcome_revision = -1;  // the model's revision the title was written for: after any change the card's title is computed
    // the panel's sections (tabs): 0 Alliance, 1 Results, 2 Map, 3 Share & present
    int panel_tab = 1;
    // Explore, then build: a click on the map opens a country's card (card_country, at card_at)
    // and edits nothing, unless the Alliance section is open (editing_alliance).
    int card_country = -1;
    float card_at[2] = {0, 0};
    int tab_request = -1;        // a tab to bring to the front on the next frame
    char node_search[64] = {0};  // the input list's filter (name or stage)
    char preset_search[64] = {0};
    char story_caption[200] = {0};
    char picture_caption[200] = {0};  // a caption typed for the exported picture (PNG)
    // Embed: the iframe code for the current view at one of three sizes (the app sets
    // embed_url, the page's address with the view's dated link and mode=embed, while it is shown)
    bool show_embed = false;
    int embed_size = 1;          // 0: 400x300, 1: 600x400, 2: 800x600
    std::string embed_url;  // caption for the next step of one's own story (taken by "story-add")
    // Screen rectangles (CSS px: x0, y0, x1, y1) of named controls, refreshed every frame, so
    // that the page (tests, a guided story) can point at them whatever the font and layout.
    std::map<std::string, std::array<float, 4>> items;
    // The words of named texts (the caption, the comparison, who holds the keys...), refreshed
    // with `items`: what the canvas says, for the page's tests (ImGui's text cannot be read back).
    std::map<std::string, std::string> texts;
    // Screen points (CSS px) of the countries the view names (members, target, the selected
    // input's main suppliers), set by the app each frame: the windows that can move (the legend
    // while presenting or embedded) keep off them.
    std::vector<std::array<float, 2>> keep_clear;
    std::array<float, 2> legend_size{0, 0};  // the legend's size as last drawn
    std::array<float, 2> card_size{0, 0};    // the hovered country's card as last drawn
    int tooltip_country = -1;    // the country whose card is shown this frame (-1: none)
    bool keyboard_to_panel = false; // Tab on the map: the panel takes the keyboard (arrows move, Space acts)
    bool keyboard_to_map = false;   // Escape: the top window closes, else the map takes the keyboard back
    bool escape_in_popup = false;   // that Escape was pressed while a popup was open (it closes only the popup)
    std::string focused;            // the named control with keyboard focus (tests, the page)
    ChainGraph chain;            // the graph layout of the chain, built once per domain
    int chain_domain = -1;
    int chain_tab = 0;           // 0 graph, 1 tree
    // the timeline under the map (timeline_window.cpp)
    float timeline_top = 0;      // its top edge (CSS px; the height when not shown): the map and
                                 // the windows at the bottom of the map stay above it
    bool timeline_playing = false;
    char date_typed[48] = "";       // a date as typed in the timeline's box (Enter applies)
    std::string date_error;         // what was wrong with the last typed date ("" when none)
    bool timeline_open = false;     // phones: the strip and the choices are shown
    double timeline_next_step = 0;  // ImGui time of the next step while playing
    bool timeline_dragging = false; // the date follows the pointer on the strip
    std::string timeline_measure;   // the measure explained under the strip (id; empty: none)
    std::vector<LaneChoice> timeline_lanes;  // the lanes the user folded or unfolded, most recent last
    long timeline_lanes_data = -1;           // the data revision they were chosen in
    // the selected input's plain headline, made once per model revision (the caption, the
    // welcome card, presentation and the embed band all show it): headline_of() in widgets.h
    struct { long revision = -1; int node = -1; PlainHeadline words; } headline;
};

// The map edits the alliance only while the Alliance section is open on screen: its member list
// then shows at once what a click did. Elsewhere (the opening, a shared link, the results) a
// click opens the country's card.
inline bool editing_alliance(const UiState& ui) { return ui.panel_open && ui.panel_tab == 0 && ui.mode == UiMode::Full; }

// The story step the app's story player shows, for the story window (step 0: none).
struct StoryShown {
    const Story* story = nullptr;
    int step = 0;                // 1-based
    bool custom = false;         // one's own story (it can be shared as a link)
};

// What the panels ask the app or the page to do this frame: "copy-link", "export-png",
// "export-csv", "open-full-view", "story-start", "story-step:N", "story-close", "story-add",
// "copy-story-link", "text-view", "open-teachers" and "open-model" (the teachers' guide and the
// method, pages of the site), "mode:full|presentation", "animate" (keep drawing: the
// timeline plays). Handled after the frame is built.
using UiActions = std::vector<std::string>;

// Chooses type size and control sizes for the screen and mode (phones: 44 px touch targets;
// projectors and presentation mode: larger type, high contrast). Call before ImGui::NewFrame;
// returns true when the font must be rasterised again at 15 px x ui.scale.
bool ui_style(UiState& ui, float width_css, float height_css);

// Is a point (CSS px) on one of the UI's windows, or is a popup open? Decided from the
// windows as last drawn, not from the last frame's pointer position, so that a tap on the map
// right after one on a panel reaches the map (touch screens have no hover in between).
bool ui_covers(float x, float y);

// Builds the windows for this frame. `hovered` is a dataset country under the pointer (or -1).
// May change the scenario; appends what it asks for to `actions`.
void ui_draw(Model& model, UiState& ui, const StoryShown& story, int hovered, float width_css, float height_css,
             UiActions& actions);

// Builds the frame of an exported picture: the map's legend only (no panel, caption or
// controls); the windows' places stay as last drawn, so the map is where it was.
void ui_draw_for_export(const Model& model, UiState& ui, float width_css);

}  // namespace techmap
