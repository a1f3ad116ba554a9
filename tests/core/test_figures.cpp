// Figures pinned on a small hand-made graph; every expected value is computed by hand in the
// comments (docs/model.md walks through the same graph).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/figures.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// T1 (tool) and M1 (material) go into P1 (a process without shares), which goes into O1.
// U1: one supplier of unknown share. U2: 30% unattributed. R2: rounding to 102%. R1: a region row.
const char* kToyDomain = R"({"format":"techmap-dataset/1","version":"toy-domain",
 "sources":[{"id":"t","title":"Toy source"}],
 "domains":[{"id":"toy","name":"Toy chain","nodes":[
  {"id":"T1","name":"Tool","kind":"tool","shares":[
     {"country":"USA","share":50,"year":2025,"source":"t"},{"country":"JPN","share":30,"year":2025,"source":"t"},
     {"country":"CHN","share":20,"year":2025,"source":"t"}]},
  {"id":"M1","name":"Material","kind":"material","shares":[
     {"country":"CHN","share":60,"year":2024,"source":"t"},{"country":"KOR","share":40,"year":2024,"source":"t"}]},
  {"id":"P1","name":"Process","kind":"process"},
  {"id":"K1","name":"Category","kind":"tool"},
  {"id":"O1","name":"Output","kind":"output","shares":[
     {"country":"TWN","share":70,"year":2025,"source":"t"},{"country":"CHN","share":30,"year":2025,"source":"t"}]},
  {"id":"U1","name":"Unknown share","kind":"material","shares":[
     {"country":"USA","share":50,"year":2025,"source":"t"},{"country":"CHN","share":null,"year":2025,"source":"t"},
     {"country":"KOR","share":30,"year":2025,"source":"t"}]},
  {"id":"U2","name":"Unattributed","kind":"material","shares":[
     {"country":"USA","share":50,"year":2025,"source":"t"},{"country":"JPN","share":20,"year":2025,"source":"t"}]},
  {"id":"R2","name":"Rounded","kind":"tool","shares":[
     {"country":"USA","share":51,"year":2025,"source":"t"},{"country":"JPN","share":51,"year":2025,"source":"t"}]},
  {"id":"R1","name":"Regional","kind":"tool","shares":[
     {"region":"EUR","share":60,"year":2025,"source":"t"},{"country":"USA","share":40,"year":2025,"source":"t"}]}
 ],"edges":[{"from":"T1","to":"P1","type":"goes_into"},{"from":"M1","to":"P1","type":"goes_into"},
            {"from":"P1","to":"O1","type":"goes_into"},
            {"from":"T1","to":"K1","type":"type_of"},{"from":"M1","to":"K1","type":"type_of"}]}]})";

struct Toy {
    Dataset ds;
    const Domain* dom = nullptr;
    Toy() {
        LoadResult r = load_dataset({{"toy-world.json", toy_world()}, {"toy-domain.json", kToyDomain}});
        REQUIRE_MESSAGE(r.ok(), r.summary());
        ds = std::move(*r.dataset);
        dom = &ds.domains[0];
    }
    int n(const char* id) const { return dom->find_node(id); }
    const NodeFigures& at(const DomainFigures& f, const char* id) const { return f.nodes[size_t(n(id))]; }
};
}  // namespace

TEST_CASE("alliance share, choke point and HHI on the toy graph") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(f, "T1").alliance_share.lo == doctest::Approx(80));  // 50 + 30
    CHECK(t.at(f, "T1").alliance_share.exact());
    CHECK(t.at(f, "T1").choke == Choke::Yes);                       // 80 >= 80
    CHECK(t.at(f, "M1").alliance_share.hi == doctest::Approx(0));
    CHECK(t.at(f, "M1").choke == Choke::No);
    CHECK(t.at(f, "T1").hhi.lo == doctest::Approx(3800));           // 2500 + 900 + 400
    CHECK(t.at(f, "M1").hhi.lo == doctest::Approx(5200));           // 3600 + 1600
    CHECK(t.at(f, "O1").hhi.lo == doctest::Approx(5800));           // 4900 + 900
    CHECK_FALSE(t.at(f, "P1").has_shares);
    CHECK(f.choke_points == 2);  // T1 (80) and R2 (USA and Japan: 100 whatever the rounding)
}

TEST_CASE("target access under denial propagates through inputs") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(f, "T1").target_access.lo == doctest::Approx(20));   // 100 - 80
    CHECK(t.at(f, "M1").target_access.lo == doctest::Approx(100));  // no member supplies it
    // the process is as obtainable as its scarcest input: min(20, 100)
    CHECK(t.at(f, "P1").target_access.lo == doctest::Approx(20));
    CHECK(t.at(f, "P1").target_bottleneck == t.n("T1"));
    // O1: non-members make all of it (100), but China's own 30 needs P1 (20%):
    // 100 - 30 * (1 - 0.2) = 76
    CHECK(t.at(f, "O1").target_access.lo == doctest::Approx(76));
    CHECK(t.at(f, "O1").target_access.exact());
    CHECK(f.outputs == std::vector<int>{t.n("O1")});
    // a category without shares: its scarcest subtype, min(T1 20, M1 100)
    CHECK(t.at(f, "K1").target_access.lo == doctest::Approx(20));
    CHECK(t.at(f, "K1").target_bottleneck == t.n("T1"));
    CHECK_FALSE(t.at(f, "K1").has_shares);

    SUBCASE("the third-country rule binds non-members' production too: 100 * 0.2") {
        s.third_country_rule = true;
        DomainFigures g = compute_domain(t.ds, *t.dom, s);
        CHECK(t.at(g, "O1").target_access.lo == doctest::Approx(20));
        CHECK(t.at(g, "T1").target_access.lo == doctest::Approx(20));  // no inputs: unchanged
    }
    SUBCASE("without denial everything is available") {
        s.deny = false;
        DomainFigures g = compute_domain(t.ds, *t.dom, s);
        CHECK(t.at(g, "O1").target_access.lo == doctest::Approx(100));
    }
}

TEST_CASE("retaliation exposure is the mirror case") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(f, "T1").alliance_access.lo == doctest::Approx(80));  // all but China's 20
    CHECK(t.at(f, "M1").alliance_access.lo == doctest::Approx(40));  // Korea's 40
    CHECK(t.at(f, "P1").alliance_access.lo == doctest::Approx(40));  // min(80, 40)
    CHECK(t.at(f, "P1").alliance_bottleneck == t.n("M1"));
    CHECK(t.at(f, "O1").alliance_access.lo == doctest::Approx(70));  // Taiwan's 70, members make none
    // with Korea in the alliance, Korea's material is the alliance's own: 40 - 40*(1-1) = 40
    Scenario k = scenario_of(t.ds, {"USA", "JPN", "KOR"});
    DomainFigures g = compute_domain(t.ds, *t.dom, k);
    CHECK(t.at(g, "M1").alliance_access.lo == doctest::Approx(40));
    CHECK(t.at(g, "M1").alliance_share.lo == doctest::Approx(40));
}

TEST_CASE("unknown shares give ranges, never zeros") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    // U1: the 20% of unknown share belongs to China's row: members' share is exactly 50,
    // China's own share is anywhere in 0..20
    CHECK(t.at(f, "U1").alliance_share.lo == doctest::Approx(50));
    CHECK(t.at(f, "U1").alliance_share.hi == doctest::Approx(50));
    CHECK(t.at(f, "U1").target_share.lo == doctest::Approx(0));
    CHECK(t.at(f, "U1").target_share.hi == doctest::Approx(20));
    CHECK(t.at(f, "U1").hhi.hi == doctest::Approx(2500 + 900 + 400));
    // U2: 30% attributed to nobody: could be anyone's
    CHECK(t.at(f, "U2").alliance_share.lo == doctest::Approx(70));
    CHECK(t.at(f, "U2").alliance_share.hi == doctest::Approx(100));
    CHECK(t.at(f, "U2").choke == Choke::Possible);
    CHECK(t.at(f, "U2").target_access.lo == doctest::Approx(0));
    CHECK(t.at(f, "U2").target_access.hi == doctest::Approx(30));
    CHECK(t.at(f, "U2").rests_on_unknowns);
    CHECK(f.possible_choke_points == 1);
}

TEST_CASE("rows past 100 by rounding are kept as published and give ranges; region rows count only in the upper bound") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    // R2: USA 51 + JPN 51 = 102, an excess of 2 on rows the data does not name: the US holds
    // 51 as published, and 49 if both excess points are its own
    CHECK(t.at(f, "R2").alliance_share.lo == doctest::Approx(49));
    CHECK(t.at(f, "R2").alliance_share.hi == doctest::Approx(51));
    // HHI: 51² + 51² as published; the lowest any fix gives takes the 2 points evenly, 2 x 50²
    CHECK(t.at(f, "R2").hhi.hi == doctest::Approx(5202));
    CHECK(t.at(f, "R2").hhi.lo == doctest::Approx(5000));
    Scenario both = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures b = compute_domain(t.ds, *t.dom, both);
    CHECK(t.at(b, "R2").alliance_share.lo == doctest::Approx(100));  // every row is theirs: all of it
    CHECK(t.at(b, "R2").alliance_share.exact());
    CHECK(t.at(f, "R1").alliance_share.lo == doctest::Approx(40));
    CHECK(t.at(f, "R1").alliance_share.hi == doctest::Approx(40));   // no European member
    Scenario e = scenario_of(t.ds, {"USA", "DEU"});
    DomainFigures g = compute_domain(t.ds, *t.dom, e);
    CHECK(t.at(g, "R1").alliance_share.lo == doctest::Approx(40));
    CHECK(t.at(g, "R1").alliance_share.hi == doctest::Approx(100));  // Europe's 60 could be Germany's
    Scenario all_eu = scenario_of(t.ds, {"USA", "DEU", "NLD"});
    DomainFigures h = compute_domain(t.ds, *t.dom, all_eu);
    CHECK(t.at(h, "R1").alliance_share.lo == doctest::Approx(100));  // every European country is in
}

TEST_CASE("explanations name members, bottlenecks, rounding and sources") {
    Toy t;
    Scenario s = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    Explanation e = explain_node(t.ds, *t.dom, s, f, t.n("O1"));
    std::string all;
    for (const std::string& l : e.lines) all += l + "\n";
    CHECK(all.find("China can obtain 76.0%") != std::string::npos);
    CHECK(all.find("'Process'") != std::string::npos);
    CHECK(all.find("Source: Toy source") != std::string::npos);
    REQUIRE(e.rows.size() == 2);
    CHECK(e.rows[1].role == "target");
    Explanation r = explain_node(t.ds, *t.dom, s, f, t.n("R2"));
    std::string rt;
    for (const std::string& l : r.lines) rt += l + "\n";
    CHECK(rt.find("sum to 102.0%") != std::string::npos);
    CHECK(rt.find("United States 51.0%") != std::string::npos);
}

TEST_CASE("pooled R&D sums members with data and lists the rest") {
    const Dataset& ds = default_dataset();
    Scenario s = scenario_of(ds, {"USA", "JPN", "NLD", "AUS"});
    Pooled p = pooled(ds, s, "gerd");
    // the newest values: 2022 for the US, Japan and China, 2021 for the Netherlands
    CHECK(p.members_value == doctest::Approx(923.2 + 200.8 + 25.7));
    CHECK(p.members_with_data == 3);
    REQUIRE(p.members_missing.size() == 1);
    CHECK(ds.countries[size_t(p.members_missing[0])].id == "AUS");  // unknown, not zero
    CHECK(p.target_known);
    CHECK(p.target_value == doctest::Approx(811.9));
    CHECK(p.target_year == 2022);
    CHECK(p.year_min == 2021);
    CHECK(p.year_max == 2022);
    // figures of 2021: one year throughout
    s.figures_year = 2021;
    p = pooled(ds, s, "gerd");
    CHECK(p.members_value == doctest::Approx(806.0 + 177.4 + 25.7));
    CHECK(p.target_value == doctest::Approx(667.6));
    CHECK(p.year_min == 2021);
    CHECK(p.year_max == 2021);
}

TEST_CASE("a country's strongest inputs and its memberships") {
    const Dataset& ds = default_dataset();
    const Domain& d = ds.domains[0];
    std::vector<CountryShare> nl = strongest_nodes(d, ds.find_country("NLD"), 3);
    REQUIRE(nl.size() == 3);
    CHECK(d.nodes[size_t(nl[0].node)].id == "N20");  // EUV lithography, 100%
    CHECK(nl[0].share == doctest::Approx(100));
    CHECK(nl[0].share >= nl[1].share);
    CHECK(nl[1].share >= nl[2].share);
    const auto ids_on = [&](const char* iso, int date, bool ended) {
        std::vector<std::string> ids;
        for (const Membership& g : memberships(ds, ds.find_country(iso), date))
            if ((g.ended != 0) == ended) ids.push_back(ds.alliances[size_t(g.alliance)].id);
        return ids;
    };
    const std::vector<std::string> ids = ids_on("JPN", 20261206, false);
    CHECK(std::find(ids.begin(), ids.end(), "G7") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "Quad") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "NATO") == ids.end());
    // the AI chip rule's exempt partners: a membership while the rule stood, ended after 13 May 2025
    const std::vector<std::string> then = ids_on("JPN", 20250301, false);
    CHECK(std::find(then.begin(), then.end(), "AITier1") != then.end());
    CHECK(std::find(ids.begin(), ids.end(), "AITier1") == ids.end());
    const std::vector<std::string> past = ids_on("JPN", 20261206, true);
    CHECK(std::find(past.begin(), past.end(), "AITier1") != past.end());
    CHECK(ds.alliances[size_t(ds.find_alliance("AITier1"))].ended == 20250513);
    // Pax Silica did not exist in 2021: not a membership then
    const std::vector<std::string> early = ids_on("JPN", 20210601, false);
    CHECK(std::find(early.begin(), early.end(), "PaxSilica") == early.end());
}
