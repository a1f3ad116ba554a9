// chain_graph.cpp — layered layout of the supply chain's "goes into" graph.
#include "view/chain_graph.h"

#include <algorithm>
#include <numeric>

namespace techmap {

int top_level(const Domain& d, int node) {
    for (size_t guard = 0; node >= 0 && d.nodes[size_t(node)].parent >= 0 && guard < d.nodes.size(); ++guard)
        node = d.nodes[size_t(node)].parent;
    return node;
}

std::vector<int> ChainGraph::inputs_of(int box) const {
    std::vector<int> r;
    for (const Link& l : links)
        if (l.to == box) r.push_back(l.from);
    return r;
}

std::vector<int> ChainGraph::outputs_of(int box) const {
    std::vector<int> r;
    for (const Link& l : links)
        if (l.from == box) r.push_back(l.to);
    return r;
}

ChainGraph layout_chain(const Domain& d) {
    ChainGraph g;
    const size_t n = d.nodes.size();
    g.box_of_node.assign(n, -1);
    for (size_t i = 0; i < n; ++i)
        if (d.nodes[i].parent < 0) {
            g.box_of_node[i] = int(g.boxes.size());
            g.boxes.push_back({int(i), 0, 0, 0});
        }
    for (size_t i = 0; i < n; ++i) {
        const int top = top_level(d, int(i));
        g.box_of_node[i] = top >= 0 ? g.box_of_node[size_t(top)] : -1;
        if (top != int(i) && g.box_of_node[i] >= 0) ++g.boxes[size_t(g.box_of_node[i])].kinds;
    }
    // links between top-level boxes, each once, no self-links
    for (size_t i = 0; i < n; ++i)
        for (int out : d.nodes[i].outputs) {
            const int a = g.box_of_node[i], b = g.box_of_node[size_t(out)];
            if (a < 0 || b < 0 || a == b) continue;
            const bool seen = std::any_of(g.links.begin(), g.links.end(), [&](const ChainGraph::Link& l) { return l.from == a && l.to == b; });
            if (!seen) g.links.push_back({a, b});
        }
    const size_t nb = g.boxes.size();
    // longest path from a source; bounded relaxation, so a cycle in folded data cannot hang
    std::vector<int> col(nb, 0);
    for (size_t pass = 0; pass < nb; ++pass) {
        bool changed = false;
        for (const ChainGraph::Link& l : g.links)
            if (col[size_t(l.to)] < col[size_t(l.from)] + 1 && col[size_t(l.from)] + 1 < int(nb)) {
                col[size_t(l.to)] = col[size_t(l.from)] + 1;
                changed = true;
            }
        if (!changed) break;
    }
    std::vector<char> linked(nb, 0);
    for (const ChainGraph::Link& l : g.links) linked[size_t(l.from)] = linked[size_t(l.to)] = 1;
    // pull each linked source right, next to the first box it feeds, so links stay short
    for (size_t b = 0; b < nb; ++b) {
        if (!linked[b]) continue;
        int nearest = -1;
        bool has_input = false;
        for (const ChainGraph::Link& l : g.links) {
            if (l.to == int(b)) has_input = true;
            if (l.from == int(b)) nearest = nearest < 0 ? col[size_t(l.to)] : std::min(nearest, col[size_t(l.to)]);
        }
        if (!has_input && nearest > 0) col[b] = nearest - 1;
    }
    for (size_t b = 0; b < nb; ++b)
        if (linked[b]) g.columns = std::max(g.columns, col[b] + 1);
    // rows: a sweep left to right orders each column by the mean row of the boxes feeding it
    // (sources last, then by name); a sweep right to left moves sources next to what they feed
    std::vector<double> row(nb, 0.0);
    std::vector<int> count(size_t(std::max(g.columns, 1)), 0);
    auto sweep_column = [&](int c, bool from_inputs) {
        std::vector<int> in_col;
        for (size_t b = 0; b < nb; ++b)
            if (linked[b] && col[b] == c) in_col.push_back(int(b));
        std::vector<double> key(nb, 0.0);
        for (int b : in_col) {
            double sum = 0;
            int k = 0;
            for (const ChainGraph::Link& l : g.links) {
                const int other = from_inputs ? l.from : l.to;
                const bool neighbour = from_inputs ? (l.to == b && col[size_t(l.from)] < c) : (l.from == b && col[size_t(l.to)] > c);
                if (neighbour) { sum += row[size_t(other)]; ++k; }
            }
            key[size_t(b)] = k ? sum / k : (from_inputs ? 1e9 : row[size_t(b)]);
        }
        std::stable_sort(in_col.begin(), in_col.end(), [&](int a, int b) {
            if (key[size_t(a)] != key[size_t(b)]) return key[size_t(a)] < key[size_t(b)];
            return from_inputs && d.nodes[size_t(g.boxes[size_t(a)].node)].name < d.nodes[size_t(g.boxes[size_t(b)].node)].name;
        });
        for (size_t r = 0; r < in_col.size(); ++r) row[size_t(in_col[r])] = double(r);
        count[size_t(c)] = int(in_col.size());
    };
    for (int c = 0; c < g.columns; ++c) sweep_column(c, true);
    for (int c = g.columns - 1; c >= 0; --c) sweep_column(c, false);
    for (int c = 0; c < g.columns; ++c) g.rows = std::max(g.rows, count[size_t(c)]);
    // unlinked boxes (whole stages, inputs without a known place in the chain): a band below
    int k = 0;
    const int per_row = std::max(g.columns, 1);
    for (size_t b = 0; b < nb; ++b)
        if (!linked[b]) {
            col[b] = k % per_row;
            row[b] = double(g.rows + k / per_row);
            ++k;
        }
    if (k > 0) {
        g.unlinked_row = g.rows;
        g.rows += (k + per_row - 1) / per_row;
        g.columns = std::max(g.columns, std::min(k, per_row));
    }
    for (size_t b = 0; b < nb; ++b) {
        g.boxes[b].column = col[b];
        g.boxes[b].row = int(row[b]);
    }
    return g;
}

}  // namespace techmap
