// Every character the app may draw has a glyph in the UI font: the data files and the UI's source
// strings are scanned for code points outside the subset (src/core/glyphs.h), and the build's
// subset (cmake/Web.cmake's --unicodes) lists the same ranges. A '?' in "fabs at ?16/14 nm" was
// a '≤' the subset lacked.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/glyphs.h"
#include "core/text.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// The code points of UTF-8 text (the files are valid UTF-8: the loader and the compiler check).
std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + size_t(k) < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += size_t(n);
    }
    return out;
}
}  // namespace

TEST_CASE("every character of the data and of the UI's strings has a glyph in the UI font") {
    const char* files[] = {"data/world.json", "data/semiconductors.json", "data/domains.json", "data/measures.json", "data/story.json",
                           "src/core/headline.cpp", "src/core/glossary.cpp", "src/core/report.cpp", "src/core/explain.cpp", "src/core/firms.cpp",
                           "src/ui/alliance_panel.cpp", "src/ui/results.cpp", "src/ui/map_overlays.cpp", "src/ui/timeline_window.cpp",
                           "src/ui/info_windows.cpp", "src/ui/story_window.cpp", "src/ui/supply_chain_window.cpp"};
    int scanned = 0;
    for (const char* f : files) {
        const std::string text = read_file(f);
        REQUIRE_MESSAGE(!text.empty(), f);
        for (char32_t c : code_points(text)) {
            if (c < 0x20) continue;  // newlines and tabs are not drawn
            ++scanned;
            if (!ui_font_has(c)) {
                char b[16];
                std::snprintf(b, sizeof b, "U+%04X", unsigned(c));
                FAIL_CHECK(f << ": " << b << " has no glyph in the UI font (add it to glyphs.h and cmake/Web.cmake)");
            }
        }
    }
    CHECK(scanned > 100000);
}

TEST_CASE("the build's font subset lists the ranges the UI rasterises") {
    const std::string cmake = read_file("cmake/Web.cmake");
    std::string expected;
    for (int i = 0; kUiGlyphRanges[i]; i += 2) {
        unsigned a = kUiGlyphRanges[i], b = kUiGlyphRanges[i + 1];
        // the subset splits Basic Latin from Latin-1 at the controls (U+007F-009F have no glyphs)
        char part[40];
        if (a == 0x20 && b == 0xFF) std::snprintf(part, sizeof part, "U+0020-007E,U+00A0-00FF");
        else if (a == b) std::snprintf(part, sizeof part, "U+%04X", a);
        else std::snprintf(part, sizeof part, "U+%04X-%04X", a, b);
        expected += (expected.empty() ? "" : ",") + std::string(part);
    }
    // Latin-1 and Latin Extended-A are written as one range in the subset
    const std::string merged = "U+0020-007E,U+00A0-017F";
    const size_t at = expected.find("U+0020-007E,U+00A0-00FF,U+0100-017F");
    REQUIRE(at != std::string::npos);
    expected.replace(at, std::string("U+0020-007E,U+00A0-00FF,U+0100-017F").size(), merged);
    CHECK_MESSAGE(cmake.find("--unicodes=" + expected + "\"") != std::string::npos, "expected --unicodes=" << expected);
}
