// The Model API: toggles recompute at once, presets, target rules, JSON in and out.
#include <doctest/doctest.h>

#include "core/json.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

TEST_CASE("a toggle recomputes every figure before returning") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    CHECK(m.scenario().target == m.data().find_country("CHN"));
    const int usa = m.data().find_country("USA"), nld = m.data().find_country("NLD");
    const int before = m.figures().choke_points;
    m.toggle_member(usa);
    m.toggle_member(nld);
    CHECK(m.figures().choke_points > before);
    const Scenario& s = m.scenario();
    DomainFigures direct = compute_domain(m.data(), *m.domain(), s);
    CHECK(direct.choke_points == m.figures().choke_points);
    m.toggle_member(nld);
    CHECK(m.role(nld) == Role::Other);
    CHECK(m.role(usa) == Role::Member);
}

TEST_CASE("presets: as of 2021 and today") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    REQUIRE(m.apply_preset("NATO", 2021));
    CHECK(m.scenario().member_count() == 30);
    REQUIRE(m.apply_preset("NATO"));
    CHECK(m.scenario().member_count() == 32);
    CHECK_FALSE(m.apply_preset("Chip4", 2021));  // did not exist yet
    CHECK(m.apply_preset("Chip4"));
    CHECK(m.scenario().member_count() == 4);
    CHECK_FALSE(m.apply_preset("NOPE"));
}

TEST_CASE("the target is never a member") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const int chn = m.data().find_country("CHN"), usa = m.data().find_country("USA");
    m.toggle_member(chn);
    CHECK(m.role(chn) == Role::Target);
    m.toggle_member(usa);
    m.set_target(usa);  // the old member becomes the target and leaves the alliance
    CHECK(m.role(usa) == Role::Target);
    CHECK(m.scenario().member_count() == 0);
}

TEST_CASE("scenario JSON round trip, and hostile input is reported, not applied") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    m.set_threshold(70);
    m.set_third_country_rule(true);
    m.select_node(m.domain()->find_node("N20"));
    const std::string saved = m.scenario_json();
    Model n;
    REQUIRE(n.load(default_files()).ok());
    CHECK(n.set_scenario_json(saved).empty());
    CHECK(n.scenario_json() == saved);
    CHECK(n.figures_json() == m.figures_json());

    auto ignored = n.set_scenario_json(R"({"members":["USA","ZZZ",5],"target":"QQQ","threshold":"x","deny":3,"node":"<script>"})");
    CHECK(ignored.size() == 6);
    CHECK(n.scenario().member_count() == 1);
    CHECK(n.scenario().target == n.data().find_country("CHN"));
    CHECK(n.set_scenario_json("garbage").size() == 1);
    CHECK(n.set_scenario_json(R"({"threshold":1e308})").empty());
    CHECK(n.scenario().threshold == 100);
}

TEST_CASE("figures JSON carries every node with ranges") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    JsonDoc d;
    REQUIRE(parse_json(m.figures_json(), d));
    const Json& j = d.root();
    CHECK(j["nodes"].Size() == m.domain()->nodes.size());
    CHECK(j["summary"]["chokePoints"].GetInt() == m.figures().choke_points);
    // the newest values published by today: 2024 chip demand (CHECK: secondary), 2022 R&D
    CHECK(j["summary"]["targetDemandShare"].GetDouble() == doctest::Approx(28.9));
    CHECK(j["summary"]["rd"]["target"].GetDouble() == doctest::Approx(811.9));
    CHECK(j["nodes"][0u]["allianceShare"].IsArray());
}

TEST_CASE("keys JSON: the domain's minimal coalition and EUV's single key holder") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    JsonDoc d;
    REQUIRE(parse_json(m.keys_json(), d));
    const Json& k = d.root();
    CHECK(k["domain"]["coalitionFound"].GetBool());
    CHECK(k["domain"]["minimalCoalition"].Size() == m.keys().minimal_coalition.size());
    CHECK(json_text(k["nodes"]["N20"]["minimalCoalition"]) == R"(["NLD"])");
    const long before = m.recomputations();
    m.keys_json();  // cached: asking again computes nothing
    CHECK(m.recomputations() == before);
    m.set_threshold(60);
    JsonDoc t;
    REQUIRE(parse_json(m.keys_json(), t));
    CHECK(t.root()["threshold"].GetDouble() == 60);
}

TEST_CASE("undo and redo of member changes") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const int usa = m.data().find_country("USA"), jpn = m.data().find_country("JPN");
    CHECK_FALSE(m.can_undo());
    m.toggle_member(usa);
    m.toggle_member(jpn);
    m.apply_preset("G7");
    CHECK(m.scenario().member_count() == 7);
    REQUIRE(m.undo());
    CHECK(m.scenario().member_count() == 2);
    CHECK(m.alliance_name() == "Custom alliance");
    REQUIRE(m.undo());
    CHECK(m.scenario().member_count() == 1);
    REQUIRE(m.redo());
    CHECK(m.scenario().member_count() == 2);
    m.toggle_member(usa);  // a new change drops what could be redone
    CHECK_FALSE(m.can_redo());
    CHECK(m.scenario().member_count() == 1);
    // figures follow an undo at once
    const int chokes = m.figures().choke_points;
    m.undo();
    CHECK(m.figures().choke_points == compute_domain(m.data(), *m.domain(), m.scenario()).choke_points);
    CHECK(m.figures().choke_points >= chokes);
}

TEST_CASE("comparing with a pinned scenario lists the nodes that flip") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({m.data().find_country("USA"), m.data().find_country("JPN"), m.data().find_country("NLD")}, "US+JP+NL");
    m.pin();
    const int before = m.figures().choke_points;
    m.toggle_member(m.data().find_country("KOR"));
    m.toggle_member(m.data().find_country("TWN"));
    Model::Comparison c = m.compare();
    CHECK(c.pinned_name == "US+JP+NL");
    CHECK(c.choke_points_before == before);
    CHECK(c.choke_points_after == m.figures().choke_points);
    CHECK_FALSE(c.flips.empty());
    int gained = 0, lost = 0;
    for (const Model::Flip& f : c.flips) {
        CHECK(f.before != f.after);
        gained += f.after == Choke::Yes && f.before != Choke::Yes;
        lost += f.before == Choke::Yes && f.after != Choke::Yes;
    }
    CHECK(lost == 0);  // adding members never loses a choke point
    CHECK(c.choke_points_after - c.choke_points_before == gained - lost);
    m.unpin();
    CHECK(m.compare().flips.empty());
}

TEST_CASE("presets as of the scenario's date: a grouping not yet formed cannot be chosen; a formed one has its members of then") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    // NATO on 2023-09-01: Finland (April 2023) in, Sweden (March 2024) not yet
    REQUIRE(m.apply_preset_on("NATO", 20230901));
    const Dataset& ds = m.data();
    CHECK(m.scenario().is_member(ds.find_country("FIN")));
    CHECK_FALSE(m.scenario().is_member(ds.find_country("SWE")));
    REQUIRE(m.apply_preset_on("NATO", 20240401));
    CHECK(m.scenario().is_member(ds.find_country("SWE")));
    // Pax Silica was declared on 12 Dec 2025: not on 1 June 2025, and the members stay as they were
    const auto before = m.scenario().members;
    CHECK_FALSE(m.apply_preset_on("PaxSilica", 20250601));
    CHECK(m.scenario().members == before);
    CHECK_FALSE(m.apply_preset_on("NATO", 20231399));  // not a date
}

TEST_CASE("the data revision grows on each successful load only (what the timeline caches by)") {
    Model m;
    CHECK(m.data_revision() == 0);
    REQUIRE(m.load(test::default_files()).ok());
    CHECK(m.data_revision() == 1);
    const long scenario_revision = m.revision();
    m.set_date(20230901);  // a scenario change is not a data change
    CHECK(m.revision() > scenario_revision);
    CHECK(m.data_revision() == 1);
    CHECK_FALSE(m.load({{"bad.json", "{"}}).ok());
    CHECK(m.data_revision() == 1);
    REQUIRE(m.load(test::default_files()).ok());
    CHECK(m.data_revision() == 2);
}
