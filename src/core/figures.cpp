// figures.cpp — alliance share, choke points, concentration, access under denial and
// retaliation exposure, pooled indicators, and the explanation of each.
//
// [SECTION] who may hold what: members, target, regions, the unknown remainder (each node's
//           HHI, row years and rows by holder are derived at load: dataset_checks.cpp)
// [SECTION] propagation of access through "goes into"
// [SECTION] domain totals
// [SECTION] pooled indicators
// (the explanation of each figure, the "why", is in explain.cpp)
#include "core/figures.h"
#include "core/measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace techmap {

EditionChoice edition_choice(const Scenario& s) { return {scenario_date(s), s.figures_year}; }

int Scenario::member_count() const {
    int n = 0;
    for (uint8_t m : members) n += m ? 1 : 0;
    return n;
}

// [SECTION] who may hold what ---------------------------------------------------------------
namespace {

bool is_member(const Scenario& s, int c) { return c != s.target && s.is_member(c); }

// Share of each side ("the alliance" and "the target") in one node, as a range (side_shares):
// lo counts only what is certainly theirs; hi adds what could be theirs (regions that include
// them, rows of unknown share, the unattributed remainder).

// Sums of known rows by how surely they are one side's: certain, possible only, not at all.
// When the published rows sum past 100 by rounding (excess E), E points of them are not real and
// the data does not say which: the side loses at most min(E, certain) (lo) and at least
// E - (the others' rows) (hi), so the range holds both the rows as published and any fix of them.
struct RowSums {
    double certain = 0, possible = 0, other = 0;
    Range range(double excess) const {
        Range r{certain, certain + possible};
        if (excess > 0) {
            r.lo -= std::min(excess, certain);
            r.hi -= std::max(0.0, excess - other);
        }
        return r;
    }
};

// The rows' sums as a range, with the remainder no row accounts for when it could be theirs.
Range finish(const RowSums& sums, const Node& n, bool residual_could_be_theirs) {
    Range r = sums.range(n.excess);
    if (residual_could_be_theirs) r.hi += n.residual;
    r.lo = std::clamp(r.lo, 0.0, 100.0);
    r.hi = std::min(std::max(r.hi, r.lo), 100.0);
    return r;
}

// How a holder of rows (Node::Holding::holder: a country, a region, no one named) stands to
// each side in one scenario: for the alliance, then for the target (bits 2-3), certainly one of
// theirs (0), possibly (1, a region with some of them) or not at all (2).
enum : uint8_t { kCertain = 0, kPossible = 1, kOther = 2 };
// Fills `roles` (one byte per holder, reused from one recompute to the next) and says whether
// the alliance has any member. A region is certainly the alliance's when all its countries are
// members, possibly when some are; "any country" (an unnamed remainder) possibly anyone's.
void holder_roles(const Dataset& ds, const Scenario& s, std::vector<uint8_t>& roles, bool& alliance_nonempty) {
    constexpr uint8_t kNeither = kOther | kOther << 2, kMember = kCertain | kOther << 2;
    roles.assign(ds.holder_count(), kNeither);
    const size_t countries = ds.countries.size(), known = std::min(countries, s.members.size());
    bool any = false;
    for (size_t c = 0; c < known; ++c)
        if (s.members[c]) { roles[c] = kMember; any = true; }
    alliance_nonempty = any;
    const bool has_target = s.target >= 0 && size_t(s.target) < countries;
    if (has_target) roles[size_t(s.target)] = kOther | kCertain << 2;  // never a member
    for (size_t g = 0; g < ds.regions.size(); ++g) {
        const Region& region = ds.regions[g];
        bool any_member = false, all_members = !region.members.empty(), with_target = false;
        if (region.any_country) {
            any_member = any;
            all_members = false;
            with_target = s.target >= 0;
        } else {
            for (int c : region.members) {
                const bool m = c >= 0 && size_t(c) < countries && (roles[size_t(c)] & 3) == kCertain;
                any_member |= m;
                all_members &= m;
                with_target |= c == s.target;
            }
        }
        roles[countries + g] = uint8_t((all_members ? kCertain : any_member ? kPossible : kOther) | (with_target ? kPossible : kOther) << 2);
    }
}

// Both sides in one pass over the rows (the hot loop of every recompute: it reads the rows as
// derived at load, Node::known_holdings and unknown_holders, and the scenario's holder_roles).
void side_shares(const Node& n, const Scenario& s, bool alliance_nonempty, const std::vector<uint8_t>& roles, Range& alliance,
                 Range& target) {
    double a[3] = {0, 0, 0}, t[3] = {0, 0, 0};  // certain, possible, other
    bool target_row_known = false;
    for (const Node::Holding& h : n.known_holdings) {
        const uint8_t r = roles[h.holder];
        a[r & 3] += h.share;
        t[r >> 2] += h.share;
        target_row_known |= (r >> 2) == kCertain;
    }
    bool a_residual = n.residual_unattributed && alliance_nonempty;
    bool t_residual = n.residual_unattributed && s.target >= 0;
    for (uint32_t holder : n.unknown_holders) {
        const uint8_t r = roles[holder];
        a_residual |= (r & 3) != kOther;
        t_residual |= (r >> 2) != kOther;
    }
    // a country's own row of known share is its whole share: the remainder no listed row
    // accounts for belongs to others (the target with a row of 28.9% does not buy "29–100%")
    if (target_row_known && n.residual_unattributed) t_residual = false;
    alliance = finish(RowSums{a[kCertain], a[kPossible], a[kOther]}, n, a_residual);
    target = finish(RowSums{t[kCertain], t[kPossible], t[kOther]}, n, t_residual);
}

// The share of a node the measures in force deny (ControlsMode): a holder's share counts when it
// issued a measure covering the node: certainly for a ban of the whole node, possibly (hi only)
// for a licence or a part of unknown size. The same rows, regions and remainder as side_share,
// restricted to the issuers, so it never exceeds the share of everyone on the issuing side.
Range controlled_share(const Dataset& ds, const Node& n, const NodeControls& c) {
    if (!c.any()) return Range{};
    RowSums sums;
    // the unattributed remainder could be an issuer's only if some issuer has no row of known
    // share (a known row is a country's whole share, as in side_share)
    bool residual_could_be_theirs = false;
    if (n.residual_unattributed)
        for (const NodeControls::Issuer& i : c.issuers) {
            bool known_row = false;
            for (const ShareRow& row : n.shares) known_row |= row.country == i.country && is_known(row.share);
            if (!known_row) residual_could_be_theirs = true;
        }
    for (const ShareRow& row : n.shares) {
        const bool known = is_known(row.share);
        const double v = known ? row.share : 0;
        ControlLevel level = ControlLevel::None;
        if (row.country >= 0) {
            level = c.issuer_level(row.country);
        } else if (row.region >= 0) {
            const Region& g = ds.regions[size_t(row.region)];
            if (g.any_country) {
                level = ControlLevel::Possible;  // anyone, an issuer included
            } else {
                bool all_certain = !g.members.empty(), any = false;
                for (int m : g.members) {
                    const ControlLevel l = c.issuer_level(m);
                    any |= l != ControlLevel::None;
                    all_certain &= l == ControlLevel::Certain;
                }
                level = all_certain ? ControlLevel::Certain : any ? ControlLevel::Possible : ControlLevel::None;
            }
        }
        if (known) {
            (level == ControlLevel::Certain ? sums.certain : level == ControlLevel::Possible ? sums.possible : sums.other) += v;
        } else if (level != ControlLevel::None) {
            residual_could_be_theirs = true;
        }
    }
    return finish(sums, n, residual_could_be_theirs);
}

// [SECTION] propagation ------------------------------------------------------------------------
// Access of the denied side to node n, given the denier's share and the denied side's own share.
// f = the smallest access among inputs (as a fraction); bottleneck = that input.
struct Access {
    Range value;
    int bottleneck = -1;
};

// How far a cut-off reaches, for one side's access computation.
struct AccessRules {
    // third countries' output made with the denier's inputs is denied too (the foreign direct
    // product rule idea)
    bool inputs_bind_third_countries = false;
    // inputs brought in from other domains count (the scenario's "links" switch)
    bool linked_inputs = false;
    // third countries may follow the denier: only one's own output is assured
    bool only_own_assured = false;
};

// `access` reads the figure already computed for an input (inputs come first in the order).
template <Range NodeFigures::*access>
Access access_of(const Node& n, const Range& denier, const Range& own, const std::vector<NodeFigures>& figs, const AccessRules& rules) {
    const bool links = rules.linked_inputs, only_own_assured = rules.only_own_assured;
    const bool inputs_bind_third_countries = rules.inputs_bind_third_countries;
    Access a;
    Range f{1, 1};
    int active_inputs = 0;
    for (int in : links ? n.inputs : n.own_inputs) {
        ++active_inputs;
        const Range& x = figs[size_t(in)].*access;
        if (x.lo / 100 < f.lo) a.bottleneck = in;  // the scarcest input (by its lower bound)
        f.lo = std::min(f.lo, x.lo / 100);
        f.hi = std::min(f.hi, x.hi / 100);
    }
    if (n.shares.empty()) {
        if (active_inputs > 0) {
            a.value = {100 * f.lo, 100 * f.hi};
        } else if (!n.subtypes.empty()) {
            // a category without shares of its own is made of its subtypes, each of them needed
            // (assembly tools = dicing + bonding + ...): as obtainable as the scarcest one
            a.value = {100, 100};
            for (int sub : n.subtypes) {
                const Range& x = figs[size_t(sub)].*access;
                if (x.lo < a.value.lo) a.bottleneck = sub;
                a.value.lo = std::min(a.value.lo, x.lo);
                a.value.hi = std::min(a.value.hi, x.hi);
            }
        } else {
            a.value = {0, 100};  // nothing known about this node
        }
        return a;
    }
    if (only_own_assured) {
        // third countries may follow the denier: at worst only one's own output, made with the
        // inputs one can still get; at best everything the denier does not hold
        const double lo = own.lo * f.lo;
        const double hi = (100 - denier.lo) - own.lo * (1 - f.hi);
        a.value = {std::clamp(lo, 0.0, 100.0), std::clamp(std::max(lo, hi), 0.0, 100.0)};
        return a;
    }
    Range direct{100 - denier.hi, 100 - denier.lo};
    if (inputs_bind_third_countries) {
        a.value = {direct.lo * f.lo, direct.hi * f.hi};
    } else {
        double lo = std::max(direct.lo * f.lo, direct.lo - own.hi * (1 - f.lo));
        double hi = direct.hi - own.lo * (1 - f.hi);
        a.value = {lo, std::max(lo, hi)};
    }
    a.value.lo = std::clamp(a.value.lo, 0.0, 100.0);
    a.value.hi = std::clamp(a.value.hi, a.value.lo, 100.0);
    return a;
}

}  // namespace

// [SECTION] domain totals -----------------------------------------------------------------------
namespace {
// What every domain of one scenario shares: the regions' roles and the measures that can act.
// Computed once per scenario (compute_domains), not once per domain.
struct ScenarioContext {
    bool alliance_nonempty = false;
    const std::vector<uint8_t>& roles;  // holder_roles, in a buffer kept between recomputes
    ActiveMeasures active;
    ScenarioContext(const Dataset& ds, const Scenario& s) : roles(roles_buffer()) {
        holder_roles(ds, s, roles_buffer(), alliance_nonempty);
        if (counts_measures(s.deny_mode) || counts_measures(s.retaliation_mode)) active_measures(ds, s, active);
    }
    // one recompute at a time per thread: compute_domain_in never starts another
    static std::vector<uint8_t>& roles_buffer() {
        static thread_local std::vector<uint8_t> buffer;
        return buffer;
    }
};
void compute_domain_in(const Dataset& ds, const Domain& dom, const Scenario& s, const ScenarioContext& ctx, DomainFigures& out);
}  // namespace

void compute_domain(const Dataset& ds, const Domain& dom, const Scenario& s, DomainFigures& out) {
    compute_domain_in(ds, dom, s, ScenarioContext(ds, s), out);
}

void compute_domains(const Dataset& ds, const Scenario& s, std::vector<DomainFigures>& out) {
    const ScenarioContext ctx(ds, s);
    out.resize(ds.domains.size());
    for (size_t i = 0; i < ds.domains.size(); ++i) compute_domain_in(ds, ds.domains[i], s, ctx, out[i]);
}

namespace {
void compute_domain_in(const Dataset& ds, const Domain& dom, const Scenario& s, const ScenarioContext& ctx, DomainFigures& out) {
    const size_t n = dom.nodes.size();
    if (out.nodes.size() != n) out.nodes.assign(n, NodeFigures{});  // else every field is written below
    const ActiveMeasures& active = ctx.active;
    const bool deny_controls = counts_measures(s.deny_mode);
    const bool retaliation_controls = counts_measures(s.retaliation_mode);
    NodeControls controls;

    for (int idx : dom.order) {
        const Node& node = dom.nodes[size_t(idx)];
        NodeFigures& f = out.nodes[size_t(idx)];
        f.has_shares = !node.shares.empty();
        if (f.has_shares) {
            side_shares(node, s, ctx.alliance_nonempty, ctx.roles, f.alliance_share, f.target_share);
            f.hhi = {node.hhi_lo, node.hhi_hi};
            f.choke = f.alliance_share.lo >= s.threshold - 1e-9   ? Choke::Yes
                      : f.alliance_share.hi >= s.threshold - 1e-9 ? Choke::Possible
                                                                  : Choke::No;
        } else {
            f.alliance_share = f.target_share = {0, 100};
            f.hhi = {0, 10000};
            f.choke = Choke::No;
        }
        // Denial: the alliance denies, the target is denied: everything members make, or what
        // the members' controls in force cover (third countries only where a measure reaches
        // foreign-made items).
        AccessRules denial;
        denial.inputs_bind_third_countries = s.third_country_rule;
        denial.linked_inputs = s.links;
        f.target_denied = f.alliance_share;
        if (deny_controls) {
            node_controls(ds, node, active, ControlSide::Denial, controls);
            if (f.has_shares) f.target_denied = controlled_share(ds, node, controls);
            denial.inputs_bind_third_countries = s.third_country_rule && controls.foreign_made;
        }
        Access t;
        if (s.deny) t = access_of<&NodeFigures::target_access>(node, f.target_denied, f.target_share, out.nodes, denial);
        else t.value = f.has_shares || !node.inputs.empty() ? Range{100, 100} : Range{0, 100};  // no denial: everything
                                                                                         // is available, still bounded by unknown nodes
        f.target_access = t.value;
        f.target_bottleneck = t.bottleneck;
        // Retaliation: the target denies, the alliance is denied (no third-country rule).
        AccessRules retaliation;
        retaliation.linked_inputs = s.links;
        retaliation.only_own_assured = s.retaliation_third_countries;
        f.alliance_denied = f.target_share;
        if (retaliation_controls) {
            node_controls(ds, node, active, ControlSide::Retaliation, controls);
            if (f.has_shares) f.alliance_denied = controlled_share(ds, node, controls);
            retaliation.only_own_assured = s.retaliation_third_countries && controls.foreign_made;
        }
        Access a;
        if (s.retaliation) a = access_of<&NodeFigures::alliance_access>(node, f.alliance_denied, f.alliance_share, out.nodes, retaliation);
        else a.value = f.has_shares || !node.inputs.empty() ? Range{100, 100} : Range{0, 100};
        f.alliance_access = a.value;
        f.alliance_bottleneck = a.bottleneck;
        f.rests_on_unknowns = !f.alliance_share.exact() || !f.target_access.exact() || !f.alliance_access.exact();
    }

    out.choke_points = out.possible_choke_points = out.nodes_with_shares = 0;
    out.target_denied_nodes = out.alliance_exposed_nodes = 0;
    out.year_min = out.year_max = 0;
    out.outputs.clear();
    for (size_t i = 0; i < n; ++i) {
        const NodeFigures& f = out.nodes[i];
        const Node& node = dom.nodes[i];
        if (node.link >= 0) continue;  // another domain's node: counted there, not here
        if (f.has_shares) {
            if (node.year_min > 0) out.year_min = out.year_min ? std::min(out.year_min, node.year_min) : node.year_min;
            out.year_max = std::max(out.year_max, node.year_max);
            ++out.nodes_with_shares;
            out.choke_points += f.choke == Choke::Yes;
            out.possible_choke_points += f.choke == Choke::Possible;
        }
        if (f.has_shares || !node.inputs.empty()) {
            out.target_denied_nodes += f.target_access.hi < 50;
            out.alliance_exposed_nodes += f.alliance_access.hi < 50;
        }
        if (node.kind == NodeKind::Output || (node.outputs.empty() && !node.inputs.empty() && node.parent < 0))
            out.outputs.push_back(int(i));
    }
    out.target_access_to_outputs = out.alliance_access_to_outputs = {100, 100};
    for (int o : out.outputs) {
        const NodeFigures& f = out.nodes[size_t(o)];
        out.target_access_to_outputs.lo = std::min(out.target_access_to_outputs.lo, f.target_access.lo);
        out.target_access_to_outputs.hi = std::min(out.target_access_to_outputs.hi, f.target_access.hi);
        out.alliance_access_to_outputs.lo = std::min(out.alliance_access_to_outputs.lo, f.alliance_access.lo);
        out.alliance_access_to_outputs.hi = std::min(out.alliance_access_to_outputs.hi, f.alliance_access.hi);
    }
}

}  // namespace

DomainFigures compute_domain(const Dataset& ds, const Domain& dom, const Scenario& s) {
    DomainFigures f;
    compute_domain(ds, dom, s, f);
    return f;
}

std::vector<SupplierDenial> supplier_denials(const Dataset& ds, const Node& n, const Scenario& s) {
    std::vector<SupplierDenial> out;
    ActiveMeasures active;
    NodeControls controls;
    const bool measures = s.deny && counts_measures(s.deny_mode);
    if (measures) {
        active_measures(ds, s, active);
        node_controls(ds, n, active, ControlSide::Denial, controls);
    }
    for (const ShareRow& r : n.shares) {
        if (r.country < 0 || r.country == s.target) continue;
        SupplierDenial d;
        d.country = r.country;
        d.share = r.share;
        if (!s.deny) d.level = ControlLevel::None;
        else if (!measures) d.level = is_member(s, r.country) ? ControlLevel::Certain : ControlLevel::None;
        else d.level = controls.issuer_level(r.country);
        out.push_back(d);
    }
    return out;
}

const char* denial_word(ControlLevel level) {
    return level == ControlLevel::Certain ? "ban" : level == ControlLevel::Possible ? "licence" : "none";
}

// [SECTION] pooled indicators -----------------------------------------------------------------
int Pooled::first_year() const {
    if (!members_with_data) return target_known ? target_year : 0;
    return target_known ? std::min(year_min, target_year) : year_min;
}
int Pooled::last_year() const {
    if (!members_with_data) return target_known ? target_year : 0;
    return target_known ? std::max(year_max, target_year) : year_max;
}

Pooled pooled(const Dataset& ds, const Scenario& s, const std::string& indicator_id) {
    Pooled p;
    const Indicator* ind = ds.find_indicator(indicator_id);
    if (!ind) return p;
    p.unit = ind->unit;
    p.indicator_name = ind->name;
    std::set<int> srcs;
    for (size_t c = 0; c < ds.countries.size(); ++c) {
        if (!is_member(s, int(c))) continue;
        if (const IndicatorValue* v = ind->for_country(int(c), edition_choice(s))) {
            p.members_value += v->value;
            ++p.members_with_data;
            p.year_min = p.year_min ? std::min(p.year_min, v->year) : v->year;
            p.year_max = std::max(p.year_max, v->year);
            srcs.insert(v->source);
        } else {
            ++p.members_without_data;
            p.members_missing.push_back(int(c));
        }
    }
    if (const IndicatorValue* v = s.target >= 0 ? ind->for_country(s.target, edition_choice(s)) : nullptr) {
        p.target_known = true;
        p.target_value = v->value;
        p.target_year = v->year;
        p.target_source = v->source;
    }
    p.sources.assign(srcs.begin(), srcs.end());
    return p;
}

std::vector<CountryShare> strongest_nodes(const Domain& dom, int country, size_t n) {
    std::vector<CountryShare> out;
    for (size_t i = 0; i < dom.nodes.size(); ++i)
        for (const ShareRow& r : dom.nodes[i].shares)
            if (r.country == country && is_known(r.share) && r.share > 0)
                out.push_back({int(i), r.share, r.year});
    std::stable_sort(out.begin(), out.end(), [](const CountryShare& a, const CountryShare& b) { return a.share > b.share; });
    if (out.size() > n) out.resize(n);
    return out;
}

std::vector<Membership> memberships(const Dataset& ds, int country, int date) {
    std::vector<Membership> out;
    for (size_t a = 0; a < ds.alliances.size(); ++a) {
        const AlliancePreset& p = ds.alliances[a];
        const AllianceSnapshot* s = p.as_of_date(date);
        if (!s || std::find(s->members.begin(), s->members.end(), country) == s->members.end()) continue;
        Membership g;
        g.alliance = int(a);
        g.ended = p.ended && p.ended <= date ? p.ended : 0;
        for (const AllianceSnapshot& x : p.snapshots)
            if (std::find(x.members.begin(), x.members.end(), country) != x.members.end()) {
                // in the grouping's first snapshot without a day, the data does not say when the
                // country joined (the EU-27 or NATO of 2021 are older): no "since"
                const bool undated_start = &x == &p.snapshots.front() && !x.date;
                g.since_date = undated_start ? 0 : x.date;
                g.since_year = undated_start ? 0 : x.year;
                if (!x.caveat.empty()) g.caveat = x.caveat;
                break;
            }
        if (!s->caveat.empty()) g.caveat = s->caveat;
        out.push_back(std::move(g));
    }
    // in force first, ended after
    std::stable_sort(out.begin(), out.end(), [](const Membership& x, const Membership& y) { return (x.ended != 0) < (y.ended != 0); });
    return out;
}

}  // namespace techmap
