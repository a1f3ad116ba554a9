// app_state.cpp — the app's side of links, stories and exports: the whole view as a URL
// fragment (the core writes and reads it; here the view, layer and mode are added), opening a
// story step, and the panels' requests to the page (copy a link, download a PNG or CSV).
#include <GLES3/gl3.h>
#include <emscripten.h>

#include <cmath>

#include "app/app.h"
#include "core/projection.h"
#include "core/report.h"
#include "core/scenario_link.h"

namespace techmap {

EM_JS(void, js_ui_action, (const char* action), { if (Module.onTechmapAction) Module.onTechmapAction(UTF8ToString(action)); });
EM_JS(void, js_captured, (const uint8_t* rgba, int w, int h, int crop_x), {
    if (Module.onTechmapCaptured) Module.onTechmapCaptured(HEAPU8.subarray(rgba, rgba + w * h * 4), w, h, crop_x);
});

namespace {
double round3(double v) { return std::round(v * 1000) / 1000; }
}  // namespace

std::string App::current_link(bool with_story) const {
    LinkState s = link_of(model);
    double lon = 0, lat = 0;
    equal_earth_inverse(view_goal.center, lon, lat);
    s.view = LinkView{round3(lon), round3(lat), round3(view_goal.zoom)};
    if (ui.layer == MapLayer::Share) s.layer = "share";
    if (ui.mode == UiMode::Embed) s.mode = "embed";
    if (ui.mode == UiMode::Presentation) s.mode = "presentation";
    if (with_story && ui.story_step > 0) {
        s.story_step = ui.story_step;
        if (ui.story_custom) s.story = custom_story_json(ui.custom_story);
    }
    return format_link(s);
}

std::vector<std::string> App::open_link(const std::string& fragment, bool keep_story) {
    ParsedLink p = parse_link(fragment);
    std::vector<std::string> notices = p.notices;
    if (model.loaded())
        for (std::string& n : apply_link(model, p.state)) notices.push_back(std::move(n));
    const LinkState& s = p.state;
    MapView v;
    if (s.view) {
        v.center = equal_earth(s.view->lon, s.view->lat);
        v.zoom = s.view->zoom;
        v.clamp();
    }
    view = view_goal = v;
    ui.layer = s.layer.value_or("role") == "share" ? MapLayer::Share : MapLayer::Role;
    const std::string mode = s.mode.value_or("full");
    ui.mode = mode == "embed" ? UiMode::Embed : mode == "presentation" ? UiMode::Presentation : UiMode::Full;
    if (keep_story) {
        // a step of the story being shown: its link carries no story of its own
    } else if (s.story) {
        Story st;
        std::string error;
        if (parse_custom_story(*s.story, st, error)) {
            ui.custom_story = std::move(st);
            ui.story_custom = true;
        } else {
            notices.push_back("the story in the link was ignored: " + error);
            ui.story_custom = false;
        }
    } else {
        ui.story_custom = false;
    }
    const Story& active = ui.story_custom ? ui.custom_story : ui.story;
    if (!keep_story) ui.story_step = 0;
    if (s.story_step && !keep_story) {
        if (size_t(*s.story_step) <= active.steps.size()) ui.story_step = *s.story_step;
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
    const Story& active = ui.story_custom ? ui.custom_story : ui.story;
    if (step < 1 || size_t(step) > active.steps.size()) return;
    open_link(active.steps[size_t(step - 1)].link, true);
    ui.story_step = step;
}

void App::handle_ui_actions() {
    std::vector<std::string> actions;
    actions.swap(ui.actions);
    for (const std::string& a : actions) {
        if (a.rfind("story-step:", 0) == 0) {
            open_story_step(std::atoi(a.c_str() + 11));
        } else if (a == "story-add") {
            // the current view (without any story) becomes the next step of one's own story
            const std::string link = current_link(false);
            if (!ui.story_custom) {
                ui.custom_story = Story{};
                ui.custom_story.title = "My story";
                ui.custom_story.custom = true;
            }
            if (ui.custom_story.steps.size() >= kMaxStorySteps) continue;
            // nothing typed (a phone, a hurry): the scenario in one sentence
            const std::string caption = ui.story_caption[0] ? std::string(ui.story_caption) : scenario_headline(model);
            ui.custom_story.steps.push_back({"", caption, link, {}, {}});
            ui.story_caption[0] = 0;
            ui.story_custom = true;
            ui.story_step = int(ui.custom_story.steps.size());
        } else if (a == "mode:presentation") {
            ui.mode = UiMode::Presentation;
        } else if (a == "mode:full") {
            ui.mode = UiMode::Full;
        } else if (a == "export-png") {
            capture_pending = true;
        } else {
            js_ui_action(a.c_str());  // copy-link, export-csv, open-full-view, text-view, ...
        }
        request_redraw(2);
    }
}

void App::capture_frame(int fb_w, int fb_h) {
    if (!capture_requested || fb_w <= 0 || fb_h <= 0) return;
    capture_requested = false;
    std::vector<uint8_t> rgba(size_t(fb_w) * size_t(fb_h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    const double px = css_w > 0 ? double(fb_w) / css_w : 1.0;
    js_captured(rgba.data(), fb_w, fb_h, int(map_area().x * px));
}

}  // namespace techmap
