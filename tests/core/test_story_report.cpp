// The guided story (each step's link opens and its caption's figures hold), teachers' stories
// in links, the text summary and the CSV export.
#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>
#include <sstream>

#include "core/report.h"
#include "core/scenario_link.h"
#include "core/story.h"
#include "core/json.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;
using json = Json;

namespace {
// "summary.rd.members", "node.N20.allianceShare.0" -> the value in figures_json
const json* figure_at(const json& figures, const std::string& path) {
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string p; std::getline(ss, p, '.');) parts.push_back(p);
    const json* at = &figures;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] == "node" && i == 0 && parts.size() > 1) {
            const json* found = nullptr;
            for (const json& n : figures["nodes"].GetArray())
                if (json_string(n["id"]) == parts[1]) found = &n;
            if (!found) return nullptr;
            at = found;
            ++i;
            continue;
        }
        if (at->IsArray()) {
            const size_t k = size_t(std::stoul(parts[i]));
            if (k >= at->Size()) return nullptr;
            at = &(*at)[rapidjson::SizeType(k)];
        } else if (const json* v = json_find(*at, parts[i].c_str())) {
            at = v;
        } else {
            return nullptr;
        }
    }
    return at;
}
}  // namespace

TEST_CASE("the guided story: every step opens cleanly and shows the figures its caption quotes") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    Story story;
    std::string error;
    REQUIRE_MESSAGE(parse_story(read_file("data/story.json"), m.data(), story, error), error);
    CHECK(story.steps.size() >= 4);
    for (const StoryStep& st : story.steps) {
        INFO(st.title);
        CHECK(!st.sources.empty());
        CHECK(st.caption.size() > 80);
        const ParsedLink p = parse_link(st.link);
        CHECK(p.notices.empty());
        CHECK(apply_link(m, p.state).empty());
        JsonDoc d;
        REQUIRE(parse_json(m.figures_json(), d));
        const json& f = d.root();
        CHECK(!st.expect.empty());
        for (const StoryStep::Expect& e : st.expect) {
            INFO(e.figure);
            const json* v = figure_at(f, e.figure);
            REQUIRE(v);
            REQUIRE(v->IsNumber());
            CHECK(std::fabs(v->GetDouble() - e.value) <= e.tolerance);
            // a step that quotes an input's shares or their year cites where they come from: every
            // source of the rows in use (the edition of the step's date), so that its "Sources:"
            // line names them (access figures rest on measures too, cited by the step's own choice)
            const bool quotes_shares = e.figure.find("Share.") != std::string::npos || e.figure.size() > 5 && e.figure.compare(e.figure.size() - 5, 5, ".year") == 0;
            if (e.figure.rfind("node.", 0) == 0 && quotes_shares) {
                const std::string id = e.figure.substr(5, e.figure.find('.', 5) - 5);
                const int n = m.domain()->find_node(id);
                REQUIRE(n >= 0);
                for (const ShareRow& r : m.domain()->nodes[size_t(n)].shares) {
                    INFO(m.data().sources[size_t(r.source)].id);
                    CHECK(std::find(st.sources.begin(), st.sources.end(), r.source) != st.sources.end());
                }
            }
        }
    }
}

TEST_CASE("stories: bad files are refused with a message; teachers' stories round-trip") {
    const Dataset& ds = default_dataset();
    Story s;
    std::string error;
    CHECK_FALSE(parse_story("{", ds, s, error));
    CHECK(error.find("not a JSON object") != std::string::npos);
    CHECK_FALSE(parse_story(R"({"format":"techmap-story/1","id":"x","title":"t","steps":[]})", ds, s, error));
    CHECK(error.find("no steps") != std::string::npos);
    CHECK_FALSE(parse_story(R"({"format":"techmap-story/1","id":"x","title":"t","steps":[{"title":"a","caption":"b","link":"#v1&m=USA","sources":["nope"]}]})",
                            ds, s, error));
    CHECK(error.find("unknown source") != std::string::npos);
    CHECK_FALSE(parse_story(R"({"format":"techmap-story/1","id":"x","title":"t","steps":[{"title":"a","caption":"b","link":"#v1&q=1"}]})", ds, s, error));
    CHECK(error.find("link has a problem") != std::string::npos);
    Story mine;
    mine.title = "Lesson 3: \"who holds the keys?\"";
    mine.steps.push_back({"", "First: the G7 & Korea", "#v1&a=G7@2021", {}, {}});
    mine.steps.push_back({"", "Then NATO", "#v1&a=NATO@2024&th=90", {}, {}});
    const std::string j = custom_story_json(mine);
    Story back;
    REQUIRE(parse_custom_story(j, back, error));
    CHECK(back.title == mine.title);
    REQUIRE(back.steps.size() == 2);
    CHECK(back.steps[1].link == "#v1&a=NATO@2024&th=90");
    // it travels in a link and comes back the same
    LinkState st;
    st.story = j;
    st.story_step = 2;
    const ParsedLink p = parse_link(format_link(st));
    CHECK(p.notices.empty());
    CHECK(*p.state.story == j);
    CHECK(!parse_custom_story(std::string(20000, '['), back, error));
}

TEST_CASE("text summary and CSV: what the figures say, unknowns left empty") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({cidx(m.data(), "USA"), cidx(m.data(), "JPN"), cidx(m.data(), "NLD")}, "Tool makers");
    m.select_node(m.domain()->find_node("N20"));
    const std::string text = scenario_summary(m);
    CHECK(text.find("Tool makers: 3 members (Japan, Netherlands, United States)") != std::string::npos);
    CHECK(text.find("56 choke points among 113 inputs") != std::string::npos);
    CHECK(text.find("EUV lithography tools, the alliance holds 100.0% of world supply (a choke point) (2025") != std::string::npos);
    const std::string csv = figures_csv(m);
    std::istringstream in(csv);
    std::string line;
    int rows = 0, node_rows = 0;
    bool euv = false, rd_target = false;
    while (std::getline(in, line)) {
        ++rows;
        if (line.rfind("node,", 0) == 0) ++node_rows;
        if (line.rfind("node,N20,EUV lithography tools,alliance share,100.000,100.000,% of world supply,2025,", 0) == 0) euv = true;
        if (line.rfind("summary,rd,", 0) == 0 && line.find(",target,811.9,811.9,") != std::string::npos) rd_target = true;
    }
    CHECK(euv);
    CHECK(rd_target);
    CHECK(node_rows == 113 * 5);
    CHECK(csv.rfind("record,id,name,metric,low,high,unit,year,source\r\n", 0) == 0);
    // a target without R&D data: an empty cell, not 0
    m.set_target(cidx(m.data(), "KOR"));
    m.set_target(m.data().find_country("PRK"));
    const std::string csv2 = figures_csv(m);
    CHECK(csv2.find(",target,,,\"USD bn") != std::string::npos);
    CHECK(scenario_summary(m).find("unknown") != std::string::npos);
}
