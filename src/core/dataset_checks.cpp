// dataset_checks.cpp — the whole dataset once every file is read: links between domains
// imported (the linked node and its inputs copied), measures' covers resolved, cycles found,
// share sums checked and derived; then load_dataset() and check_dataset_file(), the entry points.
#include "core/dataset_reader.h"

#include <algorithm>
#include <cstdio>

namespace techmap::loader {

namespace {
// HHI of the rows as published. When they sum past 100 by rounding, the real HHI lies between the
// rows as published (hi: no fix of the excess raises it) and the rows with the excess E taken off
// the largest ones, levelled from the top (lo: the lowest any fix gives). Unknown shares: the
// remainder could be one holder's (hi adds its square).
void derive_hhi(Node& n) {
    double sq = 0;
    if (n.excess <= 0) {
        for (const ShareRow& row : n.shares)
            if (is_known(row.share)) sq += row.share * row.share;
        n.hhi_lo = sq;
        n.hhi_hi = sq + n.residual * n.residual;
        return;
    }
    double v[64];
    size_t k = 0;
    for (const ShareRow& row : n.shares)
        if (is_known(row.share) && row.share > 0) {
            sq += row.share * row.share;
            if (k < 64) v[k++] = row.share;
        }
    n.hhi_hi = sq;
    if (k == 64) { n.hhi_lo = std::max(0.0, sq - 200 * n.excess); return; }  // more rows than kept: a safe bound
    std::sort(v, v + k);  // ascending
    // lo: lower the largest rows to a common level L with sum(max(0, v - L)) = E
    double above = 0, lo = sq;
    for (size_t j = k; j-- > 0;) {
        above += v[j];
        const size_t count = k - j;
        const double level = (above - n.excess) / double(count);
        const double next = j > 0 ? v[j - 1] : 0;
        if (level >= next) {
            lo = 0;
            for (size_t i = 0; i < j; ++i) lo += v[i] * v[i];
            lo += double(count) * std::max(level, 0.0) * std::max(level, 0.0);
            break;
        }
    }
    n.hhi_lo = std::clamp(lo, 0.0, sq);
}
}  // namespace

void derive_sums(Node& node, const Dataset& ds) {
    double sum = 0;
    bool has_unknown_row = false;
    node.known_holdings.clear();
    node.unknown_holders.clear();
    node.year_min = node.year_max = 0;
    const size_t countries = ds.countries.size(), nobody = ds.holder_count() - 1;
    for (const ShareRow& s : node.shares) {
        const size_t holder = s.country >= 0 && size_t(s.country) < countries ? size_t(s.country)
                              : s.region >= 0 && size_t(s.region) < ds.regions.size() ? countries + size_t(s.region)
                                                                                     : nobody;
        if (is_known(s.share)) {
            sum += s.share;
            node.known_holdings.push_back({s.share, uint32_t(holder)});
        } else {
            has_unknown_row = true;
            node.unknown_holders.push_back(uint32_t(holder));
        }
        if (s.year > 0) {
            node.year_min = node.year_min ? std::min(node.year_min, s.year) : s.year;
            node.year_max = std::max(node.year_max, s.year);
        }
    }
    node.published_sum = sum;
    node.excess = sum > 100.0 + 1e-9 ? sum - 100.0 : 0;
    node.residual = node.shares.empty() ? 0 : std::max(0.0, 100.0 - sum);
    if (node.residual < 1e-9) node.residual = 0;
    node.residual_unattributed = node.residual > 0 && !has_unknown_row;
    derive_hhi(node);
}

namespace {
// [SECTION] whole-dataset checks ----------------------------------------------------------------
// Topological order over "goes into" and "is a type of" (inputs and subtypes first), and each
// node's own inputs (Node::own_inputs).
// Returns false and names one node on a cycle when there is one.
bool order_domain(Domain& d, std::string& cycle_node) {
    const size_t n = d.nodes.size();
    std::vector<int> indeg(n, 0);
    std::vector<std::vector<int>> next(n);
    for (size_t i = 0; i < n; ++i) {
        for (int in : d.nodes[i].inputs) { next[size_t(in)].push_back(int(i)); ++indeg[i]; }
        for (int sub : d.nodes[i].subtypes) { next[size_t(sub)].push_back(int(i)); ++indeg[i]; }
    }
    for (Node& node : d.nodes) {  // what feeds a node when the scenario leaves links off
        node.own_inputs.clear();
        for (int in : node.inputs) if (d.nodes[size_t(in)].link < 0) node.own_inputs.push_back(in);
    }
    d.order.clear();
    std::vector<int> ready;
    for (size_t i = 0; i < n; ++i) if (indeg[i] == 0) ready.push_back(int(i));
    while (!ready.empty()) {
        int v = ready.back();
        ready.pop_back();
        d.order.push_back(v);
        for (int w : next[size_t(v)]) if (--indeg[size_t(w)] == 0) ready.push_back(w);
    }
    if (d.order.size() == n) return true;
    for (size_t i = 0; i < n; ++i) if (indeg[i] > 0) { cycle_node = d.nodes[i].id; break; }
    return false;
}

// Resolves "domain/node" to indices; false when either is unknown.
bool find_link_end(const Dataset& ds, const std::string& ref, int& domain, int& node) {
    const size_t slash = ref.find('/');
    if (slash == std::string::npos) return false;
    domain = ds.find_domain(ref.substr(0, slash));
    node = domain >= 0 ? ds.domains[size_t(domain)].find_node(ref.substr(slash + 1)) : -1;
    return node >= 0;
}

// Brings the linked node, with everything that goes into it, into the consuming domain as
// copies (ids "domain/node"), and adds the edge into the consumer.
void import_link(Dataset& ds, const PendingLink& p, std::vector<Problem>& problems) {
    DomainLink l;
    l.basis = p.basis;
    l.note = p.note;
    l.source = p.source;
    auto fail = [&](const std::string& msg) {
        problems.push_back({Problem::Error, clean_text(p.file, 200).text, clean_text(p.record, 400).text, clean_text(msg, 400).text});
    };
    if (!find_link_end(ds, p.from, l.from_domain, l.from_node)) return fail("no node '" + p.from + "' (write domain/node)");
    if (!find_link_end(ds, p.to, l.to_domain, l.to_node)) return fail("no node '" + p.to + "' (write domain/node)");
    if (l.from_domain == l.to_domain) return fail("a link joins two domains; within one domain use an edge");
    const int index = int(ds.links.size());
    const Domain& from = ds.domains[size_t(l.from_domain)];
    Domain& to = ds.domains[size_t(l.to_domain)];
    // copy the node and, recursively, its inputs (they limit what it can deliver)
    std::vector<int> copy_of(from.nodes.size(), -1);
    std::vector<int> stack{l.from_node};
    std::vector<int> visit;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        if (copy_of[size_t(v)] >= 0) continue;
        const std::string id = from.id + "/" + from.nodes[size_t(v)].id;
        const int existing = to.find_node(id);
        if (existing >= 0) { copy_of[size_t(v)] = existing; continue; }  // brought in by an earlier link
        Node n = from.nodes[size_t(v)];
        n.id = id;
        n.inputs.clear();
        n.outputs.clear();
        n.subtypes.clear();
        n.parent = -1;
        n.link = index;
        copy_of[size_t(v)] = int(to.nodes.size());
        to.nodes.push_back(std::move(n));
        visit.push_back(v);
        for (int in : from.nodes[size_t(v)].inputs) stack.push_back(in);
    }
    for (int v : visit)
        for (int in : from.nodes[size_t(v)].inputs) {
            Node& c = to.nodes[size_t(copy_of[size_t(v)])];
            c.inputs.push_back(copy_of[size_t(in)]);
            to.nodes[size_t(copy_of[size_t(in)])].outputs.push_back(copy_of[size_t(v)]);
        }
    l.imported_node = copy_of[size_t(l.from_node)];
    Node& consumer = to.nodes[size_t(l.to_node)];
    if (std::find(consumer.inputs.begin(), consumer.inputs.end(), l.imported_node) == consumer.inputs.end()) {
        consumer.inputs.push_back(l.imported_node);
        to.nodes[size_t(l.imported_node)].outputs.push_back(l.to_node);
    }
    ds.links.push_back(std::move(l));
}

// Resolves a measure's node reference and adds the measure to the node and to its copies in
// other domains (brought in by links, ids "domain/node").
void resolve_cover(Dataset& ds, const PendingCover& p, std::vector<Problem>& problems) {
    int d = -1, n = -1;
    if (!find_link_end(ds, p.ref, d, n)) {
        problems.push_back({Problem::Error, clean_text(p.file, 200).text, clean_text(p.record, 400).text,
                            clean_text("covers an unknown node '" + p.ref + "' (write domain/node)", 400).text});
        return;
    }
    Measure& m = ds.measures[size_t(p.measure)];
    m.covers.push_back({d, n, p.whole});
    ds.domains[size_t(d)].nodes[size_t(n)].measures.push_back({p.measure, p.whole});
    const std::string copy_id = ds.domains[size_t(d)].id + "/" + ds.domains[size_t(d)].nodes[size_t(n)].id;
    for (size_t k = 0; k < ds.domains.size(); ++k) {
        if (int(k) == d) continue;
        const int c = ds.domains[k].find_node(copy_id);
        if (c < 0) continue;
        m.covers.push_back({int(k), c, p.whole});
        ds.domains[k].nodes[size_t(c)].measures.push_back({p.measure, p.whole});
    }
}

void check_sum(const std::vector<ShareRow>& rows, const std::string& rec, const LoadLimits& limits, Reader& r) {
    double sum = 0;
    for (const ShareRow& s : rows)
        if (is_known(s.share)) sum += s.share;
    if (sum > limits.max_share_sum) {
        char b[40];
        std::snprintf(b, sizeof b, "%g", sum);  // as a stream writes it: "117.5"
        r.error(rec, std::string("shares sum to ") + b + "%, far over 100% (more than rounding can explain)");
    }
}

void derive_share_figures(Node& node, const std::string& rec, const LoadLimits& limits, Reader& r) {
    check_sum(node.shares, rec, limits, r);
    for (size_t i = 1; i < node.editions.size(); ++i)
        check_sum(node.editions[i].shares, rec + ", edition " + std::to_string(node.editions[i].year) + " (" + node.editions[i].label + ")", limits, r);
    derive_sums(node, r.ds);
}

}  // namespace

}  // namespace techmap::loader

namespace techmap {
using namespace loader;

LoadResult check_dataset_file(const DataFile& f, const LoadLimits& limits) {
    LoadResult result;
    Dataset ds;
    Reader r{ds, result.problems, f.name, nullptr, {}};
    JsonDoc root;
    if (parse_file(f, limits, r, root)) {
        const json* it = json_find(root.root(), "format");
        if (!it || !it->IsString() || json_string(*it) != "techmap-dataset/1")
            r.error("(top level)", !it ? "missing \"format\": expected \"techmap-dataset/1\"" : "unsupported format");
    }
    return result;
}

LoadResult load_dataset(const std::vector<DataFile>& files, const LoadLimits& limits) {
    LoadResult result;
    Dataset ds;
    std::vector<PendingLink> links;
    std::vector<PendingCover> covers;
    for (const DataFile& f : files) {
        Reader r{ds, result.problems, f.name, &links, {}, &covers};
        JsonDoc root;
        if (parse_file(f, limits, r, root)) r.read(root.root());
    }
    Reader whole{ds, result.problems, files.empty() ? std::string("(none)") : files.back().name, nullptr, {}};
    for (const PendingLink& p : links) import_link(ds, p, result.problems);
    for (const PendingCover& p : covers) resolve_cover(ds, p, result.problems);
    if (files.empty()) whole.error("(dataset)", "no files given");
    if (ds.countries.empty()) whole.error("(dataset)", "no countries");
    for (Domain& d : ds.domains) {
        std::string cyc;
        if (!order_domain(d, cyc))
            whole.error("domain '" + d.id + "', node '" + cyc + "'", "cycle in \"goes into\" / \"is a type of\" edges");
        for (Node& n : d.nodes) derive_share_figures(n, "domain '" + d.id + "', node '" + n.id + "'", limits, whole);
    }
    ds.countries_by_name.resize(ds.countries.size());
    for (size_t i = 0; i < ds.countries.size(); ++i) ds.countries_by_name[i] = int(i);
    std::sort(ds.countries_by_name.begin(), ds.countries_by_name.end(),
              [&](int a, int b) { return ds.countries[size_t(a)].name < ds.countries[size_t(b)].name; });
    if (result.ok()) {
        use_editions(ds, {});  // the newest editions published by today, as a default scenario shows
        result.dataset = std::move(ds);
    }
    return result;
}

}  // namespace techmap
