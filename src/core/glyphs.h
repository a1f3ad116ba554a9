// glyphs.h — the code points the UI font carries: the subset of DejaVu Sans built at build time
// (cmake/Web.cmake's --unicodes, which must list the same ranges: a test compares them) and the
// ranges ImGui rasterises. Every character of the data and of the UI's strings must be in them
// (tests/core/test_glyphs.cpp), or it is drawn as '?' ("fabs at ?16/14 nm").
#pragma once
#include <cstdint>

namespace techmap {

// Pairs [first, last], ended by 0 (ImGui's glyph-range format).
inline constexpr uint16_t kUiGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1
    0x0100, 0x017F,  // Latin Extended-A (every country name in the data)
    0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus
    0x2248, 0x2248,  // almost equal (≈182 $bn)
    0x2264, 0x2265,  // less / greater than or equal (≤16/14 nm)
    0,
};

inline bool ui_font_has(char32_t c) {
    for (int i = 0; kUiGlyphRanges[i]; i += 2)
        if (c >= kUiGlyphRanges[i] && c <= kUiGlyphRanges[i + 1]) return true;
    return false;
}

}  // namespace techmap
