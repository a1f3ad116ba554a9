// keys.h — who holds the keys: for each node and for a whole domain, the smallest set of
// countries that reaches the control threshold, and each country's power in the weighted game
// "country shares vs threshold" (Shapley–Shubik index, computed exactly by counting coalitions).
//
// These depend on the shares and the threshold only, not on who is in the alliance, so the
// caller computes them once per (domain, threshold) and keeps them; needed_to_reach() is the
// cheap per-scenario question "which non-members would the alliance have to add here?".
//
// Players are countries with a known share; region rows and rows of unknown share are not
// players (the explanation says so), so an index rests on the published country shares.
#pragma once
#include <vector>

#include "core/figures.h"

namespace techmap {

struct Power {
    int country = -1;
    double index = 0;  // Shapley–Shubik, sums to 1 over a node's players when the game has a winner
};

struct NodeKeys {
    bool has_game = false;             // the node has country shares
    bool reachable = false;            // all known shares together reach the threshold
    std::vector<int> minimal_coalition;  // country indices, largest share first
    std::vector<Power> power;          // descending index
};

struct DomainKeys {
    double threshold = 0;
    std::vector<NodeKeys> nodes;
    // Smallest set of countries reaching the threshold in every node where any set can.
    bool coalition_found = false;
    bool search_capped = false;        // the exact search hit its budget (never silently)
    int nodes_considered = 0;          // nodes where the threshold is reachable
    std::vector<int> minimal_coalition;
    // Domain power: the mean of node indices over the nodes whose game has a winner.
    std::vector<Power> power;
};

NodeKeys node_keys(const Node& n, double threshold);
DomainKeys domain_keys(const Domain& dom, double threshold);

// Smallest set of non-members (largest share first) the alliance must add so that its certain
// share of `node` reaches the threshold. Empty when it already does; `possible` false when even
// all non-members together cannot.
struct Needed {
    bool possible = false;
    std::vector<int> countries;
};
Needed needed_to_reach(const Node& n, const Scenario& s, const NodeFigures& f);

}  // namespace techmap
