// Plain words for a first-time visitor: the headline names who makes (or buys) what share with
// its year, then what the alliance holds and what the target can still get; a domain of demand
// is told as buying; figures read as people write them; every glossary entry is there.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/glossary.h"
#include "core/model.h"
#include "core/report.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

TEST_CASE("plain headline: who makes the largest share, with the year, then the alliance and the target") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({m.data().find_country("USA"), m.data().find_country("JPN"), m.data().find_country("NLD")}, "US, Japan and the Netherlands");
    REQUIRE(m.select_domain("semiconductors"));
    const int euv = m.domain()->find_node("N20");
    REQUIRE(euv >= 0);
    const PlainHeadline h = plain_headline(m, euv);
    CHECK(h.title.find("EUV lithography tools: the Netherlands makes 100% of world supply (") == 0);
    CHECK(h.sentence == "Together, Japan, the Netherlands and the United States hold 100% (2025). If they denied China everything they make, "
                        "China could still get 0%.");
    // a range reads as one ("0–3%"), never with a decimal that is not there
    CHECK(plain_percent(0, 2.96) == "0–3%");
    CHECK(plain_percent(0, 2.94) == "0–2.9%");
    CHECK(plain_percent(40.0, 40.04) == "40%");
    CHECK(plain_percent(12.4, 12.4) == "12%");
    CHECK(plain_percent(kUnknown, 3) == "an unknown share");
    // no alliance yet: an invitation, not "0.0%"
    m.clear_members();
    CHECK(plain_headline(m, euv).sentence.find("No alliance yet") == 0);
}

TEST_CASE("plain headline: a domain of demand is told as buying, not as supply") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    REQUIRE(m.select_domain("chip_demand"));
    REQUIRE(m.domain()->measures == Measures::Demand);
    m.set_members({m.data().find_country("USA")}, "US");
    const int sales = m.domain()->find_node("SALES-2021");
    REQUIRE(sales >= 0);
    const PlainHeadline h = plain_headline(m, sales);
    CHECK(h.title.find(" buys ") != std::string::npos);
    CHECK(h.sentence.find("can still get") == std::string::npos);  // no supply framing for a market
    CHECK(h.sentence.find("China buys") != std::string::npos);
    // China's row is its whole share: "China buys 29%", not "29–100%"; the "why" tells buying, not supply
    const NodeFigures& f = m.figures().nodes[size_t(sales)];
    CHECK(f.target_share.exact());
    CHECK(h.sentence.find("China buys 29%") != std::string::npos);
    CHECK(h.sentence.find("29–100%") == std::string::npos);
    bool buys = false;
    for (const std::string& line : m.explain(sales).lines) {
        CHECK_MESSAGE(line.find("world supply") == std::string::npos, line);
        CHECK_MESSAGE(line.find("can obtain") == std::string::npos, line);
        buys |= line.find("China buys 28.9% of world purchases") == 0;
    }
    CHECK(buys);
}

TEST_CASE("country lists are names for people, sorted; long ones are counted") {
    const Dataset& ds = default_dataset();
    CHECK(country_list(ds, {ds.find_country("USA"), ds.find_country("JPN")}) == "Japan and the United States");
    CHECK(country_in_sentence("Netherlands") == "the Netherlands");
    CHECK(country_in_sentence("United Kingdom") == "the United Kingdom");
    CHECK(country_in_sentence("Germany") == "Germany");
    CHECK(in_sentence("Finished logic chip") == "finished logic chip");
    CHECK(in_sentence("EUV lithography tools") == "EUV lithography tools");
    CHECK(in_sentence("ArF immersion (DUV) lithography tools") == "ArF immersion (DUV) lithography tools");
    CHECK(in_sentence("Photoresists") == "photoresists");
    CHECK(sentence_start("the Netherlands") == "The Netherlands");
    CHECK(country_list(ds, {ds.find_country("USA"), ds.find_country("JPN"), ds.find_country("NLD"), ds.find_country("DEU")}) == "the 4 members");
    CHECK(country_list(ds, {}) == "no country");
}

TEST_CASE("the glossary: every term the panels use, each defined once, in order") {
    std::set<std::string> seen;
    std::string last;
    for (const GlossaryEntry& e : glossary()) {
        CHECK(!e.definition.empty());
        CHECK(seen.insert(std::string(e.term)).second);
        std::string lower(e.term);
        for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        CHECK(lower >= last);
        last = lower;
    }
    for (const char* t : {"choke point", "control threshold", "deny", "third-country rule", "HHI", "GERD", "PPP", "Shapley-Shubik power",
                          "ATP", "NdFeB magnets", "EDA", "range", "licence requirement", "upper bound", "controls in force", "can still get", "rules in force"})
        CHECK_MESSAGE(!define(t).empty(), t);
    CHECK(define("CHOKE POINT") == define("choke point"));
    CHECK(define("no such term").empty());
}

TEST_CASE("glitches a first-time visitor saw, each pinned") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    // "(2020) (2020)": a preset whose name carries its year gets no second one
    REQUIRE(m.apply_preset("D10", 2020));
    CHECK(m.alliance_name().find("(2020) (2020)") == std::string::npos);
    CHECK(m.alliance_name().find("2020") != std::string::npos);
    REQUIRE(m.apply_preset("G7", 2025));
    CHECK(m.alliance_name() == "G7 (2025)");
    // "40.0–40.0%": a range too narrow to show reads as one figure
    CHECK(percent_text({40.0, 40.04}) == "40.0%");
    CHECK(percent_text({40.0, 40.2}) == "40.0–40.2%");
    // "1 members"
    m.set_members({m.data().find_country("JPN")}, "Japan alone");
    CHECK(scenario_summary(m).find("1 member (") != std::string::npos);
    CHECK(scenario_summary(m).find("1 members") == std::string::npos);
    // each source once in a node's why
    REQUIRE(m.select_domain("semiconductors"));
    for (int i = 0; i < int(m.domain()->nodes.size()); ++i) {
        std::set<std::string> seen;
        for (const std::string& line : m.explain(i).lines)
            if (line.rfind("Source: ", 0) == 0) CHECK_MESSAGE(seen.insert(line).second, line);
    }
}

TEST_CASE("plain headline: the glitches a second visitor saw, each pinned") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const Dataset& ds = m.data();
    REQUIRE(m.select_domain("semiconductors"));
    const int euv = m.domain()->find_node("N20");
    // one member: "If it denies", not "If it deny"
    m.set_members({ds.find_country("USA")}, "US");
    CHECK(plain_headline(m, euv).sentence == "The United States holds 0% (2025). If it denied China everything it makes, China could still get 100%.");
    // the controls in force, dated as people write dates; EUV tools are denied by the Dutch licence withheld
    m.set_members({ds.find_country("NLD")}, "NL");
    m.set_deny_mode(DenialMode::Controls);
    m.set_date(20230901);
    CHECK(plain_headline(m, euv).sentence == "The Netherlands holds 100% (2025). Under the Netherlands' controls in force on 1 Sep 2023, China can get 0%.");
    // before any control on it: the 100% is explained, not left to surprise
    m.set_date(20191201);
    CHECK(plain_headline(m, euv).sentence.find("China can get 100% (none of the controls on it is in force then)") != std::string::npos);
    const int fpga = m.domain()->find_node("N3");  // FPGAs: shares, and no measure covers them
    REQUIRE(fpga >= 0);
    REQUIRE(m.domain()->nodes[size_t(fpga)].measures.empty());
    m.set_date(20261201);
    CHECK(plain_headline(m, fpga).sentence.find("(the data records no control on it)") != std::string::npos);
    // an input with no shares of its own is told through its inputs or kinds, never as "no shares"
    // beside a figure the story gives for it (EDA and core IP: 4% on 2 Dec 2024)
    const int eda = m.domain()->find_node("N7");
    REQUIRE(eda >= 0);
    REQUIRE(m.domain()->nodes[size_t(eda)].shares.empty());
    m.set_members({ds.find_country("USA"), ds.find_country("JPN"), ds.find_country("NLD")}, "three");
    m.set_date(20241202);
    const PlainHeadline h = plain_headline(m, eda);
    CHECK(h.title.find("no shares in the data") == std::string::npos);
    CHECK(h.title.find("the data has no shares for it as a whole") != std::string::npos);
    CHECK(h.sentence.find("China can get") != std::string::npos);
    CHECK(h.sentence.find("as far as its inputs allow") != std::string::npos);
    CHECK(h.sentence.find("Under the controls in force on 2 Dec 2024 issued by Japan, the Netherlands and the United States, China can get") == 0);
    // a name that carries its year gets no second one: "(2023) (2023)"
    REQUIRE(m.select_domain("rare_earths"));
    const int sep = m.domain()->find_node("RE-SEP");
    REQUIRE(sep >= 0);
    CHECK(plain_headline(m, sep).title.find("(2023) (2023)") == std::string::npos);
    CHECK(plain_headline(m, sep).title.find("(2023)") != std::string::npos);
    // shares of an activity (research, investment): "accounts for", and no denial of it
    REQUIRE(m.select_domain("ai"));
    REQUIRE(m.domain()->measures == Measures::Share);
    const int vc = m.domain()->find_node("AI-VC");
    REQUIRE(vc >= 0);
    const PlainHeadline ai = plain_headline(m, vc);
    CHECK(ai.title.find(" accounts for ") != std::string::npos);
    CHECK(ai.title.find(" makes ") == std::string::npos);
    CHECK(ai.title.find("(2020) (2020)") == std::string::npos);
    CHECK(ai.sentence.find(" account for ") != std::string::npos);
    CHECK(ai.sentence.find("can still get") == std::string::npos);
}

TEST_CASE("a description keeps its paragraphs without a warning; other fields stay one line") {
    Model m;
    const LoadResult r = m.load(default_files());
    REQUIRE(r.ok());
    CHECK(r.summary().find("not valid text") == std::string::npos);
    REQUIRE(m.select_domain("semiconductors"));
    CHECK(m.domain()->nodes[size_t(m.domain()->find_node("N7"))].description.find('\n') != std::string::npos);
    Model u;
    REQUIRE(u.load(default_files()).ok());
    const LoadResult bad = u.load_on_top(default_files(), DataFile{"user.json", R"({"format":"techmap-dataset/1","version":"v","sources":[{"id":"s","title":"T"}],
        "alliances":[{"id":"X","name":"a\nb","kind":"grouping","snapshots":[{"year":2021,"members":["USA"],"source":"s"}]}]})"});
    CHECK(bad.summary().find("field 'name' had characters that are not valid text") != std::string::npos);
}

TEST_CASE("sources named in a sentence: each once, none with its own full stop before the next") {
    const Dataset& ds = default_dataset();
    int dotted = -1, other = -1;
    for (size_t i = 0; i < ds.sources.size(); ++i) {
        const std::string& t = ds.sources[i].title;
        if (dotted < 0 && !t.empty() && t.back() == '.') dotted = int(i);
        else if (other < 0 && !t.empty() && t.back() != '.') other = int(i);
    }
    REQUIRE(dotted >= 0);
    REQUIRE(other >= 0);
    const std::string list = source_list(ds, {dotted, other, dotted});
    CHECK(list.find(".;") == std::string::npos);
    CHECK(list.find(ds.sources[size_t(other)].title) != std::string::npos);
    CHECK(list.find("; ") != std::string::npos);
    CHECK(list.find(ds.sources[size_t(other)].title) == list.rfind(ds.sources[size_t(other)].title));  // once
    CHECK(source_list(ds, {-1, 1 << 30}).empty());  // indices outside the data name nothing
}
