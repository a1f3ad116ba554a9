// Beyond chips (data/domains.json): the new domains load, every share has its year and source,
// the figures the issue pins hold on the real data, and the cross-domain links carry a material's
// cut-off into the chip stages that need it.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
const Node& node(const Dataset& ds, const char* domain, const char* id) {
    const int d = ds.find_domain(domain);
    REQUIRE(d >= 0);
    const int n = ds.domains[size_t(d)].find_node(id);
    REQUIRE(n >= 0);
    return ds.domains[size_t(d)].nodes[size_t(n)];
}
double share_of(const Dataset& ds, const Node& n, const char* iso) {
    for (const ShareRow& r : n.shares)
        if (r.country == ds.find_country(iso)) return r.share;
    return kUnknown;
}
}  // namespace

TEST_CASE("domains.json loads on its own with the world file, and names what it leaves out") {
    LoadResult r = load_dataset({{"world.json", read_file("data/world.json")}, {"domains.json", read_file("data/domains.json")}});
    // without the chip file its links have nowhere to go: refused with a message naming them
    CHECK_FALSE(r.ok());
    CHECK(r.summary().find("link 'chip_materials/NEON' -> 'semiconductors/N25': no node 'semiconductors/N25'") != std::string::npos);
    const Dataset& ds = default_dataset();
    for (const char* id : {"semiconductors", "rare_earths", "chip_materials", "ran", "ai", "chip_demand"}) CHECK(ds.find_domain(id) >= 0);
    CHECK(ds.not_shown.find("Quantum computing and biotechnology are not shown") != std::string::npos);
    CHECK(ds.not_shown.find("Gallium is listed but not linked") != std::string::npos);
}

TEST_CASE("every node of every domain has a source and a year for each share") {
    const Dataset& ds = default_dataset();
    int rows = 0;
    for (const Domain& d : ds.domains)
        for (const Node& n : d.nodes)
            for (const ShareRow& s : n.shares) {
                INFO(d.id, "/", n.id);
                CHECK(s.year >= 2010);
                CHECK(s.year <= 2026);
                REQUIRE(s.source >= 0);
                CHECK(!ds.sources[size_t(s.source)].title.empty());
                ++rows;
            }
    CHECK(rows > 600);
    for (const DomainLink& l : ds.links) {
        CHECK((l.basis == "source" || l.basis == "assumption"));
        if (l.basis == "source") CHECK(l.source >= 0);
        CHECK(!l.note.empty());
    }
}

TEST_CASE("pinned figures on the real data") {
    const Dataset& ds = default_dataset();
    // China's share of rare-earth mine production 2025 (USGS MCS 2026): 270,000 of 390,000 t
    const Node& mine = node(ds, "rare_earths", "RE-MINE");
    CHECK(share_of(ds, mine, "CHN") == doctest::Approx(69.2).epsilon(0.01));
    CHECK(mine.shares[0].year == 2025);
    CHECK(share_of(ds, node(ds, "rare_earths", "RE-SEP"), "CHN") >= 85);
    CHECK(share_of(ds, node(ds, "rare_earths", "RE-SEP-2019"), "CHN") == 87);
    CHECK(share_of(ds, node(ds, "chip_materials", "GA"), "CHN") == 99);      // 2025, of the three producers' sum
    CHECK(share_of(ds, node(ds, "ran", "RAN"), "SWE") == 29);
    CHECK(share_of(ds, node(ds, "ai", "TOP500"), "USA") == doctest::Approx(34.2));  // Nov 2025: 171 of 500 systems
    CHECK(share_of(ds, node(ds, "chip_materials", "GRAPHITE"), "CHN") == doctest::Approx(77.8));
    CHECK(share_of(ds, node(ds, "chip_materials", "SB"), "CHN") == doctest::Approx(36.4));
    // the first editions, as a scenario dated before the newer publications shows them
    {
        Dataset older = ds;
        use_editions(older, {20250601, 0});
        const Node& mine_2024 = node(older, "rare_earths", "RE-MINE");
        CHECK(share_of(older, mine_2024, "CHN") == doctest::Approx(69.2).epsilon(0.01));  // 270,000 of 390,000 t (MCS 2025)
        CHECK(mine_2024.shares[0].year == 2024);
        CHECK(share_of(older, node(older, "chip_materials", "GA"), "CHN") == 98);
        CHECK(share_of(older, node(older, "ai", "TOP500"), "USA") == doctest::Approx(27.51));
    }
    // the EU total is a region held by its members together, never a country
    const Node& pubs = node(ds, "ai", "AI-PUBS");
    bool eu = false;
    for (const ShareRow& r : pubs.shares) eu |= r.region >= 0 && ds.regions[size_t(r.region)].id == "EU27";
    CHECK(eu);
    // R&D: 2021 (Russia 2020) and the newer 2022 values with their publication date; the EU
    // total as a group, in both years
    const Indicator* gerd = ds.find_indicator("gerd");
    REQUIRE(gerd);
    bool eu_total = false, eu_total_2022 = false;
    for (const IndicatorValue& v : gerd->values) {
        eu_total |= v.group == "EU27" && v.year == 2021 && v.value == doctest::Approx(474.1);
        eu_total_2022 |= v.group == "EU27" && v.year == 2022 && v.value == doctest::Approx(542.1);
        if (v.country >= 0 && ds.countries[size_t(v.country)].id != "RUS") CHECK((v.year == 2021 || v.year == 2022));
        CHECK((v.year == 2022) == (v.published > 0));
    }
    CHECK(eu_total);
    CHECK(eu_total_2022);
}

TEST_CASE("rare-earth retaliation: exposure is high without China; Australia and Malaysia change it by their refining shares") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    REQUIRE(m.select_domain("rare_earths"));
    const int sep = m.domain()->find_node("RE-SEP");
    m.set_retaliation_third_countries(true);
    for (const char* preset : {"G7", "Quad", "NATO", "EU27", "Chip4", "Wassenaar"}) {
        INFO(preset);
        REQUIRE(m.apply_preset(preset));
        const Range access = m.figures().nodes[size_t(sep)].alliance_access;
        CHECK(100 - access.hi >= 85);  // at least China's 92% is cut off, whatever the alliance
    }
    m.apply_preset("G7");
    const Range before = m.figures().nodes[size_t(sep)].alliance_access;
    m.toggle_member(m.data().find_country("AUS"));
    m.toggle_member(m.data().find_country("MYS"));
    const Range after = m.figures().nodes[size_t(sep)].alliance_access;
    // worst case (third countries follow China): only the alliance's own refining is assured
    CHECK(after.lo - before.lo == doctest::Approx(5 + 1).epsilon(0.001));
    CHECK(after.hi == doctest::Approx(before.hi));
}

TEST_CASE("links carry a material's cut-off into the chip stages that need it, only when switched on") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    const Domain& chips = *m.domain();
    const int cmp = chips.find_node("N90"), wafer = chips.find_node("N26"), litho = chips.find_node("N25");
    m.set_retaliation_third_countries(true);  // the worst case: only members' own output is assured
    const DomainFigures off = m.figures();
    m.set_links(true);
    const DomainFigures on = m.figures();
    // wafers now need polysilicon, 93% of whose capacity is Chinese: members' own wafers are
    // assured only as far as members' own polysilicon (Germany, the US: 4.4%) goes
    CHECK(off.nodes[size_t(wafer)].alliance_access.lo > 30);
    CHECK(on.nodes[size_t(wafer)].alliance_access.lo < 0.05 * off.nodes[size_t(wafer)].alliance_access.lo + 1e-9);
    CHECK(on.nodes[size_t(wafer)].alliance_access.hi < off.nodes[size_t(wafer)].alliance_access.hi);
    CHECK(on.nodes[size_t(litho)].alliance_access.hi <= off.nodes[size_t(litho)].alliance_access.hi);
    (void)cmp;
    // and so into finished chips
    CHECK(on.alliance_access_to_outputs.hi <= off.alliance_access_to_outputs.hi);
    // the chip domain's own counts do not change: the materials are counted in their domains
    CHECK(on.nodes_with_shares == off.nodes_with_shares);
    CHECK(on.choke_points == off.choke_points);
    // the imported node explains where it comes from
    const int neon = chips.find_node("chip_materials/NEON");
    REQUIRE(neon >= 0);
    const Explanation e = m.explain(neon);
    bool says = false;
    for (const std::string& line : e.lines) says |= line.find("Critical chip materials") != std::string::npos;
    CHECK(says);
}

TEST_CASE("every domain is recomputed on a toggle; the picker can show each one's headline") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    const int ai = m.data().find_domain("ai");
    const int top500 = m.data().domains[size_t(ai)].find_node("TOP500");
    const Range before = m.figures_of(ai).nodes[size_t(top500)].alliance_share;
    m.toggle_member(m.data().find_country("KOR"));
    const Range after = m.figures_of(ai).nodes[size_t(top500)].alliance_share;
    CHECK(after.lo - before.lo == doctest::Approx(3.0));  // Nov 2025 list: 15 of 500 systems
}
