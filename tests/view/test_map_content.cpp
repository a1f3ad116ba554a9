// What the map shows: markers for small countries, supply arcs, colours by role and by share.
#include <doctest/doctest.h>

#include <algorithm>

#include "view/map_content.h"
#include "view_helpers.h"

using namespace techmap;
using namespace techmap::test;

TEST_CASE("small countries get markers at the default view; big ones do not") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const WorldMap& map = map110();
    const CountryLinks links = links_of(m, map);
    const ScreenRect area{400, 0, 880, 720};
    const std::vector<uint8_t> matters = countries_that_matter(m);
    std::vector<SmallCountry> small = small_countries(m, matters, map, links, MapCamera{}, area);
    auto has = [&](const char* iso) {
        return std::any_of(small.begin(), small.end(), [&](const SmallCountry& s) { return m.data().countries[size_t(s.country)].id == iso; });
    };
    for (const char* iso : {"SGP", "LUX", "MLT", "TWN", "ISR", "NLD"}) CHECK_MESSAGE(has(iso), iso);
    for (const char* iso : {"USA", "CHN", "DEU", "JPN"}) CHECK_MESSAGE(!has(iso), iso);
    // zoomed in far enough, the Netherlands is big enough to click
    MapCamera zoomed;
    zoomed.zoom = 8;
    zoomed.center = equal_earth(5, 52);
    std::vector<SmallCountry> z = small_countries(m, matters, map, links, zoomed, area);
    CHECK_FALSE(std::any_of(z.begin(), z.end(), [&](const SmallCountry& s) { return m.data().countries[size_t(s.country)].id == "NLD"; }));
}

TEST_CASE("supply arcs: one per supplier with a known share, none from the target itself") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    const int node = m.domain()->find_node("N19");  // lithography tools
    std::vector<ArcSpec> arcs = supply_arcs(m, node);
    int expected = 0;
    for (const ShareRow& r : m.domain()->nodes[size_t(node)].shares)
        expected += r.country >= 0 && r.country != m.scenario().target && is_known(r.share) && r.share > 0;
    CHECK(int(arcs.size()) == expected);
    for (const ArcSpec& a : arcs) {
        CHECK(a.to_lon == doctest::Approx(m.data().countries[size_t(m.scenario().target)].lon));
        CHECK(a.width_px > 1.5f);
    }
}

TEST_CASE("colours by role and by share") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.toggle_member(m.data().find_country("USA"));
    const int node = m.domain()->find_node("N20");
    std::vector<glm::u8vec4> roles = colors_by_country(m, MapLayer::Role, node);
    CHECK(roles[size_t(m.data().find_country("USA"))] == palette::kMember);
    CHECK(roles[size_t(m.data().find_country("CHN"))] == palette::kTarget);
    CHECK(roles[size_t(m.data().find_country("FRA"))] == palette::kOther);
    std::vector<glm::u8vec4> shares = colors_by_country(m, MapLayer::Share, node);
    CHECK(shares[size_t(m.data().find_country("NLD"))] == palette::share(1.0));  // the top supplier: the top colour
    CHECK(shares[size_t(m.data().find_country("USA"))] == palette::kNotListed);
}

TEST_CASE("arcs follow the date and the mode: denied, a licence, or open, as the core says") {
    Model m;
    REQUIRE(m.load(test::default_files()).ok());
    const Dataset& ds = m.data();
    m.set_members({ds.find_country("USA"), ds.find_country("JPN"), ds.find_country("NLD")}, "three");
    m.set_target(ds.find_country("CHN"));
    REQUIRE(m.select_domain("semiconductors"));
    const int dep = m.domain()->find_node("N36"), arf = m.domain()->find_node("N22"), euv = m.domain()->find_node("N20");
    const auto level_of = [&](int node, const char* iso) {
        for (const ArcSpec& a : supply_arcs(m, node))
            if (a.from_lon == doctest::Approx(ds.countries[size_t(ds.find_country(iso))].lon) &&
                a.from_lat == doctest::Approx(ds.countries[size_t(ds.find_country(iso))].lat))
                return a.denial;
        FAIL("no arc from " << iso);
        return ControlLevel::None;
    };
    // what if: every member's arc is denied, whatever the date
    CHECK(level_of(dep, "USA") == ControlLevel::Certain);
    // the members' controls on 10 Jan 2021: none on deposition tools is in force, no arc is denied
    m.set_deny_mode(DenialMode::Controls);
    m.set_date(20210110);
    for (const ArcSpec& a : supply_arcs(m, dep)) {
        CHECK(a.denial == ControlLevel::None);
        CHECK(a.color == palette::kArcOpen);
    }
    // 1 Sep 2023: the Dutch ArF immersion tools need a licence: a licence arc, not a ban
    m.set_date(20230901);
    CHECK(level_of(arf, "NLD") == ControlLevel::Possible);
    for (const ArcSpec& a : supply_arcs(m, arf))
        if (a.denial == ControlLevel::Possible) CHECK(a.color == palette::kArcLicence);
    // the rules in force with the G7: the Dutch EUV refusal binds though the Netherlands is not a member
    m.set_members({ds.find_country("USA"), ds.find_country("JPN"), ds.find_country("DEU"), ds.find_country("FRA"),
                   ds.find_country("ITA"), ds.find_country("GBR"), ds.find_country("CAN")}, "G7");
    m.set_date(0);
    CHECK(level_of(euv, "NLD") == ControlLevel::None);  // the members' controls: not theirs
    m.set_deny_mode(DenialMode::RulesInForce);
    CHECK(level_of(euv, "NLD") == ControlLevel::Certain);
    CHECK(m.figures().nodes[size_t(euv)].target_access.hi == doctest::Approx(0));
    // no denial at all: every arc open
    m.set_deny(false);
    for (const ArcSpec& a : supply_arcs(m, euv)) CHECK(a.denial == ControlLevel::None);
}
