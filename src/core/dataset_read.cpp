// dataset_read.cpp — one file as a whole: typed field access, JSON syntax errors located to a
// line and column, the format check, and the records every other one refers to (countries,
// regions, sources). See dataset_reader.h for who reads what.
#include "core/dataset_reader.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace techmap::loader {

// A text field, cleaned to the app's text rule (text.h): the JSON parser has already refused
// ill-formed UTF-8, so what may remain is control characters and excessive length.
CleanText field_text(const json& o, const char* key, Lines lines) {
    const json* v = json_find(o, key);
    if (!v || !v->IsString()) return {};
    return clean_text(std::string_view(v->GetString(), v->GetStringLength()), kMaxFieldBytes, lines);
}
bool has_number(const json& o, const char* key) {
    const json* v = json_find(o, key);
    return v && v->IsNumber();
}
double num(const json& o, const char* key, double dflt) {
    const json* v = json_find(o, key);
    return (v && v->IsNumber()) ? v->GetDouble() : dflt;
}
const json* arr(const json& o, const char* key) {
    const json* v = json_find(o, key);
    return (v && v->IsArray()) ? v : nullptr;
}

// Where a syntax error is, as a reader counts: line and column (bytes) of the error's first
// byte, and the bytes from there to the end of the line (cleaned by Reader::error).
std::string syntax_error_message(const std::string& bytes, size_t offset) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    std::string s = "JSON syntax error at line " + std::to_string(line) + ", column " + std::to_string(col);
    if (offset < bytes.size()) {
        size_t end = offset;
        while (end < bytes.size() && end - offset < 20 && bytes[end] != '\n' && bytes[end] != '\r') ++end;
        if (end > offset) s += " near '" + bytes.substr(offset, end - offset) + "'";
    }
    return s;
}

bool is_iso3(const std::string& s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void Reader::read(const json& root) {
    if (!root.IsObject()) { error("(top level)", "expected a JSON object"); return; }
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
    if (const json* it = json_find(root, "licence"); it && it->IsObject()) {
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

void Reader::read_countries(const json& root) {
    const json* a = arr(root, "countries");
    if (!a) return;
    std::set<std::string> seen;
    for (const json& c : a->GetArray()) {
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

void Reader::read_regions(const json& root) {
    const json* a = arr(root, "regions");
    if (!a) return;
    for (const json& r : a->GetArray()) {
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
            for (const json& x : m->GetArray()) {
                if (!x.IsString()) continue;
                std::string id = json_string(x);
                if (id == "*") { g.any_country = true; continue; }
                int c = country(id, rec, "members");
                if (c >= 0) g.members.push_back(c);
            }
        }
        ds.regions.push_back(std::move(g));
    }
}

void Reader::read_sources(const json& root) {
    const json* a = arr(root, "sources");
    if (!a) return;
    for (const json& s : a->GetArray()) {
        Source src;
        src.id = str(s, "id");
        src.title = str(s, "title");
        src.url = str(s, "url");
        src.licence = str(s, "licence");
        src.credit = str(s, "credit");
        src.published = str(s, "published");
        src.weak = str(s, "weak");
        src.caveat = str(s, "caveat");
        src.terms = str(s, "terms");
        std::string rec = "source '" + src.id + "'";
        if (src.id.empty() || src.title.empty()) { error(rec, "a source needs an id and a title"); continue; }
        if (local_sources.count(src.id)) { error(rec, "duplicate id"); continue; }
        local_sources[src.id] = int(ds.sources.size());
        ds.sources.push_back(std::move(src));
    }
}

// A publication date: "yyyy-mm-dd", or "yyyy-mm" / "yyyy" when the source gives no day, read
// as the last day of that month or year (an edition never shows before it can have existed).
int Reader::published(const json& o, const std::string& record) {
    const json* it = json_find(o, "published");
    if (!it || it->IsNull()) return 0;
    const std::string t = json_string(*it);
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

// The checks that need no other file: size, JSON syntax, a top-level object.
bool parse_file(const DataFile& f, const LoadLimits& limits, Reader& r, JsonDoc& root) {
    if (f.bytes.size() > limits.max_file_bytes) {
        r.error("(file)", "file is " + std::to_string(f.bytes.size() / (1024 * 1024)) + " MB; the limit is " +
                              std::to_string(limits.max_file_bytes / (1024 * 1024)) + " MB");
        return false;
    }
    if (!parse_json(f.bytes, root)) {
        r.error("(file)", syntax_error_message(f.bytes, root.error_offset));
        return false;
    }
    if (!root.root().IsObject()) {
        r.error("(top level)", "expected a JSON object");
        return false;
    }
    return true;
}

}  // namespace techmap::loader
