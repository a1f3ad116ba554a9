// main.cpp — the orchestrator: the browser-driven frame loop and the fixed order of each frame:
// input (platform_web, map_input) -> pick -> UI (may change the model) -> actions -> map
// content, markers, labels -> draw -> change signal to the page.
//
// [SECTION] page hooks
// [SECTION] data handed over by the page
// [SECTION] setup, canvas size, fonts
// [SECTION] frame
// [SECTION] change signal
// [SECTION] the loop
#include <cstdlib>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // the input queue's length

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "app/app.h"
#include "app/map_input.h"
#include "app/platform_web.h"
#include "core/glyphs.h"
#include "ui/map_labels.h"
#include "view/label_placement.h"

namespace techmap {

App& app() {
    static App a;
    return a;
}

// [SECTION] page hooks (web/app.js defines them) ---------------------------------------------------
EM_JS(void, js_first_map_drawn, (), { if (Module.onTechmapFirstMap) Module.onTechmapFirstMap(); });
// one call per change: the view's new link, and whether the model changed (scenario, selection, data)
EM_JS(void, js_changed, (const char* link, int model_changed), {
    if (Module.onTechmapChange) Module.onTechmapChange(UTF8ToString(link), !!model_changed);
});
// The user's date (yyyymmdd, local time): what "today" means in the app; a page may pin it
// (Module.techmapToday, e.g. for a kiosk or a test).
EM_JS(int, js_local_date, (), {
    if (typeof Module.techmapToday === 'number') return Module.techmapToday;
    const d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});
// The page's address without its fragment (what an embed code or a shared link starts with).
EM_JS(char*, js_page_base, (), {
    const s = location.origin + location.pathname;
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// Hands the keyboard to the page's next Tab stop after the canvas (the first one when the canvas
// is the last): Tab at the end of the map's controls leaves it, as Tab leaves any control.
EM_JS(void, js_leave_canvas, (), {
    const canvas = document.getElementById('canvas');
    const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .filter((e) => e === canvas || (e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 && !e.closest('[hidden], [inert]')));
    const at = stops.indexOf(canvas);
    const next = stops.slice(at + 1).find((e) => e !== canvas) || stops.find((e) => e !== canvas);
    if (next) next.focus();
});
EM_JS(void, js_started, (), { if (Module.onTechmapStarted) Module.onTechmapStarted(); });
EM_JS(void, js_fatal, (const char* msg), { if (Module.onTechmapFatal) Module.onTechmapFatal(UTF8ToString(msg)); });

// [SECTION] data handed over by the page -------------------------------------------------------------
namespace {
bool ends_with(const std::string& s, const char* suffix) {
    const size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}
void rebuild_fonts();
}  // namespace

int App::active_level() const {
    if (levels.empty()) return -1;
    return (levels.size() > 1 && view.zoom >= 2.0) ? 1 : 0;
}

int App::country_at(glm::dvec2 css) const {
    const int lv = active_level();
    if (lv < 0) return -1;
    const ScreenRect area = map_area();
    // markers lie over the shapes; where they crowd (Belgium, the Netherlands, Luxembourg) the
    // point picks the marker whose centre is nearest, not the first whose circle holds it
    int nearest = -1;
    double best = 1e300;
    for (const SmallCountry& s : markers) {
        const double d = glm::length(view.map_to_screen(glm::dvec2(s.projected), area) - css);
        if (d <= s.radius_px + 3 && d < best) {
            best = d;
            nearest = s.country;
        }
    }
    if (nearest >= 0) return nearest;
    const MapLevel& L = levels[size_t(lv)];
    const int mc = L.map.pick(glm::vec2(view.screen_to_map(css, area)));
    return mc >= 0 ? L.links.map_to_data[size_t(mc)] : -1;
}

bool App::upload_levels(std::string& error) {
    renderer.init();
    if (!renderer.finish_init(error)) return false;
    for (MapLevel& L : levels) {
        L.gl = renderer.add_level(L.map, error);
        if (L.gl < 0) return false;
    }
    content_key = -1;
    return true;
}

std::string App::commit_files() {
    std::vector<DataFile> data, stories;
    std::string problems;
    for (DataFile& f : pending) {
        if (ends_with(f.name, ".bin")) {
            MapLevel L;
            L.name = f.name;
            std::string err;
            if (!L.map.load(reinterpret_cast<const uint8_t*>(f.bytes.data()), f.bytes.size(), err)) {
                problems += "error: " + f.name + ": " + err + "\n";
                continue;
            }
            L.gl = renderer.add_level(L.map, err);
            if (L.gl < 0) { problems += "error: map renderer: " + err + "\n"; continue; }
            // coarse levels first: 110m before 50m whatever the arrival order
            auto pos = std::find_if(levels.begin(), levels.end(), [&](const MapLevel& x) { return x.map.vertices.size() > L.map.vertices.size(); });
            levels.insert(pos, std::move(L));
        } else if (ends_with(f.name, "story.json")) {
            stories.push_back(std::move(f));
        } else if (ends_with(f.name, ".ttf")) {
            font_bytes = std::move(f.bytes);
            rebuild_fonts();
        } else {
            data.push_back(std::move(f));
        }
    }
    pending.clear();
    if (!data.empty()) {
        // The first load is the default data; later files (a user's dataset) load on top of it.
        std::vector<DataFile> all = base_data;
        for (DataFile& f : data) all.push_back(f);
        LoadResult r = model.load(all);
        if (r.ok() && base_data.empty()) base_data = std::move(data);
        problems += r.summary();
        ui.load_message = r.ok() ? std::string() : "The data could not be loaded; the previous data stays in use.\n" + r.summary();
        if (r.ok() && model.selected_node() < 0 && model.domain())
            model.select_node(model.default_node());  // the domain's focus (EUV lithography for chips)
    }
    // stories cite the dataset's sources: read them once the data is in
    for (const DataFile& f : stories) {
        Story st;
        std::string err;
        if (model.loaded() && parse_story(f.bytes, model.data(), st, err)) story.builtin = std::move(st);
        else problems += "error: " + f.name + ": " + err + "\n";
    }
    for (MapLevel& L : levels) L.links.build(model.data(), L.map);
    content_key = -1;
    request_redraw();
    return problems;
}

namespace {

// [SECTION] setup, canvas size, fonts ---------------------------------------------------------------
ImFont* g_label_font = nullptr;

// The UI font: DejaVu Sans (subset at build time: Latin, Latin-1, Latin Extended-A, punctuation),
// rasterised for the current pixel density so that text stays crisp on HiDPI screens.
void rebuild_fonts() {
    App& a = app();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float px = float(std::round(15.0 * a.ui.scale * a.dpr));
    static_assert(sizeof(ImWchar) == sizeof(kUiGlyphRanges[0]), "ImWchar is 16 bits");
    const ImWchar* ranges = reinterpret_cast<const ImWchar*>(kUiGlyphRanges);  // core/glyphs.h: what the subset carries
    ImFont* font = nullptr;
    if (!a.font_bytes.empty()) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // App owns the bytes
        font = io.Fonts->AddFontFromMemoryTTF(a.font_bytes.data(), int(a.font_bytes.size()), px, &cfg, ranges);
    }
    if (!font) {
        ImFontConfig cfg;
        cfg.SizePixels = float(std::round(13.0 * a.ui.scale * a.dpr));
        font = io.Fonts->AddFontDefault(&cfg);
    }
    g_label_font = font;
    io.FontGlobalScale = float(1.0 / a.dpr);
    // the atlas is uploaded anew by the next frame: a change of pixel ratio, screen size or
    // presentation mode shows the new type at once
    if (a.gl_ready && !a.gl_lost) a.imgui_gl.drop_font();
    a.request_redraw();
}

bool setup() {
    App& a = app();
    if (char* base = js_page_base()) {
        a.page_base = base;
        std::free(base);
    }
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    a.css_w = int(w);
    a.css_h = int(h);
    a.dpr = emscripten_get_device_pixel_ratio();
    // (web/app.js has sized it so already when it made the context: a resize waits on the GPU)
    const int fb_w = int(w * a.dpr + 0.5), fb_h = int(h * a.dpr + 0.5);
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size("#canvas", &cw, &ch);
    if (cw != fb_w || ch != fb_h) emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no filesystem in the browser
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui_style(a.ui, float(a.css_w), float(a.css_h));
    std::string err;
    if (!platform_init("#canvas", err)) { js_fatal(err.c_str()); return false; }
    a.gl_ready = true;
    rebuild_fonts();
    // the programs compile while the data is read; the first frame waits for them once
    a.renderer.init();
    a.imgui_gl.init();
    glFlush();  // sent to the GPU process now, not when the data has been read in this same task
    return true;
}

// Follow the canvas' CSS size and the device pixel ratio (HiDPI, zoom, rotation).
void follow_canvas_size() {
    App& a = app();
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    // a picture is drawn at twice the screen's density (the frame of the export only)
    const double dpr = emscripten_get_device_pixel_ratio() * (a.capture_pending || a.capture_requested ? 2.0 : 1.0);
    if (int(w) == a.css_w && int(h) == a.css_h && dpr == a.dpr) return;
    const bool dpr_changed = dpr != a.dpr;
    a.css_w = int(w);
    a.css_h = int(h);
    a.dpr = dpr;
    emscripten_set_canvas_element_size("#canvas", int(w * dpr + 0.5), int(h * dpr + 0.5));
    if (dpr_changed) rebuild_fonts();
    a.request_redraw();
}

// [SECTION] frame ----------------------------------------------------------------------------------
// What the map's colours and arcs depend on; a change rebuilds them. The model's revision covers
// the scenario, the selected input and the data.
int64_t content_key() {
    const App& a = app();
    int64_t k = a.model.revision();
    k = k * 8 + (a.active_level() + 1);
    k = k * 4 + int(a.ui.layer) * 2 + (a.ui.show_arcs ? 1 : 0);
    return k * 4096 + (a.model.selected_node() + 1);
}

void update_map_content(const MapLevel& L) {
    App& a = app();
    const int64_t key = content_key();
    if (key == a.content_key) return;
    a.content_key = key;
    a.colors = colors_by_country(a.model, a.ui.layer, a.model.selected_node());
    a.matters = countries_that_matter(a.model);
    a.renderer.set_colors(L.gl, country_colors(L.map, L.links, a.colors, a.style.ocean));
    a.renderer.set_arcs(a.ui.show_arcs ? supply_arcs(a.model, a.model.selected_node()) : std::vector<ArcSpec>{});
}

// The screen points of the countries the view names (members, target, the selected input's main
// suppliers), for the windows that keep off them (UiState::keep_clear).
void named_country_points() {
    App& a = app();
    a.ui.keep_clear.clear();
    if (!a.model.loaded() || a.ui.mode == UiMode::Full) return;
    const Dataset& ds = a.model.data();
    const ScreenRect area = a.map_area();
    std::vector<uint8_t> named(ds.countries.size(), 0);
    for (size_t c = 0; c < ds.countries.size(); ++c) named[c] = a.model.role(int(c)) != Role::Other;
    if (const Domain* d = a.model.domain(); d && a.model.selected_node() >= 0)
        for (const ShareRow& r : d->nodes[size_t(a.model.selected_node())].shares)
            if (r.country >= 0 && (!is_known(r.share) || r.share >= 5.0)) named[size_t(r.country)] = 1;
    for (size_t c = 0; c < ds.countries.size(); ++c)
        if (named[c]) {
            const glm::dvec2 p = a.view.map_to_screen(equal_earth(ds.countries[c].lon, ds.countries[c].lat), area);
            a.ui.keep_clear.push_back({float(p.x), float(p.y)});
        }
}

// No keyboard trap (WCAG 2.1.2): ImGui wraps a forward Tab from a window's last control to its
// first. A forward Tab whose result lies before the control it left (above it, or left of it on
// its line) is that wrap: the keyboard goes to the page instead. Called after the frame's UI,
// when the Tab of an earlier frame has been resolved.
void leave_canvas_at_tab_end() {
    static ImGuiID from = 0;
    static ImGuiWindow* root = nullptr;
    static ImVec2 at;
    static int wait = 0;  // frames left for the Tab's result
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = ImGui::GetIO();
    auto where = [&]() { return ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]).Min; };
    if (wait > 0) {
        if (g.NavId && g.NavId != from && g.NavWindow && g.NavWindow->RootWindow == root) {
            const ImVec2 now = where();
            if (now.y < at.y - 1.0f || (std::fabs(now.y - at.y) <= 1.0f && now.x < at.x)) js_leave_canvas();
            wait = 0;
        } else {
            --wait;
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Tab, false) && !io.KeyShift && !io.KeyCtrl && g.NavWindow && g.NavId) {
        from = g.NavId;
        root = g.NavWindow->RootWindow;
        at = where();
        wait = 3;
    }
}

void draw_frame() {
    App& a = app();
    const double t0 = emscripten_get_now();
    if (ui_style(a.ui, float(a.css_w), float(a.css_h))) rebuild_fonts();  // screen size or mode changed
    a.imgui_gl.new_frame();  // the font atlas, when it is new
    platform_new_frame(a.css_w, a.css_h);  // (the pointer reached ImGui through its input queue)
    a.capture_requested = a.capture_pending;
    a.capture_pending = false;
    if (a.capture_requested) {  // an exported image shows no tooltip or hover
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        a.hovered = -1;
    }
    ImGui::NewFrame();
    // the one pick of the frame: what is under the pointer may change without it moving (zoom,
    // pan by keys, a new level), and a pointer over a window picks nothing
    if (const MapPointer& pointer = map_pointer(); pointer.seen && a.model.loaded() && !a.capture_requested)
        a.hovered = ImGui::GetIO().WantCaptureMouse ? -1 : a.country_at({pointer.x, pointer.y});
    const double t_ui0 = emscripten_get_now();
    a.ui.items.clear();
    a.ui.texts.clear();
    const ScreenRect area_before = a.map_area();
    a.area_changed = false;
    named_country_points();
    if (a.ui.show_embed && a.ui.panel_open && a.ui.panel_tab == 3) a.ui.embed_url = a.page_base + a.shared_link() + "&mode=embed";
    if (a.capture_requested) ui_draw_for_export(a.model, a.ui, float(a.css_w));  // the map and its legend alone
    else ui_draw(a.model, a.ui, a.story.shown(), a.hovered, float(a.css_w), float(a.css_h), a.actions);  // may change the scenario
    a.handle_actions();
    leave_canvas_at_tab_end();
    // the panel or the timeline changed size: the map is fitted anew, so another frame is drawn
    if (const ScreenRect area = a.map_area(); area.x != area_before.x || area.y != area_before.y || area.w != area_before.w || area.h != area_before.h)
        a.request_redraw(2), a.area_changed = true;
    const double t_ui1 = emscripten_get_now();
    double t_content = t_ui1, t_markers = t_ui1;

    const int lv = a.active_level();
    int fb_w = 0, fb_h = 0;
    // the canvas's own size (a picture's frame is drawn at twice the screen's density)
    emscripten_get_canvas_element_size("#canvas", &fb_w, &fb_h);
    const float px = a.css_w > 0 ? float(fb_w) / float(a.css_w) : 1.0f;  // CSS -> framebuffer pixels
    const ScreenRect css = a.map_area();
    if (lv >= 0 && a.model.loaded()) {
        const MapLevel& L = a.levels[size_t(lv)];
        update_map_content(L);
        t_content = emscripten_get_now();
        a.markers = small_countries(a.model, a.matters, L.map, L.links, a.view, css);
        std::vector<MarkerSpec> specs;
        for (const SmallCountry& s : a.markers) {
            glm::u8vec4 color = a.colors[size_t(s.country)];
            if (s.country == a.hovered) color = glm::u8vec4(glm::mix(glm::vec4(color), glm::vec4(255), 0.35f));
            specs.push_back({s.projected, s.radius_px * px, color});
        }
        a.renderer.set_markers(specs);
        t_markers = emscripten_get_now();
        a.labels_placed = 0;
        if (a.ui.show_labels) {
            // presenting, the names grow with the type (the label font is rasterised at 13 px x scale)
            const float label_px = a.ui.mode == UiMode::Presentation ? 13.0f * a.ui.scale : 13.0f;
            const std::vector<PlacedLabel> labels =
                place_labels(a.model, L.map, L.links, a.view, css, a.markers, a.model.selected_node(),
                             label_text_sizes(a.model.data(), ImGui::GetFont(), label_px));
            a.labels_placed = draw_map_labels(a.model.data(), labels, ImGui::GetFont(), label_px);
        }
    }
    const double t_labels = emscripten_get_now();
    ImGui::Render();
    const double t1 = emscripten_get_now();
    a.last_phases = {t_ui1 - t_ui0, t_content - t_ui1, t_markers - t_content, t_labels - t_markers, t1 - t_labels};

    const int hovered_map = (lv >= 0 && a.hovered >= 0) ? a.levels[size_t(lv)].links.data_to_map[size_t(a.hovered)] : -1;
    std::string link_error;  // the map's programs compiled while the data was read (setup): ready by now
    if (a.renderer.init_pending() && !a.renderer.finish_init(link_error)) js_fatal(("Map renderer: " + link_error).c_str());
    a.renderer.draw(lv >= 0 ? a.levels[size_t(lv)].gl : -1, a.view, {fb_w, fb_h},
                    {css.x * px, css.y * px, css.w * px, css.h * px}, hovered_map, a.style, px);
    const double t_map = emscripten_get_now();
    if (!a.imgui_gl.render(ImGui::GetDrawData(), link_error)) js_fatal(("Panels renderer: " + link_error).c_str());
    a.capture_frame(fb_w, fb_h);
    ++a.frames_drawn;
    a.last_frame_map_ms = t_map - t1;
    const double t2 = emscripten_get_now();
    a.last_frame_cpu_ms = t2 - t0;
    a.last_frame_build_ms = t1 - t0;  // model, UI, labels, markers: the app's own work
    a.last_frame_submit_ms = t2 - t1; // GL calls (includes any wait on the GPU process)
}

// [SECTION] change signal ------------------------------------------------------------------------
// Once per drawn frame, after the frame that shows it: has the model changed (its revision), or
// the view's link (view, layer, mode, story step)? Then the page hears of it once, with the new
// link: it updates the address, the text summary and its subscribers.
void notify_change() {
    App& a = app();
    if (!a.model.loaded()) return;
    const bool model_changed = a.model.revision() != a.seen_revision;
    std::string link = a.current_link();
    if (!model_changed && link == a.last_link) return;
    a.seen_revision = a.model.revision();
    a.last_link = std::move(link);
    js_changed(a.last_link.c_str(), model_changed ? 1 : 0);
}

// [SECTION] the loop -------------------------------------------------------------------------------
// Called by the browser for every display frame; draws only when something changed.
void frame() {
    App& a = app();
    if (a.gl_lost) return;  // nothing to draw into until the context is restored
    follow_canvas_size();
    PageInput e;
    bool had_events = false;
    // Dear ImGui 1.90's input queue keeps every key press and release in order, even a tap
    // between two frames, and tells touch from mouse (platform_web has fed it each event already).
    while (platform_next_input(e)) {
        had_events = true;
        if (a.model.loaded()) handle_map_input(e);
    }
    if (had_events) a.request_redraw(3);
    if (ease_view()) a.request_redraw(2);
    if (a.bench_left > 0) {
        a.content_key = -1;
        a.request_redraw(1);
    }
    if (a.redraw_frames <= 0) return;  // idle: nothing changed, nothing drawn
    --a.redraw_frames;
    draw_frame();
    // ImGui trickles its input queue (one key press or release, a few characters a frame, so that
    // a quick tap is seen down and then up): draw until it is empty, or typed text would wait
    a.redraw_by.clear();
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) a.request_redraw(2), a.redraw_by = "input";
    // A window that has just appeared is sized over its first frames (auto-fit: its first size
    // comes from content laid out at no width, so a wrapped text makes it screen-high). Idling in
    // that state would leave the next click to land in the half-made window (a phone's first tap
    // after "Look around" went to the legend that had just appeared): draw until it settles.
    // A window that fits its content takes its new size a frame after the content changed (a
    // closed explanation): while any window's place or size still moves, draw again.
    uint64_t layout = 1469598103934665603ull;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active)
            for (float v : {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y}) layout = (layout ^ uint64_t(int64_t(v * 4.0f))) * 1099511628211ull;
    if (layout != a.last_layout) {
        a.last_layout = layout;
        a.request_redraw(2);
        a.redraw_by = "layout";
    }
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->Appearing || w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0 || w->AutoFitFramesX > 0 ||
                          w->AutoFitFramesY > 0)) {
            a.redraw_by = w->Name;
            a.request_redraw(2);
            break;
        }
    if (a.bench_left > 0) {
        --a.bench_left;
        ++a.bench.frames;
        a.bench.total_ms += a.last_frame_cpu_ms;
        a.bench.build_ms += a.last_frame_build_ms;
        a.bench.submit_ms += a.last_frame_submit_ms;
        a.bench.map_submit_ms += a.last_frame_map_ms;
        a.bench.max_total_ms = std::max(a.bench.max_total_ms, a.last_frame_cpu_ms);
        for (size_t i = 0; i < a.bench.phases.size(); ++i) a.bench.phases[i] += a.last_phases[i];
    }
    if (!a.first_map_drawn && a.renderer.ready() && a.model.loaded()) {
        a.first_map_drawn = true;
        js_first_map_drawn();
    }
    notify_change();
}

}  // namespace

// Benchmark mode (JS API): the next `n` browser frames are all drawn in full, colours and arcs
// rebuilt as after a toggle; their CPU times are summed. Frames stay paced by the browser so
// that the GPU process keeps up, as in real use.
void benchmark_start(int n) {
    App& a = app();
    a.bench_left = n;
    a.bench = FrameStats{};
    a.bench.frames = 0;
}

// WebGL context loss and restore (web/app.js listens for the canvas events).
void context_lost() {
    App& a = app();
    a.gl_lost = true;
    a.renderer.forget();
    a.imgui_gl.forget();
}

bool context_restored() {
    App& a = app();
    a.imgui_gl.init();
    std::string err;
    const bool ok = a.upload_levels(err);
    if (!ok) js_fatal(("The map could not be restored: " + err).c_str());
    a.gl_lost = !ok;
    a.request_redraw(3);
    return ok;
}

}  // namespace techmap

int main(int, char**) {
    techmap::set_today(techmap::js_local_date());  // "today" is the user's today
    if (!techmap::setup()) return 1;
    std::printf("techmap: ready\n");
    emscripten_set_main_loop(techmap::frame, 0, false);
    techmap::js_started();  // the page hands the data over and opens the link or the opening view
    // the first map is drawn now, not at the next animation frame: the browser shows it with
    // its next frame either way, and a busy compositor can hold an animation frame back
    techmap::frame();
    return 0;
}
