// Who makes it: the firms behind a node's shares, on the real ETO data (firms.h).
#include <doctest/doctest.h>

#include <string>

#include "core/firms.h"
#include "core/headline.h"
#include "core/model.h"
#include "core/report.h"
#include "core/text.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
const Node& node_named(const Domain& d, const char* name) {
    for (const Node& n : d.nodes)
        if (n.name == name) return n;
    FAIL("no node named " << name);
    return d.nodes[0];
}
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("a node's firms: largest share first, unknown shares last, 'Various companies' never named") {
    const Dataset& ds = default_dataset();
    const Node& dep = node_named(ds.domains[0], "Deposition tools");
    const auto firms = firms_by_share(dep);
    REQUIRE(firms.size() >= 5);
    CHECK(firms[0]->name == "Applied Materials");
    CHECK(firms[0]->share == doctest::Approx(41.2));
    for (size_t i = 1; i < firms.size(); ++i) {
        CHECK(firms[i]->name != "Various companies");
        if (is_known(firms[i]->share)) CHECK(firms[i - 1]->share >= firms[i]->share);
    }
    // the row of many small firms stays in the node's rows (the "why" lists it), held by a region
    bool various = false;
    for (const FirmRow& f : dep.firms) various |= f.name == "Various companies" && f.country < 0 && f.region >= 0;
    CHECK(various);
}

TEST_CASE("the caption's sentence names the firms with their headquarters, share and year") {
    const Dataset& ds = default_dataset();
    CHECK(firms_sentence(ds, node_named(ds.domains[0], "EUV lithography tools")) == "ASML (the Netherlands) makes 100% (2025).");
    const std::string dep = firms_sentence(ds, node_named(ds.domains[0], "Deposition tools"));
    CHECK(dep.rfind("Applied Materials (the United States) makes 41%, Lam Research (the United States) 17%, ASM International (the Netherlands) 11% and ", 0) == 0);
    CHECK(contains(dep, "more firms (2025)."));
    // firms named without any share: said so, never "0%"
    const std::string masks = firms_sentence(ds, node_named(ds.domains[0], "Photomasks"));
    CHECK(masks.rfind("Firms named, shares unknown", 0) == 0);
    CHECK_FALSE(contains(masks, "0%"));
    // a node without firm rows: nothing
    CHECK(firms_sentence(ds, node_named(ds.domains[0], "Design (whole stage)")).empty());
}

TEST_CASE("the headline carries the firms on supply inputs, and the why lists them with the headquarters caveat") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({m.data().find_country("USA"), m.data().find_country("JPN"), m.data().find_country("NLD")}, "three");
    m.set_target(m.data().find_country("CHN"));
    REQUIRE(m.select_domain(m.data().domains[0].id));
    m.select_node(m.domain()->find_node("N20"));
    const PlainHeadline h = plain_headline(m, m.selected_node());
    CHECK(h.firms == "ASML (the Netherlands) makes 100% (2025).");
    const Explanation e = m.explain(m.selected_node());
    REQUIRE(e.firms.size() == 1);
    CHECK(e.firms[0].holder == "ASML");
    CHECK(e.firms[0].role == "Netherlands");
    CHECK(e.firms[0].year == 2025);
    bool caveat = false;
    for (const std::string& l : e.lines) caveat |= contains(l, kFirmsByHeadquarters);
    CHECK(caveat);
    // the text view and the CSV carry them too
    CHECK(contains(scenario_summary(m), "ASML (the Netherlands) makes 100% (2025)."));
    const std::string csv = figures_csv(m);
    CHECK(contains(csv, "firm,N20,ASML,share of world supply (EUV lithography tools; headquarters: Netherlands),100.000,100.000,%,2025,"));
    // a firm of unknown share is an empty cell, never 0
    CHECK(contains(csv, "firm,N33,TSMC,share of world supply (Photomasks; headquarters: Taiwan),,,%,2019,"));
    // a domain of shares of an activity names no firms in its headline
    for (const Domain& d : m.data().domains) {
        if (d.measures == Measures::Supply) continue;
        REQUIRE(m.select_domain(d.id));
        for (size_t i = 0; i < d.nodes.size(); ++i) CHECK(plain_headline(m, int(i)).firms.empty());
    }
}

TEST_CASE("a country's leading firms and the inputs they lead") {
    const Dataset& ds = default_dataset();
    const auto nl = leading_firms(ds.domains[0], ds.find_country("NLD"), 4);
    REQUIRE(!nl.empty());
    CHECK(nl[0].name == "ASML");
    CHECK(nl[0].best == doctest::Approx(100));
    REQUIRE(!nl[0].inputs.empty());
    CHECK(ds.domains[0].nodes[size_t(nl[0].inputs[0].node)].name == "EUV lithography tools");
    for (size_t i = 1; i < nl.size(); ++i)
        if (is_known(nl[i].best)) CHECK(nl[i - 1].best >= nl[i].best);
    CHECK(leading_firms(ds.domains[0], ds.find_country("NLD"), 2).size() == 2);
    // a country with no firm in the data: none
    CHECK(leading_firms(ds.domains[0], ds.find_country("ISL"), 4).empty());
}

TEST_CASE("firm search finds the names people type, best matches first") {
    const Dataset& ds = default_dataset();
    for (const char* q : {"ASML", "asml", "Tokyo Electron", "TSMC", "SMIC"}) {
        const auto found = find_firms(ds, q, 10);
        REQUIRE_MESSAGE(!found.empty(), q);
        CHECK(match_rank(found[0].firm->name, q) == 0);
    }
    const auto asml = find_firms(ds, "ASML", 20);
    CHECK(ds.domains[size_t(asml[0].domain)].nodes[size_t(asml[0].node)].name == "EUV lithography tools");
    CHECK(find_firms(ds, "Tokyo Electron", 5).size() == 5);  // capped
    CHECK(find_firms(ds, "Various", 5).empty());               // the row of many is not a firm
    CHECK(find_firms(ds, "zzzz no such firm", 5).empty());
    CHECK(find_firms(ds, "", 5).empty());
}
