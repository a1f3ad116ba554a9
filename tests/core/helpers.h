// helpers.h — shared by the core tests: read the project's data files, build small datasets.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/model.h"

namespace techmap::test {

inline std::string read_file(const std::string& rel) {
    std::ifstream f(std::string(TECHMAP_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline std::vector<DataFile> default_files() {
    return {{"world.json", read_file("data/world.json")},
            {"semiconductors.json", read_file("data/semiconductors.json")},
            {"domains.json", read_file("data/domains.json")},
            {"measures.json", read_file("data/measures.json")}};
}

inline const Dataset& default_dataset() {
    static const Dataset ds = [] {
        LoadResult r = load_dataset(default_files());
        if (!r.ok()) { std::fprintf(stderr, "%s", r.summary().c_str()); std::abort(); }
        return std::move(*r.dataset);
    }();
    return ds;
}

// A minimal valid header with a few countries and one source, to which tests append.
inline std::string toy_world() {
    return R"({"format":"techmap-dataset/1","version":"toy",
      "countries":[{"id":"USA","name":"United States","lat":39,"lon":-98},
                   {"id":"JPN","name":"Japan","lat":36,"lon":138},
                   {"id":"NLD","name":"Netherlands","lat":52,"lon":5},
                   {"id":"DEU","name":"Germany","lat":51,"lon":9},
                   {"id":"CHN","name":"China","lat":35,"lon":105},
                   {"id":"KOR","name":"South Korea","lat":37,"lon":127.5},
                   {"id":"TWN","name":"Taiwan","lat":23.5,"lon":121}],
      "regions":[{"id":"EUR","name":"Europe","members":["NLD","DEU"]},{"id":"VAR","name":"Various","members":["*"]}],
      "sources":[{"id":"s1","title":"Hand-made test figures"}]})";
}

inline int cidx(const Dataset& ds, const char* iso) { return ds.find_country(iso); }

inline Scenario scenario_of(const Dataset& ds, std::initializer_list<const char*> members, const char* target = "CHN") {
    Scenario s;
    s.members.assign(ds.countries.size(), 0);
    for (const char* m : members) s.members[size_t(ds.find_country(m))] = 1;
    s.target = target ? ds.find_country(target) : -1;
    return s;
}

}  // namespace techmap::test
