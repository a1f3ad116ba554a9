// web_api.cpp — the C functions behind the page's JavaScript API (web/app.js wraps them as
// window.techmap). Strings cross as UTF-8; returned strings stay valid until the next call.
#include <emscripten.h>

#include <array>
#include <cstdlib>
#include <string>

#include "app/app.h"
#include "app/platform_web.h"
#include "core/json.h"
#include "core/report.h"
#include "core/text.h"

using techmap::app;
using techmap::Json;
using techmap::JsonOut;
using techmap::json_text;

namespace techmap {
void context_lost();
bool context_restored();
}  // namespace techmap

namespace {
std::string g_out;
const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}
// A list or map of the app's values as JSON text.
template <class T>
std::string json_of(const T& v) {
    JsonOut o;
    return json_text(o.value(v));
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

// A user's dataset (techmap.loadDataset, the file picker): always read as a dataset on top of
// the default data, whatever its name; returns the problems found ("" when none). A file that
// is refused leaves the data and the scenario as they were.
EMSCRIPTEN_KEEPALIVE const char* techmap_load_dataset(const char* name, const uint8_t* bytes, int size) {
    techmap::App& a = app();
    const techmap::DataFile user{techmap::clean_text(name ? name : "", 120).text,
                                 std::string(reinterpret_cast<const char*>(bytes), size_t(size > 0 ? size : 0))};
    const techmap::LoadResult r = a.model.load_on_top(a.base_data, user);
    a.ui.load_message = r.ok() ? std::string() : "The data could not be loaded; the previous data stays in use.\n" + r.summary();
    if (r.ok()) {
        if (a.model.selected_node() < 0 && a.model.domain()) a.model.select_node(a.model.default_node());
        for (techmap::MapLevel& L : a.levels) L.links.build(a.model.data(), L.map);
        a.content_key = -1;
    }
    a.request_redraw();
    return out(r.summary());
}

// Test hook for the page's handling of an abort (tests/browser/chaos.test.mjs): stops the module
// as an undiscovered bug would. Not part of window.techmap.
EMSCRIPTEN_KEEPALIVE void techmap_abort_for_test() { std::abort(); }

// The opening view (a page opened on no link): the story's first step and the opening card.
EMSCRIPTEN_KEEPALIVE void techmap_open_opening() { app().open_opening(); }

EMSCRIPTEN_KEEPALIVE const char* techmap_get_scenario() { return out(app().model.scenario_json()); }

// Applies what it can; returns a JSON list of what it ignored.
EMSCRIPTEN_KEEPALIVE const char* techmap_set_scenario(const char* json) {
    std::vector<std::string> ignored = app().model.set_scenario_json(json ? json : "");
    app().request_redraw();
    return out(json_of(ignored));
}

EMSCRIPTEN_KEEPALIVE const char* techmap_get_figures() { return out(app().model.figures_json()); }

EMSCRIPTEN_KEEPALIVE const char* techmap_get_keys() { return out(app().model.keys_json()); }

// The "why" of one node, by id: the rows and sentences the UI shows.
EMSCRIPTEN_KEEPALIVE const char* techmap_explain(const char* node_id) {
    const techmap::Domain* d = app().model.domain();
    const int n = d && node_id ? d->find_node(node_id) : -1;
    if (n < 0) return out("null");
    return out(app().model.explain_json(n));
}

EMSCRIPTEN_KEEPALIVE void techmap_toggle_member(const char* iso3) {
    const int c = app().model.data().find_country(iso3 ? iso3 : "");
    if (c >= 0) app().model.toggle_member(c);
    app().request_redraw();
}

// Country code at a point of the canvas (CSS pixels), or "" (ocean): markers, then shapes.
EMSCRIPTEN_KEEPALIVE const char* techmap_country_at(double x, double y) {
    const int c = app().country_at({x, y});
    return out(c >= 0 ? app().model.data().countries[size_t(c)].id : std::string());
}

// Sets the view: centre as lon/lat, zoom (1 = whole world); eased unless `instant`.
EMSCRIPTEN_KEEPALIVE void techmap_set_view(double lon, double lat, double zoom, int instant) {
    techmap::App& a = app();
    a.view_goal.center = techmap::equal_earth(lon, lat);
    a.view_goal.zoom = zoom;
    a.view_goal.clamp();
    if (instant) a.view = a.view_goal;
    a.request_redraw();
}

EMSCRIPTEN_KEEPALIVE void techmap_benchmark_start(int n) { techmap::benchmark_start(n); }

// Mean CPU ms per benchmark frame: total, the app's own work (model, UI, labels, markers,
// colours), GL submission (map, and all), and the slowest frame; "done" when all were drawn.
// Map layer: "role" (members, target, others) or "share" (of the selected input). 0 if unknown.
EMSCRIPTEN_KEEPALIVE int techmap_set_layer(const char* layer) {
    const std::string l = layer ? layer : "";
    techmap::MapLayer chosen{};
    if (!techmap::from_text(l, chosen)) return 0;
    app().ui.layer = chosen;
    app().request_redraw();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* techmap_benchmark_result() {
    const techmap::App& a = app();
    const techmap::FrameStats& s = a.bench;
    const double n = s.frames > 0 ? s.frames : 1;
    JsonOut o;
    Json j = o.object(), phases = o.object();
    o.set(j, "done", a.bench_left == 0);
    o.set(j, "frames", s.frames);
    o.set(j, "totalMs", s.total_ms / n);
    o.set(j, "buildMs", s.build_ms / n);
    o.set(j, "submitMs", s.submit_ms / n);
    o.set(j, "mapSubmitMs", s.map_submit_ms / n);
    o.set(j, "maxTotalMs", s.max_total_ms);
    const char* names[] = {"panels", "coloursArcs", "markers", "labels", "imguiRender"};
    for (size_t i = 0; i < 5; ++i) o.set(phases, names[i], s.phases[i] / n);
    o.set(j, "phasesMs", std::move(phases));
    return out(json_text(j));
}
EMSCRIPTEN_KEEPALIVE void techmap_context_lost() { techmap::context_lost(); }
EMSCRIPTEN_KEEPALIVE int techmap_context_restored() { return techmap::context_restored() ? 1 : 0; }

// Canvas position (CSS pixels) of a lon/lat point: lets tests click real places.
EMSCRIPTEN_KEEPALIVE const char* techmap_screen_of(double lon, double lat) {
    techmap::App& a = app();
    const glm::dvec2 s = a.view.map_to_screen(techmap::equal_earth(lon, lat), a.map_area());
    return out(json_of(std::array<double, 2>{s.x, s.y}));
}

// The small-country markers as drawn: [{id, x, y, r}] in CSS px (tests pick every one).
EMSCRIPTEN_KEEPALIVE const char* techmap_markers() {
    techmap::App& a = app();
    JsonOut o;
    Json j = o.array();
    for (const techmap::SmallCountry& s : a.markers) {
        const glm::dvec2 p = a.view.map_to_screen(glm::dvec2(s.projected), a.map_area());
        Json m = o.object();
        o.set(m, "id", a.model.data().countries[size_t(s.country)].id);
        o.set(m, "x", p.x);
        o.set(m, "y", p.y);
        o.set(m, "r", s.radius_px);
        o.push(j, std::move(m));
    }
    return out(json_text(j));
}

// Screen rectangles of the panel's named controls (CSS px), for the page and tests.
EMSCRIPTEN_KEEPALIVE const char* techmap_ui_items() { return out(json_of(app().ui.items)); }
// The words of the named texts on the canvas (caption, comparison, who holds the keys...).
EMSCRIPTEN_KEEPALIVE const char* techmap_ui_texts() { return out(json_of(app().ui.texts)); }

// The whole view as a URL fragment ("#v1&..."), and opening one: returns the notices (JSON list).
EMSCRIPTEN_KEEPALIVE const char* techmap_link() { return out(app().current_link()); }
EMSCRIPTEN_KEEPALIVE const char* techmap_open_link(const char* fragment) {
    return out(json_of(app().open_link(fragment ? fragment : "")));
}

// The current scenario in words (the page's aria-live summary) and as CSV.
EMSCRIPTEN_KEEPALIVE const char* techmap_summary() { return out(techmap::scenario_summary(app().model)); }
EMSCRIPTEN_KEEPALIVE const char* techmap_figures_csv() { return out(techmap::figures_csv(app().model)); }

// The active story and step: {title, custom, step, steps: [{title, caption, link, sources}]}.
EMSCRIPTEN_KEEPALIVE const char* techmap_story() {
    const techmap::App& a = app();
    const techmap::Story& st = a.story.active();
    JsonOut o;
    Json steps = o.array();
    for (const techmap::StoryStep& x : st.steps) {
        Json src = o.array();
        for (int i : x.sources) o.push(src, a.model.data().sources[size_t(i)].title);
        Json expect = o.array();
        for (const auto& e : x.expect) {
            Json ex = o.object();
            o.set(ex, "figure", e.figure);
            o.set(ex, "value", e.value);
            o.set(ex, "tolerance", e.tolerance);
            o.push(expect, std::move(ex));
        }
        Json step = o.object();
        o.set(step, "title", x.title);
        o.set(step, "caption", x.caption);
        o.set(step, "link", x.link);
        o.set(step, "sources", std::move(src));
        o.set(step, "expect", std::move(expect));
        o.push(steps, std::move(step));
    }
    Json j = o.object();
    o.set(j, "title", st.title);
    o.set(j, "custom", a.story.custom_active);
    o.set(j, "step", a.story.step);
    o.set(j, "steps", std::move(steps));
    return out(json_text(j));
}

// What a panel button asks for, from the page: "story-step:2", "mode:presentation", "export-png"...
EMSCRIPTEN_KEEPALIVE void techmap_action(const char* action) {
    app().actions.push_back(action ? action : "");
    app().request_redraw();
}

EMSCRIPTEN_KEEPALIVE const char* techmap_status() {
    techmap::App& a = app();
    const int lv = a.active_level();
    double lon = 0, lat = 0;
    techmap::equal_earth_inverse(a.view.center, lon, lat);
    JsonOut o;
    Json j = o.object();
    o.set(j, "loaded", a.model.loaded());
    o.set(j, "mapLevels", a.levels.size());
    o.set(j, "mapLevel", lv >= 0 ? a.levels[size_t(lv)].name : std::string());
    o.set(j, "mapCountries", lv >= 0 ? a.levels[size_t(lv)].map.countries.size() : 0);
    o.set(j, "markers", a.markers.size());
    o.set(j, "labels", a.labels_placed);
    Json view = o.object();
    o.set(view, "lon", lon);
    o.set(view, "lat", lat);
    o.set(view, "zoom", a.view.zoom);
    o.set(j, "view", std::move(view));
    o.set(j, "glLost", a.gl_lost);
    o.set(j, "layer", techmap::to_text(a.ui.layer));
    o.set(j, "hovered", a.hovered >= 0 ? a.model.data().countries[size_t(a.hovered)].id : std::string());
    o.set(j, "tooltip", a.ui.tooltip_country >= 0 ? a.model.data().countries[size_t(a.ui.tooltip_country)].id : std::string());
    o.set(j, "lastFrameCpuMs", a.last_frame_cpu_ms);
    o.set(j, "firstMapDrawn", a.first_map_drawn);
    o.set(j, "framesDrawn", a.frames_drawn);
    o.set(j, "dataVersion", a.model.data().version());
    o.set(j, "loadMessage", a.ui.load_message);
    o.set(j, "mode", techmap::to_text(a.ui.mode));
    o.set(j, "reducedMotion", a.reduced_motion);  // prefers-reduced-motion: the view jumps, never eases
    o.set(j, "uiScale", a.ui.scale);
    o.set(j, "redrawBy", a.redraw_by + (a.area_changed ? " area" : ""));
    const auto area = a.map_area();
    o.set(j, "mapArea", std::array<decltype(area.x), 4>{area.x, area.y, area.w, area.h});  // CSS px: x, y, w, h
    // nothing left to draw and no input waiting: what the tests wait for
    o.set(j, "idle", a.redraw_frames <= 0 && !techmap::platform_input_pending());
    o.set(j, "focused", a.ui.focused);
    o.set(j, "storyStep", a.story.step);
    return out(json_text(j));
}

}  // extern "C"
