// fuzz_dataset — libFuzzer target: any bytes as a user's dataset file, loaded on top of the
// default data as techmap.loadDataset does (Model::load_on_top). Either a clean refusal, after
// which the previous data and scenario are still in place, or a dataset whose every figure and
// output can be written (tests/fuzz/outputs.h). Every problem message is valid text.
//
//   cmake --preset fuzz && cmake --build build/fuzz && build/fuzz/tests/fuzz_dataset -dict=tests/fuzz/json.dict tests/fuzz/dataset-seeds
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "outputs.h"
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace techmap;
    static Model& m = [] () -> Model& {
        Model& d = fuzz::default_model();
        d.apply_preset("G7");
        return d;
    }();
    const std::string before_version = m.data().version();
    const std::string before_scenario = m.scenario_json();
    const LoadResult r = m.load_on_top(fuzz::default_files(), DataFile{"user.json", std::string(reinterpret_cast<const char*>(data), size)});
    fuzz::check_text("problems", r.summary());
    if (!r.ok()) {
        if (m.data().version() != before_version || m.scenario_json() != before_scenario)
            fuzz::fail("a refused file changed the data or the scenario", r.summary());
    } else {
        if (m.selected_node() < 0) m.select_node(m.default_node());
        fuzz::write_everything(m, fuzz::Writes{});
    }
    return 0;
}
