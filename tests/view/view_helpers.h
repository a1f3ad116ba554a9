// view_helpers.h — shared by the view tests: the real 1:110m map asset and its links to the data.
#pragma once
#include <doctest/doctest.h>

#include "../core/helpers.h"
#include "view/map_content.h"

namespace techmap::test {

inline const WorldMap& map110() {
    static const WorldMap w = [] {
        const std::string bytes = read_file("assets/world-110m.bin");
        WorldMap m;
        std::string err;
        if (!m.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), err)) {
            std::fprintf(stderr, "assets/world-110m.bin: %s\n", err.c_str());
            std::abort();
        }
        return m;
    }();
    return w;
}

inline CountryLinks links_of(const Model& m, const WorldMap& map) {
    CountryLinks links;
    links.build(m.data(), map);
    return links;
}

}  // namespace techmap::test
