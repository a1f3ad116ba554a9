// fuzz_link — libFuzzer target: any bytes as a scenario link, applied to the model with the
// default data, and then every output written (tests/fuzz/outputs.h). Whatever the bytes: no
// crash, no sanitizer report, bounded notices; every output valid UTF-8 and every JSON readable;
// the model's own link reads back without a notice and writes the same (idempotence); a story
// in the link reads or is refused, and a story that reads writes back as JSON.
//
//   cmake --preset fuzz && cmake --build build/fuzz && build/fuzz/tests/fuzz_link -dict=tests/fuzz/link.dict tests/fuzz/seeds
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "outputs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace techmap;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ParsedLink p = parse_link(text);
    if (p.notices.size() > 13) std::abort();
    for (const std::string& n : p.notices) {
        if (n.size() > 240) fuzz::fail("notice too long", n);
        fuzz::check_text("notice", n);
    }
    Model& m = fuzz::default_model();
    for (const std::string& n : apply_link(m, p.state)) fuzz::check_text("apply notice", n);
    // The figures JSON and the CSV carry, of what a link sets, only numbers and the alliance's
    // name (the rest is the data's text): they are written whenever the link brings a name not
    // seen in the last input, and on every 256th input, so that the target runs hundreds of
    // inputs per second under the sanitizers.
    static std::string last_name;
    static unsigned long runs = 0;
    fuzz::Writes w;
    w.figures_and_csv = (p.state.name && *p.state.name != last_name) || ++runs % 256 == 0;
    w.keys = false;
    w.explain_all = false;
    if (p.state.name) last_name = *p.state.name;
    fuzz::write_everything(m, w);
    if (p.state.story) {
        Story s;
        std::string error;
        if (parse_custom_story(*p.state.story, s, error)) fuzz::check_json("story JSON", custom_story_json(s));
        else fuzz::check_text("story error", error);
    }
    // and once more from the model's own link: nothing left to say
    const ParsedLink again = parse_link(format_link(link_of(m)));
    if (!apply_link(m, again.state).empty()) fuzz::fail("the app's own link does not apply cleanly", format_link(link_of(m)));
    return 0;
}
