// fuzz_link — libFuzzer target for the scenario-link parser and its application to the model.
// Whatever the bytes: no crash, no sanitizer report, bounded notices; and what a link applies
// writes back as a link that reads again without a notice and to the same link (idempotence).
//
//   cmake --preset fuzz && cmake --build build/fuzz && build/fuzz/tests/fuzz_link -max_total_time=60 tests/fuzz/seeds
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/model.h"
#include "core/scenario_link.h"

namespace {
std::string read(const char* rel) {
    std::ifstream f(std::string(TECHMAP_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

techmap::Model& model() {
    static techmap::Model* m = [] {
        auto* mm = new techmap::Model();
        if (!mm->load({{"world.json", read("data/world.json")},
                       {"semiconductors.json", read("data/semiconductors.json")},
                       {"domains.json", read("data/domains.json")}}).ok()) {
            std::fprintf(stderr, "fuzz_link: cannot load data/\n");
            std::abort();
        }
        return mm;
    }();
    return *m;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace techmap;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ParsedLink p = parse_link(text);
    if (p.notices.size() > 13) std::abort();
    for (const std::string& n : p.notices)
        if (n.size() > 240) std::abort();
    Model& m = model();
    (void)apply_link(m, p.state);
    // the model's state as a link reads back cleanly and writes the same
    LinkState own = link_of(m);
    own.layer = p.state.layer;
    own.view = p.state.view;
    own.mode = p.state.mode;
    const std::string frag = format_link(own);
    const ParsedLink again = parse_link(frag);
    if (!again.notices.empty()) {
        std::fprintf(stderr, "notice on the app's own link %s: %s\n", frag.c_str(), again.notices[0].c_str());
        std::abort();
    }
    if (format_link(again.state) != frag) {
        std::fprintf(stderr, "link not idempotent: %s\n", frag.c_str());
        std::abort();
    }
    if (!apply_link(m, again.state).empty()) std::abort();
    return 0;
}
