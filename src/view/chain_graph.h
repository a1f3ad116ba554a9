// chain_graph.h — the layout of a domain's supply chain as a graph: what "goes into" what, with
// production flowing left to right. Only top-level nodes get a box; the kinds of a node (its
// "type of" children) are folded into it and listed when it is selected. Edges that touch a kind
// are drawn from or to its top-level node. Pure layout (columns and rows in abstract units); the
// supply-chain window (ui/supply_chain_window.cpp) draws it with ImGui and colours it from the
// Model's figures. No GL, no ImGui.
#pragma once
#include <vector>

#include "core/dataset.h"

namespace techmap {

struct ChainGraph {
    struct Box {
        int node = -1;      // domain node index (top-level)
        int column = 0;     // 0 = raw inputs ... last = finished product
        int row = 0;        // position within its column, top to bottom
        int kinds = 0;      // number of kinds folded into it (all levels)
    };
    struct Link { int from = -1, to = -1; };  // indices into boxes
    std::vector<Box> boxes;
    std::vector<Link> links;
    std::vector<int> box_of_node;   // domain node -> box index (its top-level box)
    int columns = 0;
    int rows = 0;                   // the tallest column
    // Boxes without any "goes into" link (e.g. whole-stage rows): laid out in the last row band.
    int unlinked_row = -1;

    // Boxes whose nodes feed the box of `node`, and those it feeds (for highlighting).
    std::vector<int> inputs_of(int box) const;
    std::vector<int> outputs_of(int box) const;
};

// Columns by the longest path from a raw input; rows ordered by the mean row of each box's
// inputs (one barycentric sweep), which keeps most links short and uncrossed.
ChainGraph layout_chain(const Domain& domain);

// The top-level ancestor of a node (itself if it has no parent).
int top_level(const Domain& domain, int node);

}  // namespace techmap
