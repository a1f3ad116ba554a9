// outputs.h — shared by the fuzz targets: every path by which the app writes the model out
// (scenario JSON, figures JSON, who holds the keys, each explanation, the text summary and
// headline, the CSV, the link, a teacher's story), each checked to be valid UTF-8, and each
// JSON to read back. A failure aborts with what went wrong, so libFuzzer keeps the input.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/story.h"
#include "core/text.h"

namespace techmap::fuzz {

inline std::string source_file(const char* rel) {
    std::ifstream f(std::string(TECHMAP_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// The app's default data, as the page loads it.
inline const std::vector<DataFile>& default_files() {
    static const std::vector<DataFile> files = {{"world.json", source_file("data/world.json")},
                                                {"semiconductors.json", source_file("data/semiconductors.json")},
                                                {"domains.json", source_file("data/domains.json")},
                                                {"measures.json", source_file("data/measures.json")}};
    return files;
}

// A model with the default data, loaded once per process.
inline Model& default_model() {
    static Model* m = [] {
        auto* mm = new Model();
        if (!mm->load(default_files()).ok()) {
            std::fprintf(stderr, "fuzz: cannot load data/\n");
            std::abort();
        }
        return mm;
    }();
    return *m;
}

inline void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz: %s: %.300s\n", what, detail.c_str());
    std::abort();
}

inline void check_text(const char* what, const std::string& text) {
    if (!is_valid_utf8(text)) fail(what, "not valid UTF-8");
}

inline void check_json(const char* what, const std::string& text) {
    check_text(what, text);
    JsonDoc d;
    if (!parse_json(text, d)) fail(what, "JSON does not read back: " + text.substr(0, 200));
}

// What to write besides the cheap outputs (scenario JSON, one explanation, summary, headline,
// link, story): the slow ones take milliseconds each under the sanitizers.
struct Writes {
    bool figures_and_csv = true;  // figures JSON and CSV (~7 ms natively, ~100 ms sanitized)
    bool keys = true;             // who holds the keys (recomputed for each new threshold)
    bool explain_all = true;      // every node's explanation, not only the selected one
};

inline void write_everything(Model& m, const Writes& w) {
    check_json("scenario JSON", m.scenario_json());
    if (w.figures_and_csv) {
        check_json("figures JSON", m.figures_json());
        check_text("CSV", figures_csv(m));
    }
    if (w.keys) check_json("keys JSON", m.keys_json());
    const bool explain_all = w.explain_all;
    if (const Domain* d = m.domain()) {
        if (explain_all) {
            for (size_t i = 0; i < d->nodes.size(); ++i) check_json("explanation JSON", m.explain_json(int(i)));
        } else if (!d->nodes.empty()) {
            check_json("explanation JSON", m.explain_json(m.selected_node() >= 0 ? m.selected_node() : 0));
        }
    }
    check_text("summary", scenario_summary(m));
    check_text("headline", scenario_headline(m));
    const std::string link = format_link(link_of(m));
    check_text("link", link);
    const ParsedLink again = parse_link(link);
    if (!again.notices.empty()) fail("the app's own link has a notice", link + " → " + again.notices[0]);
    if (format_link(again.state) != link) fail("the app's own link is not idempotent", link);
    Story s;
    s.title = m.alliance_name();
    s.steps.push_back({});
    s.steps.back().caption = scenario_headline(m);
    s.steps.back().link = link;
    check_json("story JSON", custom_story_json(s));
}

}  // namespace techmap::fuzz
