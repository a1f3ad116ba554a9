// web_api.cpp — the C functions behind the page's JavaScript API (web/app.js wraps them as
// window.techmap). Strings cross as UTF-8; returned strings stay valid until the next call.
#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/app.h"

using techmap::app;

namespace {
std::string g_out;
const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}
}  // namespace

extern "C" {

// Hands one file (dataset JSON or map asset .bin) to the app; nothing is loaded until commit.
EMSCRIPTEN_KEEPALIVE void techmap_add_file(const char* name, const uint8_t* bytes, int size) {
    app().pending.push_back({name, std::string(reinterpret_cast<const char*>(bytes), size_t(size > 0 ? size : 0))});
}

// Loads the files handed over; returns the problems found ("" when none). A failed dataset
// leaves the previous one in use.
EMSCRIPTEN_KEEPALIVE const char* techmap_commit_files() { return out(app().commit_files()); }

EMSCRIPTEN_KEEPALIVE const char* techmap_get_scenario() { return out(app().model.scenario_json()); }

// Applies what it can; returns a JSON list of what it ignored.
EMSCRIPTEN_KEEPALIVE const char* techmap_set_scenario(const char* json) {
    std::vector<std::string> ignored = app().model.set_scenario_json(json ? json : "");
    app().request_redraw();
    return out(nlohmann::json(ignored).dump());
}

EMSCRIPTEN_KEEPALIVE const char* techmap_get_figures() { return out(app().model.figures_json()); }

EMSCRIPTEN_KEEPALIVE const char* techmap_get_keys() { return out(app().model.keys_json()); }

// The "why" of one node, by id: the rows and sentences the UI shows.
EMSCRIPTEN_KEEPALIVE const char* techmap_explain(const char* node_id) {
    const techmap::Domain* d = app().model.domain();
    const int n = d && node_id ? d->find_node(node_id) : -1;
    if (n < 0) return out("null");
    techmap::Explanation e = app().model.explain(n);
    nlohmann::json j;
    j["lines"] = e.lines;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : e.rows)
        rows.push_back({{"holder", r.holder}, {"role", r.role},
                        {"share", techmap::is_known(r.share) ? nlohmann::json(r.share) : nlohmann::json(nullptr)},
                        {"year", r.year}, {"source", r.source}});
    j["rows"] = rows;
    return out(j.dump());
}

EMSCRIPTEN_KEEPALIVE void techmap_toggle_member(const char* iso3) {
    const int c = app().model.data().find_country(iso3 ? iso3 : "");
    if (c >= 0) app().model.toggle_member(c);
    app().request_redraw();
}

// Country code at a point of the canvas (CSS pixels), or "" (ocean).
EMSCRIPTEN_KEEPALIVE const char* techmap_country_at(double x, double y) {
    techmap::App& a = app();
    const glm::dvec2 p = a.view.screen_to_map({x, y}, a.map_area());
    const int mc = a.map.pick(glm::vec2(p));
    return out(mc >= 0 ? a.map.countries[size_t(mc)].iso : std::string());
}

// Canvas position (CSS pixels) of a lon/lat point: lets tests click real places.
EMSCRIPTEN_KEEPALIVE const char* techmap_screen_of(double lon, double lat) {
    techmap::App& a = app();
    const glm::dvec2 s = a.view.map_to_screen(techmap::equal_earth(lon, lat), a.map_area());
    return out(nlohmann::json::array({s.x, s.y}).dump());
}

EMSCRIPTEN_KEEPALIVE const char* techmap_status() {
    techmap::App& a = app();
    nlohmann::json j{{"loaded", a.model.loaded()}, {"mapCountries", a.map.countries.size()},
                     {"firstMapDrawn", a.first_map_drawn}, {"framesDrawn", a.frames_drawn},
                     {"dataVersion", a.model.data().version()}, {"loadMessage", a.ui.load_message}};
    return out(j.dump());
}

}  // extern "C"
