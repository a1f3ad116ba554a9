// app.h — the app's state, shared by the frame loop (main.cpp), links, stories and exports
// (app_state.cpp) and the page's JavaScript API (web_api.cpp). One instance; platform glue
// only: the figures live in the Model, the windows in src/ui, the GL drawing in src/render.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/map_camera.h"
#include "core/model.h"
#include "core/world_map.h"
#include "view/map_content.h"
#include "app/imgui_webgl.h"
#include "render/map_renderer.h"
#include "ui/ui.h"

namespace techmap {

// Sums of per-frame CPU times over a benchmark run (ms).
struct FrameStats {
    int frames = 0;
    double total_ms = 0, build_ms = 0, submit_ms = 0, map_submit_ms = 0, max_total_ms = 0;
    std::array<double, 5> phases{};
};

// One level of detail of the map (1:110m, 1:50m) and its links to the dataset.
struct MapLevel {
    std::string name;
    WorldMap map;
    CountryLinks links;
    int gl = -1;          // MapRenderer level
};

// The guided story (data/story.json) and one's own (built with "Add to my story" or opened from
// a link): which one is shown, and its step. Driven by links and the panels' actions.
struct StoryPlayer {
    Story builtin, custom;
    bool custom_active = false;
    int step = 0;                   // 1-based; 0 = no story shown
    // The visitor's own view when the story started (a link without the story): leaving the
    // story gives it back, members, name, date and input; empty when there is none to give back.
    std::string before;
    const Story& active() const { return custom_active ? custom : builtin; }
    StoryShown shown() const { return {&active(), step, custom_active}; }
};

struct App {
    Model model;
    std::vector<MapLevel> levels;   // coarse first
    MapRenderer renderer;
    ImGuiWebGL imgui_gl;  // the panels and labels
    MapCamera view, view_goal;        // the view eases toward view_goal (smooth zoom)
    bool reduced_motion = false;      // the visitor asks for less motion: the view jumps to its goal
    UiState ui;
    UiActions actions;              // what the panels and the page asked for, handled after the frame is built
    StoryPlayer story;
    MapStyle style;

    bool gl_ready = false;          // the WebGL2 context exists (platform_web.cpp)
    bool gl_lost = false;
    int css_w = 0, css_h = 0;       // canvas size in CSS pixels
    double dpr = 1;                 // device pixel ratio
    int hovered = -1;               // dataset country under the pointer (picked once per frame)
    std::vector<SmallCountry> markers;  // this frame's markers (drawn and picked)
    std::vector<glm::u8vec4> colors;    // per dataset country, as built for the current content
    std::vector<uint8_t> matters;       // per dataset country: may get a marker (same lifetime)
    int64_t content_key = -1;       // what colours/arcs were built for
    int redraw_frames = 2;          // frames still to draw (draw only when something changed)
    bool first_map_drawn = false;
    long frames_drawn = 0;
    double last_frame_cpu_ms = 0;   // CPU time of the last drawn frame
    double last_frame_build_ms = 0, last_frame_submit_ms = 0, last_frame_map_ms = 0;
    std::array<double, 5> last_phases{};  // ms: panels, colours+arcs, markers, labels, ImGui::Render
    int labels_placed = 0;
    int bench_left = 0;             // benchmark frames still to draw
    FrameStats bench;

    std::vector<DataFile> pending;    // files handed over by the page, loaded on commit
    std::vector<DataFile> base_data;  // the default data, kept so a user's file loads on top
    std::string font_bytes;           // the UI font (TTF), owned here for ImGui

    void request_redraw(int frames = 2) { redraw_frames = std::max(redraw_frames, frames); }
    // Where the map is fitted, in CSS pixels: right of the docked panel on wide screens, above the timeline.
    ScreenRect map_area() const {
        const double left = css_w >= 900 ? double(ui.panel_right) : 0.0;
        const double bottom = ui.timeline_top > 0 ? std::min(double(css_h), double(ui.timeline_top)) : double(css_h);
        const double top = std::clamp(double(ui.map_top), 0.0, bottom * 0.6);  // below the caption's band
        return {left, top, std::max(1.0, double(css_w) - left), std::max(1.0, bottom - top)};
    }
    // The level drawn now: 1:50m once zoomed in (when loaded), else 1:110m.
    int active_level() const;
    // Dataset country at a canvas point (CSS px): markers first, then shapes; -1 for none.
    int country_at(glm::dvec2 css) const;
    // Hands the pending files to the model (data), the map (assets) and ImGui (font).
    std::string commit_files();
    bool upload_levels(std::string& error);  // (re)creates GL objects for every level

    // --- links, stories, exports (app_state.cpp) ---
    bool capture_pending = false;     // a PNG export was asked for: the next frame is read back
    bool capture_requested = false;   // this frame is drawn for the export (no hover, no tooltip)
    std::vector<std::string> link_notices;  // what the last opened link could not apply
    // The change signal, watched once per frame: the model's revision and the link last reported
    // to the page (the link also follows the view, the layer, the mode and the story's step).
    long seen_revision = -1;
    std::string last_link;
    // The whole view as a URL fragment (with the story and its step, unless `with_story` is false).
    std::string current_link(bool with_story = true) const;
    // The link to give someone else: the view of "today" pinned to today's date, so that it
    // reopens what was seen on any later day.
    std::string shared_link() const;
    std::string page_base;
    std::string redraw_by;            // what asked for the last extra frame (a window still sizing itself, input), for tests
    bool area_changed = false;
    uint64_t last_layout = 0;         // the windows' places and sizes as last drawn (a hash)            // the page's address without its fragment
    // Opens a link; `keep_story`: a step of the story being shown (its link has no story of its own).
    std::vector<std::string> open_link(const std::string& fragment, bool keep_story = false);
    void open_story_step(int step);         // 1-based, in the active story
    // The opening, for a page opened on no link: the story's first step as the scenario, with
    // the opening card (its title, a plain sentence, the guided tour or build your own).
    void open_opening();
    void present_step(int delta);          // presenting: a clicker's key (+1 next, -1 previous)
    void handle_actions();                  // the queue in `actions`, after the frame is built
    void capture_frame(int fb_w, int fb_h); // after drawing, if requested: hands the pixels to the page
};

App& app();

void benchmark_start(int frames);

}  // namespace techmap
