// report.cpp — text summary and CSV export of the current scenario.
#include "core/report.h"
#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/measures.h"
#include "core/model.h"
#include "core/scenario_link.h"

namespace techmap {
namespace {

std::string fixed(double v, int decimals = 1) {
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

// One CSV cell: always valid UTF-8 text (text.h); text that a spreadsheet would run as a formula
// (=, +, @, or - not followed by a digit) is prefixed with an apostrophe.
std::string csv_cell(const std::string& raw) {
    std::string s = clean_text(raw, 1u << 16, Lines::Many).text;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '@' || (s[0] == '-' && (s.size() < 2 || s[1] < '0' || s[1] > '9'))))
        s.insert(0, "'");
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

}  // namespace

void node_provenance(const Dataset& ds, const Node& n, std::string& years, std::string& sources) {
    int lo = 0, hi = 0;
    std::set<int> src;
    for (const ShareRow& r : n.shares) {
        if (r.year > 0) {
            lo = lo ? std::min(lo, r.year) : r.year;
            hi = std::max(hi, r.year);
        }
        if (r.source >= 0) src.insert(r.source);
    }
    years = lo == 0 ? std::string() : lo == hi ? std::to_string(lo) : std::to_string(lo) + "-" + std::to_string(hi);
    sources = source_list(ds, std::vector<int>(src.begin(), src.end()));  // a source cited by two files is named once
}

std::string source_list(const Dataset& ds, const std::vector<int>& sources) {
    std::string out;
    std::set<std::string> named;
    for (int i : sources) {
        if (i < 0 || size_t(i) >= ds.sources.size()) continue;
        std::string t = ds.sources[size_t(i)].title;
        if (!named.insert(t).second) continue;
        while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
        out += (out.empty() ? "" : "; ") + t;
    }
    return out;
}


ComparisonWords comparison_words(const Model& m) {
    return m.has_pin() && m.domain() ? comparison_words(m, m.compare()) : ComparisonWords{};
}

ComparisonWords comparison_words(const Model& m, const Model::Comparison& c) {
    ComparisonWords w;
    const Domain* d = m.domain();
    if (!m.has_pin() || !d) return w;
    const Dataset& ds = m.data();
    const Scenario& now = m.scenario();
    auto scenario_words = [&](const Scenario& s, const std::string& name) {
        std::string t = sentence_start(scenario_date_words(s)) + ", " + denial_mode_words(s);
        std::vector<int> members;
        for (size_t k = 0; k < s.members.size(); ++k)
            if (s.members[k]) members.push_back(int(k));
        const bool named = !name.empty() && name != kCustomAllianceName;  // "Custom alliance" reads as a name it is not
        t += "; " + (named ? name : std::string("the alliance")) + " (" + (members.empty() ? "no members" : country_list(ds, members)) + ")";
        if (s.target >= 0) t += ", target " + country_in_sentence(ds.countries[size_t(s.target)].name);
        return t;
    };
    w.heading = "Pinned: " + scenario_words(c.pinned, c.pinned_name) + ". Now: " + scenario_words(now, m.alliance_name()) + ".";
    const std::string target = now.target >= 0 ? sentence_start(country_in_sentence(ds.countries[size_t(now.target)].name)) : "The target";
    auto then_now = [&](const Range& a, const Range& b) {
        const std::string x = plain_percent(a), y = plain_percent(b);
        return x == y ? "unchanged at " + x : x + " then, " + y + " now";
    };
    for (const Model::Flip& f : c.changes) {
        std::string line = d->nodes[size_t(f.node)].name + ": " + target + " could get " + then_now(f.access_before, f.access_after);
        if (f.before != f.after)
            line += f.after == Choke::Yes ? "; now a choke point" : f.before == Choke::Yes ? "; no longer a choke point" : "; a possible choke point now";
        w.lines.push_back(std::move(line));
    }
    w.unchanged = d->nodes.size() - c.changes.size();
    w.products = "Finished products: " + target + " could get " + then_now(c.outputs_before, c.outputs_after) + ".";
    return w;
}

std::string scenario_summary(const Model& m) {
    if (!m.loaded() || !m.domain()) return "No data loaded.";
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    const Domain& d = *m.domain();
    const DomainFigures& f = m.figures();
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : "no target";
    std::string members;
    int count = 0;
    for (int c : ds.countries_by_name)
        if (s.is_member(c)) {
            if (count < 12) members += (members.empty() ? "" : ", ") + ds.countries[size_t(c)].name;
            ++count;
        }
    if (count > 12) members += " and " + std::to_string(count - 12) + " more";
    // first what the map shows, in plain words (who makes the input, what the alliance holds)
    std::string out;
    if (m.selected_node() >= 0) {
        const PlainHeadline h = plain_headline(m, m.selected_node());
        out += h.title + ". " + (h.sentence.empty() ? std::string() : h.sentence + " ") + (h.firms.empty() ? std::string() : h.firms + " ");
    }
    out += m.alliance_name() + ": " + (count ? std::to_string(count) + (count == 1 ? " member (" : " members (") + members + ")" : "no members") +
                      ". Target: " + target + ". " + d.name + ", control threshold " + fixed(s.threshold, 0) + "%. ";
    // the date, what is denied, and the real measures in force on it (the text view's list)
    out += "On " + date_text(scenario_date(s)) + (s.date ? "" : " (today)") + ": denial counts " +
           denial_mode_words(s) + "; retaliation counts " +
           (counts_measures(s.retaliation_mode) ? target + "'s measures in force" : "everything " + target + " makes") + ". ";
    // measures in force and those of unknown status listed apart: an unknown is never "in force"
    auto measure_list = [&](ControlSide side, bool unknown) {
        std::string list;
        for (int i : measures_in_state(ds, s, side, unknown ? MeasureState::Unknown : MeasureState::InForce)) {
            const Measure& me = ds.measures[size_t(i)];
            list += (list.empty() ? "" : "; ") + me.name + " (" + me.id + ", " + to_string(me.kind) + ")" +
                    (unknown && !me.lapse_default.empty() ? ": " + me.lapse_default : std::string());
        }
        return list;
    };
    if (s.target >= 0) {
        const bool world = s.deny_mode == DenialMode::RulesInForce;
        const std::string mine = measure_list(ControlSide::Denial, false), theirs = measure_list(ControlSide::Retaliation, false);
        const std::string mine_unknown = measure_list(ControlSide::Denial, true), theirs_unknown = measure_list(ControlSide::Retaliation, true);
        out += (world ? "Rules in force against " + target + ", whoever issued them: " : "Controls in force issued by members against " + target + ": ") +
               (mine.empty() ? "none" : mine) + ". ";
        if (!mine_unknown.empty()) out += "Of unknown status on this date (the sources end before it): " + mine_unknown + ". ";
        out += target + "'s measures in force against members: " + (theirs.empty() ? "none" : theirs) + ". ";
        if (!theirs_unknown.empty()) out += target + "'s measures of unknown status on this date (the sources end before it): " + theirs_unknown + ". ";
    }
    out += "The alliance holds " + std::to_string(f.choke_points) + " choke points among " + std::to_string(f.nodes_with_shares) +
           " inputs with data";
    if (f.possible_choke_points) out += " (" + std::to_string(f.possible_choke_points) + " more possible, resting on unknown shares)";
    if (f.year_min && f.year_min != f.year_max)
        out += "; the inputs' figures are of different years, " + std::to_string(f.year_min) + " to " + std::to_string(f.year_max);
    else if (f.year_max)
        out += " (figures of " + std::to_string(f.year_max) + ")";
    out += ". ";
    if (s.deny && s.target >= 0)
        out += target + "'s access to finished products under denial" + (s.third_country_rule ? " with the third-country rule" : "") +
               ": " + percent_text(f.target_access_to_outputs) + " of world supply. ";
    if (s.retaliation && s.target >= 0)
        out += "The alliance's access to finished products if " + target + " cuts it off: " +
               percent_text(f.alliance_access_to_outputs) + ". ";
    const Pooled rd = m.pooled_rd();
    if (!rd.unit.empty() && count > 0) {
        // the years of the values summed, and the target's when it differs: never a silent mix
        const int lo = rd.first_year(), hi = rd.last_year();
        const std::string years = lo == hi ? std::to_string(hi) : "values of " + std::to_string(lo) + " to " + std::to_string(hi);
        out += "R&D spending (" + rd.indicator_name + ", " + years + "): members " + fixed(rd.members_value, 0) +
               ", " + target + " " + (rd.target_known ? fixed(rd.target_value, 0) + " (" + std::to_string(rd.target_year) + ")" : std::string("unknown")) + ", " + rd.unit;
        if (rd.members_without_data)
            out += " (" + std::to_string(rd.members_without_data) + (rd.members_without_data == 1 ? " member" : " members") + " without data)";
        out += ". ";
    }
    if (m.selected_node() >= 0) {
        const Node& n = d.nodes[size_t(m.selected_node())];
        const NodeFigures& nf = f.nodes[size_t(m.selected_node())];
        std::string years, sources;
        node_provenance(ds, n, years, sources);
        out += "Selected: " + n.name;
        if (nf.has_shares) {
            out += ", the alliance holds " + percent_text(nf.alliance_share) + " of world supply";
            if (nf.choke == Choke::Yes) out += " (a choke point)";
            else if (nf.choke == Choke::Possible) out += " (possibly a choke point)";
            if (!years.empty()) out += " (" + years + ", " + sources + ")";
        } else {
            out += ", no shares of its own in the data";
        }
        out += ".";
    }
    // a pinned scenario: the figures before and after, side by side, in words
    if (const ComparisonWords cw = comparison_words(m); !cw.heading.empty()) {
        out += "\n\nCompared with the pinned scenario. " + cw.heading + " " + cw.products;
        if (cw.lines.empty()) out += " No input's figures changed.";
        for (const std::string& line : cw.lines) out += "\n" + line + ".";
        if (!cw.lines.empty() && cw.unchanged) out += "\n" + std::to_string(cw.unchanged) + " other inputs unchanged.";
    }
    return out;
}

std::string country_in_sentence(const std::string& name) {
    // the names English writes with "the": the United States, the Netherlands, the Philippines...
    static const char* plural[] = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles"};
    auto ends = [&](const char* tail) {
        const size_t n = std::strlen(tail);
        return name.size() >= n && name.compare(name.size() - n, n, tail) == 0;
    };
    bool the = name.rfind("United ", 0) == 0 || ends("Islands") || name.find("Republic") != std::string::npos;
    for (const char* p : plural) the |= name == p;
    return the ? "the " + name : name;
}

std::string sentence_start(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

std::string in_sentence(std::string name) {
    // "Finished logic chip" -> "finished logic chip"; "EUV lithography tools" and "ArF immersion"
    // stay (a first word with another capital is a name or an acronym)
    if (name.size() < 2 || name[0] < 'A' || name[0] > 'Z') return name;
    for (size_t i = 1; i < name.size() && name[i] != ' ' && name[i] != ','; ++i)
        if (!(name[i] >= 'a' && name[i] <= 'z') && name[i] != '-') return name;  // "Rare-earth" is a word too
    name[0] = char(name[0] - 'A' + 'a');
    return name;
}

std::string country_list(const Dataset& ds, const std::vector<int>& countries, size_t max) {
    std::vector<int> sorted = countries;
    std::sort(sorted.begin(), sorted.end(), [&](int a, int b) { return ds.countries[size_t(a)].name < ds.countries[size_t(b)].name; });
    if (sorted.empty()) return "no country";
    if (sorted.size() > max) return "the " + std::to_string(sorted.size()) + " members";
    std::string out;
    for (size_t i = 0; i < sorted.size(); ++i) {
        if (i) out += i + 1 == sorted.size() ? " and " : ", ";
        out += country_in_sentence(ds.countries[size_t(sorted[i])].name);
    }
    return out;
}

std::string scenario_headline(const Model& m) {
    const Dataset& ds = m.data();
    const Scenario& sc = m.scenario();
    std::string members;
    for (size_t c = 0; c < sc.members.size(); ++c)
        if (sc.members[c]) members += (members.empty() ? "" : ", ") + ds.countries[c].id;
    std::string out = m.alliance_name() + " (" + (members.empty() ? "no members" : members) + ") and " +
                      (sc.target >= 0 ? ds.countries[size_t(sc.target)].name : std::string("no target")) + ": " +
                      std::to_string(m.figures().choke_points) + " choke points of " + std::to_string(m.figures().nodes_with_shares) +
                      " inputs.";
    return out.size() > 600 ? out.substr(0, 600) : out;
}

std::string figures_csv(const Model& m) {
    std::string out = "record,id,name,metric,low,high,unit,year,source\r\n";
    auto row = [&](const std::string& record, const std::string& id, const std::string& name, const std::string& metric,
                   const std::string& lo, const std::string& hi, const std::string& unit, const std::string& year,
                   const std::string& source) {
        out += csv_cell(record) + "," + csv_cell(id) + "," + csv_cell(name) + "," + csv_cell(metric) + "," + csv_cell(lo) + "," +
               csv_cell(hi) + "," + csv_cell(unit) + "," + csv_cell(year) + "," + csv_cell(source) + "\r\n";
    };
    auto range_row = [&](const std::string& record, const std::string& id, const std::string& name, const std::string& metric,
                         const Range& r, const std::string& unit, const std::string& year, const std::string& source) {
        row(record, id, name, metric, fixed(r.lo, 3), fixed(r.hi, 3), unit, year, source);
    };
    if (!m.loaded() || !m.domain()) return out;
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    const Domain& d = *m.domain();
    const DomainFigures& f = m.figures();
    std::string members;
    for (size_t c = 0; c < s.members.size(); ++c)
        if (s.members[c]) members += (members.empty() ? "" : " ") + ds.countries[c].id;
    row("scenario", "alliance", m.alliance_name(), "members", members, members, "ISO 3166-1 alpha-3", "", "");
    row("scenario", "target", s.target >= 0 ? ds.countries[size_t(s.target)].name : "", "target",
        s.target >= 0 ? ds.countries[size_t(s.target)].id : "", s.target >= 0 ? ds.countries[size_t(s.target)].id : "", "", "", "");
    row("scenario", "threshold", "control threshold", "threshold", fixed(s.threshold, 2), fixed(s.threshold, 2), "%", "", "");
    row("scenario", "policy", "policy switches", "deny/third-country rule/retaliation",
        std::string(s.deny ? "deny" : "") + (s.third_country_rule ? " fdpr" : "") + (s.retaliation ? " ret" : ""), "", "", "", "");
    row("scenario", "data", "data version", "version", ds.version(), ds.version(), "", "", "");
    row("summary", d.id, d.name, "choke points", std::to_string(f.choke_points), std::to_string(f.choke_points + f.possible_choke_points),
        "inputs", "", "");
    row("summary", d.id, d.name, "inputs with data", std::to_string(f.nodes_with_shares), std::to_string(f.nodes_with_shares), "inputs", "", "");
    range_row("summary", d.id, d.name, "target access to finished products under denial", f.target_access_to_outputs, "% of world supply", "", "");
    range_row("summary", d.id, d.name, "alliance access to finished products under retaliation", f.alliance_access_to_outputs,
              "% of world supply", "", "");
    const Pooled rd = m.pooled_rd();
    if (!rd.unit.empty()) {
        const std::string src = source_list(ds, rd.sources);
        const std::string years = rd.year_min == rd.year_max ? std::to_string(rd.year_max)
                                                              : std::to_string(rd.year_min) + "-" + std::to_string(rd.year_max);
        row("summary", "rd", rd.indicator_name, "members' total", fixed(rd.members_value, 1), fixed(rd.members_value, 1), rd.unit,
            rd.members_with_data ? years : "", src);
        row("summary", "rd", rd.indicator_name, "target", rd.target_known ? fixed(rd.target_value, 1) : "",
            rd.target_known ? fixed(rd.target_value, 1) : "", rd.unit, rd.target_known ? std::to_string(rd.target_year) : "",
            rd.target_source >= 0 ? ds.sources[size_t(rd.target_source)].title : "");
    }
    for (size_t i = 0; i < d.nodes.size(); ++i) {
        const Node& n = d.nodes[i];
        const NodeFigures& nf = f.nodes[i];
        if (!nf.has_shares || n.link >= 0) continue;  // linked nodes are listed with their own domain
        std::string years, sources;
        node_provenance(ds, n, years, sources);
        range_row("node", n.id, n.name, "alliance share", nf.alliance_share, "% of world supply", years, sources);
        row("node", n.id, n.name, "choke point", nf.choke == Choke::Yes ? "yes" : nf.choke == Choke::Possible ? "possible" : "no",
            nf.choke == Choke::Yes ? "yes" : nf.choke == Choke::Possible ? "possible" : "no", "", years, sources);
        range_row("node", n.id, n.name, "target access under denial", nf.target_access, "% of world supply", years, sources);
        range_row("node", n.id, n.name, "alliance access under retaliation", nf.alliance_access, "% of world supply", years, sources);
        range_row("node", n.id, n.name, "HHI", nf.hhi, "0-10000", years, sources);
        // the firms behind the node's shares (never summed): a country's share is its firms' by headquarters
        for (const FirmRow& fr : n.firms) {
            const std::string hq = fr.country >= 0 ? ds.countries[size_t(fr.country)].name : fr.region >= 0 ? ds.regions[size_t(fr.region)].name : "";
            const std::string v = is_known(fr.share) ? fixed(fr.share, 3) : "";
            row("firm", n.id, fr.name, "share of world supply (" + n.name + "; headquarters: " + hq + ")", v, v, "%",
                fr.year ? std::to_string(fr.year) : "", fr.source >= 0 ? ds.sources[size_t(fr.source)].title : "");
        }
    }
    // a pinned scenario: each changed input's access before and after, and the finished products'
    if (m.has_pin()) {
        const Model::Comparison c = m.compare();
        const std::string then = date_text(scenario_date(c.pinned)) + " " + to_text(c.pinned.deny_mode);
        const std::string now = date_text(scenario_date(s)) + " " + to_text(s.deny_mode);
        range_row("comparison", d.id, d.name, "target access to finished products, pinned (" + then + ")", c.outputs_before, "% of world supply", "", "");
        range_row("comparison", d.id, d.name, "target access to finished products, now (" + now + ")", c.outputs_after, "% of world supply", "", "");
        for (const Model::Flip& fl : c.changes) {
            const Node& n = d.nodes[size_t(fl.node)];
            range_row("comparison", n.id, n.name, "target access, pinned (" + then + ")", fl.access_before, "% of world supply", "", "");
            range_row("comparison", n.id, n.name, "target access, now (" + now + ")", fl.access_after, "% of world supply", "", "");
        }
    }
    return out;
}

}  // namespace techmap
