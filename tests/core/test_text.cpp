// The one text rule (core/text.h) and the writers that must be total on any string the model
// holds: links, names, dataset fields and story captions that are not valid text never make a
// JSON or CSV writer abort.
#include <doctest/doctest.h>

#include "core/json.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/story.h"
#include "core/text.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// Every output the app writes for a model, each checked: valid UTF-8, and JSON that reads back.
void check_outputs(Model& m) {
    for (const std::string& j : {m.scenario_json(), m.figures_json(), m.keys_json(),
                                 m.explain_json(m.selected_node() >= 0 ? m.selected_node() : 0)}) {
        CHECK(is_valid_utf8(j));
        JsonDoc d;
        CHECK(parse_json(j, d));
    }
    CHECK(is_valid_utf8(scenario_summary(m)));
    CHECK(is_valid_utf8(scenario_headline(m)));
    CHECK(is_valid_utf8(figures_csv(m)));
    CHECK(is_valid_utf8(format_link(link_of(m))));
}
}  // namespace

TEST_CASE("strict UTF-8: what is well-formed and what is not") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("Côte d’Ivoire — 10.9% €, 😀, \xF4\x8F\xBF\xBF"));  // U+10FFFF is the last code point
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));              // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong, 3 bytes
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));      // overlong, 4 bytes
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));          // U+D800, a surrogate (CESU / a JS lone surrogate)
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));          // U+DFFF
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // U+110000
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("\x80"));                  // lone continuation byte
    CHECK_FALSE(is_valid_utf8("abc\xE2\x82"));           // cut in the middle of a character
}

TEST_CASE("clean text: controls dropped, bad sequences replaced once, cut on a whole character") {
    CHECK(is_clean_text("Tech 5 — São Tomé", 80));
    CHECK_FALSE(is_clean_text("a\tb", 80));
    CHECK(is_clean_text("a\tb\nc", 80, Lines::Many));
    CHECK_FALSE(is_clean_text("a\x7f", 80));
    CHECK_FALSE(is_clean_text("a\xC2\x85", 80));  // U+0085, a C1 control
    CHECK_FALSE(is_clean_text("abcdef", 5));

    CleanText c = clean_text("a\x01" "b\xED\xA0\x80" "c", 80);
    CHECK(c.text == "ab\xEF\xBF\xBD" "c");
    CHECK(c.replaced);
    CHECK_FALSE(c.cut);
    // a maximal ill-formed prefix gives one replacement, not one per byte
    CHECK(clean_text("\xF0\x80\x80\x80!", 80).text == "\xEF\xBF\xBD!");
    // never cuts a character in two
    c = clean_text("ééé", 5);
    CHECK(c.text == "éé");
    CHECK(c.cut);
    CHECK(is_valid_utf8(c.text));
    CHECK(text_notice(c, "the alliance's name", 5) == "the alliance's name was cut to 5 bytes");
    CHECK(text_notice(clean_text("ok", 5), "x", 5).empty());
    // whatever the bytes, the result follows the rule
    std::string all;
    for (int b = 0; b < 256; ++b) all += char(b);
    for (int b = 0xC0; b < 256; ++b) all += char(b), all += "\x80\x80";
    CHECK(is_clean_text(clean_text(all, 10000).text, 10000));
    CHECK(is_clean_text(clean_text(all, 10000, Lines::Many).text, 10000, Lines::Many));
}

TEST_CASE("JSON writer is total on invalid UTF-8") {
    JsonOut o;
    Json j = o.object();
    o.set(j, "name", std::string("a\xED\xA0\x80z"));
    o.set(j, "x", std::string("\xFF"));
    const std::string out = json_text(j);
    CHECK(is_valid_utf8(out));
    JsonDoc d;
    CHECK(parse_json(out, d));
}

TEST_CASE("a link whose name carries malformed UTF-8 opens, says so, and every output can be written") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    // each of these passed the earlier lax check and then aborted the JSON writer
    for (const char* name : {"%ED%A0%80", "%C0%AF", "%F4%90%80%80", "%E0%80%80", "ok%01%7F%C2%85", "%F0%80%80%80abc"}) {
        CAPTURE(name);
        const ParsedLink p = parse_link(std::string("#v1&m=USA,JPN,NLD&n=N20&name=") + name);
        const std::vector<std::string> applied = apply_link(m, p.state);
        CHECK(applied.empty());
        if (p.state.name) {
            CHECK(is_clean_text(*p.state.name, kMaxNameBytes));
            CHECK(p.notices.size() == 1);  // the name's notice
        }
        CHECK(is_clean_text(m.alliance_name(), kMaxNameBytes));
        check_outputs(m);
    }
}

TEST_CASE("names from every door are cleaned") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_alliance_name(std::string("typed\xED\xA0\x80\x01name"));
    CHECK(m.alliance_name() == "typed\xEF\xBF\xBDname");
    m.set_members({m.data().find_country("USA")}, std::string(200, 'x') + "\xFF");
    CHECK(m.alliance_name().size() == kMaxNameBytes);
    const std::vector<std::string> ignored =
        m.set_scenario_json(R"({"members":["USA"],"alliance":"bell\u0007 and \ud83d\ude00"})");
    CHECK(m.alliance_name() == "bell and 😀");
    REQUIRE(ignored.size() == 1);
    CHECK(ignored[0].find("alliance's name") != std::string::npos);
    // JavaScript's lone surrogates arrive as ED A0 80: the JSON reader refuses the whole text
    CHECK_FALSE(m.set_scenario_json("{\"alliance\":\"\xED\xA0\x80\"}").empty());
    check_outputs(m);
}

TEST_CASE("dataset text fields: control characters replaced with a warning that names the field; bad bytes refused") {
    const std::string world = toy_world();
    // a control character inside a country name (legal JSON, \u0001): loaded, cleaned, warned
    std::string bad = world;
    const size_t at = bad.find("\"Japan\"");
    REQUIRE(at != std::string::npos);
    bad.replace(at, 7, "\"Ja\\u0001pan\"");
    LoadResult r = load_dataset({{"world.json", bad}});
    REQUIRE(r.ok());
    CHECK(r.dataset->countries[size_t(r.dataset->find_country("JPN"))].name == "Japan");
    CHECK(r.summary().find("field 'name'") != std::string::npos);
    // ill-formed UTF-8 in the file: a clean refusal whose message can be written
    std::string raw = world;
    raw.replace(raw.find("Japan"), 5, "Ja\xED\xA0\x80pan");
    r = load_dataset({{"world\xFF.json", raw}});
    CHECK_FALSE(r.ok());
    CHECK(is_valid_utf8(r.summary()));
    JsonOut o;
    CHECK(is_valid_utf8(json_text(o.value(r.summary()))));
}

TEST_CASE("story captions that are not valid text are refused, naming the field") {
    Story s;
    std::string error;
    CHECK_FALSE(parse_custom_story("{\"title\":\"t\",\"steps\":[{\"caption\":\"a\\u0001b\",\"link\":\"#v1\"}]}", s, error));
    CHECK(error.find("caption") != std::string::npos);
    CHECK(parse_custom_story("{\"title\":\"t\",\"steps\":[{\"caption\":\"two\\nlines\",\"link\":\"#v1\"}]}", s, error));
}

TEST_CASE("CSV cells: always text, formulas defused") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    m.set_members({m.data().find_country("USA")}, "=HYPERLINK(\"http://x\")");
    const std::string csv = figures_csv(m);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(is_valid_utf8(csv));
}

TEST_CASE("search ranking: a name that starts with the query, then a word that does, then the rest") {
    CHECK(match_rank("India", "ind") == 0);
    CHECK(match_rank("British Indian Ocean Territory", "ind") == 1);
    CHECK(match_rank("Windward Islands", "ind") == 2);
    CHECK(match_rank("Germany", "xyz") == -1);
    CHECK(match_rank("Germany", "") == 0);
    CHECK(match_rank("Korea (South)", "south") == 1);
    CHECK(match_rank("Guinea-Bissau", "bissau") == 1);
    CHECK(match_rank("TAIWAN", "taiwan") == 0);
    CHECK(match_rank("Al", "Albania") == -1);
}
