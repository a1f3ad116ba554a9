// Editions: a figure of several years or sources (a node's "editions", an indicator's values of
// several years). Which one a scenario uses (by its date and its figures year), what the loader
// refuses, and the newer figures of the real data (policy-timeline.md, section D).
#include <doctest/doctest.h>

#include <cstdio>
#include <random>

#include "core/figures.h"
#include "core/json.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
Edition edition(int year, int published, const char* label = "x") {
    Edition e;
    e.year = year;
    e.published = published;
    e.label = label;
    return e;
}

// A node with its own shares (the first edition, 2021) and three more: 2023 published in March
// 2024, 2025 published on 6 Feb 2026, and a revision of 2023 published the same day.
std::string toy_editions(const std::string& editions) {
    return R"({"format":"techmap-dataset/1","sources":[{"id":"t","title":"T"}],"domains":[{"id":"d","name":"D","nodes":[
      {"id":"N1","name":"N1","kind":"material",
       "shares":[{"country":"CHN","share":60,"year":2021,"source":"t"},{"country":"USA","share":40,"year":2021,"source":"t"}],
       "editions":)" + editions + R"(}],"edges":[]}]})";
}
const char* kThreeEditions = R"([
  {"year":2025,"published":"2026-02-06","label":"Pub 2026","note":"newest","shares":[{"country":"CHN","share":70,"year":2025,"source":"t"}]},
  {"year":2023,"published":"2024-03","label":"Pub 2024","shares":[{"country":"CHN","share":65,"year":2023,"source":"t"}]},
  {"year":2023,"published":"2026-02-06","label":"Pub 2026, revised","check":"revised by the publisher","shares":[{"country":"CHN","share":66,"year":2023,"source":"t"}]}
])";

LoadResult load_toy(const std::string& editions) {
    return load_dataset({{"toy-world.json", toy_world()}, {"editions.json", toy_editions(editions)}});
}
double china(const Dataset& ds) {
    const Node& n = ds.domains[0].nodes[0];
    for (const ShareRow& r : n.shares)
        if (r.country == ds.find_country("CHN")) return r.share;
    return kUnknown;
}
// China's share in the toy node for a scenario date and figures year
double china_on(Dataset ds, int date, int year) {
    use_editions(ds, {date, year});
    return china(ds);
}
bool says(const LoadResult& r, const std::string& needle) { return r.summary().find(needle) != std::string::npos; }

const Node& real_node(const Model& m, const char* domain, const char* id) {
    const Domain& d = m.data().domains[size_t(m.data().find_domain(domain))];
    const int n = d.find_node(id);
    REQUIRE(n >= 0);
    return d.nodes[size_t(n)];
}
std::string lines_of(const Explanation& e) {
    std::string s;
    for (const std::string& l : e.lines) s += l + "\n";
    return s;
}
}  // namespace

TEST_CASE("editions: the newest published on the scenario's date, of a year at most its figures year") {
    const LoadResult r = load_toy(kThreeEditions);
    REQUIRE_MESSAGE(r.ok(), r.summary());
    const Dataset& ds = *r.dataset;
    const Node& n = ds.domains[0].nodes[0];
    REQUIRE(n.editions.size() == 4);
    // the node's own shares are the first edition; the others in order of publication
    CHECK(n.editions[0].year == 2021);
    CHECK(n.editions[0].published == 0);
    CHECK(n.editions[1].label == "Pub 2024");
    CHECK(n.editions[1].published == 20240331);  // "2024-03": the last day of the month
    CHECK(n.editions[3].note == "newest");
    CHECK(n.editions[2].check == "revised by the publisher");

    SUBCASE("by date") {
        CHECK(china(ds) == 70);                          // loaded as today (kToday) shows it: 2025
        CHECK(china_on(ds, 0, 0) == 70);                 // 0 = today
        CHECK(china_on(ds, kToday, 0) == 70);
        CHECK(china_on(ds, 20260206, 0) == 70);          // on the day of publication
        CHECK(china_on(ds, 20260205, 0) == 65);          // the day before: 2023 as first published
        CHECK(china_on(ds, 20250601, 0) == 65);
        CHECK(china_on(ds, 20240330, 0) == 60);          // before any newer publication: the first edition
        CHECK(china_on(ds, 20100101, 0) == 60);
    }
    SUBCASE("by figures year") {
        CHECK(china_on(ds, 0, 2025) == 70);
        CHECK(china_on(ds, 0, 2030) == 70);              // the newest of at most 2030
        CHECK(china_on(ds, 0, 2023) == 66);              // a revision of the same year wins
        CHECK(china_on(ds, 20250601, 2023) == 65);       // ... once it is published
        CHECK(china_on(ds, 0, 2024) == 66);              // no edition of 2024: the closest older (2023, revised)
        CHECK(china_on(ds, 0, 2022) == 60);              // closest older: the first edition (2021)
        CHECK(china_on(ds, 0, 2021) == 60);
        CHECK(china_on(ds, 0, 2019) == 60);              // none that old: the oldest
        CHECK(china_on(ds, 20250601, 2025) == 65);       // 2025 not published yet: the newest that is
    }
    SUBCASE("use_editions reports a change and keeps the derived sums") {
        Dataset d = ds;
        CHECK_FALSE(use_editions(d, {}));                // already today's
        CHECK(use_editions(d, {20250601, 0}));
        const Node& m = d.domains[0].nodes[0];
        CHECK(m.edition == 1);
        CHECK(m.year() == 2023);
        CHECK(m.residual == doctest::Approx(35));        // only China's row: the rest unattributed
        CHECK(m.residual_unattributed);
        CHECK(use_editions(d, {20100101, 0}));
        CHECK(d.domains[0].nodes[0].residual == 0);      // the first edition: 60 + 40
        CHECK(edition_years(d) == std::vector<int>{2021, 2023, 2025});
    }
}

TEST_CASE("pick_edition by hand: ties, nothing published yet, no editions") {
    CHECK(pick_edition({}, {}) == 0);
    const std::vector<Edition> eds = {edition(2020, 0), edition(2022, 20230601), edition(2022, 20240101), edition(2024, 20300101)};
    CHECK(pick_edition(eds, {20231231, 0}) == 1);
    CHECK(pick_edition(eds, {20240101, 0}) == 2);        // the later publication of the same year
    CHECK(pick_edition(eds, {20240101, 2021}) == 0);
    CHECK(pick_edition(eds, {kToday, 0}) == 2);          // 2024's is published after today
    CHECK(pick_edition(eds, {20300101, 0}) == 3);
    // a list whose first edition is itself dated: before it, still the first
    const std::vector<Edition> dated = {edition(2020, 20210101), edition(2022, 20230101)};
    CHECK(pick_edition(dated, {20200101, 0}) == 0);
}

TEST_CASE("indicator values of several years: picked like editions") {
    const std::string file = R"({"format":"techmap-dataset/1","sources":[{"id":"t","title":"T"}],"indicators":[{"id":"rd","name":"R&D","unit":"bn","values":[
        {"country":"USA","value":806,"year":2021,"source":"t"},
        {"country":"USA","value":923.2,"year":2022,"source":"t","published":"2025"},
        {"country":"CHN","value":30,"year":2024,"source":"t","published":"2025-11","check":"secondary"}]}]})";
    const LoadResult r = load_dataset({{"toy-world.json", toy_world()}, {"rd.json", file}});
    REQUIRE_MESSAGE(r.ok(), r.summary());
    const Indicator* rd = r.dataset->find_indicator("rd");
    REQUIRE(rd);
    const int usa = r.dataset->find_country("USA"), chn = r.dataset->find_country("CHN");
    CHECK(rd->for_country(usa)->value == doctest::Approx(923.2));
    CHECK(rd->for_country(usa)->published == 20251231);               // "2025": the last day of the year
    CHECK(rd->for_country(usa, {20250601, 0})->value == 806);         // not published yet
    CHECK(rd->for_country(usa, {0, 2021})->value == 806);
    CHECK(rd->for_country(usa, {0, 2020})->value == 806);             // none that old: the oldest
    CHECK(rd->for_country(chn)->check == "secondary");
    CHECK(rd->for_country(chn, {20251129, 0}) == nullptr);            // its only value is not out yet
    CHECK(rd->for_country(r.dataset->find_country("JPN")) == nullptr);  // unknown, not zero
    CHECK(edition_years(*r.dataset) == std::vector<int>{2021, 2022});  // only the US offers a choice
}

TEST_CASE("the loader refuses bad editions with a message") {
    const auto bad = [](const std::string& edition) {
        return load_toy("[" + edition + "]");
    };
    const std::string rows2025 = R"("shares":[{"country":"CHN","share":70,"year":2025,"source":"t"}])";
    LoadResult r = bad(R"({"year":2025,"published":"2026-02-06",)" + rows2025 + "}");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "editions.json: domain 'd', node 'N1', edition 2025: no label (the publication it comes from)"));
    r = bad(R"({"year":2025,"label":"Pub",)" + rows2025 + "}");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "edition 2025: an edition needs the date it was published ('published')"));
    r = bad(R"({"year":2025,"published":"Feb 2026","label":"Pub",)" + rows2025 + "}");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "'published' is not a date yyyy-mm-dd, yyyy-mm or yyyy"));
    r = bad(R"({"year":2024,"published":"2026-02-06","label":"Pub",)" + rows2025 + "}");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "edition 2024: a row of year 2025 in an edition of an earlier year"));
    r = bad(R"({"year":2025,"published":"2026-02-06","label":"Pub"})");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "edition 2025: no shares"));
    r = bad(R"({"year":2025,"published":"2026-02-06","label":"Pub","shares":[]})");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "edition 2025: no shares"));
    r = bad(R"({"year":2025,"published":"2026-02-06","label":"Pub",)" + rows2025 + R"(},{"year":2025,"published":"2026-03-01","label":"Pub",)" + rows2025 + "}");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "the same year and label appear twice"));
    r = bad(R"({"year":2025,"published":"2026-02-06","label":"Pub","shares":[{"country":"CHN","share":99,"year":2025,"source":"t"},{"country":"USA","share":40,"year":2025,"source":"t"}]})");
    CHECK_FALSE(r.ok());
    CHECK(says(r, "edition 2025 (Pub): shares sum to 139%"));
    // editions need the node's own shares as the first edition
    const std::string no_own = R"({"format":"techmap-dataset/1","sources":[{"id":"t","title":"T"}],"domains":[{"id":"d","name":"D","nodes":[
      {"id":"N1","name":"N1","kind":"material","editions":[{"year":2025,"published":"2026-02-06","label":"Pub",)" + rows2025 + "}]}],\"edges\":[]}]}";
    r = load_dataset({{"toy-world.json", toy_world()}, {"editions.json", no_own}});
    CHECK_FALSE(r.ok());
    CHECK(says(r, "editions need the node's own shares as the first edition"));
    // and a good one loads
    CHECK(bad(R"({"year":2025,"published":"2026-02-06","label":"Pub",)" + rows2025 + "}").ok());
}

TEST_CASE("real data: the newer figures of the policy timeline as editions, picked by date and figures year") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    REQUIRE(m.scenario().date == 0);  // today: kToday
    REQUIRE(kToday >= 20260206);       // after USGS MCS 2026

    SUBCASE("rare-earth mine production: 2025 (MCS 2026) today, the first edition (2024, MCS 2025) on 2025-06-01") {
        const Node& mine = real_node(m, "rare_earths", "RE-MINE");
        REQUIRE(mine.editions.size() == 3);
        REQUIRE(mine.current_edition());
        CHECK(mine.current_edition()->year == 2025);
        CHECK(mine.current_edition()->label == "USGS MCS 2026");
        CHECK(mine.current_edition()->published == 20260206);
        CHECK(mine.year() == 2025);
        CHECK(mine.residual_unattributed);  // the rest of the world is not broken down: no row invented
        m.set_date(20250601);
        CHECK(real_node(m, "rare_earths", "RE-MINE").edition == 0);
        CHECK(real_node(m, "rare_earths", "RE-MINE").year() == 2024);
        m.set_date(0);
        m.set_figures_year(2024);  // the 2024 revision of MCS 2026 wins over MCS 2025's 2024
        CHECK(real_node(m, "rare_earths", "RE-MINE").current_edition()->label == "USGS MCS 2026, revised");
        REQUIRE(m.select_domain("rare_earths"));
        const int n = m.domain()->find_node("RE-MINE");
        JsonDoc d;
        REQUIRE(parse_json(m.figures_json(), d));
        const Json& f = d.root();
        CHECK(f["nodes"][rapidjson::SizeType(n)]["year"].GetInt() == 2024);
        CHECK(f["nodes"][rapidjson::SizeType(n)]["editions"].Size() == 3);
        CHECK(lines_of(m.explain(n)).find("Figures of 2024 (USGS MCS 2026, revised)") != std::string::npos);
    }
    SUBCASE("germanium: the sources disagree, and the node's explanation says so") {
        REQUIRE(m.select_domain("chip_materials"));
        const int ge = m.domain()->find_node("GE");
        REQUIRE(ge >= 0);
        const Node& n = m.domain()->nodes[size_t(ge)];
        REQUIRE(n.editions.size() == 3);
        int checks = 0;
        for (const Edition& e : n.editions) checks += !e.check.empty();
        CHECK(checks == 2);  // the ~60% and the 83% both carry the conflict
        const std::string why = lines_of(m.explain(ge));
        CHECK(why.find("Caveat: sources disagree") != std::string::npos);
        CHECK(why.find("conflicting") != std::string::npos);
        CHECK(why.find("~60%") != std::string::npos);
        CHECK(why.find("83%") != std::string::npos);
        CHECK(m.explain_json(ge).find("Caveat: sources disagree") != std::string::npos);
    }
    SUBCASE("figures year 2022: the R&D values of 2022") {
        m.set_figures_year(2022);
        const Pooled rd = m.pooled_rd();
        CHECK(rd.target_value == doctest::Approx(811.9));
        CHECK(rd.target_year == 2022);
        CHECK(rd.year_max == 2022);
        CHECK(rd.year_min == 2021);  // Italy and Canada: no 2022 value, their 2021 one
        int year = 0;
        CHECK(m.target_demand_share(&year) == doctest::Approx(31.4));
        CHECK(year == 2022);
        m.set_members({m.data().find_country("USA")});
        CHECK(m.pooled_rd().members_value == doctest::Approx(923.2));
        m.set_figures_year(2021);
        CHECK(m.pooled_rd().members_value == doctest::Approx(806));
        CHECK(m.pooled_rd().target_value == doctest::Approx(667.6));
        m.set_figures_year(0);
        CHECK(m.target_demand_share(&year) == doctest::Approx(28.9));  // 2024, a secondary report
        CHECK(year == 2024);
        const Indicator* demand = m.data().find_indicator("chip_demand_share");
        REQUIRE(demand);
        CHECK(demand->for_country(m.data().find_country("CHN"))->check.find("secondary") != std::string::npos);
    }
    SUBCASE("the new nodes carry China's measures") {
        const Node& graphite = real_node(m, "chip_materials", "GRAPHITE");
        const Node& antimony = real_node(m, "chip_materials", "SB");
        const auto covered_by = [&](const Node& n, const char* id) {
            for (const NodeMeasure& x : n.measures)
                if (m.data().measures[size_t(x.measure)].id == id) return true;
            return false;
        };
        CHECK(covered_by(graphite, "CN-2023-10"));
        CHECK(covered_by(graphite, "CN-2025-10"));
        CHECK(covered_by(antimony, "CN-2024-08"));
        CHECK(covered_by(antimony, "CN-2024-12"));
        CHECK(graphite.year() == 2025);
        CHECK(graphite.residual_unattributed);
    }
    CHECK(m.figures_years().size() >= 5);
}

TEST_CASE("real data: the AI domain's private investment, 2020 and 2024 (section E), the newest by default") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.apply_preset("G7");
    REQUIRE(kToday >= 20250430);  // after the AI Index 2025 (April 2025)
    const Dataset& ds = m.data();
    const Indicator* inv = ds.find_indicator("ai_private_investment");
    REQUIRE(inv);
    const int usa = ds.find_country("USA"), chn = ds.find_country("CHN"), gbr = ds.find_country("GBR");
    // the source's own figures, checked once: AI Index 2025 for 2024, Tortoise for 2020
    REQUIRE(inv->for_country(usa));
    CHECK(inv->for_country(usa)->value == doctest::Approx(109.1));
    CHECK(inv->for_country(usa)->year == 2024);
    CHECK(inv->for_country(usa)->published == 20250430);  // "2025-04": the last day of the month
    CHECK(inv->for_country(chn)->value == doctest::Approx(9.3));
    CHECK(inv->for_country(gbr)->value == doctest::Approx(4.5));
    // the 2023 values stay, for an earlier figures year or a date before the publication
    CHECK(inv->for_country(usa, {0, 2023})->year == 2023);
    CHECK(inv->for_country(usa, {20250429, 0})->year == 2023);
    CHECK(inv->for_country(ds.find_country("DEU"))->year == 2023);  // no 2024 value: its 2023 one, never 0

    const Node& vc = real_node(m, "ai", "AI-VC");
    REQUIRE(vc.editions.size() == 2);
    const Edition& e2020 = vc.editions[0];
    const Edition& e2024 = vc.editions[1];
    CHECK(e2020.year == 2020);
    CHECK(e2024.year == 2024);
    CHECK(e2024.published == 20250430);
    CHECK(e2024.label == "Stanford HAI AI Index 2025");
    const auto share_of = [&](const std::vector<ShareRow>& rows, int country) {
        for (const ShareRow& r : rows)
            if (r.country == country) return r.share;
        return -1.0;  // no row
    };
    CHECK(share_of(e2020.shares, usa) == 51);  // Tortoise, 2020: of the world

    SUBCASE("today: the 2024 edition, the countries of the indicator's 2024 values with their share of the world unknown") {
        CHECK(vc.edition == 1);
        CHECK(vc.year() == 2024);
        // no world total: the shares are unknown, never the three's sum nor 0
        double sum = 0;
        int rows = 0;
        for (const IndicatorValue& v : inv->values) {
            if (v.year != 2024) continue;
            ++rows;
            sum += v.value;
            CHECK_FALSE(is_known(share_of(e2024.shares, v.country)));
            CHECK(share_of(e2024.shares, v.country) != -1.0);
        }
        CHECK(rows == 3);
        CHECK(e2024.shares.size() == size_t(rows));
        CHECK_FALSE(vc.residual_unattributed);  // the rows of unknown share may hold the rest
        // the note gives each one's upper bound, its part of the listed sum (109.1 / 122.9 = 88.8%)
        char bound[16];
        std::snprintf(bound, sizeof bound, "%.1f%%", 100 * inv->for_country(usa)->value / sum);
        CHECK(e2024.note.find(std::string("At most: United States ") + bound) != std::string::npos);
        CHECK(e2024.note.find("share of the world is unknown") != std::string::npos);
        CHECK(e2024.note.find("not 0") != std::string::npos);
        REQUIRE(m.select_domain("ai"));
        const std::string why = lines_of(m.explain(m.domain()->find_node("AI-VC")));
        CHECK(why.find("Stanford HAI AI Index 2025") != std::string::npos);
        // the pooled figure: the target's 2024 value
        const Pooled p = m.pooled_ai();
        CHECK(p.target_value == doctest::Approx(inv->for_country(chn)->value));
        CHECK(p.target_year == 2024);
    }
    SUBCASE("figures year 2020, or a date before April 2025: the 2020 edition") {
        m.set_figures_year(2020);
        const Node& n = real_node(m, "ai", "AI-VC");
        CHECK(n.edition == 0);
        CHECK(n.year() == 2020);
        CHECK(share_of(n.shares, usa) == share_of(e2020.shares, usa));
        CHECK(share_of(n.shares, chn) == share_of(e2020.shares, chn));
        m.set_figures_year(0);
        CHECK(real_node(m, "ai", "AI-VC").edition == 1);
        m.set_date(20250429);
        CHECK(real_node(m, "ai", "AI-VC").edition == 0);
        CHECK(m.pooled_ai().target_year == 2023);
        m.set_date(20250430);
        CHECK(real_node(m, "ai", "AI-VC").edition == 1);
    }
    // the notable models make no node, and the data says why
    CHECK(ds.not_shown.find("Notable AI models of 2024") != std::string::npos);
}

TEST_CASE("property: for any date and year, the edition in use is published on or before the date and the newest allowed") {
    Dataset ds = default_dataset();
    std::mt19937 rng(20261129);
    const auto allowed = [](const Edition& e, const EditionChoice& c) {
        return e.published <= (c.date ? c.date : kToday) && (c.year == 0 || e.year <= c.year);
    };
    int nodes_seen = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const int y = 2015 + int(rng() % 14);
        const EditionChoice c{y * 10000 + int(1 + rng() % 12) * 100 + int(1 + rng() % 28), rng() % 3 ? int(2015 + rng() % 14) : 0};
        use_editions(ds, c);
        for (const Domain& d : ds.domains)
            for (const Node& n : d.nodes) {
                if (n.editions.empty()) continue;
                ++nodes_seen;
                const Edition& e = n.editions[size_t(n.edition)];
                CHECK(e.published <= c.date);
                CHECK(n.year() == e.year);
                bool any = false;
                for (const Edition& x : n.editions) {
                    if (!allowed(x, c)) continue;
                    any = true;
                    // nothing allowed is newer, nor a later publication of the same year
                    CHECK((x.year < e.year || (x.year == e.year && x.published <= e.published)));
                }
                if (any) CHECK(allowed(e, c));
            }
        // indicator values: the same rule
        for (const Indicator& ind : ds.indicators)
            for (size_t k = 0; k < ds.countries.size(); k += 7)
                if (const IndicatorValue* v = ind.for_country(int(k), c)) CHECK(v->published <= c.date);
    }
    CHECK(nodes_seen > 0);
    // and on hand-made lists of editions: the first is always available
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<Edition> eds{edition(2010 + int(rng() % 10), 0)};
        const size_t more = rng() % 6;
        for (size_t i = 0; i < more; ++i) eds.push_back(edition(2010 + int(rng() % 16), 20100101 + int(rng() % 17) * 10000 + int(rng() % 12) * 100));
        const EditionChoice c{20100101 + int(rng() % 18) * 10000, rng() % 2 ? 2010 + int(rng() % 16) : 0};
        const int k = pick_edition(eds, c);
        REQUIRE(k >= 0);
        REQUIRE(size_t(k) < eds.size());
        CHECK(eds[size_t(k)].published <= c.date);
        for (const Edition& x : eds)
            if (allowed(x, c)) CHECK((allowed(eds[size_t(k)], c) && (x.year < eds[size_t(k)].year ||
                                      (x.year == eds[size_t(k)].year && x.published <= eds[size_t(k)].published))));
    }
}
