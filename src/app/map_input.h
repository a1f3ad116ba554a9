// map_input.h — what the page's input does to the map: drag to pan, wheel and pinch to zoom, a
// click or tap to open a country's card (or, building, to add it), the map's keys; and the view
// easing toward where the input sent it. ImGui has had each event first (platform_web.h).
#pragma once
#include "app/platform_web.h"

namespace techmap {

// The pointer over the map (CSS px): the frame picks the country under it once per frame.
struct MapPointer {
    bool down = false, dragged = false, seen = false;
    int x = 0, y = 0, down_x = 0, down_y = 0;
    int fingers = 0;
};
const MapPointer& map_pointer();

// One event, once the model is loaded; the panels' answers (io.WantCapture*) are last frame's.
void handle_map_input(const PageInput& e);

// Eases the view toward its goal; true while still moving. With reduced motion the view jumps.
bool ease_view();

}  // namespace techmap
