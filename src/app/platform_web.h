// platform_web.h — the browser as the app's platform, on Emscripten's HTML5 API: the WebGL2
// context on the page's canvas, and the page's keyboard, mouse, wheel, touch and focus events
// handed to Dear ImGui's input queue and to the app (as PageInput, drained once per frame); the
// mouse cursor and the clipboard for ImGui. No SDL: only what the app uses.
//
// How to use (main.cpp):
//   platform_init("#canvas", err)        once, before ImGui's GL backend (creates the context)
//   every frame: while (platform_next_input(e)) { ... }  ImGui has been fed e when it is returned
//   platform_new_frame(css_w, css_h)      before ImGui::NewFrame: display size, time step, cursor
#pragma once
#include <string>

namespace techmap {

// One input event as the map sees it, in CSS pixels of the canvas (origin at its top left).
struct PageInput {
    enum class Kind {
        PointerDown,   // left button or the first finger (clicks: 2 for a double click / tap)
        PointerUp,
        PointerMove,
        Wheel,         // wheel_y > 0: away from the user (zoom in)
        FingerDown,    // every finger, the first included (fingers: now down)
        FingerUp,
        Pinch,         // two fingers: spread = the distance between them now / before, about (x, y)
        KeyDown,       // key: the DOM's KeyboardEvent.key ("Escape", "ArrowLeft", "+", "z")
        Other,         // text, focus, a button other than the left one: ImGui's alone
    };
    Kind kind = Kind::Other;
    int x = 0, y = 0;
    int clicks = 1;
    bool left = true;         // PointerDown/Up: the left button (or a finger)
    bool touch = false;       // from a finger, not a mouse
    int fingers = 0;
    double wheel_y = 0;
    double spread = 1;
    char key[32] = {};
    bool ctrl = false, shift = false, alt = false, meta = false;
};

// Creates the WebGL2 context on the canvas (CSS selector) and makes it current, listens to the
// page's events and sets ImGui's platform hooks (ImGui's context must exist). False with a
// message when the browser gives no WebGL2 context.
bool platform_init(const char* canvas, std::string& error);
// The next event that arrived since the last frame, after handing it to ImGui; false when none.
bool platform_next_input(PageInput& out);
// Whether events wait for the next frame (the app is not idle while they do).
bool platform_input_pending();
// Before ImGui::NewFrame: display size (CSS px), time step, the mouse cursor of the last frame.
void platform_new_frame(int css_w, int css_h);

}  // namespace techmap
