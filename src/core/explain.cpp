// explain.cpp — the "why" of one node's figures (explain_node, figures.h): the rows with each
// holder's role, the members' shares, the unknown remainder, concentration, the access under
// denial and retaliation with what limits it, the controls in force that made a figure (and
// those that do not apply on the date), the edition in use, links from other domains, sources.
#include <algorithm>
#include <cstdio>
#include <set>

#include "core/figures.h"
#include "core/firms.h"
#include "core/measures.h"

namespace techmap {

namespace {
bool is_member(const Scenario& s, int c) { return c != s.target && s.is_member(c); }
}  // namespace

namespace {
std::string pct(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f%%", v);
    return b;
}
}  // namespace

namespace {
// ", status unknown on this date" and what the measure's own text then makes the default ("" when
// its status is known on the date).
std::string unknown_words(const Measure& m, int date) {
    if (m.state_on(date) != MeasureState::Unknown) return "";
    return ", status unknown on this date" + (m.lapse_default.empty() ? std::string() : ": " + m.lapse_default);
}

// The "why" of a figure in "controls in force" mode: the measures that made it, and those that
// cover the node but do not apply on the date (suspended, not yet, ended), so that a user sees
// why a known rule changes nothing.
std::string controls_line(const Dataset& ds, const Node& n, const Scenario& s, ControlSide side, const Range& denied) {
    ActiveMeasures active;
    active_measures(ds, s, active);
    NodeControls c;
    node_controls(ds, n, active, side, c);
    const int date = scenario_date(s);
    const bool denial = side == ControlSide::Denial;
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : "the target";
    const bool world = denial && s.deny_mode == DenialMode::RulesInForce;
    std::string line = !denial ? "Measures of " + target + " in force on " + pretty_date(date) + " aimed at members: "
                       : world ? "Rules in force on " + pretty_date(date) + " aimed at " + target + ", whoever issued them: "
                               : "Controls in force on " + pretty_date(date) + ", issued by members and aimed at " + target + ": ";
    if (c.measures.empty()) {
        line += "none covers this node, so nothing of it is denied";
    } else {
        bool first = true;
        for (const NodeControls::Applied& a : c.measures) {
            const Measure& m = ds.measures[size_t(a.measure)];
            const bool whole = a.whole;
            line += std::string(first ? "" : "; ") + m.id + " (" + ds.countries[size_t(m.issuer)].name + ", " + to_string(m.kind) +
                    (whole ? "" : ", part of this node") + unknown_words(m, date) +
                    (a.some_members_only ? ", aimed at some members only" : "") + (m.foreign_made ? ", reaches foreign-made items" : "") + ")";
            first = false;
        }
        line += ": denied share " + percent_text(denied);
        if (!denied.exact()) line += " (a licence is not a ban, and a part of unknown size is not all: a range)";
    }
    // covering measures of the same side that aim at named firms: listed, and they move no figure
    std::string firms;
    std::set<int> listed;  // a measure covering the node twice (all of it and a part) is named once
    for (const NodeMeasure& nm : n.measures) {
        const Measure& m = ds.measures[size_t(nm.measure)];
        const MeasureState st = m.state_on(date);
        if (m.kind != MeasureKind::Entities || (st != MeasureState::InForce && st != MeasureState::Unknown)) continue;
        if (!(denial ? denies_target(m, s) : m.issuer == s.target) || !listed.insert(nm.measure).second) continue;
        firms += (firms.empty() ? "" : "; ") + m.id + " (" + ds.countries[size_t(m.issuer)].name + unknown_words(m, date) + ")";
    }
    if (!firms.empty()) line += ". Aimed at named firms, so moving no product figure: " + firms;
    // covering measures of the same side that do not apply on this date
    std::string idle;
    for (const NodeMeasure& nm : n.measures) {
        const Measure& m = ds.measures[size_t(nm.measure)];
        const bool side_issuer = denial ? (m.issuer != s.target && (world || s.is_member(m.issuer))) : m.issuer == s.target;
        const MeasureState st = m.state_on(date);
        if (!side_issuer || st == MeasureState::InForce || st == MeasureState::Unknown) continue;
        if (idle.find(m.id) != std::string::npos) continue;
        idle += (idle.empty() ? "" : ", ") + m.id + " " + to_string(st);
    }
    if (!idle.empty()) line += ". No effect on this date: " + idle;
    return line + ".";
}
}  // namespace

namespace {
// Which edition of a node's figures is shown, why, and the others: a figure never changes year
// without saying so, and sources that disagree are named.
std::string edition_line(const Node& n, const Scenario& s) {
    const Edition& ed = n.editions[size_t(n.edition)];
    const auto name = [](const Edition& x) {
        return std::to_string(x.year) + (x.label.empty() ? std::string(" (as first published here)") : " (" + x.label + ")");
    };
    std::string line = "Figures of " + name(ed) + ", edition " + std::to_string(n.edition + 1) + " of " +
                       std::to_string(n.editions.size()) + ": ";
    line += s.figures_year ? "the newest of at most " + std::to_string(s.figures_year) + " published by " + date_text(scenario_date(s))
                           : "the newest published by " + date_text(scenario_date(s));
    if (s.figures_year && ed.year > s.figures_year) line += " (none of " + std::to_string(s.figures_year) + " or earlier: the oldest)";
    std::string others;
    for (size_t i = 0; i < n.editions.size(); ++i) {
        if (int(i) == n.edition) continue;
        const Edition& x = n.editions[i];
        others += (others.empty() ? "" : "; ") + name(x);
        if (x.published > scenario_date(s)) others += ", published " + date_text(x.published);
        if (!x.check.empty()) others += ", with a caveat";
    }
    if (!others.empty()) line += ". Other editions: " + others;
    line += ".";
    if (!ed.note.empty()) line += " " + ed.note;
    if (!ed.check.empty()) line += " Caveat: " + ed.check + ".";
    return line;
}
}  // namespace

std::string percent_text(const Range& r) {
    char lo[32], hi[32];
    std::snprintf(lo, sizeof lo, "%.1f", r.lo);
    std::snprintf(hi, sizeof hi, "%.1f", r.hi);
    // a range too narrow to show at one decimal reads as one figure ("40.0%", not "40.0–40.0%")
    if (r.exact() || std::string(lo) == hi) return std::string(lo) + "%";
    return std::string(lo) + "–" + hi + "%";
}

Explanation explain_node(const Dataset& ds, const Domain& dom, const Scenario& s,
                         const DomainFigures& f, int idx) {
    Explanation e;
    if (idx < 0 || size_t(idx) >= dom.nodes.size() || f.nodes.size() != dom.nodes.size()) return e;
    const Node& n = dom.nodes[size_t(idx)];
    const NodeFigures& nf = f.nodes[size_t(idx)];
    const std::string target = s.target >= 0 ? ds.countries[size_t(s.target)].name : "the target";
    std::string members_text, members_unknown;
    std::set<int> sources;
    for (const ShareRow& row : n.shares) {
        Explanation::Row r;
        r.share = row.share;
        r.year = row.year;
        r.source = row.source >= 0 ? ds.sources[size_t(row.source)].title : "";
        sources.insert(row.source);
        if (row.country >= 0) {
            r.holder = ds.countries[size_t(row.country)].name;
            r.role = row.country == s.target ? "target" : is_member(s, row.country) ? "member" : "other";
            if (r.role == "member" && is_known(row.share))
                members_text += (members_text.empty() ? "" : ", ") + r.holder + " " + pct(row.share);
            else if (r.role == "member")
                members_unknown += (members_unknown.empty() ? "" : ", ") + r.holder;
        } else {
            r.holder = ds.regions[size_t(row.region)].name;
            r.role = "region";
        }
        e.rows.push_back(std::move(r));
    }
    if (!nf.has_shares) {
        if (!n.inputs.empty())
            e.lines.push_back("No published shares for this step: it is as obtainable as its scarcest input.");
        else if (!n.subtypes.empty())
            e.lines.push_back("No published shares of its own: it is as obtainable as its scarcest subtype.");
        else
            e.lines.push_back("No published shares: every figure here is unknown (0–100%).");
    } else {
        // every member the table lists is named: with its share, or as a supplier of unknown share
        std::string held = members_text;
        if (!members_unknown.empty()) held += (held.empty() ? "" : "; ") + members_unknown + " (share unknown)";
        // shares of demand are purchases, of an activity its total: never told as supply
        const bool demand = dom.measures == Measures::Demand, activity = dom.measures == Measures::Share;
        const char* of = demand ? "of world purchases" : activity ? "of the world's total" : "of world supply";
        const char* none = demand ? " (no member is a listed buyer)." : activity ? " (no member is listed)." : " (no member is a listed supplier).";
        e.lines.push_back("Alliance share " + percent_text(nf.alliance_share) + " " + of + (held.empty() ? std::string(none) : ": " + held + "."));
        if (demand && s.target >= 0)
            e.lines.push_back(target + " buys " + percent_text(nf.target_share) + " of world purchases" +
                              (nf.target_share.exact() ? "" : " (the data does not name every buyer)") + ".");
        if (n.excess > 0) {
            char b[320];
            std::snprintf(b, sizeof b,
                          "Published shares sum to %.1f%% (rounding): they are shown as published. The rows overstate the "
                          "world by %.1f points in all, and the data does not say on which rows, so sums of rows are ranges.",
                          n.published_sum, n.excess);
            e.lines.push_back(b);
        }
        if (n.residual > 0) {
            e.lines.push_back(pct(n.residual) + " " + of + " is " +
                              (n.residual_unattributed ? (demand ? "not attributed to any listed buyer" : "not attributed to any listed supplier")
                                                       : (demand ? "held by buyers whose share is unknown" : "held by suppliers whose share is unknown")) +
                              ": figures that depend on it are ranges.");
        }
        for (const ShareRow& row : n.shares)
            if (row.region >= 0 && is_known(row.share) && row.share > 0)
                e.lines.push_back(pct(row.share) + " is held by '" + ds.regions[size_t(row.region)].name +
                                  "' without a country breakdown; it counts for the alliance only in the upper bound.");
        char b[200];
        std::snprintf(b, sizeof b, "Concentration (HHI) %.0f%s.", nf.hhi.lo, nf.hhi.exact() ? "" : " or more");
        e.lines.push_back(b);
        if (nf.choke == Choke::Yes) e.lines.push_back("A choke point: members hold at least the " + pct(s.threshold) + " threshold.");
        if (nf.choke == Choke::Possible) e.lines.push_back("Possibly a choke point: only if the unknown shares fall to members.");
    }
    const bool supply = dom.measures == Measures::Supply;  // denial and cut-off are of supply only
    if (s.deny && supply) {
        std::string line = target + " can obtain " + percent_text(nf.target_access) + " of world supply under denial";
        if (nf.target_bottleneck >= 0)
            line += ", limited by its access to '" + dom.nodes[size_t(nf.target_bottleneck)].name + "' (" +
                    percent_text(f.nodes[size_t(nf.target_bottleneck)].target_access) + ")";
        if (s.third_country_rule && s.deny_mode == DenialMode::Everything) line += "; the third-country rule binds non-members' production too";
        if (s.third_country_rule && counts_measures(s.deny_mode))
            line += "; non-members' production is bound only where a measure in force reaches foreign-made items";
        e.lines.push_back(line + ".");
        if (counts_measures(s.deny_mode) && (nf.has_shares || !n.measures.empty()))
            e.lines.push_back(controls_line(ds, n, s, ControlSide::Denial, nf.target_denied));
    }
    if (s.retaliation && supply) {
        std::string line = "If " + target + " cuts the alliance off, the alliance can obtain " + percent_text(nf.alliance_access);
        if (nf.alliance_bottleneck >= 0)
            line += ", limited by '" + dom.nodes[size_t(nf.alliance_bottleneck)].name + "'";
        if (s.retaliation_third_countries) line += "; at worst third countries follow the cut-off, leaving only members' own output";
        e.lines.push_back(line + ".");
        if (counts_measures(s.retaliation_mode) && (nf.has_shares || !n.measures.empty()))
            e.lines.push_back(controls_line(ds, n, s, ControlSide::Retaliation, nf.alliance_denied));
    }
    // where a linked material comes from, and what feeds in from other domains
    if (n.link >= 0 && size_t(n.link) < ds.links.size()) {
        const DomainLink& l = ds.links[size_t(n.link)];
        e.lines.push_back("From the domain '" + ds.domains[size_t(l.from_domain)].name + "', linked into '" +
                          dom.nodes[size_t(l.to_node)].name + "' (" + (l.basis == "source" ? "a sourced link" : "a modelling assumption") +
                          "): " + l.note + (s.links ? "" : " Links are off: it does not limit the chain now."));
    }
    for (int in : n.inputs)
        if (dom.nodes[size_t(in)].link >= 0) {
            const DomainLink& l = ds.links[size_t(dom.nodes[size_t(in)].link)];
            e.lines.push_back("Needs '" + dom.nodes[size_t(in)].name + "' from " + ds.domains[size_t(l.from_domain)].name + " (" +
                              (l.basis == "source" ? "sourced" : "assumed") + " link, " + (s.links ? "on" : "off") + ").");
        }
    if (n.current_edition()) e.lines.push_back(edition_line(n, s));
    // the firms behind the shares (detail, never summed), each with its headquarters' country
    for (const FirmRow& fr : n.firms) {
        Explanation::Row r;
        r.holder = fr.name;
        r.role = fr.country >= 0 ? ds.countries[size_t(fr.country)].name : fr.region >= 0 ? ds.regions[size_t(fr.region)].name : "";
        r.share = fr.share;
        r.year = fr.year;
        r.source = fr.source >= 0 ? ds.sources[size_t(fr.source)].title : "";
        sources.insert(fr.source);
        e.firms.push_back(std::move(r));
    }
    if (!e.firms.empty()) e.lines.push_back(std::string("The firms that make it are listed below, with their headquarters. ") + kFirmsByHeadquarters);
    std::set<std::string> titles;  // a source cited by two files (two records) is named once
    for (int src : sources)
        if (src >= 0 && titles.insert(ds.sources[size_t(src)].title).second) e.lines.push_back("Source: " + ds.sources[size_t(src)].title);
    return e;
}

}  // namespace techmap
