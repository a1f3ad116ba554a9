// main.cpp — the orchestrator: SDL window and WebGL2 context, the browser-driven frame loop,
// input routing, and the fixed order of each frame: input -> model update -> map -> UI.
//
// [SECTION] setup
// [SECTION] data handed over by the page
// [SECTION] input
// [SECTION] frame
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <cstdio>

#include "app/app.h"

namespace techmap {

App& app() {
    static App a;
    return a;
}

// Page hooks (web/app.js defines them; absent in tests that do not care).
EM_JS(void, js_first_map_drawn, (), { if (Module.onTechmapFirstMap) Module.onTechmapFirstMap(); });
EM_JS(void, js_scenario_changed, (), { if (Module.onTechmapChange) Module.onTechmapChange(); });
EM_JS(void, js_started, (), { if (Module.onTechmapStarted) Module.onTechmapStarted(); });
EM_JS(void, js_fatal, (const char* msg), { if (Module.onTechmapFatal) Module.onTechmapFatal(UTF8ToString(msg)); });

// [SECTION] data handed over by the page ----------------------------------------------------------
void App::rebuild_country_links() {
    map_to_data.assign(map.countries.size(), -1);
    data_to_map.assign(model.data().countries.size(), -1);
    for (size_t i = 0; i < map.countries.size(); ++i) {
        const int c = model.data().find_country(map.countries[i].iso);
        map_to_data[i] = c;
        if (c >= 0) data_to_map[size_t(c)] = int(i);
    }
    colored_revision = -1;
}

std::string App::commit_files() {
    std::vector<DataFile> data;
    std::string problems;
    for (DataFile& f : pending) {
        if (f.name.size() > 4 && f.name.compare(f.name.size() - 4, 4, ".bin") == 0) {
            WorldMap m;
            std::string err;
            if (!m.load(reinterpret_cast<const uint8_t*>(f.bytes.data()), f.bytes.size(), err)) {
                problems += "error: " + f.name + ": " + err + "\n";
                continue;
            }
            std::string gl_err;
            if (!renderer.init(m, gl_err)) problems += "error: map renderer: " + gl_err + "\n";
            map = std::move(m);
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
    }
    rebuild_country_links();
    request_redraw();
    return problems;
}

namespace {

// [SECTION] setup ----------------------------------------------------------------------------------
bool setup() {
    App& a = app();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        js_fatal(SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 1);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 4);
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    a.css_w = int(w);
    a.css_h = int(h);
    a.window = SDL_CreateWindow("Techno-alliance map", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, a.css_w, a.css_h,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE);
    if (!a.window) { js_fatal(SDL_GetError()); return false; }
    a.gl = SDL_GL_CreateContext(a.window);
    if (!a.gl) {
        SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 0);  // some browsers refuse multisampling
        SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 0);
        a.gl = SDL_GL_CreateContext(a.window);
    }
    if (!a.gl) { js_fatal("This browser could not create a WebGL 2 context."); return false; }
    SDL_GL_MakeCurrent(a.window, a.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no filesystem in the browser
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    ImGui_ImplSDL2_InitForOpenGL(a.window, a.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

// Follow the canvas' CSS size and the device pixel ratio (HiDPI, zoom, rotation).
void follow_canvas_size() {
    App& a = app();
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double dpr = emscripten_get_device_pixel_ratio();
    if (int(w) == a.css_w && int(h) == a.css_h && dpr == a.dpr) return;
    const bool dpr_changed = dpr != a.dpr;
    a.css_w = int(w);
    a.css_h = int(h);
    a.dpr = dpr;
    SDL_SetWindowSize(a.window, a.css_w, a.css_h);
    emscripten_set_canvas_element_size("#canvas", int(w * dpr + 0.5), int(h * dpr + 0.5));
    if (dpr_changed) {
        // rebuild the font atlas for the new pixel density so text stays crisp
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = float(int(13.0 * dpr + 0.5));
        io.Fonts->AddFontDefault(&cfg);
        io.FontGlobalScale = float(1.0 / dpr);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
    }
    a.request_redraw();
}

// [SECTION] input ----------------------------------------------------------------------------------
struct Pointer {
    bool down = false, dragged = false, seen = false;
    int x = 0, y = 0, down_x = 0, down_y = 0;
};
Pointer pointer;

int data_country_at(int x, int y) {
    App& a = app();
    const glm::dvec2 p = a.view.screen_to_map({x, y}, a.map_area());
    const int mc = a.map.pick(glm::vec2(p));
    return mc;
}

void handle_map_event(const SDL_Event& e) {
    App& a = app();
    const ImGuiIO& io = ImGui::GetIO();
    const ScreenRect viewport = a.map_area();
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
            if (io.WantCaptureMouse || e.button.button != SDL_BUTTON_LEFT) break;
            pointer = {true, false, true, e.button.x, e.button.y, e.button.x, e.button.y};
            if (e.button.clicks == 2) {
                a.view.zoom_at(2.0, {e.button.x, e.button.y}, viewport);
                pointer.dragged = true;  // not a toggle
            }
            break;
        case SDL_MOUSEMOTION:
            if (pointer.down) {
                if (std::abs(e.motion.x - pointer.down_x) + std::abs(e.motion.y - pointer.down_y) > 4) pointer.dragged = true;
                if (pointer.dragged) a.view.pan_pixels({e.motion.x - pointer.x, e.motion.y - pointer.y}, viewport);
            }
            pointer.x = e.motion.x;
            pointer.y = e.motion.y;
            pointer.seen = true;
            a.hovered = io.WantCaptureMouse ? -1 : data_country_at(e.motion.x, e.motion.y);
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.button != SDL_BUTTON_LEFT) break;
            if (pointer.down && !pointer.dragged && !io.WantCaptureMouse) {
                const int mc = data_country_at(e.button.x, e.button.y);
                const int c = mc >= 0 ? a.map_to_data[size_t(mc)] : -1;
                if (c >= 0 && c != a.model.scenario().target) a.model.toggle_member(c);
            }
            pointer.down = false;
            break;
        case SDL_MOUSEWHEEL:
            if (io.WantCaptureMouse) break;
            a.view.zoom_at(e.wheel.preciseY > 0 ? 1.25 : 0.8, {pointer.x, pointer.y}, viewport);
            break;
        case SDL_KEYDOWN:
            if (io.WantCaptureKeyboard) break;
            switch (e.key.keysym.sym) {
                case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: a.view.zoom_at(1.25, viewport.center(), viewport); break;
                case SDLK_MINUS: case SDLK_KP_MINUS: a.view.zoom_at(0.8, viewport.center(), viewport); break;
                case SDLK_LEFT: a.view.pan_pixels({60, 0}, viewport); break;
                case SDLK_RIGHT: a.view.pan_pixels({-60, 0}, viewport); break;
                case SDLK_UP: a.view.pan_pixels({0, 60}, viewport); break;
                case SDLK_DOWN: a.view.pan_pixels({0, -60}, viewport); break;
                case SDLK_0: a.view = MapView{}; break;
                default: break;
            }
            break;
        default: break;
    }
}

// Role colours (Okabe–Ito, colour-blind safe): member blue, target vermillion, others grey.
void recolor_map() {
    App& a = app();
    std::vector<glm::u8vec4> colors(a.map.countries.size());
    for (size_t i = 0; i < colors.size(); ++i) {
        const int c = a.map_to_data.empty() ? -1 : a.map_to_data[i];
        switch (c < 0 ? -1 : a.model.role(c)) {
            case 1: colors[i] = {0, 114, 178, 255}; break;     // member
            case 2: colors[i] = {213, 94, 0, 255}; break;      // target
            case 0: colors[i] = {214, 211, 204, 255}; break;   // not aligned
            default: colors[i] = {186, 186, 186, 255}; break;  // not in the data
        }
    }
    a.renderer.set_colors(colors);
    a.colored_revision = a.model.recomputations();
}

// [SECTION] frame ----------------------------------------------------------------------------------
void frame() {
    App& a = app();
    follow_canvas_size();
    SDL_Event e;
    bool had_events = false;
    const long revision_before = a.model.recomputations();
    while (SDL_PollEvent(&e)) {
        had_events = true;
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (a.model.loaded()) handle_map_event(e);
    }
    if (had_events) a.request_redraw(3);
    if (a.redraw_frames <= 0) return;  // idle: nothing changed, nothing drawn
    --a.redraw_frames;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // 1.86's SDL backend reads the pointer only while the window has input focus, which a
    // browser canvas may not report: give ImGui the position tracked from the events instead.
    if (pointer.seen) ImGui::GetIO().MousePos = ImVec2(float(pointer.x), float(pointer.y));
    ImGui::NewFrame();
    const int hovered_data = a.hovered >= 0 && size_t(a.hovered) < a.map_to_data.size() ? a.map_to_data[size_t(a.hovered)] : -1;
    ui_draw(a.model, a.ui, hovered_data, float(a.css_w), float(a.css_h));
    ImGui::Render();

    if (a.model.recomputations() != a.colored_revision && !a.map.empty()) recolor_map();
    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(a.window, &fb_w, &fb_h);
    const double px = a.css_w > 0 ? double(fb_w) / a.css_w : 1.0;  // CSS -> framebuffer pixels
    const ScreenRect css = a.map_area();
    a.renderer.draw(a.view, {fb_w, fb_h}, {css.x * px, css.y * px, css.w * px, css.h * px}, a.hovered, MapStyle{});
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++a.frames_drawn;
    if (!a.first_map_drawn && a.renderer.ready() && a.model.loaded()) {
        a.first_map_drawn = true;
        js_first_map_drawn();
    }
    if (a.model.recomputations() != revision_before) js_scenario_changed();
}

}  // namespace
}  // namespace techmap

int main(int, char**) {
    if (!techmap::setup()) return 1;
    std::printf("techmap: ready\n");
    emscripten_set_main_loop(techmap::frame, 0, false);
    techmap::js_started();
    return 0;
}
