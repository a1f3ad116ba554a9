// keys.cpp — minimal coalitions and exact Shapley–Shubik indices.
#include "core/keys.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace techmap {
namespace {

struct Player {
    int country;
    double share;  // percent, as published
};

std::vector<Player> players_of(const Node& n) {
    std::vector<Player> p;
    for (const ShareRow& r : n.shares)
        if (r.country >= 0 && is_known(r.share) && r.share > 0) p.push_back({r.country, r.share});
    std::sort(p.begin(), p.end(), [](const Player& a, const Player& b) {
        return a.share != b.share ? a.share > b.share : a.country < b.country;
    });
    return p;
}

constexpr double kEps = 1e-9;

// Shapley–Shubik by counting: cnt[k][w] = number of coalitions of k players with weight w
// (weights in tenths of a percent). A player is pivotal after a coalition S (|S| = k) when
// w(S) < quota <= w(S) + w_i; such an S comes first in k!(n-k-1)! of the n! orderings.
std::vector<double> shapley_shubik(const std::vector<Player>& p, double threshold) {
    const int n = int(p.size());
    std::vector<int> w(static_cast<size_t>(n), 0);
    int total = 0;
    for (int i = 0; i < n; ++i) total += (w[size_t(i)] = int(std::lround(p[size_t(i)].share * 10)));
    const int quota = int(std::ceil(threshold * 10 - 1e-6));
    std::vector<double> idx(size_t(n), 0.0);
    if (n == 0 || total < quota) return idx;
    const int W = total + 1;
    std::vector<double> cnt(size_t((n + 1) * W), 0.0);
    auto at = [W](std::vector<double>& v, int k, int x) -> double& { return v[size_t(k * W + x)]; };
    at(cnt, 0, 0) = 1;
    for (int i = 0; i < n; ++i)
        for (int k = i; k >= 0; --k)
            for (int x = total - w[size_t(i)]; x >= 0; --x)
                if (const double c = at(cnt, k, x); c != 0.0) at(cnt, k + 1, x + w[size_t(i)]) += c;
    // weight of an ordering position: k!(n-k-1)!/n!, computed as a running product
    std::vector<double> pos(static_cast<size_t>(n), 0.0);
    for (int k = 0; k < n; ++k) {
        double v = 1.0 / n;  // k!(n-1-k)!/n! = 1 / (n * C(n-1, k))
        for (int j = 1; j <= k; ++j) v *= double(j) / double(n - k - 1 + j);
        pos[size_t(k)] = v;
    }
    std::vector<double> without(size_t((n + 1) * W));
    for (int i = 0; i < n; ++i) {
        const int wi = w[size_t(i)];
        // coalitions without player i: cnt minus those that contain i
        for (int k = 0; k <= n; ++k)
            for (int x = 0; x < W; ++x) {
                double v = at(cnt, k, x);
                if (k > 0 && x >= wi) v -= at(without, k - 1, x - wi);
                at(without, k, x) = v;
            }
        double s = 0;
        for (int k = 0; k < n; ++k)
            for (int x = std::max(0, quota - wi); x < std::min(quota, W); ++x) s += at(without, k, x) * pos[size_t(k)];
        idx[size_t(i)] = s;
    }
    return idx;
}

double share_of_set(const std::vector<Player>& p, const std::vector<uint8_t>& in) {
    double s = 0;
    for (const Player& x : p) if (in[size_t(x.country)]) s += x.share;
    return s;
}

}  // namespace

NodeKeys node_keys(const Node& n, double threshold) {
    NodeKeys k;
    std::vector<Player> p = players_of(n);
    k.has_game = !p.empty();
    double sum = 0;
    for (const Player& x : p) {
        if (sum >= threshold - kEps) break;
        sum += x.share;
        k.minimal_coalition.push_back(x.country);
    }
    k.reachable = sum >= threshold - kEps;
    if (!k.reachable) k.minimal_coalition.clear();
    std::vector<double> idx = shapley_shubik(p, threshold);
    for (size_t i = 0; i < p.size(); ++i) k.power.push_back({p[i].country, idx[i]});
    std::stable_sort(k.power.begin(), k.power.end(), [](const Power& a, const Power& b) { return a.index > b.index; });
    return k;
}

namespace {
// Exact smallest hitting coalition by iterative deepening: branch on the countries of the first
// node the current set does not yet control; prune with the greedy count still needed there.
struct CoalitionSearch {
    std::vector<std::vector<Player>> games;  // reachable nodes only
    std::vector<uint8_t> in;
    std::vector<int> chosen, best;
    long budget = 400000;
    bool capped = false;

    int first_open() const {
        for (size_t g = 0; g < games.size(); ++g)
            if (share_of_set(games[g], in) < threshold - kEps) return int(g);
        return -1;
    }
    int still_needed(const std::vector<Player>& p) const {
        double s = share_of_set(p, in);
        int k = 0;
        for (const Player& x : p) {
            if (s >= threshold - kEps) break;
            if (!in[size_t(x.country)]) { s += x.share; ++k; }
        }
        return k;
    }
    bool dfs(int limit) {
        if (--budget < 0) { capped = true; return false; }
        int g = first_open();
        if (g < 0) { best = chosen; return true; }
        const std::vector<Player>& p = games[size_t(g)];
        if (int(chosen.size()) + still_needed(p) > limit) return false;
        for (const Player& x : p) {
            if (in[size_t(x.country)]) continue;
            in[size_t(x.country)] = 1;
            chosen.push_back(x.country);
            bool ok = dfs(limit);
            chosen.pop_back();
            in[size_t(x.country)] = 0;
            if (ok) return true;
            if (capped) return false;
        }
        return false;
    }
    double threshold = 80;
};
}  // namespace

DomainKeys domain_keys(const Domain& dom, double threshold) {
    DomainKeys d;
    d.threshold = threshold;
    d.nodes.reserve(dom.nodes.size());
    std::map<int, double> power_sum;
    int games_with_winner = 0;
    CoalitionSearch search;
    search.threshold = threshold;
    int max_country = 0;
    for (const Node& n : dom.nodes) {
        NodeKeys k = node_keys(n, threshold);
        if (k.reachable && n.link < 0) {  // another domain's node (a link) is that domain's game
            ++games_with_winner;
            for (const Power& p : k.power) power_sum[p.country] += p.index;
            search.games.push_back(players_of(n));
            for (const Player& x : search.games.back()) max_country = std::max(max_country, x.country);
        }
        d.nodes.push_back(std::move(k));
    }
    d.nodes_considered = int(search.games.size());
    // hardest nodes first: fewer branches near the root
    std::stable_sort(search.games.begin(), search.games.end(),
                     [](const std::vector<Player>& a, const std::vector<Player>& b) { return a.size() < b.size(); });
    search.in.assign(size_t(max_country) + 1, 0);
    for (int limit = 0; limit <= max_country + 1 && !search.capped; ++limit) {
        if (search.dfs(limit)) {
            d.coalition_found = true;
            d.minimal_coalition = search.best;
            break;
        }
    }
    d.search_capped = search.capped;
    for (auto& [c, s] : power_sum) d.power.push_back({c, games_with_winner ? s / games_with_winner : 0});
    std::stable_sort(d.power.begin(), d.power.end(), [](const Power& a, const Power& b) { return a.index > b.index; });
    return d;
}

Needed needed_to_reach(const Node& n, const Scenario& s, const NodeFigures& f) {
    Needed need;
    if (!f.has_shares) return need;
    double have = f.alliance_share.lo;
    if (have >= s.threshold - kEps) { need.possible = true; return need; }
    for (const Player& x : players_of(n)) {
        if (s.is_member(x.country) || x.country == s.target) continue;
        have += x.share;
        need.countries.push_back(x.country);
        if (have >= s.threshold - kEps) { need.possible = true; return need; }
    }
    need.countries.clear();
    return need;
}

}  // namespace techmap
