// scenario_figures — the core, natively: reads a scenario (the page's JSON form) on stdin and
// prints the figures the core computes for it, as the page's JavaScript API does. The browser
// tests compare what the page shows after a user's clicks with this independent computation.
//
//   echo '{"members":["USA","JPN","NLD"],"target":"CHN"}' | scenario_figures data/world.json data/semiconductors.json data/domains.json data/measures.json
//   scenario_figures --lines DATA.json... < scenarios.jsonl   one scenario per line in, one figures JSON per line out
//                                                             (each scenario starts from the opening state)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <ctime>
#include <vector>

#include "core/model.h"

int main(int argc, char** argv) {
    {  // "today" is the machine's local date, as the app's is the user's
        const std::time_t now = std::time(nullptr);
        if (const std::tm* t = std::localtime(&now)) techmap::set_today((t->tm_year + 1900) * 10000 + (t->tm_mon + 1) * 100 + t->tm_mday);
    }
    const bool lines = argc > 1 && std::string(argv[1]) == "--lines";
    const int first = lines ? 2 : 1;
    if (argc <= first) {
        std::fprintf(stderr, "usage: %s [--lines] DATA.json... < scenario.json\n", argv[0]);
        return 2;
    }
    std::vector<techmap::DataFile> files;
    for (int i = first; i < argc; ++i) {
        std::ifstream f(argv[i], std::ios::binary);
        if (!f) {
            std::fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        std::ostringstream s;
        s << f.rdbuf();
        std::string name = argv[i];
        name = name.substr(name.find_last_of('/') + 1);
        files.push_back({name, s.str()});
    }
    techmap::Model model;
    const techmap::LoadResult r = model.load(files);
    if (!r.ok()) {
        std::fprintf(stderr, "%s", r.summary().c_str());
        return 1;
    }
    if (lines) {
        const techmap::Model opening = model;
        for (std::string line; std::getline(std::cin, line);) {
            techmap::Model m = opening;
            m.set_scenario_json(line);
            std::printf("%s\n", m.figures_json().c_str());
        }
        return 0;
    }
    const std::string scenario((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    for (const std::string& msg : model.set_scenario_json(scenario)) std::fprintf(stderr, "ignored: %s\n", msg.c_str());
    std::printf("%s\n", model.figures_json().c_str());
    return 0;
}
