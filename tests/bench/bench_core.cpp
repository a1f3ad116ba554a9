// bench_core — prints the core's budgets (issue 3): full recompute after one toggle on the
// semiconductor domain and on a synthetic domain ten times larger, dataset load + validation,
// and model memory. Runs natively and as WebAssembly under Node (same source).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/headline.h"
#include "core/keys.h"
#include "core/model.h"
#include "core/projection.h"
#include "core/world_map.h"

using namespace techmap;
using Clock = std::chrono::steady_clock;

static std::string read_file(const std::string& rel) {
    std::ifstream f(std::string(TECHMAP_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}
static double us_since(Clock::time_point t) {
    return std::chrono::duration<double, std::micro>(Clock::now() - t).count();
}
static double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A synthetic domain: `nodes` nodes in layers, each with 3-8 country shares (some unknown) and
// 1-3 inputs from earlier layers; `countries` countries.
static std::string synthetic(int nodes, int countries) {
    std::mt19937 rng(42);
    std::ostringstream s;
    s << R"({"format":"techmap-dataset/1","version":"synthetic","sources":[{"id":"s","title":"synthetic"}],"countries":[)";
    for (int c = 0; c < countries; ++c)
        s << (c ? "," : "") << R"({"id":")" << char('A' + c / 26 % 26) << char('A' + c % 26) << char('A' + c / 676)
          << R"(","name":"C)" << c << R"(","lat":0,"lon":0})";
    s << R"(],"domains":[{"id":"syn","name":"Synthetic","nodes":[)";
    for (int n = 0; n < nodes; ++n) {
        s << (n ? "," : "") << R"({"id":"N)" << n << R"(","name":"N)" << n << R"(","kind":"tool","shares":[)";
        int k = 3 + int(rng() % 6);
        double left = 100;
        std::vector<int> used;
        for (int i = 0; i < k; ++i) {
            int c = int(rng() % unsigned(countries));
            if (std::find(used.begin(), used.end(), c) != used.end()) continue;
            used.push_back(c);
            double v = i + 1 == k ? left : std::min(left, double(rng() % 40));
            left -= v;
            s << (used.size() > 1 ? "," : "") << R"({"country":")" << char('A' + c / 26 % 26) << char('A' + c % 26)
              << char('A' + c / 676) << R"(","share":)" << (rng() % 10 == 0 ? std::string("null") : std::to_string(v))
              << R"(,"year":2025,"source":"s"})";
        }
        s << "]}";
    }
    s << R"(],"edges":[)";
    bool first = true;
    for (int n = 10; n < nodes; ++n) {
        int k = 1 + int(rng() % 3);
        for (int i = 0; i < k; ++i) {
            int from = int(rng() % unsigned(n));
            s << (first ? "" : ",") << R"({"from":"N)" << from << R"(","to":"N)" << n << R"(","type":"goes_into"})";
            first = false;
        }
    }
    s << "]}]}";
    return s.str();
}

// budget_us: the issue's limit for the WebAssembly median (the native figure is printed against it too)
static void bench_toggles(const char* label, Model& m, int reps, double budget_us) {
    const Scenario& s0 = m.scenario();
    std::vector<int> pool;
    for (size_t c = 0; c < s0.members.size(); ++c) if (int(c) != s0.target) pool.push_back(int(c));
    std::vector<double> t;
    std::mt19937 rng(1);
    for (int i = 0; i < reps; ++i) {
        int c = pool[rng() % pool.size()];
        auto start = Clock::now();
        m.toggle_member(c);
        t.push_back(us_since(start));
    }
    std::sort(t.begin(), t.end());
    std::printf("%-44s median %8.2f us   p95 %8.2f us   (%d toggles, %zu nodes; budget %g us)\n", label, median(t),
                t[size_t(double(t.size()) * 0.95)], reps, m.domain()->nodes.size(), budget_us);
}

int main() {
    const std::vector<DataFile> chips = {{"world.json", read_file("data/world.json")},
                                         {"semiconductors.json", read_file("data/semiconductors.json")}};
    std::vector<DataFile> files = chips;
    files.push_back({"domains.json", read_file("data/domains.json")});
    files.push_back({"measures.json", read_file("data/measures.json")});
    std::vector<double> loads;
    for (int i = 0; i < 20; ++i) {
        auto t = Clock::now();
        LoadResult r = load_dataset(files);
        loads.push_back(us_since(t) / 1000);
        if (!r.ok()) { std::printf("load failed:\n%s", r.summary().c_str()); return 1; }
    }
    std::printf("%-44s median %8.2f ms\n", "load + validate default data", median(loads));

    {
        Model chips_only;
        chips_only.load(chips);
        chips_only.apply_preset("G7");
        bench_toggles("recompute after one toggle (semiconductors only)", chips_only, 5000, 6.5);
    }
    Model m;
    m.load(files);
    m.apply_preset("G7");
    m.set_links(true);
    m.set_retaliation_third_countries(true);
    std::printf("default data: %zu domains, %zu cross-domain links\n", m.data().domains.size(), m.data().links.size());
    bench_toggles("recompute after one toggle (all domains, links on)", m, 5000, 9);
    {
        // the timeline: a new date or a new choice of what is denied recomputes every domain
        const int dates[] = {20221006, 20221007, 20230801, 20230901, 20231117, 20241202, 20250601, 20260101, 20261129};
        std::vector<double> t;
        for (int i = 0; i < 3000; ++i) {
            auto start = Clock::now();
            // the three denial modes in turn: what if, the members' controls, the rules in force
            if (i % 3 == 2) m.set_deny_mode(DenialMode((int(m.scenario().deny_mode) + 1) % 3));
            else m.set_date(dates[size_t(i) % 9]);
            t.push_back(us_since(start));
            if (i == 0) { m.set_deny_mode(DenialMode::Controls); m.set_retaliation_mode(DenialMode::Controls); }
        }
        std::sort(t.begin(), t.end());
        std::printf("%-44s median %8.2f us   p95 %8.2f us   (%zu changes, %zu measures; budget 30 us)\n",
                    "recompute after a date or mode change", median(t), t[size_t(double(t.size()) * 0.95)], t.size(),
                    m.data().measures.size());
    }
    {
        // the headline (headline.h) of every input of the chips domain, in the three modes: what
        // the caption, the card and the text view each ask for once per change
        std::vector<double> t;
        m.select_domain("semiconductors");
        const int n = int(m.domain()->nodes.size());
        size_t chars = 0;
        for (int i = 0; i < 3 * n; ++i) {
            if (i % n == 0) m.set_deny_mode(DenialMode(i / n % 3));
            auto start = Clock::now();
            chars += plain_headline(m, i % n).sentence.size();
            t.push_back(us_since(start));
        }
        std::sort(t.begin(), t.end());
        std::printf("%-44s median %8.2f us   p95 %8.2f us   (%zu headlines, %zu chars; budget 50 us)\n", "one input's headline", median(t),
                    t[size_t(double(t.size()) * 0.95)], t.size(), chars);
    }

    size_t bytes = 0;
    const Dataset& ds = m.data();
    for (const Country& c : ds.countries) bytes += sizeof c + c.name.capacity();
    for (const Source& s : ds.sources) bytes += sizeof s + s.title.capacity() + s.url.capacity() + s.credit.capacity();
    for (const Domain& d : ds.domains)
        for (const Node& n : d.nodes)
            bytes += sizeof n + n.description.capacity() + n.name.capacity() + n.market.capacity() + n.note.capacity() +
                     n.shares.capacity() * sizeof(ShareRow) + n.firms.capacity() * sizeof(FirmRow) +
                     (n.inputs.capacity() + n.outputs.capacity() + n.subtypes.capacity()) * sizeof(int);
    std::printf("%-44s %8.2f MB (dataset records and strings)\n", "model memory", double(bytes) / (1024.0 * 1024.0));

    auto tk = Clock::now();
    DomainKeys k = domain_keys(*m.domain(), 80);
    std::printf("%-44s %8.2f ms (coalition of %zu, %d nodes)\n", "who holds the keys (domain, threshold 80)",
                us_since(tk) / 1000, k.minimal_coalition.size(), k.nodes_considered);

    for (const char* res : {"110m", "50m"}) {
        const std::string bytes = read_file(std::string("assets/world-") + res + ".bin");
        WorldMap map;
        std::string err;
        auto tl = Clock::now();
        if (!map.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), err)) { std::printf("map: %s\n", err.c_str()); return 1; }
        const double load_ms = us_since(tl) / 1000;
        std::vector<glm::vec2> pts;
        std::mt19937 rng(3);
        for (int i = 0; i < 20000; ++i)
            pts.push_back(glm::vec2(equal_earth(double(rng() % 36000) / 100 - 180, double(rng() % 15000) / 100 - 65)));
        int hits = 0;
        auto tp = Clock::now();
        for (const glm::vec2& p : pts) hits += map.pick(p) >= 0;
        std::printf("%-44s mean %8.2f us   (%zu picks, %d on land; asset load %.1f ms)\n",
                    (std::string("one pick, map ") + res).c_str(), us_since(tp) / double(pts.size()), pts.size(), hits, load_ms);
    }

    Model big;
    std::string syn = synthetic(1500, 250);
    auto tb = Clock::now();
    LoadResult br = big.load({{"synthetic.json", syn}});
    if (!br.ok()) { std::printf("synthetic load failed:\n%s", br.summary().c_str()); return 1; }
    std::printf("%-44s %8.2f ms (%zu KB)\n", "load synthetic 1,500 nodes x 250 countries", us_since(tb) / 1000, syn.size() / 1024);
    bench_toggles("recompute after one toggle (synthetic x10)", big, 500, 120);
    return 0;
}
