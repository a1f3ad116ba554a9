// dataset_reader.h — what the loader's files share (internal to src/core/dataset_*.cpp): typed
// field access that never throws, the per-file Reader that turns one JSON file into records of a
// staging Dataset, and the cross-file references resolved once every file is read.
//
// Who reads what:
//   dataset_read.cpp       the file itself: syntax, format, countries, regions, sources
//   dataset_nodes.cpp      domains: nodes, their shares, editions and firms, edges, links
//   dataset_measures.cpp   dated measures (export controls, bans, licences)
//   dataset_groupings.cpp  alliance presets (membership snapshots) and macro indicators
//   dataset_checks.cpp     the whole dataset: links imported, covers resolved, cycles, share sums
//   dataset.cpp            lookups on a loaded Dataset
//
// JSON is read through core/json.h (RapidJSON), which never throws: the same code behaves
// identically in the WebAssembly build, where a throw would abort.
#pragma once
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dataset.h"
#include "core/json.h"
#include "core/text.h"

namespace techmap::loader {
using json = Json;

// Longest text a dataset field may hold (names, notes, source titles, addresses).
constexpr size_t kMaxFieldBytes = 2000;

// A text field, cleaned to the app's text rule (text.h): the JSON parser has already refused
// ill-formed UTF-8, so what may remain is control characters and excessive length.
CleanText field_text(const json& o, const char* key, Lines lines = Lines::One);
bool has_number(const json& o, const char* key);
double num(const json& o, const char* key, double dflt = kUnknown);
const json* arr(const json& o, const char* key);
bool is_iso3(const std::string& s);
// "JSON syntax error at line L, column C near '...'" for the error at byte `offset` of `bytes`.
std::string syntax_error_message(const std::string& bytes, size_t offset);


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
        const json* it = json_find(o, key);
        if (!it || it->IsNull()) return 0;
        const int d = it->IsString() ? parse_date(json_string(*it)) : 0;
        if (!d) error(record, std::string("'") + key + "' is not a date yyyy-mm-dd");
        return d;
    }

    // A publication date: "yyyy-mm-dd", or "yyyy-mm" / "yyyy" when the source gives no day, read
    // as the last day of that month or year (an edition never shows before it can have existed).
    int published(const json& o, const std::string& record);

    void read(const json& root);  // one whole file, in the order its records refer to each other
    void read_countries(const json& root);   // dataset_read.cpp
    void read_regions(const json& root);
    void read_sources(const json& root);
    void read_domains(const json& root);     // dataset_nodes.cpp
    void read_links(const json& root);
    std::vector<ShareRow> share_rows(const json& shares, const std::string& rec);
    void read_editions(Node& n, const json& eds, const std::string& rec);
    void read_node(Domain& d, std::unordered_map<std::string, int>& index, const json& nj);
    void read_edge(Domain& d, const std::unordered_map<std::string, int>& index, const json& e);
    void read_measures(const json& root);    // dataset_measures.cpp
    void read_alliances(const json& root);   // dataset_groupings.cpp
    void read_indicators(const json& root);
};

// Sums of the rows in `node.shares` (never rescaled: a sum past 100 by rounding is an excess
// the figures turn into ranges), their concentration, years and holdings (dataset.h: what the
// recompute reads); again whenever use_editions() puts other rows in place.
void derive_sums(Node& node, const Dataset& ds);

// The checks that need no other file: size, JSON syntax, a top-level object.
bool parse_file(const DataFile& f, const LoadLimits& limits, Reader& r, JsonDoc& root);

}  // namespace techmap::loader
