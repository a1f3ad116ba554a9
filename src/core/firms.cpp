// firms.cpp — who makes an input, in words (firms.h): a node's firms ordered by share, the caption's
// sentence, a country's leading firms and the search over firm names.
#include "core/firms.h"

#include <algorithm>
#include <map>

#include "core/headline.h"  // plain_percent
#include "core/report.h"    // country_in_sentence
#include "core/text.h"      // match_rank

namespace techmap {

bool names_a_firm(const FirmRow& f) { return f.country >= 0 && !f.name.empty(); }

std::vector<const FirmRow*> firms_by_share(const Node& n) {
    std::vector<const FirmRow*> out;
    for (const FirmRow& f : n.firms)
        if (names_a_firm(f)) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(), [](const FirmRow* a, const FirmRow* b) {
        const bool ka = is_known(a->share), kb = is_known(b->share);
        if (ka != kb) return ka;
        if (ka && a->share != b->share) return a->share > b->share;
        return !ka && a->name < b->name;
    });
    return out;
}

std::string firm_with_country(const Dataset& ds, const FirmRow& f) {
    if (f.country < 0) return f.name;
    return f.name + " (" + country_in_sentence(ds.countries[size_t(f.country)].name) + ")";
}

namespace {
std::string year_note(const std::vector<const FirmRow*>& firms, size_t count) {
    int lo = 0, hi = 0;
    for (size_t i = 0; i < count; ++i) {
        const int y = firms[i]->year;
        if (!y) continue;
        lo = lo ? std::min(lo, y) : y;
        hi = std::max(hi, y);
    }
    if (!hi) return "";
    return " (" + (lo == hi ? std::to_string(hi) : std::to_string(lo) + "–" + std::to_string(hi)) + ")";
}
}  // namespace

std::string firms_sentence(const Dataset& ds, const Node& n, size_t max) {
    const std::vector<const FirmRow*> firms = firms_by_share(n);
    if (firms.empty() || max == 0) return "";
    const size_t shown = std::min(max, firms.size());
    const size_t more = firms.size() - shown;
    const std::string rest = more ? " and " + std::to_string(more) + (more == 1 ? " more firm" : " more firms") : "";
    if (!is_known(firms[0]->share)) {
        // the data names the firms but gives no share for any of them
        std::string names;
        for (size_t i = 0; i < shown; ++i) names += (i ? ", " : "") + firm_with_country(ds, *firms[i]);
        return "Firms named, shares unknown" + year_note(firms, shown) + ": " + names + rest + ".";
    }
    std::string out;
    for (size_t i = 0; i < shown; ++i) {
        const FirmRow& f = *firms[i];
        const std::string share = is_known(f.share) ? plain_percent(f.share, f.share) : "an unknown share";
        if (i == 0) out = firm_with_country(ds, f) + " makes " + share;
        else out += (i + 1 == shown && !more ? " and " : ", ") + firm_with_country(ds, f) + " " + share;
    }
    return out + rest + year_note(firms, shown) + ".";
}

std::vector<FirmInputs> leading_firms(const Domain& dom, int country, size_t max_firms) {
    std::map<std::string, FirmInputs> by_name;
    for (size_t i = 0; i < dom.nodes.size(); ++i) {
        const Node& n = dom.nodes[i];
        if (n.link >= 0) continue;  // a copy of another domain's node: listed with its own domain
        for (const FirmRow& f : n.firms) {
            if (f.country != country || !names_a_firm(f)) continue;
            FirmInputs& fi = by_name[f.name];
            fi.name = f.name;
            fi.inputs.push_back({int(i), f.share, f.year});
            if (is_known(f.share) && (!is_known(fi.best) || f.share > fi.best)) fi.best = f.share;
        }
    }
    std::vector<FirmInputs> out;
    for (auto& [name, fi] : by_name) {
        std::stable_sort(fi.inputs.begin(), fi.inputs.end(), [](const FirmInputs::Input& a, const FirmInputs::Input& b) {
            const bool ka = is_known(a.share), kb = is_known(b.share);
            if (ka != kb) return ka;
            return ka && a.share > b.share;
        });
        out.push_back(std::move(fi));
    }
    std::stable_sort(out.begin(), out.end(), [](const FirmInputs& a, const FirmInputs& b) {
        const bool ka = is_known(a.best), kb = is_known(b.best);
        if (ka != kb) return ka;
        if (ka && a.best != b.best) return a.best > b.best;
        return a.inputs.size() > b.inputs.size();
    });
    if (out.size() > max_firms) out.resize(max_firms);
    return out;
}

std::vector<FirmMatch> find_firms(const Dataset& ds, std::string_view query, size_t max) {
    struct Ranked {
        int rank;
        double share;
        FirmMatch match;
    };
    std::vector<Ranked> all;
    if (query.empty()) return {};
    for (size_t d = 0; d < ds.domains.size(); ++d) {
        const Domain& dom = ds.domains[d];
        for (size_t i = 0; i < dom.nodes.size(); ++i) {
            if (dom.nodes[i].link >= 0) continue;
            for (const FirmRow& f : dom.nodes[i].firms) {
                if (!names_a_firm(f)) continue;
                const int rank = match_rank(f.name, query);
                if (rank < 0) continue;
                all.push_back({rank, is_known(f.share) ? f.share : -1.0, {int(d), int(i), &f}});
            }
        }
    }
    // better matches first; within a firm, its largest shares first
    std::stable_sort(all.begin(), all.end(), [](const Ranked& a, const Ranked& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.match.firm->name != b.match.firm->name) return a.match.firm->name < b.match.firm->name;
        return a.share > b.share;
    });
    std::vector<FirmMatch> out;
    for (size_t i = 0; i < all.size() && out.size() < max; ++i) out.push_back(all[i].match);
    return out;
}

}  // namespace techmap
