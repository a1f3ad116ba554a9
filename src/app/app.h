// app.h — the app's state, shared by the frame loop (main.cpp) and the page's JavaScript API
// (web_api.cpp). One instance; platform glue only: the figures live in the Model.
#pragma once
#include <SDL.h>

#include <string>
#include <vector>

#include "core/map_view.h"
#include "core/model.h"
#include "core/world_map.h"
#include "render/map_renderer.h"
#include "ui/panels.h"

namespace techmap {

struct App {
    Model model;
    WorldMap map;
    std::vector<int> map_to_data;   // WorldMap country -> dataset country (-1: not in the data)
    std::vector<int> data_to_map;   // dataset country -> WorldMap country (-1: no shape)
    MapRenderer renderer;
    MapView view;
    UiState ui;

    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    int css_w = 0, css_h = 0;       // canvas size in CSS pixels
    double dpr = 1;                 // device pixel ratio
    int hovered = -1;               // WorldMap country under the pointer
    long colored_revision = -1;     // model revision the map palette was built from
    int redraw_frames = 2;          // frames still to draw (draw only when something changed)
    bool first_map_drawn = false;
    long frames_drawn = 0;

    std::vector<DataFile> pending;  // files handed over by the page, loaded on commit
    std::vector<DataFile> base_data;  // the default data, kept so a user's file loads on top
    std::string load_message;       // problems of the last load, shown in the UI

    void request_redraw(int frames = 2) { redraw_frames = std::max(redraw_frames, frames); }
    // Where the map is fitted, in CSS pixels: right of the docked panel on wide screens.
    ScreenRect map_area() const {
        const double left = css_w >= 900 ? double(ui.panel_right) : 0.0;
        return {left, 0.0, std::max(1.0, double(css_w) - left), std::max(1.0, double(css_h))};
    }
    // Hands the pending files to the model (data) and the map (asset); returns the problems.
    std::string commit_files();
    void rebuild_country_links();
};

App& app();

}  // namespace techmap
