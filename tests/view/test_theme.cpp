// The theme's contrast, from the theme's own colours (view/theme.h, which ui_style copies into
// ImGui): every text colour against every background it is drawn on at least 4.5:1 (WCAG 2.1
// 1.4.3), the keyboard focus ring at least 3:1 against the backgrounds it surrounds (1.4.11).
// A see-through panel is composited over what may lie under it: the map (any country's fill, the
// ocean, the space outside the globe), so over both black and white, and the worse one counts.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "view/theme.h"

using namespace techmap;
using theme::Rgba;

namespace {

double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const Rgba& c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }
double ratio(const Rgba& a, const Rgba& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
Rgba over(const Rgba& top, const Rgba& under) {
    const float a = top.a;
    return {top.r * a + under.r * (1 - a), top.g * a + under.g * (1 - a), top.b * a + under.b * (1 - a), 1.0f};
}

struct Named {
    const char* name;
    Rgba c;
};

// The colours a background may show: itself, laid on the panel (a control is drawn on a window
// or a popup), which lies on the map, black to white.
std::vector<Rgba> shown(const Rgba& bg, const std::vector<Rgba>& panels) {
    std::vector<Rgba> out;
    for (const Rgba& map : {Rgba{0, 0, 0, 1}, Rgba{1, 1, 1, 1}})
        for (const Rgba& panel : panels) out.push_back(over(bg, over(panel, map)));
    return out;
}

// The lowest contrast of `fg` on any of `bgs`, with the pair named for the failure message.
double lowest(const Named& fg, const std::vector<Named>& bgs, const std::vector<Rgba>& panels, std::string& worst) {
    double low = 1e9;
    for (const Named& bg : bgs)
        for (const Rgba& shade : shown(bg.c, panels)) {
            const double r = ratio(over(fg.c, shade), shade);
            if (r < low) {
                low = r;
                worst = std::string(fg.name) + " on " + bg.name;
            }
        }
    return low;
}

}  // namespace

TEST_CASE("contrast: the formula (WCAG's black on white is 21:1, a colour on itself 1:1)") {
    CHECK(ratio({0, 0, 0, 1}, {1, 1, 1, 1}) == doctest::Approx(21.0));
    CHECK(ratio(theme::text, theme::text) == doctest::Approx(1.0));
    // #767676 on white, the classic 4.54:1, just passing
    const float g = 118.0f / 255.0f;
    CHECK(ratio({g, g, g, 1}, {1, 1, 1, 1}) == doctest::Approx(4.54).epsilon(0.005));
    // half-transparent black on white is mid grey, not black
    CHECK(luminance(over({0, 0, 0, 0.5f}, {1, 1, 1, 1})) == doctest::Approx(channel(0.5)));
}

TEST_CASE("theme: every text colour reads at 4.5:1 on every background it is drawn on") {
    const std::vector<Rgba> panels = {theme::window_bg, theme::popup_bg};
    const std::vector<Named> panel_bgs = {
        {"window", {0, 0, 0, 0}}, {"title", theme::title_bg}, {"active title", theme::title_bg_active}};
    const std::vector<Named> controls = {{"frame", theme::frame},
                                         {"frame hovered", theme::frame_hovered},
                                         {"frame active", theme::frame_active},
                                         {"button/header", theme::button},
                                         {"tab", theme::tab}};
    // the blues: tabs and buttons carry their labels in the body text colour only
    const std::vector<Named> accents = {{"selected tab", theme::accent},
                                        {"tab unfocused active", theme::tab_unfocused_active},
                                        {"button hovered", theme::accent_hover},
                                        {"button pressed", theme::accent_active}};
    std::vector<Named> all = panel_bgs;
    all.insert(all.end(), controls.begin(), controls.end());
    all.insert(all.end(), accents.begin(), accents.end());
    std::vector<Named> calm = panel_bgs;
    calm.insert(calm.end(), controls.begin(), controls.end());

    std::string worst;
    double lowest_seen = 1e9;
    const auto check = [&](const Named& fg, const std::vector<Named>& bgs, const std::vector<Rgba>& under) {
        const double r = lowest(fg, bgs, under, worst);
        lowest_seen = std::min(lowest_seen, r);
        INFO(worst << ": " << r << ":1");
        CHECK(r >= 4.5);
    };
    // the body text: on panels, controls and the blue of a hovered or pressed button
    check({"text", theme::text}, all, panels);
    // secondary text, hints in fields, labels beside controls: on panels and controls
    check({"muted text", theme::text_muted}, calm, panels);
    // the warnings and notes written in colour: on the panels
    for (const Named& note : {Named{"warning", theme::text_warning}, Named{"caveat", theme::text_caveat},
                              Named{"date note", theme::text_date_note}, Named{"error", theme::text_error}})
        check(note, panel_bgs, panels);
    // presentation mode: opaque black panels, the same controls but its own frame
    const std::vector<Rgba> black = {theme::present_window_bg};
    std::vector<Named> present = all;
    present.push_back({"presentation frame", theme::present_frame});
    check({"presentation text", theme::present_text}, present, black);
    std::vector<Named> present_calm = calm;
    present_calm.push_back({"presentation frame", theme::present_frame});
    check({"presentation muted text", theme::present_text_muted}, present_calm, black);
    MESSAGE("lowest text contrast in the theme: " << lowest_seen << ":1");
}

TEST_CASE("theme: the keyboard focus ring stands out at 3:1 from what it surrounds") {
    const std::vector<Named> bgs = {{"window", {0, 0, 0, 0}},     {"frame", theme::frame},
                                    {"frame hovered", theme::frame_hovered},
                                    {"button", theme::button},    {"tab", theme::tab},
                                    {"selected tab", theme::accent}, {"button hovered", theme::accent_hover},
                                    {"button pressed", theme::accent_active},
                                    {"presentation frame", theme::present_frame}};
    std::string worst;
    const double normal = lowest({"focus ring", theme::nav_highlight}, bgs, {theme::window_bg, theme::popup_bg}, worst);
    INFO(worst << ": " << normal << ":1");
    CHECK(normal >= 3.0);
    const double present = lowest({"focus ring", theme::nav_highlight}, bgs, {theme::present_window_bg}, worst);
    INFO(worst << ": " << present << ":1");
    CHECK(present >= 3.0);
    MESSAGE("lowest focus-ring contrast: " << std::min(normal, present) << ":1");
}
