// app_state.cpp — the app's side of links, stories and exports: the whole view as a URL
// fragment (the core writes and reads it; here the view, layer and mode are added), the story
// player (opening a step, adding one to one's own story), and the queue of actions the panels
// and the page ask for (copy a link, download a PNG — its pixels come from render/png_export —
// or a CSV).
#include <emscripten.h>

#include <cmath>

#include "app/app.h"
#include "core/projection.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "render/png_export.h"

namespace techmap {

EM_JS(void, js_ui_action, (const char* action), { if (Module.onTechmapAction) Module.onTechmapAction(UTF8ToString(action)); });
// The frame drawn for a picture (the map and its legend alone, at twice the screen's density),
// with the map's rectangle in the frame's pixels (x, y, w, h, from the top) and the scale.
EM_JS(void, js_captured, (const uint8_t* rgba, int w, int h, int crop_x, int crop_y, int crop_w, int crop_h, double scale), {
    if (Module.onTechmapCaptured)
        Module.onTechmapCaptured(HEAPU8.subarray(rgba, rgba + w * h * 4), w, h, {x: crop_x, y: crop_y, w: crop_w, h: crop_h}, scale);
});

namespace {
double round3(double v) { return std::round(v * 1000) / 1000; }
}  // namespace

std::string App::current_link(bool with_story) const {
    LinkState s = link_of(model);
    double lon = 0, lat = 0;
    equal_earth_inverse(view_goal.center, lon, lat);
    s.view = LinkView{round3(lon), round3(lat), round3(view_goal.zoom)};
    if (ui.layer != MapLayer::Role) s.layer = ui.layer;
    if (ui.mode != UiMode::Full) s.mode = ui.mode;
    if (with_story && story.step > 0) {
        s.story_step = story.step;
        if (story.custom_active) s.story = custom_story_json(story.custom);
    }
    return format_link(s);
}

std::string App::shared_link() const {
    std::string link = current_link();
    if (link.find("&date=") == std::string::npos) link += "&date=" + date_text(scenario_date(model.scenario()));
    return link;
}

std::vector<std::string> App::open_link(const std::string& fragment, bool keep_story) {
    ParsedLink p = parse_link(fragment);
    std::vector<std::string> notices = p.notices;
    if (model.loaded())
        for (std::string& n : apply_link(model, p.state)) notices.push_back(std::move(n));
    const LinkState& s = p.state;
    MapCamera v;
    if (s.view) {
        v.center = equal_earth(s.view->lon, s.view->lat);
        v.zoom = s.view->zoom;
        v.clamp();
    }
    view = view_goal = v;
    ui.layer = s.layer.value_or(MapLayer::Role);
    if (!keep_story || s.mode) ui.mode = s.mode.value_or(UiMode::Full);  // a step of the tour keeps the presentation
    if (keep_story) {
        // a step of the story being shown: its link carries no story of its own
    } else if (s.story) {
        Story st;
        std::string error;
        if (parse_custom_story(*s.story, st, error)) {
            story.custom = std::move(st);
            story.custom_active = true;
        } else {
            notices.push_back("the story in the link was ignored: " + error);
            story.custom_active = false;
        }
    } else {
        story.custom_active = false;
    }
    if (!keep_story) {
        story.step = 0;
        story.before.clear();  // a link opened from outside replaces the view: nothing to give back
    }
    if (s.story_step && !keep_story) {
        if (size_t(*s.story_step) <= story.active().steps.size()) story.step = *s.story_step;
        else notices.push_back("the story has no step " + std::to_string(*s.story_step));
    }
    // the preset combo's "as of" follows the model's snapshot (today when it is the latest)
    if (const int pi = model.data().find_alliance(model.preset_id()); pi >= 0 && !model.preset_id().empty()) {
        const AlliancePreset& pr = model.data().alliances[size_t(pi)];
        ui.preset_year = pr.latest() && pr.latest()->year == model.preset_snapshot_year() ? 0 : model.preset_snapshot_year();
    }
    link_notices = notices;
    content_key = -1;
    request_redraw(3);
    return notices;
}

void App::open_story_step(int step) {
    const Story& active = story.active();
    if (step < 1 || size_t(step) > active.steps.size()) return;
    if (story.step == 0) story.before = current_link(false);  // entering the story: keep what it replaces
    open_link(active.steps[size_t(step - 1)].link, true);
    story.step = step;
}

void App::present_step(int delta) {
    if (story.step == 0) {
        if (delta > 0) open_story_step(1);  // the first key starts the tour (the active story: a link's own, else the guided one)
    } else {
        open_story_step(story.step + delta);  // nothing before the first step or after the last
    }
    request_redraw(2);
}

void App::open_opening() {
    const Story& st = story.builtin;
    if (st.steps.empty()) return;
    open_link(st.steps[0].link);  // the scenario of the story's first step, without the story shown
    ui.welcome_title = st.steps[0].title;
    ui.welcome_revision = model.revision();  // the story's title holds for this scenario only
    ui.show_welcome = true;
    ui.tab_request = 1;           // the panel opens on the results
}

void App::handle_actions() {
    std::vector<std::string> queue;
    queue.swap(actions);
    for (const std::string& a : queue) {
        if (a.rfind("story-step:", 0) == 0) {
            open_story_step(std::atoi(a.c_str() + 11));
        } else if (a == "story-start") {  // the built-in story from its first step
            story.custom_active = false;
            open_story_step(1);
        } else if (a == "story-close") {  // leaving the story gives back the view it found
            story.step = 0;
            if (!story.before.empty()) open_link(std::string(story.before));  // (a copy: open_link clears it)
        } else if (a == "story-add") {
            // the current view (without any story) becomes the next step of one's own story
            const std::string link = current_link(false);
            if (!story.custom_active) {
                story.custom = Story{};
                story.custom.title = "My story";
                story.custom.custom = true;
            }
            if (story.custom.steps.size() >= kMaxStorySteps) continue;
            // nothing typed (a phone, a hurry): the scenario in one sentence
            const std::string caption = ui.story_caption[0] ? std::string(ui.story_caption) : scenario_headline(model);
            story.custom.steps.push_back({"", caption, link, {}, {}});
            ui.story_caption[0] = 0;
            story.custom_active = true;
            story.step = int(story.custom.steps.size());
        } else if (a == "build-own") {  // from the opening: an empty alliance, the Alliance tab
            model.clear_members();
            ui.tab_request = 0;
            ui.panel_open = true;
            ui.show_welcome = false;
        } else if (a.rfind("view:", 0) == 0) {  // zoom to a region (small countries become reachable)
            struct Region { const char* name; double lon, lat, zoom; };
            static const Region regions[] = {{"world", 0, 0, 1}, {"europe", 12, 51, 4.2}, {"east-asia", 122, 31, 3.2}};
            for (const Region& r : regions)
                if (a.compare(5, std::string::npos, r.name) == 0) {
                    MapCamera v;
                    if (r.zoom > 1) {
                        v.center = equal_earth(r.lon, r.lat);
                        v.zoom = r.zoom;
                        v.clamp();
                    }
                    view_goal = v;
                }
        } else if (a == "animate") {  // the timeline plays: the next frames are drawn
            request_redraw(2);
        } else if (a == "motion:reduced" || a == "motion:full") {  // the page reads prefers-reduced-motion
            reduced_motion = a == "motion:reduced";
            if (reduced_motion) view = view_goal;  // a pan or zoom under way ends where it was going
        } else if (a == "mode:presentation") {
            ui.mode = UiMode::Presentation;
        } else if (a == "mode:full") {
            ui.mode = UiMode::Full;
        } else if (a == "export-png") {
            capture_pending = true;  // the next frames: drawn at twice the density (follow_canvas_size), then read back
        } else {
            js_ui_action(a.c_str());  // copy-link, export-csv, open-full-view, text-view, ...
        }
        request_redraw(2);
    }
}

void App::capture_frame(int fb_w, int fb_h) {
    if (!capture_requested || fb_w <= 0 || fb_h <= 0) return;
    capture_requested = false;
    const std::vector<uint8_t> rgba = read_frame_rgba(fb_w, fb_h);
    const double px = css_w > 0 ? double(fb_w) / css_w : 1.0;
    const ScreenRect r = map_area();
    js_captured(rgba.data(), fb_w, fb_h, int(r.x * px), int(r.y * px), int(r.w * px), int(r.h * px), px);
}

}  // namespace techmap
