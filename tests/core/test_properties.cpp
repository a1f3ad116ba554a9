// Properties over random alliances on the real data (fixed seed: failures reproduce).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/figures.h"
#include "core/keys.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// Countries that supply something in the domain: random alliances drawn from them matter.
std::vector<int> suppliers(const Domain& d) {
    std::vector<int> c;
    for (const Node& n : d.nodes)
        for (const ShareRow& r : n.shares)
            if (r.country >= 0) c.push_back(r.country);
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    return c;
}
void check_bounds(const Range& r, double top = 100) {
    CHECK(r.lo >= -1e-9);
    CHECK(r.lo <= r.hi + 1e-9);
    CHECK(r.hi <= top + 1e-9);
}
}  // namespace

TEST_CASE("adding a member never lowers the alliance share nor raises the target's access") {
    const Dataset& ds = default_dataset();
    const Domain& d = ds.domains[0];
    const std::vector<int> pool = suppliers(d);
    const int china = ds.find_country("CHN");
    std::mt19937 rng(20261128);
    for (int trial = 0; trial < 150; ++trial) {
        Scenario s = scenario_of(ds, {});
        s.third_country_rule = trial % 2;
        s.threshold = 50 + double(rng() % 50);
        for (int c : pool) if (c != china && rng() % 3 == 0) s.members[size_t(c)] = 1;
        DomainFigures before = compute_domain(ds, d, s);
        int add = pool[rng() % pool.size()];
        if (add == china || s.members[size_t(add)]) continue;
        s.members[size_t(add)] = 1;
        DomainFigures after = compute_domain(ds, d, s);
        for (size_t i = 0; i < d.nodes.size(); ++i) {
            const NodeFigures &a = before.nodes[i], &b = after.nodes[i];
            CHECK(b.alliance_share.lo >= a.alliance_share.lo - 1e-9);
            CHECK(b.alliance_share.hi >= a.alliance_share.hi - 1e-9);
            CHECK(b.target_access.lo <= a.target_access.lo + 1e-9);
            CHECK(b.target_access.hi <= a.target_access.hi + 1e-9);
            CHECK(int(b.choke) >= int(a.choke));
            for (const NodeFigures* f : {&a, &b}) {
                check_bounds(f->alliance_share);
                check_bounds(f->target_share);
                check_bounds(f->target_access);
                check_bounds(f->alliance_access);
                check_bounds(f->hhi, 10000);
            }
        }
        CHECK(after.choke_points >= before.choke_points);
    }
}

TEST_CASE("minimal coalitions reach the threshold and no smaller set does") {
    const Dataset& ds = default_dataset();
    const Domain& d = ds.domains[0];
    std::mt19937 rng(7);
    int checked = 0;
    for (const Node& n : d.nodes) {
        double threshold = 40 + double(rng() % 60);
        NodeKeys k = node_keys(n, threshold);
        std::vector<std::pair<int, double>> players;
        for (const ShareRow& r : n.shares)
            if (r.country >= 0 && is_known(r.share) && r.share > 0) players.push_back({r.country, r.share});
        if (players.size() > 14) continue;
        const unsigned full = 1u << players.size();
        size_t smallest = 99;
        for (unsigned m = 1; m < full; ++m) {
            double s = 0;
            for (size_t i = 0; i < players.size(); ++i) if (m >> i & 1) s += players[i].second;
            if (s >= threshold - 1e-9) smallest = std::min(smallest, size_t(__builtin_popcount(m)));
        }
        if (smallest == 99) {
            CHECK_FALSE(k.reachable);
            continue;
        }
        REQUIRE(k.reachable);
        CHECK(k.minimal_coalition.size() == smallest);
        double s = 0;
        for (int c : k.minimal_coalition)
            for (auto& p : players) if (p.first == c) s += p.second;
        CHECK(s >= threshold - 1e-9);
        ++checked;
    }
    CHECK(checked > 50);
}

TEST_CASE("Shapley-Shubik equals brute force over orderings and sums to one") {
    const Dataset& ds = default_dataset();
    const Domain& d = ds.domains[0];
    int checked = 0;
    for (const Node& n : d.nodes) {
        std::vector<std::pair<int, int>> players;  // country, weight in tenths
        for (const ShareRow& r : n.shares)
            if (r.country >= 0 && is_known(r.share) && r.share > 0)
                players.push_back({r.country, int(std::lround(r.share * 10))});
        if (players.empty() || players.size() > 7) continue;
        const double threshold = 60;
        NodeKeys k = node_keys(n, threshold);
        if (!k.reachable) continue;
        std::vector<int> order(players.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
        std::vector<double> pivots(players.size(), 0);
        double perms = 0;
        do {
            int w = 0;
            for (int i : order) {
                if (w < 600 && w + players[size_t(i)].second >= 600) { pivots[size_t(i)] += 1; break; }
                w += players[size_t(i)].second;
            }
            perms += 1;
        } while (std::next_permutation(order.begin(), order.end()));
        double sum = 0;
        for (const Power& p : k.power) {
            sum += p.index;
            for (size_t i = 0; i < players.size(); ++i)
                if (players[i].first == p.country) CHECK(p.index == doctest::Approx(pivots[i] / perms));
        }
        CHECK(sum == doctest::Approx(1.0));
        ++checked;
    }
    CHECK(checked > 20);
}
