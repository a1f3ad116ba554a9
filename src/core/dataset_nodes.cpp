// dataset_nodes.cpp — technology domains: their supply-chain nodes with published shares,
// editions and firms, the edges "goes into" / "is a type of", and links between domains (kept
// pending until every file is read).
#include "core/dataset_reader.h"

#include <algorithm>
#include <set>

namespace techmap::loader {

namespace {
NodeKind parse_kind(const std::string& k, bool& ok) {
    ok = true;
    if (k == "process") return NodeKind::Process;
    if (k == "tool") return NodeKind::Tool;
    if (k == "material") return NodeKind::Material;
    if (k == "design") return NodeKind::Design;
    if (k == "output") return NodeKind::Output;
    ok = false;
    return NodeKind::Process;
}
}  // namespace

void Reader::read_domains(const json& root) {
    const json* a = arr(root, "domains");
    if (!a) return;
    std::set<std::string> seen;
    for (const json& j : a->GetArray()) {
        Domain d;
        d.id = str(j, "id");
        std::string drec = "domain '" + d.id + "'";
        if (d.id.empty()) { error(drec, "no id"); continue; }
        if (!seen.insert(d.id).second) { error(drec, "duplicate id"); continue; }
        d.name = str(j, "name");
        d.description = str(j, "description", Lines::Many);
        d.focus = str(j, "focus");
        if (json_find(j, "measures")) {
            const std::string m = str(j, "measures");
            if (m == "demand") d.measures = Measures::Demand;
            else if (m == "share") d.measures = Measures::Share;
            else if (m != "supply") error(drec, "'measures' is not \"supply\", \"demand\" or \"share\"");
        }
        if (const json* st = arr(j, "stages"))
            for (const json& s : st->GetArray()) d.stages.push_back({str(s, "id"), str(s, "name")});
        std::unordered_map<std::string, int> index;
        if (const json* nodes = arr(j, "nodes")) {
            for (const json& nj : nodes->GetArray()) read_node(d, index, nj);
        }
        if (d.nodes.empty()) error(drec, "no nodes");
        if (const json* edges = arr(j, "edges")) {
            for (const json& e : edges->GetArray()) read_edge(d, index, e);
        }
        int existing = ds.find_domain(d.id);
        if (existing >= 0) {
            warn(drec, "replaces the domain of the same id from an earlier file");
            ds.domains[size_t(existing)] = std::move(d);
        } else {
            ds.domains.push_back(std::move(d));
        }
    }
}

// Published rows "holder, share %, year, source" (a null share: supplier known, share unknown).
std::vector<ShareRow> Reader::share_rows(const json& shares, const std::string& rec) {
    std::vector<ShareRow> out;
    std::set<std::string> holders;
    for (const json& s : shares.GetArray()) {
        ShareRow row;
        std::string c = str(s, "country"), r = str(s, "region");
        std::string holder = c.empty() ? r : c;
        std::string srec = rec + ", share of '" + holder + "'";
        if (!c.empty()) {
            row.country = country(c, srec, "shares");
        } else if (!r.empty()) {
            for (size_t i = 0; i < ds.regions.size(); ++i)
                if (ds.regions[i].id == r) row.region = int(i);
            if (row.region < 0) error(srec, "unknown region '" + r + "'");
        } else {
            error(srec, "a share needs a country or a region");
        }
        if (!holders.insert(holder).second) error(srec, "the same holder appears twice");
        const json* it = json_find(s, "share");
        if (!it || it->IsNull()) {
            row.share = kUnknown;
        } else if (!it->IsNumber()) {
            error(srec, "share is not a number");
        } else {
            row.share = it->GetDouble();
            if (row.share < 0 || row.share > 100)
                error(srec, "share " + json_number(row.share) + " is outside 0-100");
        }
        row.year = year(s, srec);
        row.source = source(s, srec);
        if (row.country >= 0 || row.region >= 0) out.push_back(row);
    }
    return out;
}

// "editions": [{"year", "published", "label", "note", "check", "shares": [...]}]: the node's
// own shares become the first edition; the others follow in order of publication.
void Reader::read_editions(Node& n, const json& eds, const std::string& rec) {
    if (eds.Empty()) return;
    if (eds.Size() > 64) { error(rec, "more than 64 editions"); return; }
    Edition base;
    base.shares = n.shares;
    for (const ShareRow& r : n.shares) base.year = std::max(base.year, r.year);
    if (n.shares.empty()) error(rec, "editions need the node's own shares as the first edition");
    n.editions.push_back(std::move(base));
    std::set<std::pair<int, std::string>> seen;
    for (const json& ej : eds.GetArray()) {
        Edition e;
        std::string erec = rec + ", edition";
        if (!ej.IsObject()) { error(erec, "an edition is not an object"); continue; }
        e.year = year(ej, erec);
        erec += " " + std::to_string(e.year);
        e.published = published(ej, erec);
        if (!e.published) error(erec, "an edition needs the date it was published ('published')");
        e.label = str(ej, "label");
        e.note = str(ej, "note");
        e.check = str(ej, "check");
        if (e.label.empty()) error(erec, "no label (the publication it comes from)");
        if (!seen.insert({e.year, e.label}).second) error(erec, "the same year and label appear twice");
        if (const json* sh = arr(ej, "shares")) e.shares = share_rows(*sh, erec);
        if (e.shares.empty()) error(erec, "no shares");
        for (const ShareRow& r : e.shares)
            if (r.year > e.year) { error(erec, "a row of year " + std::to_string(r.year) + " in an edition of an earlier year"); break; }
        n.editions.push_back(std::move(e));
    }
    std::stable_sort(n.editions.begin() + 1, n.editions.end(), [](const Edition& a, const Edition& b) {
        return a.published != b.published ? a.published < b.published : a.year < b.year;
    });
}

void Reader::read_node(Domain& d, std::unordered_map<std::string, int>& index, const json& nj) {
    Node n;
    n.id = str(nj, "id");
    std::string rec = "domain '" + d.id + "', node '" + n.id + "'";
    if (n.id.empty()) { error(rec, "no id"); return; }
    if (index.count(n.id)) { error(rec, "duplicate id"); return; }
    n.name = str(nj, "name");
    if (n.name.empty()) error(rec, "no name");
    bool ok = true;
    n.kind = parse_kind(str(nj, "kind"), ok);
    if (!ok) error(rec, "unknown kind '" + str(nj, "kind") + "' (process, tool, material, design, output)");
    n.stage = str(nj, "stage");
    n.description = str(nj, "description", Lines::Many);
    n.market = str(nj, "market");
    n.note = str(nj, "note");
    if (const json* shares = arr(nj, "shares")) n.shares = share_rows(*shares, rec);
    if (const json* eds = arr(nj, "editions")) read_editions(n, *eds, rec);
    if (const json* firms = arr(nj, "firms")) {
        for (const json& f : firms->GetArray()) {
            FirmRow fr;
            fr.name = str(f, "name");
            std::string c = str(f, "country");
            if (!c.empty()) {
                fr.country = ds.find_country(c);
                if (fr.country < 0)
                    for (size_t i = 0; i < ds.regions.size(); ++i)
                        if (ds.regions[i].id == c) fr.region = int(i);
            }
            fr.share = num(f, "share");
            if (is_known(fr.share) && (fr.share < 0 || fr.share > 100))
                error(rec + ", firm '" + fr.name + "'", "share outside 0-100");
            fr.year = has_number(f, "year") ? int(num(f, "year")) : 0;
            fr.source = str(f, "source").empty() ? -1 : source(f, rec + ", firm '" + fr.name + "'");
            n.firms.push_back(std::move(fr));
        }
    }
    index[n.id] = int(d.nodes.size());
    d.nodes.push_back(std::move(n));
}

void Reader::read_edge(Domain& d, const std::unordered_map<std::string, int>& index, const json& e) {
    std::string from = str(e, "from"), to = str(e, "to"), type = str(e, "type");
    std::string rec = "domain '" + d.id + "', edge '" + from + "' -> '" + to + "'";
    auto f = index.find(from), t = index.find(to);
    if (f == index.end() || t == index.end()) {
        error(rec, std::string("dangling edge: no node '") + (f == index.end() ? from : to) + "'");
        return;
    }
    if (f->second == t->second) { error(rec, "an edge from a node to itself"); return; }
    Node& a = d.nodes[size_t(f->second)];
    Node& b = d.nodes[size_t(t->second)];
    if (type == "goes_into") {
        if (std::find(b.inputs.begin(), b.inputs.end(), f->second) != b.inputs.end()) {
            warn(rec, "duplicate edge ignored");
            return;
        }
        b.inputs.push_back(f->second);
        a.outputs.push_back(t->second);
    } else if (type == "type_of") {
        if (a.parent >= 0 && a.parent != t->second) { error(rec, "a node can be a type of one node only"); return; }
        if (a.parent == t->second) return;
        a.parent = t->second;
        b.subtypes.push_back(f->second);
    } else {
        error(rec, "unknown edge type '" + type + "' (goes_into, type_of)");
    }
}

void Reader::read_links(const json& root) {
    const json* a = arr(root, "links");
    if (!a || !links) return;
    for (const json& j : a->GetArray()) {
        PendingLink l;
        l.from = str(j, "from");
        l.to = str(j, "to");
        l.basis = str(j, "basis");
        l.note = str(j, "note");
        l.file = file;
        l.record = "link '" + l.from + "' -> '" + l.to + "'";
        if (l.basis == "source") l.source = source(j, l.record);
        else if (l.basis != "assumption") { error(l.record, "basis must be \"source\" or \"assumption\""); continue; }
        if (l.basis == "assumption" && l.note.empty()) { error(l.record, "an assumption needs a note saying what is assumed"); continue; }
        links->push_back(std::move(l));
    }
}

}  // namespace techmap::loader
