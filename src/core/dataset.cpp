// dataset.cpp — parse, merge and validate "techmap-dataset/1" JSON files.
//
// [SECTION] small helpers (typed field access that never throws)
// [SECTION] per-file reading into a staging Dataset
// [SECTION] whole-dataset checks: edges, cycles, share sums, derived fields
// [SECTION] lookups
//
// nlohmann_json is used with exceptions off (parse(..., nullptr, false)) so that the same code
// behaves identically in the WebAssembly build, where a throw would abort.
#include "core/dataset.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/text.h"

namespace techmap {
using json = nlohmann::json;

// [SECTION] small helpers -------------------------------------------------------------------
namespace {

// Longest text a dataset field may hold (names, notes, source titles, addresses).
constexpr size_t kMaxFieldBytes = 2000;

// A text field, cleaned to the app's text rule (text.h): the JSON parser has already refused
// ill-formed UTF-8, so what may remain is control characters and excessive length.
CleanText field_text(const json& o, const char* key, Lines lines = Lines::One) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return {};
    return clean_text(it->get_ref<const std::string&>(), kMaxFieldBytes, lines);
}
bool has_number(const json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_number();
}
double num(const json& o, const char* key, double dflt = kUnknown) {
    auto it = o.find(key);
    return (it != o.end() && it->is_number()) ? it->get<double>() : dflt;
}
const json* arr(const json& o, const char* key) {
    auto it = o.find(key);
    return (it != o.end() && it->is_array()) ? &*it : nullptr;
}

// Records where a JSON syntax error is, without exceptions (sax_parse reports, we stop).
struct ErrorLocator : nlohmann::json_sax<json> {
    size_t position = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
        position = pos;
        token = last;
        return false;
    }
};

std::string syntax_error_message(const std::string& bytes) {
    ErrorLocator loc;
    json::sax_parse(bytes, &loc, json::input_format_t::json, false);
    size_t line = 1, col = 1;
    for (size_t i = 0; i + 1 < loc.position && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    std::string s = "JSON syntax error at line " + std::to_string(line) + ", column " + std::to_string(col);
    if (!loc.token.empty() && loc.token.size() < 40) s += " near '" + loc.token + "'";
    return s;
}

bool is_iso3(const std::string& s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

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

// [SECTION] per-file reading ------------------------------------------------------------------
// A link as written ("domain/node"), resolved once every file is read.
struct PendingLink {
    std::string from, to, basis, note, file, record;
    int source = -1;
};

// A measure's "domain/node" references, resolved once every file is read (and linked nodes copied).
struct PendingCover {
    int measure = -1;
    std::string ref, file, record;
    bool whole = true;
};

struct Reader {
    Dataset& ds;
    std::vector<Problem>& problems;
    std::string file;
    std::vector<PendingLink>* links = nullptr;
    std::unordered_map<std::string, int> local_sources;  // source ids are scoped to their file
    std::vector<PendingCover>* covers = nullptr;  // source ids are scoped to their file

    // Messages quote the file's own bytes (ids, a syntax error's token): cleaned, so that a
    // message can always be shown and written out.
    void error(const std::string& record, const std::string& msg) {
        problems.push_back({Problem::Error, clean_text(file, 200).text, clean_text(record, 400).text, clean_text(msg, 400).text});
    }
    void warn(const std::string& record, const std::string& msg) {
        problems.push_back({Problem::Warning, clean_text(file, 200).text, clean_text(record, 400).text, clean_text(msg, 400).text});
    }
    // A text field; says so when it had to be cleaned (control characters, too long). A
    // description may have paragraphs (newlines and tabs: Lines::Many); any other field is one line.
    std::string str(const json& o, const char* key, Lines lines = Lines::One) {
        CleanText t = field_text(o, key, lines);
        if (t.changed()) warn("(text)", text_notice(t, std::string("field '") + key + "'", kMaxFieldBytes));
        return std::move(t.text);
    }

    int country(const std::string& id, const std::string& record, const char* what) {
        int c = ds.find_country(id);
        if (c < 0) error(record, std::string("unknown country code '") + id + "' in " + what);
        return c;
    }
    int source(const json& o, const std::string& record) {
        std::string id = str(o, "source");
        auto it = local_sources.find(id);
        if (id.empty()) { error(record, "no source"); return -1; }
        if (it == local_sources.end()) { error(record, "unknown source id '" + id + "'"); return -1; }
        return it->second;
    }
    int year(const json& o, const std::string& record) {
        double y = num(o, "year");
        if (!is_known(y) || y < 1900 || y > 2100 || y != std::floor(y)) {
            error(record, "missing or invalid year");
            return 0;
        }
        return int(y);
    }

    // A date field "yyyy-mm-dd" -> yyyymmdd; 0 (and an error) when present but not a real date.
    int date(const json& o, const char* key, const std::string& record) {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) return 0;
        const int d = it->is_string() ? parse_date(it->get_ref<const std::string&>()) : 0;
        if (!d) error(record, std::string("'") + key + "' is not a date yyyy-mm-dd");
        return d;
    }

    void read(const json& root) {
        if (!root.is_object()) { error("(top level)", "expected a JSON object"); return; }
        std::string format = str(root, "format");
        if (format != "techmap-dataset/1") {
            error("(top level)", format.empty() ? "missing \"format\": expected \"techmap-dataset/1\""
                                                : "unsupported format '" + format + "'");
            return;
        }
        DatasetInfo info;
        info.file = file;
        info.version = str(root, "version");
        // the versions of all files travel in every link (dv=): each is short and plain
        if (info.version.size() > kMaxFileVersionBytes)
            error("file", "'version' is longer than " + std::to_string(kMaxFileVersionBytes) + " characters");
        if (auto it = root.find("licence"); it != root.end() && it->is_object()) {
            info.licence = str(*it, "name");
            info.attribution = str(*it, "attribution");
        }
        ds.files.push_back(info);
        read_countries(root);
        read_regions(root);
        read_sources(root);
        read_alliances(root);
        read_indicators(root);
        read_domains(root);
        read_links(root);
        read_measures(root);
        if (std::string ns = str(root, "notShown"); !ns.empty()) ds.not_shown += (ds.not_shown.empty() ? "" : " ") + ns;
    }

    void read_links(const json& root) {
        const json* a = arr(root, "links");
        if (!a || !links) return;
        for (const json& j : *a) {
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

    void read_measures(const json& root) {
        const json* a = arr(root, "measures");
        if (!a) return;
        for (const json& j : *a) {
            Measure m;
            m.id = str(j, "id");
            const std::string rec = "measure '" + m.id + "'";
            if (m.id.empty()) { error(rec, "no id"); continue; }
            if (ds.find_measure(m.id) >= 0) { error(rec, "duplicate id"); continue; }
            m.name = str(j, "name");
            m.scope = str(j, "scope");
            m.note = str(j, "note");
            m.mapping = str(j, "mapping");
            m.check = str(j, "check");
            if (m.name.empty()) error(rec, "no name");
            const std::string issuer = str(j, "issuer");
            m.issuer = issuer.empty() ? -1 : country(issuer, rec, "issuer");
            if (issuer.empty()) error(rec, "no issuer");
            // targets: "*" (everyone), a code, a list of codes, or {"allBut": [codes]}
            auto t = j.find("targets");
            const auto codes = [&](const json& list, std::vector<int>& into) {
                for (const json& x : list) {
                    const int c = x.is_string() ? country(x.get<std::string>(), rec, "targets") : -1;
                    if (!x.is_string()) error(rec, "a target is not a country code");
                    if (c >= 0) into.push_back(c);
                }
            };
            if (t == j.end()) {
                error(rec, "no targets");
            } else if (t->is_string() && t->get_ref<const std::string&>() == "*") {
                m.targets = Measure::Targets::All;
            } else if (t->is_string()) {
                const int c = country(t->get<std::string>(), rec, "targets");
                if (c >= 0) m.target_list.push_back(c);
            } else if (t->is_array()) {
                codes(*t, m.target_list);
                if (m.target_list.empty()) error(rec, "an empty list of targets");
            } else if (const json* but = t->is_object() ? arr(*t, "allBut") : nullptr) {
                m.targets = Measure::Targets::AllBut;
                codes(*but, m.target_list);
            } else {
                error(rec, "targets must be \"*\", a country code, a list of codes or {\"allBut\": [codes]}");
            }
            m.announced = date(j, "announced", rec);
            m.in_force = date(j, "inForce", rec);
            m.ended = date(j, "ended", rec);
            m.unknown_from = date(j, "unknownFrom", rec);
            if (!m.announced && !m.in_force) error(rec, "no date: give 'announced' or 'inForce'");
            const int start = m.in_force ? m.in_force : m.announced;
            if (m.ended && start && m.ended <= start) error(rec, "ends before it is in force");
            if (const json* sus = arr(j, "suspended")) {
                for (const json& w : *sus) {
                    Measure::Window win{date(w, "from", rec), date(w, "until", rec)};
                    if (!win.from || !win.until) { error(rec, "a suspension needs 'from' and 'until' dates"); continue; }
                    if (win.until < win.from) { error(rec, "a suspension ends before it begins"); continue; }
                    if (start && win.from < m.announced) error(rec, "suspended before it was announced");
                    m.suspended.push_back(win);
                }
            }
            if (m.unknown_from && start && m.unknown_from <= start) error(rec, "'unknownFrom' is not after the measure begins");
            const std::string kind = str(j, "kind");
            if (kind == "ban") m.kind = MeasureKind::Ban;
            else if (kind == "licence") m.kind = MeasureKind::Licence;
            else if (kind == "agreement") m.kind = MeasureKind::Agreement;
            else error(rec, "kind must be \"ban\", \"licence\" or \"agreement\"");
            if (auto fm = j.find("foreignMade"); fm != j.end()) {
                if (fm->is_boolean()) m.foreign_made = fm->get<bool>();
                else error(rec, "'foreignMade' is not true/false");
            }
            if (const json* srcs = arr(j, "sources")) {
                for (const json& x : *srcs) {
                    if (!x.is_string()) { error(rec, "a source is not a source id"); continue; }
                    auto it = local_sources.find(x.get<std::string>());
                    if (it == local_sources.end()) error(rec, "unknown source id '" + x.get<std::string>() + "'");
                    else m.sources.push_back(it->second);
                }
            }
            if (m.sources.empty()) error(rec, "no source");
            const int index = int(ds.measures.size());
            const json* cov = arr(j, "covers");
            if ((!cov || cov->empty()) && m.mapping.empty())
                error(rec, "covers no node: say why in 'mapping'");
            if (cov && covers) {
                for (const json& c : *cov) {
                    PendingCover p;
                    p.measure = index;
                    p.ref = str(c, "node");
                    p.file = file;
                    p.record = rec;
                    const std::string coverage = str(c, "coverage");
                    if (coverage == "part") p.whole = false;
                    else if (!coverage.empty() && coverage != "all") error(rec, "coverage must be \"all\" or \"part\"");
                    covers->push_back(std::move(p));
                }
            }
            ds.measures.push_back(std::move(m));
        }
    }

    void read_countries(const json& root) {
        const json* a = arr(root, "countries");
        if (!a) return;
        std::set<std::string> seen;
        for (const json& c : *a) {
            std::string id = str(c, "id");
            std::string rec = "country '" + id + "'";
            if (!is_iso3(id)) { error(rec, "country id must be an ISO 3166-1 alpha-3 code (three capital letters)"); continue; }
            if (!seen.insert(id).second) { error(rec, "duplicate id"); continue; }
            if (ds.find_country(id) >= 0) { warn(rec, "already defined by an earlier file; the first definition is kept"); continue; }
            Country k;
            k.id = id;
            k.name = str(c, "name");
            if (k.name.empty()) error(rec, "no name");
            double lat = num(c, "lat"), lon = num(c, "lon");
            if (!is_known(lat) || !is_known(lon) || std::fabs(lat) > 90 || std::fabs(lon) > 180) {
                error(rec, "missing or invalid lat/lon");
                lat = lon = 0;
            }
            k.lat = float(lat);
            k.lon = float(lon);
            ds.countries.push_back(std::move(k));
        }
    }

    void read_regions(const json& root) {
        const json* a = arr(root, "regions");
        if (!a) return;
        for (const json& r : *a) {
            Region g;
            g.id = str(r, "id");
            std::string rec = "region '" + g.id + "'";
            if (g.id.empty()) { error(rec, "no id"); continue; }
            if (ds.find_country(g.id) >= 0) { error(rec, "region id collides with a country code"); continue; }
            if (std::any_of(ds.regions.begin(), ds.regions.end(), [&](const Region& x) { return x.id == g.id; })) {
                error(rec, "duplicate id");
                continue;
            }
            g.name = str(r, "name");
            g.note = str(r, "note");
            if (const json* m = arr(r, "members")) {
                for (const json& x : *m) {
                    if (!x.is_string()) continue;
                    std::string id = x.get<std::string>();
                    if (id == "*") { g.any_country = true; continue; }
                    int c = country(id, rec, "members");
                    if (c >= 0) g.members.push_back(c);
                }
            }
            ds.regions.push_back(std::move(g));
        }
    }

    void read_sources(const json& root) {
        const json* a = arr(root, "sources");
        if (!a) return;
        for (const json& s : *a) {
            Source src;
            src.id = str(s, "id");
            src.title = str(s, "title");
            src.url = str(s, "url");
            src.licence = str(s, "licence");
            src.credit = str(s, "credit");
            std::string rec = "source '" + src.id + "'";
            if (src.id.empty() || src.title.empty()) { error(rec, "a source needs an id and a title"); continue; }
            if (local_sources.count(src.id)) { error(rec, "duplicate id"); continue; }
            local_sources[src.id] = int(ds.sources.size());
            ds.sources.push_back(std::move(src));
        }
    }

    void read_alliances(const json& root) {
        const json* a = arr(root, "alliances");
        if (!a) return;
        for (const json& j : *a) {
            AlliancePreset p;
            p.id = str(j, "id");
            std::string rec = "alliance '" + p.id + "'";
            if (p.id.empty()) { error(rec, "no id"); continue; }
            if (ds.find_alliance(p.id) >= 0) { error(rec, "duplicate id"); continue; }
            p.name = str(j, "name");
            p.kind = str(j, "kind");
            p.note = str(j, "note");
            p.status = str(j, "status");
            if (const json* snaps = arr(j, "snapshots")) {
                for (const json& s : *snaps) {
                    AllianceSnapshot snap;
                    snap.year = year(s, rec);
                    if (s.contains("date")) {
                        snap.date = date(s, "date", rec);
                        if (snap.date && snap.date / 10000 != snap.year) error(rec, "snapshot date " + date_text(snap.date) + " is not in its year");
                    }
                    snap.source = source(s, rec);
                    if (const json* m = arr(s, "members")) {
                        for (const json& x : *m) {
                            int c = x.is_string() ? country(x.get<std::string>(), rec, "members") : -1;
                            if (c >= 0) snap.members.push_back(c);
                        }
                    }
                    p.snapshots.push_back(std::move(snap));
                }
            }
            if (p.snapshots.empty()) { error(rec, "no membership snapshot"); continue; }
            std::stable_sort(p.snapshots.begin(), p.snapshots.end(), [](const AllianceSnapshot& x, const AllianceSnapshot& y) {
                return x.year != y.year ? x.year < y.year : x.date < y.date;
            });
            ds.alliances.push_back(std::move(p));
        }
    }

    void read_indicators(const json& root) {
        const json* a = arr(root, "indicators");
        if (!a) return;
        for (const json& j : *a) {
            Indicator ind;
            ind.id = str(j, "id");
            std::string rec = "indicator '" + ind.id + "'";
            if (ind.id.empty()) { error(rec, "no id"); continue; }
            if (ds.find_indicator(ind.id)) { error(rec, "duplicate id"); continue; }
            ind.name = str(j, "name");
            ind.unit = str(j, "unit");
            ind.note = str(j, "note");
            if (const json* vals = arr(j, "values")) {
                for (const json& v : *vals) {
                    IndicatorValue iv;
                    std::string c = str(v, "country");
                    iv.group = str(v, "group");
                    if (!c.empty()) iv.country = country(c, rec, "values");
                    else if (iv.group.empty()) error(rec, "a value needs a country or a group");
                    iv.value = num(v, "value");
                    if (!is_known(iv.value)) error(rec, "a value is not a number");
                    iv.year = year(v, rec);
                    iv.source = source(v, rec);
                    iv.published = published(v, rec);
                    iv.check = str(v, "check");
                    ind.values.push_back(std::move(iv));
                }
            }
            ds.indicators.push_back(std::move(ind));
        }
    }

    void read_domains(const json& root) {
        const json* a = arr(root, "domains");
        if (!a) return;
        std::set<std::string> seen;
        for (const json& j : *a) {
            Domain d;
            d.id = str(j, "id");
            std::string drec = "domain '" + d.id + "'";
            if (d.id.empty()) { error(drec, "no id"); continue; }
            if (!seen.insert(d.id).second) { error(drec, "duplicate id"); continue; }
            d.name = str(j, "name");
            d.description = str(j, "description", Lines::Many);
            d.focus = str(j, "focus");
            if (auto it = j.find("measures"); it != j.end()) {
                d.measures = str(j, "measures");
                if (d.measures != "supply" && d.measures != "demand" && d.measures != "share")
                    error(drec, "'measures' is not \"supply\", \"demand\" or \"share\"");
            }
            if (const json* st = arr(j, "stages"))
                for (const json& s : *st) d.stages.push_back({str(s, "id"), str(s, "name")});
            std::unordered_map<std::string, int> index;
            if (const json* nodes = arr(j, "nodes")) {
                for (const json& nj : *nodes) read_node(d, index, nj);
            }
            if (d.nodes.empty()) error(drec, "no nodes");
            if (const json* edges = arr(j, "edges")) {
                for (const json& e : *edges) read_edge(d, index, e);
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
    std::vector<ShareRow> share_rows(const json& shares, const std::string& rec) {
        std::vector<ShareRow> out;
        std::set<std::string> holders;
        for (const json& s : shares) {
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
            auto it = s.find("share");
            if (it == s.end() || it->is_null()) {
                row.share = kUnknown;
            } else if (!it->is_number()) {
                error(srec, "share is not a number");
            } else {
                row.share = it->get<double>();
                if (row.share < 0 || row.share > 100)
                    error(srec, "share " + json(row.share).dump() + " is outside 0-100");
            }
            row.year = year(s, srec);
            row.source = source(s, srec);
            if (row.country >= 0 || row.region >= 0) out.push_back(row);
        }
        return out;
    }

    // A publication date: "yyyy-mm-dd", or "yyyy-mm" / "yyyy" when the source gives no day, read
    // as the last day of that month or year (an edition never shows before it can have existed).
    int published(const json& o, const std::string& record) {
        auto it = o.find("published");
        if (it == o.end() || it->is_null()) return 0;
        const std::string t = it->is_string() ? it->get<std::string>() : std::string();
        int d = parse_date(t);
        if (!d && t.size() == 7 && t[4] == '-') {
            static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            for (int day = 31; day >= 28 && !d; --day) {
                const std::string m = t.substr(5, 2);
                if (m.size() == 2 && m >= "01" && m <= "12" && day <= days[std::stoi(m) - 1])
                    d = parse_date(t + "-" + std::to_string(day));
            }
        }
        if (!d && t.size() == 4) d = parse_date(t + "-12-31");
        if (!d) error(record, "'published' is not a date yyyy-mm-dd, yyyy-mm or yyyy");
        return d;
    }

    // "editions": [{"year", "published", "label", "note", "check", "shares": [...]}]: the node's
    // own shares become the first edition; the others follow in order of publication.
    void read_editions(Node& n, const json& eds, const std::string& rec) {
        if (eds.empty()) return;
        if (eds.size() > 64) { error(rec, "more than 64 editions"); return; }
        Edition base;
        base.shares = n.shares;
        for (const ShareRow& r : n.shares) base.year = std::max(base.year, r.year);
        if (n.shares.empty()) error(rec, "editions need the node's own shares as the first edition");
        n.editions.push_back(std::move(base));
        std::set<std::pair<int, std::string>> seen;
        for (const json& ej : eds) {
            Edition e;
            std::string erec = rec + ", edition";
            if (!ej.is_object()) { error(erec, "an edition is not an object"); continue; }
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

    void read_node(Domain& d, std::unordered_map<std::string, int>& index, const json& nj) {
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
            for (const json& f : *firms) {
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

    void read_edge(Domain& d, const std::unordered_map<std::string, int>& index, const json& e) {
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
};

// [SECTION] whole-dataset checks ----------------------------------------------------------------
// Topological order over "goes into" and "is a type of" (inputs and subtypes first).
// Returns false and names one node on a cycle when there is one.
bool order_domain(Domain& d, std::string& cycle_node) {
    const size_t n = d.nodes.size();
    std::vector<int> indeg(n, 0);
    std::vector<std::vector<int>> next(n);
    for (size_t i = 0; i < n; ++i) {
        for (int in : d.nodes[i].inputs) { next[size_t(in)].push_back(int(i)); ++indeg[i]; }
        for (int sub : d.nodes[i].subtypes) { next[size_t(sub)].push_back(int(i)); ++indeg[i]; }
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

// Sums of the rows in `node.shares` (never rescaled: a sum past 100 by rounding is an excess
// the figures turn into ranges).
void derive_sums(Node& node) {
    double sum = 0;
    bool has_unknown_row = false;
    for (const ShareRow& s : node.shares) {
        if (is_known(s.share)) sum += s.share;
        else has_unknown_row = true;
    }
    node.published_sum = sum;
    node.excess = sum > 100.0 + 1e-9 ? sum - 100.0 : 0;
    node.residual = node.shares.empty() ? 0 : std::max(0.0, 100.0 - sum);
    if (node.residual < 1e-9) node.residual = 0;
    node.residual_unattributed = node.residual > 0 && !has_unknown_row;
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
    derive_sums(node);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
namespace {
// The checks that need no other file: size, JSON syntax, a top-level object.
bool parse_file(const DataFile& f, const LoadLimits& limits, Reader& r, json& root) {
    if (f.bytes.size() > limits.max_file_bytes) {
        r.error("(file)", "file is " + std::to_string(f.bytes.size() / (1024 * 1024)) + " MB; the limit is " +
                              std::to_string(limits.max_file_bytes / (1024 * 1024)) + " MB");
        return false;
    }
    root = json::parse(f.bytes, nullptr, false);
    if (root.is_discarded()) {
        r.error("(file)", syntax_error_message(f.bytes));
        return false;
    }
    if (!root.is_object()) {
        r.error("(top level)", "expected a JSON object");
        return false;
    }
    return true;
}
}  // namespace

LoadResult check_dataset_file(const DataFile& f, const LoadLimits& limits) {
    LoadResult result;
    Dataset ds;
    Reader r{ds, result.problems, f.name, nullptr, {}};
    json root;
    if (parse_file(f, limits, r, root)) {
        const auto it = root.find("format");
        if (it == root.end() || !it->is_string() || it->get_ref<const std::string&>() != "techmap-dataset/1")
            r.error("(top level)", it == root.end() ? "missing \"format\": expected \"techmap-dataset/1\"" : "unsupported format");
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
        json root;
        if (parse_file(f, limits, r, root)) r.read(root);
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

// [SECTION] lookups ---------------------------------------------------------------------------
const char* to_string(NodeKind k) {
    switch (k) {
        case NodeKind::Process: return "process";
        case NodeKind::Tool: return "tool";
        case NodeKind::Material: return "material";
        case NodeKind::Design: return "design";
        case NodeKind::Output: return "output";
    }
    return "?";
}

std::string Problem::text() const {
    return (severity == Error ? "error: " : "warning: ") + file + ": " + record + ": " + message;
}

bool LoadResult::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Problem::Error; });
}

std::string LoadResult::summary() const {
    std::string s;
    for (const Problem& p : problems) s += p.text() + "\n";
    return s;
}

int Domain::find_node(const std::string& node_id) const {
    for (size_t i = 0; i < nodes.size(); ++i) if (nodes[i].id == node_id) return int(i);
    return -1;
}

const AllianceSnapshot* AlliancePreset::as_of(int year) const {
    const AllianceSnapshot* best = nullptr;
    for (const AllianceSnapshot& s : snapshots) if (s.year <= year) best = &s;
    return best;
}

const AllianceSnapshot* AlliancePreset::as_of_date(int date) const {
    const AllianceSnapshot* best = nullptr;
    for (const AllianceSnapshot& s : snapshots)
        if ((s.date ? s.date : s.year * 10000 + 101) <= date) best = &s;
    return best;
}

int pick_edition(const std::vector<Edition>& eds, const EditionChoice& choice) {
    const int date = choice.date > 0 ? choice.date : today();
    int best = -1, oldest = -1;
    for (size_t i = 0; i < eds.size(); ++i) {
        const Edition& e = eds[i];
        if (e.published > date) continue;
        if (oldest < 0 || e.year < eds[size_t(oldest)].year) oldest = int(i);
        if (choice.year > 0 && e.year > choice.year) continue;
        // the newest year; of the same year, the later publication (a revision)
        if (best < 0 || e.year > eds[size_t(best)].year ||
            (e.year == eds[size_t(best)].year && e.published >= eds[size_t(best)].published))
            best = int(i);
    }
    if (best >= 0) return best;
    return oldest >= 0 ? oldest : 0;  // no edition of such a year yet / none published yet: the first
}

bool use_editions(Dataset& ds, const EditionChoice& choice) {
    bool changed = false;
    for (Domain& d : ds.domains)
        for (Node& n : d.nodes) {
            if (n.editions.empty()) continue;
            const int k = pick_edition(n.editions, choice);
            if (k == n.edition) continue;
            n.edition = k;
            n.shares = n.editions[size_t(k)].shares;
            derive_sums(n);
            changed = true;
        }
    return changed;
}

std::vector<int> edition_years(const Dataset& ds) {
    std::set<int> years;
    for (const Domain& d : ds.domains)
        for (const Node& n : d.nodes)
            if (n.link < 0)
                for (const Edition& e : n.editions) years.insert(e.year);
    for (const Indicator& ind : ds.indicators) {
        std::map<int, int> per_country;  // only countries with values of several years offer a choice
        for (const IndicatorValue& v : ind.values) ++per_country[v.country];
        for (const IndicatorValue& v : ind.values)
            if (per_country[v.country] > 1) years.insert(v.year);
    }
    return {years.begin(), years.end()};
}

int Node::year() const {
    int y = 0;
    for (const ShareRow& r : shares) y = std::max(y, r.year);
    return y;
}

const IndicatorValue* Indicator::for_country(int country, const EditionChoice& choice) const {
    if (country < 0) return nullptr;
    const int date = choice.date > 0 ? choice.date : today();
    const IndicatorValue *best = nullptr, *oldest = nullptr;
    for (const IndicatorValue& v : values) {
        if (v.country != country || v.published > date) continue;
        if (!oldest || v.year < oldest->year) oldest = &v;
        if (choice.year > 0 && v.year > choice.year) continue;
        if (!best || v.year > best->year || (v.year == best->year && v.published >= best->published)) best = &v;
    }
    return best ? best : oldest;
}

std::vector<int> Indicator::years() const {
    std::set<int> ys;
    for (const IndicatorValue& v : values) ys.insert(v.year);
    return {ys.begin(), ys.end()};
}

int Dataset::find_country(const std::string& iso3) const {
    for (size_t i = 0; i < countries.size(); ++i) if (countries[i].id == iso3) return int(i);
    return -1;
}
int Dataset::find_domain(const std::string& id) const {
    for (size_t i = 0; i < domains.size(); ++i) if (domains[i].id == id) return int(i);
    return -1;
}
int Dataset::find_alliance(const std::string& id) const {
    for (size_t i = 0; i < alliances.size(); ++i) if (alliances[i].id == id) return int(i);
    return -1;
}
int Dataset::find_measure(const std::string& id) const {
    for (size_t i = 0; i < measures.size(); ++i) if (measures[i].id == id) return int(i);
    return -1;
}
const Indicator* Dataset::find_indicator(const std::string& id) const {
    for (const Indicator& i : indicators) if (i.id == id) return &i;
    return nullptr;
}
std::string Dataset::version() const {
    std::string v;
    for (const DatasetInfo& f : files) if (!f.version.empty()) v += (v.empty() ? "" : "+") + f.version;
    return v;
}

}  // namespace techmap
