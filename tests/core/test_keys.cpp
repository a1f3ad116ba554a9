// Power indices and minimal coalitions on hand-computed weighted games.
#include <doctest/doctest.h>

#include "core/keys.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
Node game(const Dataset& ds, std::initializer_list<std::pair<const char*, double>> shares) {
    Node n;
    n.id = n.name = "G";
    for (auto& [c, v] : shares) {
        ShareRow r;
        r.country = ds.find_country(c);
        r.share = v;
        n.shares.push_back(r);
    }
    return n;
}
double index_of(const NodeKeys& k, const Dataset& ds, const char* c) {
    for (const Power& p : k.power) if (p.country == ds.find_country(c)) return p.index;
    return -1;
}
}  // namespace

TEST_CASE("50/30/20 at 80%: only the two largest together win, each pivotal half the time") {
    const Dataset& ds = default_dataset();
    NodeKeys k = node_keys(game(ds, {{"USA", 50}, {"JPN", 30}, {"CHN", 20}}), 80);
    CHECK(k.reachable);
    CHECK(k.minimal_coalition.size() == 2);
    CHECK(index_of(k, ds, "USA") == doctest::Approx(0.5));
    CHECK(index_of(k, ds, "JPN") == doctest::Approx(0.5));
    CHECK(index_of(k, ds, "CHN") == doctest::Approx(0.0));
}

TEST_CASE("40/30/30 at 60%: any two win, equal power") {
    const Dataset& ds = default_dataset();
    NodeKeys k = node_keys(game(ds, {{"USA", 40}, {"JPN", 30}, {"NLD", 30}}), 60);
    for (const char* c : {"USA", "JPN", "NLD"}) CHECK(index_of(k, ds, c) == doctest::Approx(1.0 / 3));
}

TEST_CASE("an unreachable threshold has no winner and no coalition") {
    const Dataset& ds = default_dataset();
    NodeKeys k = node_keys(game(ds, {{"USA", 30}, {"JPN", 20}}), 80);
    CHECK_FALSE(k.reachable);
    CHECK(k.minimal_coalition.empty());
    for (const Power& p : k.power) CHECK(p.index == 0);
}

TEST_CASE("what the alliance must add to reach the threshold") {
    const Dataset& ds = default_dataset();
    Node n = game(ds, {{"USA", 50}, {"JPN", 20}, {"KOR", 15}, {"CHN", 15}});
    Scenario s = scenario_of(ds, {"USA"});
    NodeFigures f;
    f.has_shares = true;
    f.alliance_share = {50, 50};
    Needed need = needed_to_reach(n, s, f);
    CHECK(need.possible);
    REQUIRE(need.countries.size() == 2);  // Japan then Korea; China is the target
    CHECK(need.countries[0] == ds.find_country("JPN"));
    CHECK(need.countries[1] == ds.find_country("KOR"));
    s.threshold = 95;
    CHECK_FALSE(needed_to_reach(n, s, f).possible);  // 85 without the target
}
