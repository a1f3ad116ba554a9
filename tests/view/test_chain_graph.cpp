// The supply chain's graph layout: production flows left to right, no two boxes overlap, every
// node is reachable from a box, and the finished product comes last.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <utility>

#include "../core/helpers.h"
#include "view/chain_graph.h"

using namespace techmap;
using namespace techmap::test;

TEST_CASE("the semiconductor chain lays out left to right without overlaps") {
    const Domain& d = default_dataset().domains[0];
    const ChainGraph g = layout_chain(d);
    REQUIRE(g.boxes.size() > 20);
    CHECK(g.box_of_node.size() == d.nodes.size());
    std::set<std::pair<int, int>> cells;
    for (const ChainGraph::Box& b : g.boxes) {
        CHECK(d.nodes[size_t(b.node)].parent < 0);
        CHECK(b.column >= 0);
        CHECK(b.column < g.columns);
        CHECK(b.row >= 0);
        CHECK(b.row < g.rows);
        CHECK_MESSAGE(cells.insert({b.column, b.row}).second, "two boxes share a cell: ", d.nodes[size_t(b.node)].name);
    }
    for (size_t i = 0; i < d.nodes.size(); ++i) CHECK(g.box_of_node[i] >= 0);
    for (const ChainGraph::Link& l : g.links) {
        CHECK(l.from != l.to);
        CHECK(g.boxes[size_t(l.from)].column < g.boxes[size_t(l.to)].column);
    }
    // the finished product is the right-most box
    const int chips = d.find_node("N99");
    REQUIRE(chips >= 0);
    CHECK(d.nodes[size_t(chips)].kind == NodeKind::Output);
    const ChainGraph::Box& out = g.boxes[size_t(g.box_of_node[size_t(chips)])];
    for (const ChainGraph::Box& b : g.boxes)
        if (b.row < (g.unlinked_row < 0 ? g.rows : g.unlinked_row)) CHECK(b.column <= out.column);
    // lithography tools fold their kinds (EUV, ArF immersion, ...) into one box
    const int litho = d.find_node("N19"), euv = d.find_node("N20");
    CHECK(g.box_of_node[size_t(euv)] == g.box_of_node[size_t(litho)]);
    CHECK(g.boxes[size_t(g.box_of_node[size_t(litho)])].kinds >= 4);
    // what goes into fabrication includes lithography, and fabrication feeds onwards
    const int fab = g.box_of_node[size_t(d.find_node("N25"))];
    const std::vector<int> in = g.inputs_of(fab);
    CHECK(std::find(in.begin(), in.end(), g.box_of_node[size_t(litho)]) != in.end());
    CHECK(!g.outputs_of(fab).empty());
}

TEST_CASE("a folded cycle in the data does not hang the layout") {
    // a kind of A goes into B and B goes into A: folded, a cycle between two boxes
    Dataset ds;
    Domain d;
    d.nodes.resize(3);
    d.nodes[0].name = "A";
    d.nodes[1].name = "B";
    d.nodes[2].name = "A kind";
    d.nodes[2].parent = 0;
    d.nodes[0].subtypes = {2};
    d.nodes[2].outputs = {1};
    d.nodes[1].inputs = {2};
    d.nodes[1].outputs = {0};
    d.nodes[0].inputs = {1};
    const ChainGraph g = layout_chain(d);
    CHECK(g.boxes.size() == 2);
    CHECK(g.links.size() == 2);
    CHECK(g.columns <= 2);
}
