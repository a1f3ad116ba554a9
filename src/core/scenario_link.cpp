// scenario_link.cpp — reading and writing scenario links (see scenario_link.h for the format).
#include "core/scenario_link.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/measures.h"
#include "core/model.h"
#include "core/text.h"

namespace techmap {
namespace {

constexpr size_t kMaxMembers = 400;
constexpr size_t kMaxNotices = 12;

// A value as it may be quoted in a notice: at most 24 printable ASCII characters.
std::string quote(std::string_view v) {
    std::string q;
    for (char ch : v) {
        if (q.size() >= 24) { q += "…"; break; }
        q += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
    }
    return "'" + q + "'";
}

// What to add to an unknown code's notice: a two-letter code is likely ISO's other form.
std::string code_hint(std::string_view code) {
    return code.size() == 2 ? " (countries go by three-letter ISO codes, such as USA, JPN or NLD)" : std::string();
}

bool is_code(std::string_view v, size_t max_len) {
    if (v.empty() || v.size() > max_len) return false;
    return std::all_of(v.begin(), v.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.' || ch == '/';
    });
}

// A finite number, the whole of `v`; no exponents, no hex, at most 24 characters.
bool parse_number(std::string_view v, double& out) {
    if (v.empty() || v.size() > 24) return false;
    for (char ch : v)
        if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+')) return false;
    char buf[32];
    std::memcpy(buf, v.data(), v.size());
    buf[v.size()] = 0;
    char* end = nullptr;
    out = std::strtod(buf, &end);
    return end == buf + v.size() && std::isfinite(out);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        const size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return parts;
}

std::string number_text(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

}  // namespace

const char* to_text(MapLayer layer) { return layer == MapLayer::Share ? "share" : "role"; }
const char* to_text(UiMode mode) {
    switch (mode) {
        case UiMode::Embed: return "embed";
        case UiMode::Presentation: return "presentation";
        case UiMode::Full: break;
    }
    return "full";
}
bool from_text(std::string_view t, MapLayer& out) {
    if (t == "role") out = MapLayer::Role;
    else if (t == "share") out = MapLayer::Share;
    else return false;
    return true;
}
bool from_text(std::string_view t, UiMode& out) {
    if (t == "full") out = UiMode::Full;
    else if (t == "embed") out = UiMode::Embed;
    else if (t == "presentation") out = UiMode::Presentation;
    else return false;
    return true;
}

const char* to_text(DenialMode m) { return m == DenialMode::Controls ? "controls" : m == DenialMode::RulesInForce ? "rules" : "all"; }
bool from_text(std::string_view t, DenialMode& out) {
    if (t == "all") out = DenialMode::Everything;
    else if (t == "controls") out = DenialMode::Controls;
    else if (t == "rules") out = DenialMode::RulesInForce;
    else return false;
    return true;
}

bool LinkState::operator==(const LinkState& o) const {
    return preset == o.preset && preset_year == o.preset_year && members == o.members && name == o.name && target == o.target &&
           threshold == o.threshold && deny == o.deny && third_country_rule == o.third_country_rule && retaliation == o.retaliation &&
           retaliation_third_countries == o.retaliation_third_countries && links == o.links &&
           date == o.date && deny_mode == o.deny_mode && retaliation_mode == o.retaliation_mode && figures_year == o.figures_year &&
           domain == o.domain && node == o.node && layer == o.layer && view == o.view && mode == o.mode &&
           data_version == o.data_version && story_step == o.story_step && story == o.story;
}

std::string percent_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
            c == '~' || c == ',' || c == '@' || c == ':' || c == '+') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

bool percent_decode(std::string_view text, std::string& out) {
    out.clear();
    bool ok = true;
    auto hexval = [](char ch) {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            const int hi = i + 1 < text.size() ? hexval(text[i + 1]) : -1;
            const int lo = i + 2 < text.size() ? hexval(text[i + 2]) : -1;
            if (hi < 0 || lo < 0) { ok = false; continue; }  // a lone '%': dropped
            out += char(hi * 16 + lo);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return ok && is_valid_utf8(out);
}

ParsedLink parse_link(std::string_view fragment) {
    ParsedLink r;
    auto notice = [&](std::string msg) {
        if (r.notices.size() < kMaxNotices) r.notices.push_back(std::move(msg));
        else if (r.notices.size() == kMaxNotices) r.notices.push_back("and more parts of the link were ignored");
    };
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxLinkLength) {
        notice("the link is too long: only its first " + std::to_string(kMaxLinkLength) + " characters were read");
        fragment = fragment.substr(0, kMaxLinkLength);
    }
    if (fragment.empty()) return r;
    LinkState& s = r.state;
    bool first = true;
    for (std::string_view part : split(fragment, '&')) {
        if (part.empty()) continue;
        const size_t eq = part.find('=');
        const std::string_view key = part.substr(0, eq);
        const std::string_view raw = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
        const bool was_first = first;
        first = false;
        if (was_first && eq == std::string_view::npos && key.size() >= 2 && key[0] == 'v') {
            double v = 0;
            if (!parse_number(key.substr(1), v) || v != std::floor(v) || v < 1) notice("unknown link version " + quote(key));
            else if (v > 1) notice("this link was made by a newer version (" + quote(key) + "): read as version 1");
            continue;
        }
        std::string value;
        if (!percent_decode(raw, value)) {
            notice("the value of " + quote(key) + " is not valid percent-encoded UTF-8 text and was ignored");
            continue;
        }
        if (key == "a") {
            const size_t at = value.find('@');
            const std::string id = value.substr(0, at);
            double year = 0;
            if (!is_code(id, 32)) { notice("alliance preset " + quote(value) + " is not a preset id"); continue; }
            if (at != std::string::npos && (!parse_number(std::string_view(value).substr(at + 1), year) || year < 1900 || year > 2200 ||
                                            year != std::floor(year))) {
                notice("alliance preset year " + quote(value.substr(at + 1)) + " is not a year");
                continue;
            }
            s.preset = id;
            s.preset_year = int(year);
        } else if (key == "m") {
            std::vector<std::string> codes;
            if (!value.empty())
                for (std::string_view c : split(value, ',')) {
                    if (codes.size() >= kMaxMembers) { notice("only the first " + std::to_string(kMaxMembers) + " members were read"); break; }
                    if (c.empty()) continue;  // "USA,,JPN" or a trailing comma: nothing to say
                    if (!is_code(c, 8)) { notice("member " + quote(c) + " is not a country code"); continue; }
                    codes.emplace_back(c);
                }
            s.members = std::move(codes);
        } else if (key == "name") {
            const CleanText t = clean_text(value, kMaxNameBytes);
            if (t.changed()) notice(text_notice(t, "the alliance's name", kMaxNameBytes));
            s.name = t.text;
        } else if (key == "t") {
            if (!value.empty() && !is_code(value, 8)) { notice("target " + quote(value) + " is not a country code"); continue; }
            s.target = value;
        } else if (key == "th") {
            double v = 0;
            if (!parse_number(value, v) || v < 1 || v > 100) { notice("threshold " + quote(value) + " is not a percentage from 1 to 100"); continue; }
            s.threshold = v;
        } else if (key == "p") {
            s.deny = s.third_country_rule = s.retaliation = s.retaliation_third_countries = s.links = false;
            if (!value.empty())
                for (std::string_view f : split(value, ',')) {
                    if (f == "deny") s.deny = true;
                    else if (f == "fdpr") s.third_country_rule = true;
                    else if (f == "ret") s.retaliation = true;
                    else if (f == "ret3") s.retaliation_third_countries = true;
                    else if (f == "links") s.links = true;
                    else notice("unknown policy switch " + quote(f));
                }
        } else if (key == "date") {
            const int d = parse_date(value);
            if (!d) { notice("date " + quote(value) + " is not a date yyyy-mm-dd"); continue; }
            s.date = d;
        } else if (key == "fy") {
            int y = 0;
            if (value.size() != 4 || !std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
                (y = std::stoi(std::string(value))) < 1900 || y > 2100) {
                notice("figures year " + quote(value) + " is not a year 1900-2100");
                continue;
            }
            s.figures_year = y;
        } else if (key == "dm" || key == "rm") {
            DenialMode mode{};
            if (!from_text(value, mode)) { notice(std::string(key == "dm" ? "denial" : "retaliation") + " mode " + quote(value) + " is not all, controls or rules"); continue; }
            (key == "dm" ? s.deny_mode : s.retaliation_mode) = mode;
        } else if (key == "d") {
            if (!is_code(value, 64)) { notice("domain " + quote(value) + " is not a domain id"); continue; }
            s.domain = value;
        } else if (key == "n") {
            if (!value.empty() && !is_code(value, 64)) { notice("node " + quote(value) + " is not a node id"); continue; }
            s.node = value;
        } else if (key == "l") {
            MapLayer layer{};
            if (!from_text(value, layer)) { notice("map layer " + quote(value) + " is not role or share"); continue; }
            s.layer = layer;
        } else if (key == "c") {
            const std::vector<std::string_view> xs = split(value, ',');
            double lon = 0, lat = 0, zoom = 1;
            if (xs.size() != 3 || !parse_number(xs[0], lon) || !parse_number(xs[1], lat) || !parse_number(xs[2], zoom) ||
                lon < -180 || lon > 180 || lat < -90 || lat > 90 || zoom < 1 || zoom > 64) {
                notice("view " + quote(value) + " is not lon,lat,zoom on the map");
                continue;
            }
            s.view = LinkView{lon, lat, zoom};
        } else if (key == "mode") {
            UiMode mode{};
            if (!from_text(value, mode)) { notice("mode " + quote(value) + " is unknown"); continue; }
            s.mode = mode;
        } else if (key == "dv") {
            if (!is_clean_text(value, kMaxDataVersionBytes)) { notice("data version " + quote(value) + " is too long or not plain text"); continue; }
            s.data_version = value;
        } else if (key == "s") {
            double v = 0;
            if (!parse_number(value, v) || v < 1 || v > 99 || v != std::floor(v)) { notice("story step " + quote(value) + " is not a step number"); continue; }
            s.story_step = int(v);
        } else if (key == "story") {
            if (value.size() > 12000) { notice("the story is too long to read"); continue; }
            s.story = value;
        } else {
            notice("unknown part " + quote(key) + " was ignored");
        }
    }
    return r;
}

std::string format_link(const LinkState& s) {
    std::string out = "#v1";
    auto add = [&](const char* key, const std::string& value) { out += std::string("&") + key + "=" + value; };
    if (!s.preset.empty()) add("a", percent_encode(s.preset) + (s.preset_year > 0 ? "@" + std::to_string(s.preset_year) : ""));
    if (s.members) {
        std::string m;
        for (const std::string& c : *s.members) m += (m.empty() ? "" : ",") + percent_encode(c);
        add("m", m);
    }
    if (s.name) add("name", percent_encode(*s.name));
    if (s.target && *s.target != kDefaultTarget) add("t", percent_encode(*s.target));
    if (s.threshold && *s.threshold != kDefaultThreshold) add("th", number_text(*s.threshold, 2));
    const bool deny = s.deny.value_or(true), fdpr = s.third_country_rule.value_or(false), ret = s.retaliation.value_or(true);
    const bool ret3 = s.retaliation_third_countries.value_or(false), links = s.links.value_or(false);
    if (!deny || fdpr || !ret || ret3 || links) {
        std::string p;
        auto on = [&](bool f, const char* name) { if (f) p += std::string(p.empty() ? "" : ",") + name; };
        on(deny, "deny");
        on(fdpr, "fdpr");
        on(ret, "ret");
        on(ret3, "ret3");
        on(links, "links");
        add("p", p);
    }
    if (s.date && *s.date > 0 && *s.date != today()) add("date", date_text(*s.date));
    if (s.deny_mode && *s.deny_mode != DenialMode::Everything) add("dm", to_text(*s.deny_mode));
    if (s.retaliation_mode && *s.retaliation_mode != DenialMode::Everything) add("rm", to_text(*s.retaliation_mode));
    if (s.figures_year && *s.figures_year > 0) add("fy", std::to_string(*s.figures_year));
    if (s.domain) add("d", percent_encode(*s.domain));
    if (s.node && !s.node->empty()) add("n", percent_encode(*s.node));
    if (s.layer && *s.layer != MapLayer::Role) add("l", to_text(*s.layer));
    if (s.view && !(*s.view == LinkView{}))
        add("c", number_text(s.view->lon, 3) + "," + number_text(s.view->lat, 3) + "," + number_text(s.view->zoom, 3));
    if (s.mode && *s.mode != UiMode::Full) add("mode", to_text(*s.mode));
    if (s.story_step) add("s", std::to_string(*s.story_step));
    if (s.story) add("story", percent_encode(*s.story));
    if (s.data_version) add("dv", percent_encode(*s.data_version));
    return out;
}

LinkState link_of(const Model& m) {
    LinkState s;
    const Dataset& ds = m.data();
    const Scenario& sc = m.scenario();
    if (!m.preset_id().empty()) {
        s.preset = m.preset_id();
        s.preset_year = m.preset_snapshot_year();
    } else {
        std::vector<std::string> codes;
        for (size_t c = 0; c < sc.members.size(); ++c)
            if (sc.members[c]) codes.push_back(ds.countries[c].id);
        std::sort(codes.begin(), codes.end());
        if (!codes.empty()) s.members = std::move(codes);
        if (m.alliance_name() != kCustomAllianceName) s.name = m.alliance_name();
    }
    s.target = sc.target >= 0 ? ds.countries[size_t(sc.target)].id : std::string();
    s.threshold = std::round(sc.threshold * 100) / 100;
    s.deny = sc.deny;
    s.third_country_rule = sc.third_country_rule;
    s.retaliation = sc.retaliation;
    s.retaliation_third_countries = sc.retaliation_third_countries;
    s.links = sc.links;
    s.date = sc.date;
    s.deny_mode = sc.deny_mode;
    s.retaliation_mode = sc.retaliation_mode;
    s.figures_year = sc.figures_year;
    const Domain* d = m.domain();
    if (d && m.domain_index() != 0) s.domain = d->id;
    if (d && m.selected_node() >= 0) s.node = d->nodes[size_t(m.selected_node())].id;
    // (a version a link cannot carry is left out rather than written for the parser to refuse)
    if (!ds.version().empty() && is_clean_text(ds.version(), kMaxDataVersionBytes)) s.data_version = ds.version();
    return s;
}

std::vector<std::string> apply_link(Model& m, const LinkState& s) {
    std::vector<std::string> notices;
    const Dataset& ds = m.data();
    if (s.data_version && *s.data_version != ds.version())
        notices.push_back("this link was made with data version " + quote(*s.data_version) + "; figures may differ with " +
                          quote(ds.version()));
    // domain first (the node belongs to it); absent: the first domain
    if (s.domain) {
        if (!m.select_domain(*s.domain)) notices.push_back("unknown domain " + quote(*s.domain));
    } else if (!ds.domains.empty()) {
        m.select_domain(ds.domains[0].id);
    }
    // target before members (the target cannot be a member)
    const std::string target = s.target.value_or(kDefaultTarget);
    if (target.empty()) m.set_target(-1);
    else if (const int c = ds.find_country(target); c >= 0) m.set_target(c);
    else notices.push_back("unknown target country " + quote(target) + code_hint(target));
    // members: a preset's snapshot, or codes, or none
    bool members_set = false;
    if (!s.preset.empty() && s.preset == m.preset_id() && (s.preset_year == 0 || s.preset_year == m.preset_snapshot_year())) {
        members_set = true;  // already these members: no undo step
    } else if (!s.preset.empty()) {
        if (m.apply_preset(s.preset, s.preset_year)) members_set = true;
        else notices.push_back("alliance preset " + quote(s.preset + (s.preset_year ? "@" + std::to_string(s.preset_year) : "")) +
                               " is not in the data");
    }
    if (!members_set) {
        std::vector<int> members;
        for (const std::string& code : s.members.value_or(std::vector<std::string>{})) {
            const int c = ds.find_country(code);
            if (c < 0) notices.push_back("unknown country code " + quote(code) + code_hint(code));
            else if (c == m.scenario().target) notices.push_back(quote(code) + " is the target and cannot be a member");
            else members.push_back(c);
        }
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        // only when it changes anything, so that opening the same link twice adds no undo step
        std::vector<uint8_t> want(ds.countries.size(), 0);
        for (int c : members) want[size_t(c)] = 1;
        const std::string name = s.name.value_or(kCustomAllianceName);
        if (want != m.scenario().members || !m.preset_id().empty() || name != m.alliance_name()) m.set_members(members, name);
    }
    m.set_threshold(s.threshold.value_or(kDefaultThreshold));
    m.set_deny(s.deny.value_or(true));
    m.set_third_country_rule(s.third_country_rule.value_or(false));
    m.set_retaliation(s.retaliation.value_or(true));
    m.set_retaliation_third_countries(s.retaliation_third_countries.value_or(false));
    m.set_links(s.links.value_or(false));
    m.set_date(s.date.value_or(0));
    m.set_deny_mode(s.deny_mode.value_or(DenialMode::Everything));
    m.set_retaliation_mode(s.retaliation_mode.value_or(DenialMode::Everything));
    m.set_figures_year(s.figures_year.value_or(0));
    if (s.node && !s.node->empty()) {
        const Domain* d = m.domain();
        const int n = d ? d->find_node(*s.node) : -1;
        if (n < 0) notices.push_back("node " + quote(*s.node) + " is not in this domain");
        m.select_node(n);
    } else {
        m.select_node(-1);
    }
    return notices;
}

std::string embed_code(std::string_view url, int width, int height, std::string_view title) {
    auto attr = [](std::string_view t) {
        std::string o;
        for (char c : t) {
            if (c == '&') o += "&amp;";
            else if (c == '"') o += "&quot;";
            else if (c == '<') o += "&lt;";
            else if (c == '>') o += "&gt;";
            else o += c;
        }
        return o;
    };
    return "<iframe src=\"" + attr(url) + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" title=\"" +
           attr(title) + "\" style=\"border:0\" loading=\"lazy\" allowfullscreen></iframe>";
}

}  // namespace techmap
