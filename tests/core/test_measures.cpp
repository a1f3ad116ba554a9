// Dated measures: validation, the two denial modes on a hand-made graph (every expected value
// worked by hand in the comments), the real data's dated rules, and properties of the modes.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/figures.h"
#include "core/json.h"
#include "core/measures.h"
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// T1 tool (USA 50, JPN 30, CHN 20) and M1 material (CHN 60, KOR 40) go into P1 (no shares),
// which goes into O1 (TWN 70, CHN 30). The same graph as test_figures.cpp.
const char* kGraph = R"({"format":"techmap-dataset/1","version":"toy-graph",
 "sources":[{"id":"t","title":"Toy source"}],
 "domains":[{"id":"toy","name":"Toy chain","nodes":[
  {"id":"T1","name":"Tool","kind":"tool","shares":[
     {"country":"USA","share":50,"year":2025,"source":"t"},{"country":"JPN","share":30,"year":2025,"source":"t"},
     {"country":"CHN","share":20,"year":2025,"source":"t"}]},
  {"id":"M1","name":"Material","kind":"material","shares":[
     {"country":"CHN","share":60,"year":2024,"source":"t"},{"country":"KOR","share":40,"year":2024,"source":"t"}]},
  {"id":"P1","name":"Process","kind":"process"},
  {"id":"O1","name":"Output","kind":"output","shares":[
     {"country":"TWN","share":70,"year":2025,"source":"t"},{"country":"CHN","share":30,"year":2025,"source":"t"}]}
 ],"edges":[{"from":"T1","to":"P1","type":"goes_into"},{"from":"M1","to":"P1","type":"goes_into"},
            {"from":"P1","to":"O1","type":"goes_into"}]}]})";

// US-BAN: a US ban of all of T1 from 2022-10-07. JP-LIC: a Japanese licence for T1 from
// 2023-07-23. US-FDP: a US rule on part of O1 reaching foreign-made items, from 2024-12-02.
// CN-BAN: China's ban of M1 to the USA, suspended 2025-11-09..2026-11-27, status unknown after.
// CN-LIC: China's licence for M1 to everyone but Korea, from 2023-08-01.
const char* kMeasures = R"({"format":"techmap-dataset/1","version":"toy-measures",
 "sources":[{"id":"m","title":"Toy measures"}],
 "measures":[
  {"id":"US-BAN","name":"US ban","issuer":"USA","targets":["CHN"],"announced":"2022-10-07","inForce":"2022-10-07",
   "kind":"ban","covers":[{"node":"toy/T1","coverage":"all"}],"sources":["m"]},
  {"id":"JP-LIC","name":"Japanese licence","issuer":"JPN","targets":"CHN","announced":"2023-03-31","inForce":"2023-07-23",
   "kind":"licence","covers":[{"node":"toy/T1"}],"sources":["m"]},
  {"id":"US-FDP","name":"US foreign direct product rule","issuer":"USA","targets":["CHN"],"inForce":"2024-12-02",
   "kind":"ban","foreignMade":true,"covers":[{"node":"toy/O1","coverage":"part"}],"sources":["m"]},
  {"id":"CN-BAN","name":"Chinese ban to the US","issuer":"CHN","targets":["USA"],"inForce":"2024-12-03",
   "suspended":[{"from":"2025-11-09","until":"2026-11-27"}],"unknownFrom":"2026-11-28",
   "kind":"ban","covers":[{"node":"toy/M1","coverage":"all"}],"sources":["m"]},
  {"id":"CN-LIC","name":"Chinese licence","issuer":"CHN","targets":{"allBut":["KOR"]},"announced":"2023-07-03","inForce":"2023-08-01",
   "kind":"licence","covers":[{"node":"toy/M1","coverage":"all"}],"sources":["m"]},
  {"id":"AGR","name":"An agreement","issuer":"USA","targets":"CHN","announced":"2023-01-27","kind":"agreement",
   "mapping":"no rules of its own","sources":["m"]}
 ]})";

struct ToyMeasures {
    Dataset ds;
    const Domain* dom = nullptr;
    ToyMeasures() {
        LoadResult r = load_dataset({{"toy-world.json", toy_world()}, {"toy-graph.json", kGraph}, {"toy-measures.json", kMeasures}});
        REQUIRE_MESSAGE(r.ok(), r.summary());
        ds = std::move(*r.dataset);
        dom = &ds.domains[0];
    }
    const NodeFigures& at(const DomainFigures& f, const char* id) const { return f.nodes[size_t(dom->find_node(id))]; }
    Scenario controls(std::initializer_list<const char*> members, int date) const {
        Scenario s = scenario_of(ds, members);
        s.date = date;
        s.deny_mode = s.retaliation_mode = DenialMode::Controls;
        return s;
    }
    std::string why(const Scenario& s, const char* node) const {
        const DomainFigures f = compute_domain(ds, *dom, s);
        std::string all;
        for (const std::string& l : explain_node(ds, *dom, s, f, dom->find_node(node)).lines) all += l + "\n";
        return all;
    }
};

LoadResult load_with(const std::string& measure) {
    return load_dataset({{"toy-world.json", toy_world()}, {"toy-graph.json", kGraph},
                         {"bad.json", R"({"format":"techmap-dataset/1","sources":[{"id":"m","title":"x"}],"measures":[)" + measure + "]}"}});
}
}  // namespace

TEST_CASE("measures: bad records are refused with file, record and message") {
    const std::string ok = R"("id":"X","name":"x","issuer":"USA","targets":["CHN"],"kind":"ban","sources":["m"])";
    CHECK(load_with("{" + ok + R"(,"inForce":"2023-01-01","covers":[{"node":"toy/T1"}]})").ok());
    auto fails = [&](const std::string& rec, const char* says) {
        const LoadResult r = load_with(rec);
        INFO(rec);
        CHECK_FALSE(r.ok());
        CHECK(r.summary().find("bad.json: measure 'X'") != std::string::npos);
        CHECK(r.summary().find(says) != std::string::npos);
    };
    fails("{" + ok + R"(,"inForce":"2023-01-01","covers":[{"node":"toy/NOPE"}]})", "unknown node 'toy/NOPE'");
    fails("{" + ok + R"(,"inForce":"2023-02-30","covers":[{"node":"toy/T1"}]})", "'inForce' is not a date");
    fails("{" + ok + R"(,"inForce":"2023-05-01","ended":"2023-04-01","covers":[{"node":"toy/T1"}]})", "ends before it is in force");
    fails("{" + ok + R"(,"inForce":"2023-05-01","suspended":[{"from":"2024-02-01","until":"2024-01-01"}],"covers":[{"node":"toy/T1"}]})",
          "a suspension ends before it begins");
    fails(R"({"id":"X","name":"x","issuer":"XXX","targets":["CHN"],"kind":"ban","sources":["m"],"inForce":"2023-01-01","covers":[{"node":"toy/T1"}]})",
          "unknown country code 'XXX'");
    fails(R"({"id":"X","name":"x","issuer":"USA","targets":["ZZZ"],"kind":"ban","sources":["m"],"inForce":"2023-01-01","covers":[{"node":"toy/T1"}]})",
          "unknown country code 'ZZZ'");
    fails("{" + ok + R"(,"inForce":"2023-01-01"})", "covers no node");
    fails(R"({"id":"X","name":"x","issuer":"USA","targets":["CHN"],"kind":"embargo","sources":["m"],"inForce":"2023-01-01","covers":[{"node":"toy/T1"}]})",
          "kind must be");
}

TEST_CASE("measures: dates and states") {
    CHECK(parse_date("2023-09-01") == 20230901);
    CHECK(parse_date("2024-02-29") == 20240229);
    CHECK(parse_date("2023-02-29") == 0);
    CHECK(parse_date("2023-9-01") == 0);
    CHECK(date_text(20230901) == "2023-09-01");
    ToyMeasures t;
    const Measure& cn = t.ds.measures[size_t(t.ds.find_measure("CN-BAN"))];
    CHECK(cn.state_on(20241202) == MeasureState::NotYet);
    CHECK(cn.state_on(20241203) == MeasureState::InForce);
    CHECK(cn.state_on(20251109) == MeasureState::Suspended);
    CHECK(cn.state_on(20261127) == MeasureState::Suspended);
    CHECK(cn.state_on(20261128) == MeasureState::Unknown);
}

TEST_CASE("everything members make vs the controls in force, on the toy graph") {
    ToyMeasures t;
    // Upper bound (today's model): T1 denied 80 -> China gets 20; O1 = 100 - 30*(1-0.2) = 76.
    Scenario all = scenario_of(t.ds, {"USA", "JPN"});
    DomainFigures u = compute_domain(t.ds, *t.dom, all);
    CHECK(t.at(u, "T1").target_access.lo == doctest::Approx(20));
    CHECK(t.at(u, "O1").target_access.lo == doctest::Approx(76));

    // 2022-10-06: no measure yet -> nothing denied, China gets 100 everywhere.
    DomainFigures f0 = compute_domain(t.ds, *t.dom, t.controls({"USA", "JPN"}, 20221006));
    CHECK(t.at(f0, "T1").target_access.lo == doctest::Approx(100));
    CHECK(t.at(f0, "O1").target_access.lo == doctest::Approx(100));

    // 2022-10-07: the US ban of all of T1 -> denied exactly 50, China gets 50.
    // P1 = min(T1 50, M1 100) = 50; O1 = 100 - 30*(1-0.5) = 85.
    DomainFigures f1 = compute_domain(t.ds, *t.dom, t.controls({"USA", "JPN"}, 20221007));
    CHECK(t.at(f1, "T1").target_denied.lo == doctest::Approx(50));
    CHECK(t.at(f1, "T1").target_denied.hi == doctest::Approx(50));
    CHECK(t.at(f1, "T1").target_access.lo == doctest::Approx(50));
    CHECK(t.at(f1, "T1").target_access.exact());
    CHECK(t.at(f1, "O1").target_access.lo == doctest::Approx(85));

    // 2023-09-01: plus Japan's licence (not a ban): Japan's 30 may or may not be granted.
    // T1 denied [50, 80] -> access [20, 50]; P1 [20, 50];
    // O1 lo = max(100*0.2, 100 - 30*(1-0.2)) = 76, hi = 100 - 30*(1-0.5) = 85.
    DomainFigures f2 = compute_domain(t.ds, *t.dom, t.controls({"USA", "JPN"}, 20230901));
    CHECK(t.at(f2, "T1").target_denied.lo == doctest::Approx(50));
    CHECK(t.at(f2, "T1").target_denied.hi == doctest::Approx(80));
    CHECK(t.at(f2, "T1").target_access.lo == doctest::Approx(20));
    CHECK(t.at(f2, "T1").target_access.hi == doctest::Approx(50));
    CHECK(t.at(f2, "O1").target_access.lo == doctest::Approx(76));
    CHECK(t.at(f2, "O1").target_access.hi == doctest::Approx(85));
    // removing Japan removes Japan's rule: back to the US ban alone
    DomainFigures f3 = compute_domain(t.ds, *t.dom, t.controls({"USA"}, 20230901));
    CHECK(t.at(f3, "T1").target_access.lo == doctest::Approx(50));
    CHECK(t.at(f3, "T1").target_access.exact());
    // the "why" names the measures that made the figure
    const std::string why = t.why(t.controls({"USA", "JPN"}, 20230901), "T1");
    CHECK(why.find("US-BAN (United States, ban)") != std::string::npos);
    CHECK(why.find("JP-LIC (Japan, licence)") != std::string::npos);
    CHECK(why.find("denied share 50.0–80.0%") != std::string::npos);
}

TEST_CASE("foreign direct product reach binds third countries only where a measure says so") {
    ToyMeasures t;
    // 2025-01-01 with the third-country switch on. US-FDP covers part of O1 and reaches
    // foreign-made items: O1 binds non-members' production to P1's access (T1: US ban 50 +
    // Japan's licence -> access [20, 50]), and the US holds none of O1, so direct = 100:
    // O1 = [100*0.2, 100*0.5] = [20, 50].
    Scenario s = t.controls({"USA", "JPN"}, 20250101);
    s.third_country_rule = true;
    DomainFigures f = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(f, "O1").target_access.lo == doctest::Approx(20));
    CHECK(t.at(f, "O1").target_access.hi == doctest::Approx(50));
    // before the rule (2024-12-01), O1 is not bound: [76, 85] as without the switch
    s.date = 20241201;
    DomainFigures g = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(g, "O1").target_access.lo == doctest::Approx(76));
    CHECK(t.at(g, "O1").target_access.hi == doctest::Approx(85));
    // the switch off: a measure's reach is not counted (the upper bound has no reach either)
    s.date = 20250101;
    s.third_country_rule = false;
    DomainFigures h = compute_domain(t.ds, *t.dom, s);
    CHECK(t.at(h, "O1").target_access.lo == doctest::Approx(76));
    CHECK(t.at(f, "O1").target_access.hi <= t.at(h, "O1").target_access.hi);
}

TEST_CASE("retaliation under the target's measures: licences as ranges, suspensions honoured") {
    ToyMeasures t;
    // Alliance {USA}. M1: China 60, Korea 40.
    // 2023-07-31: nothing in force -> the alliance gets 100 of M1.
    DomainFigures a = compute_domain(t.ds, *t.dom, t.controls({"USA"}, 20230731));
    CHECK(t.at(a, "M1").alliance_access.lo == doctest::Approx(100));
    // 2023-08-01: CN-LIC, a licence -> China's 60 may be denied: access [40, 100].
    DomainFigures b = compute_domain(t.ds, *t.dom, t.controls({"USA"}, 20230801));
    CHECK(t.at(b, "M1").alliance_access.lo == doctest::Approx(40));
    CHECK(t.at(b, "M1").alliance_access.hi == doctest::Approx(100));
    // 2025-01-01: CN-BAN to the USA, a ban -> exactly 40.
    DomainFigures c = compute_domain(t.ds, *t.dom, t.controls({"USA"}, 20250101));
    CHECK(t.at(c, "M1").alliance_access.lo == doctest::Approx(40));
    CHECK(t.at(c, "M1").alliance_access.exact());
    // 2026-01-01: CN-BAN is suspended: only the licence -> [40, 100] again, and the "why" says so.
    Scenario sus = t.controls({"USA"}, 20260101);
    DomainFigures d = compute_domain(t.ds, *t.dom, sus);
    CHECK(t.at(d, "M1").alliance_access.hi == doctest::Approx(100));
    CHECK(t.why(sus, "M1").find("CN-BAN suspended") != std::string::npos);
    // a ban aimed at the USA only, with Japan in the alliance too: the alliance may still obtain
    // it through Japan -> a range, [40, 100]
    DomainFigures e = compute_domain(t.ds, *t.dom, t.controls({"USA", "JPN"}, 20250101));
    CHECK(t.at(e, "M1").alliance_access.lo == doctest::Approx(40));
    CHECK(t.at(e, "M1").alliance_access.hi == doctest::Approx(100));
    // Korea is exempt from CN-LIC and not aimed at by CN-BAN: an alliance of Korea alone loses nothing
    DomainFigures k = compute_domain(t.ds, *t.dom, t.controls({"KOR"}, 20250101));
    CHECK(t.at(k, "M1").alliance_access.lo == doctest::Approx(100));
    // everything China makes (the upper bound): exactly 40
    Scenario upper = t.controls({"USA"}, 20260101);
    upper.retaliation_mode = DenialMode::Everything;
    CHECK(t.at(compute_domain(t.ds, *t.dom, upper), "M1").alliance_access.hi == doctest::Approx(40));
}

TEST_CASE("real data: dated rules of the policy timeline") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const Dataset& ds = m.data();
    REQUIRE(ds.measures.size() >= 19);
    m.set_members({cidx(ds, "USA"), cidx(ds, "JPN"), cidx(ds, "NLD")});
    m.set_deny_mode(DenialMode::Controls);
    m.set_retaliation_mode(DenialMode::Controls);
    const Domain& semis = ds.domains[size_t(ds.find_domain("semiconductors"))];
    REQUIRE(m.select_domain("semiconductors"));
    const int arf = semis.find_node("N22");

    // 2023-09-01: ArF immersion lithography is denied at least in part by the Dutch rule
    m.set_date(20230901);
    CHECK(m.figures().nodes[size_t(arf)].target_denied.hi > 99);
    CHECK(m.figures().nodes[size_t(arf)].target_access.lo < 1);
    std::string why;
    for (const std::string& l : m.explain(arf).lines) why += l + "\n";
    CHECK(why.find("NL-2023-09 (Netherlands, licence, part of this node)") != std::string::npos);

    // before 2020-01-16 (the first report of the Dutch EUV licence withheld) nothing is denied:
    // every tool is fully obtainable
    const int euv = semis.find_node("N20"), litho = semis.find_node("N19");
    m.set_date(20200115);
    for (size_t i = 0; i < semis.nodes.size(); ++i)
        if (semis.nodes[i].kind == NodeKind::Tool && !semis.nodes[i].shares.empty()) {
            INFO(semis.nodes[i].id);
            CHECK(m.figures().nodes[i].target_denied.hi == doctest::Approx(0));
        }
    // before 2022-10-07 no US tool rule applies: only EUV tools (all of them, a ban: no licence
    // granted) and so a part of lithography tools are denied
    m.set_date(20221006);
    for (size_t i = 0; i < semis.nodes.size(); ++i)
        if (semis.nodes[i].kind == NodeKind::Tool && !semis.nodes[i].shares.empty()) {
            INFO(semis.nodes[i].id);
            if (int(i) == euv) {
                CHECK(m.figures().nodes[i].target_denied.lo == doctest::Approx(100));
                CHECK(m.figures().nodes[i].target_access.hi == doctest::Approx(0));
            } else if (int(i) == litho) {
                CHECK(m.figures().nodes[i].target_denied.lo == doctest::Approx(0));  // a part of unknown size
                CHECK(m.figures().nodes[i].target_denied.hi > 0);
            } else {
                CHECK(m.figures().nodes[i].target_denied.hi == doctest::Approx(0));
            }
        }
    why.clear();
    for (const std::string& l : m.explain(euv).lines) why += l + "\n";
    CHECK(why.find("NL-2019-EUV (Netherlands, ban)") != std::string::npos);
    m.set_date(20221007);
    const int dep = semis.find_node("N36");
    CHECK(m.figures().nodes[size_t(dep)].target_denied.hi > 50);   // the US's 60.3% may be denied
    CHECK(m.figures().nodes[size_t(dep)].target_denied.lo == doctest::Approx(0));  // part, licence

    // China's gallium licences are in force from 2023-08-01 (the alliance's access becomes a range)
    REQUIRE(m.select_domain("chip_materials"));
    const int ga = m.domain()->find_node("GA");
    m.set_date(20230731);
    CHECK(m.figures().nodes[size_t(ga)].alliance_access.lo == doctest::Approx(100));
    m.set_date(20230801);  // China 98 and 2 unattributed, not China's (its row is its whole share): a licence may deny China's 98
    CHECK(m.figures().nodes[size_t(ga)].alliance_access.lo == doctest::Approx(2));
    CHECK(m.figures().nodes[size_t(ga)].alliance_access.hi == doctest::Approx(100));

    // a measure in its suspension window has no effect: China's ban to the USA (CN-2024-12)
    m.set_members({cidx(ds, "USA")});
    m.set_date(20250601);  // in force, a ban: the US gets at most the 2% China does not make
    CHECK(m.figures().nodes[size_t(ga)].alliance_access.hi == doctest::Approx(2));
    m.set_date(20260101);  // suspended: only the licence remains -> [2, 100]
    CHECK(m.figures().nodes[size_t(ga)].alliance_access.hi == doctest::Approx(100));
    why.clear();
    for (const std::string& l : m.explain(ga).lines) why += l + "\n";
    CHECK(why.find("CN-2024-12 suspended") != std::string::npos);
    CHECK(why.find("CN-2023-07 (China, licence)") != std::string::npos);
}

TEST_CASE("the date and the modes travel in links and scenario JSON; old links open unchanged") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const std::string before = m.figures_json();
    const long rev = m.revision();
    m.set_date(20230901);
    m.set_deny_mode(DenialMode::Controls);
    m.set_retaliation_mode(DenialMode::Controls);
    CHECK(m.revision() > rev);
    const std::string frag = format_link(link_of(m));
    CHECK(frag.find("date=2023-09-01") != std::string::npos);
    CHECK(frag.find("dm=controls") != std::string::npos);
    CHECK(frag.find("rm=controls") != std::string::npos);
    Model b;
    REQUIRE(b.load(default_files()).ok());
    CHECK(apply_link(b, parse_link(frag).state).empty());
    CHECK(b.figures_json() == m.figures_json());
    // an old link (no date, no modes) gives today's behaviour: the upper bound
    CHECK(apply_link(b, parse_link("#v1").state).empty());
    CHECK(b.scenario().date == 0);
    CHECK(b.scenario().deny_mode == DenialMode::Everything);
    CHECK(b.figures_json() == before);
    // scenario JSON
    CHECK(b.set_scenario_json(R"({"date":"2024-01-02","denyMode":"controls","retaliationMode":"all"})").empty());
    CHECK(b.scenario().date == 20240102);
    CHECK(b.scenario().deny_mode == DenialMode::Controls);
    CHECK(b.scenario().retaliation_mode == DenialMode::Everything);
    CHECK(b.scenario_json().find(R"("date":"2024-01-02")") != std::string::npos);
    CHECK_FALSE(b.set_scenario_json(R"({"date":"2024-13-01"})").empty());
    CHECK_FALSE(parse_link("#v1&date=yesterday&dm=some").notices.empty());
}

TEST_CASE("dated presets: snapshots with days, and a dormant grouping says so") {
    const Dataset& ds = default_dataset();
    const AlliancePreset& pax = ds.alliances[size_t(ds.find_alliance("PaxSilica"))];
    CHECK(pax.as_of_date(20251211) == nullptr);
    CHECK(pax.as_of_date(20251212)->members.size() == 7);
    CHECK(pax.as_of_date(20260113)->members.size() == 8);  // + Qatar
    const AlliancePreset& nato = ds.alliances[size_t(ds.find_alliance("NATO"))];
    const AllianceSnapshot* n23 = nato.as_of(2023);
    REQUIRE(n23);
    CHECK(n23->year == 2023);
    CHECK(n23->members.size() == 31);  // Finland joined on 2023-04-04
    CHECK(ds.alliances[size_t(ds.find_alliance("Chip4"))].status.find("dormant") == 0);
    CHECK(ds.find_alliance("MSP") >= 0);
    CHECK(ds.find_alliance("USJPNL2023") >= 0);
    CHECK(ds.alliances[size_t(ds.find_alliance("AITier1"))].latest()->members.size() == 19);
}

TEST_CASE("properties: controls in force never deny more than everything members make; more members never loosen them") {
    const Dataset& ds = default_dataset();
    std::mt19937 rng(20261129);
    const int dates[] = {20220101, 20221007, 20230801, 20230901, 20231117, 20241202, 20250401, 20250601, 20260101, 20261129};
    const char* pool[] = {"USA", "JPN", "NLD", "KOR", "TWN", "DEU", "GBR", "FRA", "AUS", "SGP", "ISR", "AUT"};
    for (int iter = 0; iter < 60; ++iter) {
        Scenario s;
        s.members.assign(ds.countries.size(), 0);
        s.target = ds.find_country(iter % 5 == 4 ? "RUS" : "CHN");
        for (const char* c : pool) s.members[size_t(ds.find_country(c))] = rng() % 2;
        s.date = dates[rng() % 10];
        s.third_country_rule = rng() % 2;
        s.retaliation_third_countries = rng() % 2;
        s.links = rng() % 2;
        Scenario c = s;
        c.deny_mode = c.retaliation_mode = DenialMode::Controls;
        // one more member
        Scenario more = c;
        more.members[size_t(ds.find_country(pool[rng() % 12]))] = 1;
        for (const Domain& d : ds.domains) {
            const DomainFigures fu = compute_domain(ds, d, s), fc = compute_domain(ds, d, c), fm = compute_domain(ds, d, more);
            for (size_t i = 0; i < d.nodes.size(); ++i) {
                INFO(d.id, "/", d.nodes[i].id, " date ", s.date);
                CHECK(fc.nodes[i].target_access.lo >= fu.nodes[i].target_access.lo - 1e-9);
                CHECK(fc.nodes[i].target_access.hi >= fu.nodes[i].target_access.hi - 1e-9);
                CHECK(fc.nodes[i].alliance_access.lo >= fu.nodes[i].alliance_access.lo - 1e-9);
                CHECK(fc.nodes[i].alliance_access.hi >= fu.nodes[i].alliance_access.hi - 1e-9);
                CHECK(fm.nodes[i].target_access.lo <= fc.nodes[i].target_access.lo + 1e-9);
                CHECK(fm.nodes[i].target_access.hi <= fc.nodes[i].target_access.hi + 1e-9);
            }
        }
    }
}

TEST_CASE("dates as people type them: ISO, '1 Sep 2023', 'Sep 2023', '2023'; a bad one says what to type") {
    CHECK(parse_typed_date("2023-09-01").date == 20230901);
    CHECK(parse_typed_date("  1 Sep 2023 ").date == 20230901);
    CHECK(parse_typed_date("1 september 2023").date == 20230901);
    CHECK(parse_typed_date("Sep 1, 2023").date == 20230901);
    CHECK(parse_typed_date("1 Sept 2023").date == 20230901);
    CHECK(parse_typed_date("Sep 2023").date == 20230901);
    CHECK(parse_typed_date("OCTOBER 2022").date == 20221001);
    CHECK(parse_typed_date("2023").date == 20230101);
    CHECK(parse_typed_date("29 Feb 2024").date == 20240229);
    for (const char* bad : {"", "   ", "31 Feb 2023", "2023-02-30", "Sep", "13 Smarch 2023", "1 Sep 23", "yesterday", "2023-9-1",
                            "99999", "1 2 3 4", "\xff\xfe"}) {
        const TypedDate t = parse_typed_date(bad);
        CHECK_MESSAGE(t.date == 0, bad);
        CHECK_MESSAGE(t.error.find("2023-09-01") != std::string::npos, bad);
    }
    CHECK(parse_typed_date(std::string(100, '1')).error.find("too long") != std::string::npos);
}

TEST_CASE("add_months: the same day a month on or back, the month's last day where it has none") {
    CHECK(add_months(20230901, 1) == 20231001);
    CHECK(add_months(20230901, -1) == 20230801);
    CHECK(add_months(20231215, 1) == 20240115);
    CHECK(add_months(20240115, -1) == 20231215);
    CHECK(add_months(20240131, 1) == 20240229);  // leap year
    CHECK(add_months(20230131, 1) == 20230228);
    CHECK(add_months(20230331, -1) == 20230228);
    CHECK(add_months(20221007, 12) == 20231007);
    for (int d = 20200101; d < 20270101; d = date_of_days(days_of(d) + 13)) {
        CHECK(is_valid_date(add_months(d, 1)));
        CHECK(is_valid_date(add_months(d, -1)));
    }
}

TEST_CASE("two dates compared: input by input, the figures pinned and now side by side, in the panel's words, the text view and the CSV") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    CHECK(apply_link(m, parse_link("#v1&m=JPN,NLD,USA&n=N22&date=2022-10-07&dm=controls").state).empty());
    const NodeFigures pinned = m.figures().nodes[size_t(m.selected_node())];
    const Range outputs_pinned = m.figures().target_access_to_outputs;
    m.pin();
    CHECK(comparison_words(m).lines.empty());  // nothing changed yet
    m.set_date(20230901);
    const NodeFigures now = m.figures().nodes[size_t(m.selected_node())];
    REQUIRE(plain_percent(pinned.target_access) != plain_percent(now.target_access));
    const ComparisonWords w = comparison_words(m);
    CHECK(w.heading.find("Pinned: 7 Oct 2022, the members' controls in force") == 0);
    CHECK(w.heading.find("Now: 1 Sep 2023, the members' controls in force") != std::string::npos);
    const std::string expected = "ArF immersion (DUV) lithography tools: China could get " + plain_percent(pinned.target_access) + " then, " +
                                 plain_percent(now.target_access) + " now";
    CHECK(std::find_if(w.lines.begin(), w.lines.end(), [&](const std::string& l) { return l.rfind(expected, 0) == 0; }) != w.lines.end());
    CHECK(w.products.find(plain_percent(outputs_pinned)) != std::string::npos);
    CHECK(w.lines.size() + w.unchanged == m.domain()->nodes.size());
    const std::string text = scenario_summary(m);
    CHECK(text.find("Compared with the pinned scenario.") != std::string::npos);
    CHECK(text.find(expected) != std::string::npos);
    const std::string csv = figures_csv(m);
    CHECK(csv.find("comparison,N22,ArF immersion (DUV) lithography tools,\"target access, pinned (2022-10-07 controls)\"") != std::string::npos);
    CHECK(csv.find("comparison,N22,ArF immersion (DUV) lithography tools,\"target access, now (2023-09-01 controls)\"") != std::string::npos);
}

TEST_CASE("section E of the policy timeline: 2026 measures and Pax Silica's later signatories") {
    const Dataset& ds = default_dataset();
    const auto measure = [&](const char* id) -> const Measure& { return ds.measures[size_t(ds.find_measure(id))]; };
    REQUIRE(ds.find_measure("US-2025-09-AFF") >= 0);
    const Measure& aff = measure("US-2025-09-AFF");
    CHECK(aff.kind == MeasureKind::Entities);
    CHECK(aff.state_on(20251001) == MeasureState::InForce);
    CHECK(aff.state_on(20261109) == MeasureState::Suspended);
    CHECK(aff.state_on(20261110) == MeasureState::Unknown);  // the suspension ran out; the sources end in June 2026
    CHECK(aff.lapse_default.find("applies again from 10 Nov 2026 unless BIS acts") != std::string::npos);
    // the October 2022 rule in three steps, the first its in-force date
    const Measure& oct = measure("US-2022-10");
    REQUIRE(oct.steps.size() == 3);
    CHECK(oct.steps[0].date == 20221007);
    CHECK(oct.steps[1].date == 20221012);
    CHECK(oct.steps[2].date == 20221021);
    CHECK(oct.check.find("CHECK") == std::string::npos);
    // China's December 2024 ban: Article 1 never suspended
    CHECK(measure("CN-2024-12").state_on(20260101) == MeasureState::Suspended);
    CHECK(measure("CN-2024-12-A1").state_on(20260101) == MeasureState::InForce);
    CHECK(measure("CN-2025-10").in_force == 20251108);  // the material rules, suspended from the day before
    CHECK(measure("CN-2025-10").state_on(20251201) == MeasureState::Suspended);
    CHECK(measure("CN-2026-06-ENT").kind == MeasureKind::Entities);
    CHECK(measure("US-2026-01-H200").kind == MeasureKind::Licence);
    // Pax Silica: Greece by 3 Feb 2026, the Philippines in April, the Netherlands on 27 June
    const AlliancePreset& pax = ds.alliances[size_t(ds.find_alliance("PaxSilica"))];
    const auto has = [&](int date, const char* iso3) {
        const AllianceSnapshot* s = pax.as_of_date(date);
        return s && std::find(s->members.begin(), s->members.end(), ds.find_country(iso3)) != s->members.end();
    };
    CHECK_FALSE(has(20260202, "GRC"));
    CHECK(has(20260203, "GRC"));
    CHECK_FALSE(has(20260401, "PHL"));
    CHECK(has(20260501, "PHL"));
    CHECK_FALSE(has(20260626, "NLD"));
    CHECK(has(20260701, "NLD"));
    CHECK_FALSE(pax.as_of_date(20260701)->caveat.empty());  // one source only, said in plain words
    CHECK(pax.note.find("not checked") == std::string::npos);
    CHECK_FALSE(pax.description.empty());
    // a firm-aimed measure is told in the why and moves no figure
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({ds.find_country("USA")});
    m.set_deny_mode(DenialMode::Controls);
    m.set_date(20251001);
    const int gpu = m.domain()->find_node("N2");
    std::string why;
    for (const std::string& l : m.explain(gpu).lines) why += l + "\n";
    CHECK(why.find("Aimed at named firms, so moving no product figure: US-2025-09-AFF") != std::string::npos);
}

TEST_CASE("the figures' lists of measures (the text view's) are the text summary's, one by one, unknowns apart") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const Dataset& ds = m.data();
    m.set_members({cidx(ds, "USA"), cidx(ds, "JPN"), cidx(ds, "NLD")});
    m.set_deny_mode(DenialMode::Controls);
    m.set_retaliation_mode(DenialMode::Controls);
    REQUIRE(m.select_domain("semiconductors"));
    // in the summary: "<name> (<id>, <kind>)" joined by "; ", each list after its heading
    auto ids = [&](const char* list) {
        JsonDoc d;
        REQUIRE(parse_json(m.figures_json(), d));
        const Json* ms = json_find(d.root(), "measures");
        REQUIRE(ms != nullptr);
        std::vector<std::string> out;
        for (const Json& x : json_find(*ms, list)->GetArray()) {
            out.push_back(json_string(*json_find(x, "id")));
            const std::string shown = json_string(*json_find(x, "name")) + " (" + out.back() + ", " + json_string(*json_find(x, "kind")) + ")";
            CHECK_MESSAGE(scenario_summary(m).find(shown) != std::string::npos, shown);
        }
        return out;
    };
    auto has = [](const std::vector<std::string>& v, const char* id) { return std::find(v.begin(), v.end(), id) != v.end(); };

    m.set_date(20230901);  // Japan's tool licences are a month old; the US's of 2022 are in force
    const std::vector<std::string> denial = ids("denial"), retaliation = ids("retaliation");
    CHECK(has(denial, "JP-2023-07"));
    CHECK(has(denial, "US-2022-10"));
    CHECK_FALSE(has(denial, "US-2024-12"));  // not yet issued
    CHECK(has(retaliation, "CN-2023-07"));   // China's gallium and germanium licences
    CHECK(ids("denialUnknown").empty());     // the sources cover 2023

    m.set_date(20261207);  // after the sources end: the affiliates rule's status is unknown, never "in force"
    const std::vector<std::string> unknown = ids("denialUnknown");
    CHECK(has(unknown, "US-2025-09-AFF"));
    CHECK_FALSE(has(ids("denial"), "US-2025-09-AFF"));
    CHECK(scenario_summary(m).find("Of unknown status on this date (the sources end before it): ") != std::string::npos);

    m.set_target(-1);  // no target: no list
    JsonDoc d;
    REQUIRE(parse_json(m.figures_json(), d));
    CHECK(json_find(d.root(), "measures") == nullptr);
}
