// png_export.h — the map's pixels for the PNG export: the frame just drawn, read back from the
// framebuffer. The page (web/app.js) crops the panel off, adds the attribution strip (scenario,
// sources, link) and encodes the PNG.
//
//   ... draw the frame ...
//   std::vector<uint8_t> rgba = read_frame_rgba(fb_w, fb_h);   // bottom row first, as GL reads it
#pragma once
#include <cstdint>
#include <vector>

namespace techmap {

// RGBA bytes of the whole framebuffer (w x h), bottom row first; empty if the size is not positive.
std::vector<uint8_t> read_frame_rgba(int width, int height);

}  // namespace techmap
