// Where country names go on the map: never over each other, never over another country's
// marker, inside the map's area, the target and the members first.
#include <doctest/doctest.h>

#include <algorithm>

#include "view/label_placement.h"
#include "view_helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// a stand-in for the UI font: 7 px per character, 13 px high
std::vector<glm::vec2> text_sizes(const Dataset& ds) {
    std::vector<glm::vec2> s;
    for (const Country& c : ds.countries) s.push_back({7.0f * float(c.name.size()), 13.0f});
    return s;
}
bool overlap(glm::vec2 a0, glm::vec2 a1, glm::vec2 b0, glm::vec2 b1) {
    return a0.x < b1.x && a1.x > b0.x && a0.y < b1.y && a1.y > b0.y;
}
}  // namespace

TEST_CASE("labels: no overlaps, none on another country's marker, all inside the map's area") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    REQUIRE(m.apply_preset("G7"));
    const int chn = m.data().find_country("CHN");
    m.set_target(chn);
    m.select_node(m.default_node());
    const WorldMap& map = map110();
    const CountryLinks links = links_of(m, map);
    const std::vector<glm::vec2> sizes = text_sizes(m.data());
    for (const double zoom : {1.0, 3.0}) {
        CAPTURE(zoom);
        MapCamera view;
        view.zoom = zoom;
        view.center = zoom > 1 ? equal_earth(10, 48) : glm::dvec2(0, 0);
        const ScreenRect area{400, 0, 880, 720};
        const std::vector<SmallCountry> markers = small_countries(m, countries_that_matter(m), map, links, view, area);
        const std::vector<PlacedLabel> labels = place_labels(m, map, links, view, area, markers, m.selected_node(), sizes);
        REQUIRE(labels.size() >= 5);
        for (size_t i = 0; i < labels.size(); ++i) {
            const PlacedLabel& a = labels[i];
            const char* iso = m.data().countries[size_t(a.country)].id.c_str();
            CAPTURE(iso);
            CHECK(a.min.x >= area.x);
            CHECK(a.min.y >= area.y);
            CHECK(a.max.x <= area.x + area.w);
            CHECK(a.max.y <= area.y + area.h);
            // the box holds the name with its halo margin
            CHECK(a.max.x - a.min.x == doctest::Approx(sizes[size_t(a.country)].x + 4));
            CHECK(a.max.y - a.min.y == doctest::Approx(sizes[size_t(a.country)].y + 2));
            for (size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(overlap(a.min, a.max, labels[j].min, labels[j].max));
            const bool marked = std::any_of(markers.begin(), markers.end(), [&](const SmallCountry& s) { return s.country == a.country; });
            if (marked) continue;  // a marked country's name sits above its own dot, near others
            for (const SmallCountry& s : markers) {
                const glm::dvec2 p = view.map_to_screen(glm::dvec2(s.projected), area);
                const glm::vec2 c(p);
                CHECK_FALSE(overlap(a.min, a.max, c - s.radius_px, c + s.radius_px));
            }
        }
        if (zoom == 1.0) {
            // at the world view, the target comes first and the big members are named
            CHECK(labels[0].country == chn);
            for (const char* iso : {"USA", "CAN", "JPN"})
                CHECK_MESSAGE(std::any_of(labels.begin(), labels.end(), [&](const PlacedLabel& l) { return m.data().countries[size_t(l.country)].id == iso; }), iso);
        }
    }
}

TEST_CASE("labels: names that fit nowhere are left out; missing sizes place nothing") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const WorldMap& map = map110();
    const CountryLinks links = links_of(m, map);
    const ScreenRect area{0, 0, 400, 300};
    std::vector<glm::vec2> huge(m.data().countries.size(), glm::vec2(500, 13));
    CHECK(place_labels(m, map, links, MapCamera{}, area, {}, -1, huge).empty());
    CHECK(place_labels(m, map, links, MapCamera{}, area, {}, -1, {}).empty());
}

TEST_CASE("labels: on a phone's narrow map the rival and the members are named even among small neighbours' dots") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const Dataset& ds = m.data();
    m.set_members({ds.find_country("JPN"), ds.find_country("NLD"), ds.find_country("USA")});  // the opening view
    m.set_target(ds.find_country("CHN"));
    m.select_node(m.default_node());
    const WorldMap& map = map110();
    const CountryLinks links = links_of(m, map);
    const std::vector<glm::vec2> sizes = text_sizes(ds);
    const ScreenRect area{0, 90, 390, 300};  // 390 px wide, the whole world
    MapCamera view;
    const std::vector<SmallCountry> markers = small_countries(m, countries_that_matter(m), map, links, view, area);
    const std::vector<PlacedLabel> labels = place_labels(m, map, links, view, area, markers, m.selected_node(), sizes);
    for (const char* iso : {"CHN", "USA", "JPN"})
        CHECK_MESSAGE(std::any_of(labels.begin(), labels.end(), [&](const PlacedLabel& l) { return ds.countries[size_t(l.country)].id == iso; }), iso);
    // and still none over another name or another country's dot
    for (size_t i = 0; i < labels.size(); ++i) {
        for (size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(overlap(labels[i].min, labels[i].max, labels[j].min, labels[j].max));
        if (std::any_of(markers.begin(), markers.end(), [&](const SmallCountry& s) { return s.country == labels[i].country; })) continue;
        for (const SmallCountry& s : markers) {
            const glm::vec2 c(view.map_to_screen(glm::dvec2(s.projected), area));
            CHECK_FALSE(overlap(labels[i].min, labels[i].max, c - s.radius_px, c + s.radius_px));
        }
    }
}
