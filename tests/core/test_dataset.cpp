// The bad-dataset catalogue: each bad input is refused or flagged with a message naming the
// file, the record and the problem, and never crashes.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
std::string domain_with(const std::string& nodes, const std::string& edges = "[]") {
    return R"({"format":"techmap-dataset/1","sources":[{"id":"t","title":"T"}],"domains":[{"id":"d","name":"D","nodes":)" +
           nodes + R"(,"edges":)" + edges + "}]}";
}
std::string node(const char* id, const std::string& shares = "[]") {
    return std::string(R"({"id":")") + id + R"(","name":")" + id + R"(","kind":"tool","shares":)" + shares + "}";
}
std::string share(const char* c, double v) {
    return std::string(R"({"country":")") + c + R"(","share":)" + std::to_string(v) + R"(,"year":2025,"source":"t"})";
}
LoadResult load_bad(const std::string& text) {
    return load_dataset({{"toy-world.json", toy_world()}, {"bad.json", text}});
}
bool has(const LoadResult& r, const std::string& needle) {
    return r.summary().find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("the default data loads without errors") {
    LoadResult r = load_dataset(default_files());
    CHECK_MESSAGE(r.ok(), r.summary());
    REQUIRE(r.ok());
    const Dataset& ds = *r.dataset;
    CHECK(ds.countries.size() >= 240);
    CHECK(ds.domains.size() == 6);  // semiconductors + rare earths, chip materials, RAN, AI, demand
    int own = 0;
    for (const Node& n : ds.domains[0].nodes) own += n.link < 0;
    CHECK(own == 129);  // 126 inputs + 3 stages, plus the linked materials
    CHECK(ds.links.size() == 4);
    CHECK(ds.alliances.size() == 14);  // 9, and the dated groupings of the policy timeline
    CHECK(ds.version() == "world-2026-12+eto-2026-08+sf-2026-12+measures-2026-12");
    // every share carries a year and a source
    for (const Node& n : ds.domains[0].nodes)
        for (const ShareRow& s : n.shares) {
            CHECK(s.year >= (n.link >= 0 ? 2010 : 2019));
            CHECK(s.source >= 0);
        }
}

TEST_CASE("a syntax error names the file and the position") {
    LoadResult r = load_bad("{\"format\": \"techmap-dataset/1\",\n \"countries\": [ }");
    CHECK_FALSE(r.ok());
    CHECK(has(r, "bad.json"));
    CHECK(has(r, "JSON syntax error at line 2"));
}

TEST_CASE("an unknown country code names the record") {
    LoadResult r = load_bad(domain_with("[" + node("N1", "[" + share("XYZ", 10) + "]") + "]"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "bad.json: domain 'd', node 'N1', share of 'XYZ': unknown country code 'XYZ'"));
}

TEST_CASE("a share outside 0-100 is refused") {
    LoadResult r = load_bad(domain_with("[" + node("N1", "[" + share("USA", 130) + "]") + "]"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "node 'N1', share of 'USA': share 130"));
    CHECK(has(r, "outside 0-100"));
    LoadResult neg = load_bad(domain_with("[" + node("N1", "[" + share("USA", -1) + "]") + "]"));
    CHECK(has(neg, "outside 0-100"));
}

TEST_CASE("shares summing far over 100 are refused; rounding is accepted") {
    LoadResult r = load_bad(domain_with("[" + node("N1", "[" + share("USA", 80) + "," + share("JPN", 60) + "]") + "]"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "node 'N1': shares sum to 140%, far over 100%"));
    LoadResult ok = load_bad(domain_with("[" + node("N1", "[" + share("USA", 51) + "," + share("JPN", 51) + "]") + "]"));
    CHECK_MESSAGE(ok.ok(), ok.summary());
}

TEST_CASE("a cycle in goes-into is refused") {
    LoadResult r = load_bad(domain_with("[" + node("A") + "," + node("B") + "," + node("C") + "]",
        R"([{"from":"A","to":"B","type":"goes_into"},{"from":"B","to":"C","type":"goes_into"},{"from":"C","to":"A","type":"goes_into"}])"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "cycle in \"goes into\""));
}

TEST_CASE("a dangling edge is refused") {
    LoadResult r = load_bad(domain_with("[" + node("A") + "]", R"([{"from":"A","to":"NOPE","type":"goes_into"}])"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "edge 'A' -> 'NOPE': dangling edge: no node 'NOPE'"));
}

TEST_CASE("duplicate ids are refused") {
    LoadResult r = load_bad(domain_with("[" + node("A") + "," + node("A") + "]"));
    CHECK_FALSE(r.ok());
    CHECK(has(r, "node 'A': duplicate id"));
    LoadResult c = load_dataset({{"dup.json", R"({"format":"techmap-dataset/1","countries":[
        {"id":"USA","name":"A","lat":1,"lon":1},{"id":"USA","name":"B","lat":1,"lon":1}]})"}});
    CHECK(has(c, "dup.json: country 'USA': duplicate id"));
}

TEST_CASE("a 50 MB file is refused before parsing") {
    std::string big(50u << 20, ' ');
    LoadResult r = load_bad(big);
    CHECK_FALSE(r.ok());
    CHECK(has(r, "bad.json: (file): file is 50 MB; the limit is 8 MB"));
}

TEST_CASE("missing year or source, wrong format, wrong types") {
    LoadResult y = load_bad(domain_with("[" + node("N1", R"([{"country":"USA","share":10,"source":"t"}])") + "]"));
    CHECK(has(y, "share of 'USA': missing or invalid year"));
    LoadResult s = load_bad(domain_with("[" + node("N1", R"([{"country":"USA","share":10,"year":2020,"source":"zz"}])") + "]"));
    CHECK(has(s, "unknown source id 'zz'"));
    LoadResult f = load_bad(R"({"format":"other/2"})");
    CHECK(has(f, "unsupported format 'other/2'"));
    LoadResult t = load_bad(R"([1,2,3])");
    CHECK(has(t, "expected a JSON object"));
    LoadResult str = load_bad(domain_with("[" + node("N1", R"([{"country":"USA","share":"ten","year":2020,"source":"t"}])") + "]"));
    CHECK(has(str, "share is not a number"));
    LoadResult weird = load_bad(R"({"format":"techmap-dataset/1","domains":[{"id":"d","nodes":[{"id":5}],"edges":{"a":1}}]})");
    CHECK_FALSE(weird.ok());
}

TEST_CASE("a failed load leaves the model's previous dataset in place") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    const std::string before = m.figures_json();
    LoadResult bad = m.load({{"broken.json", "{ not json"}});
    CHECK_FALSE(bad.ok());
    CHECK(m.loaded());
    CHECK(m.figures_json() == before);
    CHECK(m.data().domains.size() == 6);
}

TEST_CASE("a domain's 'measures' is read once into what its shares are of; an unknown value is named") {
    const std::string one = "[" + node("N1", "[" + share("USA", 40) + "]") + "]";
    auto with_measures = [&](const char* m) {
        std::string t = domain_with(one);
        t.insert(t.find(R"("nodes":)"), std::string(R"("measures":")") + m + R"(",)");
        return t;
    };
    LoadResult demand = load_bad(with_measures("demand"));
    REQUIRE(demand.ok());
    CHECK(demand.dataset->domains[size_t(demand.dataset->find_domain("d"))].measures == Measures::Demand);
    LoadResult share_of = load_bad(with_measures("share"));
    REQUIRE(share_of.ok());
    CHECK(share_of.dataset->domains[size_t(share_of.dataset->find_domain("d"))].measures == Measures::Share);
    LoadResult plain = load_bad(domain_with(one));
    REQUIRE(plain.ok());
    CHECK(plain.dataset->domains[size_t(plain.dataset->find_domain("d"))].measures == Measures::Supply);
    LoadResult bad = load_bad(with_measures("sales"));
    CHECK_FALSE(bad.ok());
    CHECK(has(bad, "bad.json: domain 'd': 'measures' is not \"supply\", \"demand\" or \"share\""));
}

TEST_CASE("a file nested a hundred thousand deep is read and refused without exhausting the stack") {
    // the parser is iterative and the parsed values are freed without recursion (json.h): a hostile
    // or broken file of deep nesting gets a message, as any file that is not a dataset
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    LoadResult r = load_bad(deep);
    CHECK_FALSE(r.ok());
    const std::string deep_object = R"({"format":"techmap-dataset/1","x":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(load_bad(deep_object).ok());  // an unknown field, however deep, is passed over
    CHECK_FALSE(load_bad(std::string(100000, '[')).ok());  // and unclosed: a syntax error
}
