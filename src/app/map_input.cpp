// map_input.cpp — what the page's input does to the map (see map_input.h), and the eased view.
#include "app/map_input.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <glm/geometric.hpp>

#include "app/app.h"

namespace techmap {
namespace {

MapPointer pointer;

void zoom_goal(double factor, glm::dvec2 at) {
    App& a = app();
    a.view_goal.zoom_at(factor, at, a.map_area());
}

// KeyboardEvent.key is `name` (a letter in either case: Shift changes it)
bool key_is(const PageInput& e, const char* name) {
    if (name[0] && !name[1] && std::isalpha(static_cast<unsigned char>(name[0])))
        return e.key[0] && !e.key[1] && std::tolower(static_cast<unsigned char>(e.key[0])) == name[0];
    return std::strcmp(e.key, name) == 0;
}

void handle_key(const PageInput& e) {
    App& a = app();
    const ImGuiIO& io = ImGui::GetIO();
    const ScreenRect area = a.map_area();
    // undo / redo of member changes work everywhere except while typing into a field
    if ((e.ctrl || e.meta) && !io.WantTextInput) {
        if (key_is(e, "z")) e.shift ? a.model.redo() : a.model.undo();
        if (key_is(e, "y")) a.model.redo();
        return;
    }
    if (key_is(e, "Escape")) {  // close the top window, or leave the panel (unless a popup takes it)
        a.ui.keyboard_to_map = true;
        a.ui.escape_in_popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    }
    // presenting: a clicker's keys step the tour (the first starts it), wherever the focus is
    if (a.ui.mode == UiMode::Presentation && !io.WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        const bool next = key_is(e, "ArrowRight") || key_is(e, " ") || key_is(e, "PageDown");
        const bool prev = key_is(e, "ArrowLeft") || key_is(e, "PageUp");
        if (next || prev) {
            a.present_step(next ? 1 : -1);
            return;
        }
    }
    if (io.WantCaptureKeyboard) return;
    if (key_is(e, "Tab")) {  // Tab from the map enters the panel
        a.ui.keyboard_to_panel = true;
        return;
    }
    if (key_is(e, "+") || key_is(e, "=")) zoom_goal(1.5, area.center());
    else if (key_is(e, "-")) zoom_goal(1 / 1.5, area.center());
    else if (key_is(e, "ArrowLeft")) a.view_goal.pan_pixels({80, 0}, area);
    else if (key_is(e, "ArrowRight")) a.view_goal.pan_pixels({-80, 0}, area);
    else if (key_is(e, "ArrowUp")) a.view_goal.pan_pixels({0, 80}, area);
    else if (key_is(e, "ArrowDown")) a.view_goal.pan_pixels({0, -80}, area);
    else if (key_is(e, "0")) a.view_goal = MapCamera{};
}

}  // namespace

const MapPointer& map_pointer() { return pointer; }

void handle_map_input(const PageInput& e) {
    App& a = app();
    const ScreenRect area = a.map_area();
    using Kind = PageInput::Kind;
    switch (e.kind) {
        case Kind::PointerDown:
            if (e.touch && pointer.fingers > 1) break;
            if (ui_covers(float(e.x), float(e.y)) || !e.left) break;
            pointer.down = true;
            pointer.dragged = false;
            pointer.down_x = pointer.x = e.x;
            pointer.down_y = pointer.y = e.y;
            pointer.seen = true;
            if (e.clicks == 2) {
                zoom_goal(2.0, {e.x, e.y});
                pointer.dragged = true;  // not a toggle
            }
            break;
        case Kind::PointerMove:
            if (pointer.down && pointer.fingers <= 1) {
                if (std::abs(e.x - pointer.down_x) + std::abs(e.y - pointer.down_y) > 4) pointer.dragged = true;
                if (pointer.dragged) {
                    a.view.pan_pixels({e.x - pointer.x, e.y - pointer.y}, area);
                    a.view_goal = a.view;  // dragging follows the finger exactly
                }
            }
            pointer.x = e.x;
            pointer.y = e.y;
            pointer.seen = true;  // the country under it is picked once per frame (draw_frame)
            break;
        case Kind::PointerUp:
            if (!e.left) break;
            if (pointer.down && !pointer.dragged && !ui_covers(float(e.x), float(e.y))) {
                // explore, then build: a click edits the alliance only with the Alliance section
                // open; elsewhere it opens the country's card (a click on the sea closes it)
                const int c = a.country_at({e.x, e.y});
                if (editing_alliance(a.ui)) {
                    if (c >= 0 && c != a.model.scenario().target) a.model.toggle_member(c);
                } else {
                    a.ui.card_country = c;
                    a.ui.card_at[0] = float(e.x);
                    a.ui.card_at[1] = float(e.y);
                    a.request_redraw(2);
                }
            }
            pointer.down = false;
            if (e.touch) {  // a lifted finger hovers no country (a mouse stays where it is)
                pointer.seen = false;
                a.hovered = -1;
                a.request_redraw(2);
            }
            break;
        case Kind::Wheel:
            if (e.wheel_y == 0 || ui_covers(float(pointer.x), float(pointer.y))) break;
            zoom_goal(e.wheel_y > 0 ? 1.3 : 1 / 1.3, {pointer.x, pointer.y});
            break;
        case Kind::FingerDown:
        case Kind::FingerUp: pointer.fingers = e.fingers; break;
        case Kind::Pinch:  // two fingers: the map follows their spread about their middle
            pointer.dragged = true;
            a.view.zoom_at(std::clamp(e.spread, 0.5, 2.0), {double(e.x), double(e.y)}, area);
            a.view_goal = a.view;
            break;
        case Kind::KeyDown: handle_key(e); break;
        case Kind::Other: break;
    }
}

bool ease_view() {
    App& a = app();
    const MapCamera& g = a.view_goal;
    MapCamera& v = a.view;
    const double dz = std::log(g.zoom / v.zoom);
    const glm::dvec2 dc = g.center - v.center;
    if (a.reduced_motion) {
        const bool moved = v.zoom != g.zoom || v.center != g.center;
        v = g;
        return moved;  // the jump is drawn, then the view rests
    }
    if (std::fabs(dz) < 1e-3 && glm::length(dc) * v.zoom < 1e-4) {
        v = g;
        return false;
    }
    v.zoom *= std::exp(dz * 0.35);
    v.center += dc * 0.35;
    v.clamp();
    return true;
}

}  // namespace techmap
