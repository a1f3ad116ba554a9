// scenario_link.h — the whole view in a URL fragment, readable and versioned:
//
//   #v1&a=Chip4@2023&t=CHN&th=80&p=deny,ret&n=N20&l=share&c=121.5,23.7,3&dv=world-2026-11+eto-46e0106
//
// Keys (version 1; a later version must keep reading these):
//   a   alliance preset and the year of its snapshot (`NATO@2021`); or
//   m   members as ISO 3166-1 alpha-3 codes (`USA,JPN,NLD`); `m=` is an empty alliance
//   name  the alliance's name (percent-encoded)
//   t   target country code (`t=` none)       th  control threshold, percent (1-100)
//   p   policy switches that are on: deny, fdpr (third-country rule), ret (retaliation),
//       ret3 (the retaliation reaches third countries), links (materials feed the chip chain)
//   d   domain id     n  selected node id      l  map layer: role | share
//   c   view centre and zoom: lon,lat,zoom     mode  full | embed | presentation
//   dv  data version the link was made with    s  guided-story step (1-based)
//   date  the date the controls in force are read on (`date=2023-09-01`; absent = today)
//   dm    what the alliance denies: all (everything members make, the default) | controls (the
//         members' controls in force on the date);  rm  the same for the target's retaliation
//   fy    the edition year of figures that have several (`fy=2024`: the newest edition of at most
//         2024 published on the date; absent = the newest published on the date)
//   story  a teacher's own story: percent-encoded JSON {"title", "steps": [{"caption", "link"}]}
// Absent keys take version 1's defaults (the app's start-up state), so a link lists only what
// differs. Parsing never fails: what can be applied is applied, and each ignored part gets a
// short notice (unknown codes, bad numbers, truncated or oversized input).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/figures.h"

namespace techmap {

class Model;

// How the map colours countries, and how much of the app is shown: part of a link, named in
// text in one place (to_text / from_text below).
enum class MapLayer { Role, Share };               // by role in the scenario / by share of the input
// Full: the panels. Embed: map, legend and a link to the full view. Presentation: large type,
// high contrast, for a projector at the back of a classroom.
enum class UiMode { Full, Embed, Presentation };
const char* to_text(MapLayer layer);               // "role" | "share"
const char* to_text(UiMode mode);                  // "full" | "embed" | "presentation"
bool from_text(std::string_view text, MapLayer& out);  // false for anything else
bool from_text(std::string_view text, UiMode& out);
const char* to_text(DenialMode mode);              // "all" | "controls" | "rules"
bool from_text(std::string_view text, DenialMode& out);

struct LinkView {
    double lon = 0, lat = 0, zoom = 1;
    bool operator==(const LinkView& o) const { return lon == o.lon && lat == o.lat && zoom == o.zoom; }
};

struct LinkState {
    std::string preset;                    // a=ID@YEAR (empty: none)
    int preset_year = 0;
    std::optional<std::vector<std::string>> members;  // m=
    std::optional<std::string> name;
    std::optional<std::string> target;     // "" = none
    std::optional<double> threshold;
    std::optional<bool> deny, third_country_rule, retaliation, retaliation_third_countries, links;
    std::optional<int> date;               // yyyymmdd; 0 = today
    std::optional<DenialMode> deny_mode, retaliation_mode;
    std::optional<int> figures_year;       // 0 = the newest edition published on the date
    std::optional<std::string> domain, node;  // node "" = none
    std::optional<MapLayer> layer;
    std::optional<LinkView> view;
    std::optional<UiMode> mode;
    std::optional<std::string> data_version;
    std::optional<int> story_step;         // 1-based
    std::optional<std::string> story;      // JSON text
    bool operator==(const LinkState& o) const;
};

struct ParsedLink {
    int version = 1;
    LinkState state;
    std::vector<std::string> notices;      // what was ignored, one short sentence each
};

constexpr size_t kMaxLinkLength = 16384;   // longer input is cut (and says so)
constexpr size_t kMaxNameBytes = 80;       // an alliance's name, in bytes of UTF-8

// Reads a fragment, with or without the leading '#'. Never fails; see ParsedLink::notices.
ParsedLink parse_link(std::string_view fragment);
// Writes the fragment (with '#'), listing only values that differ from version 1's defaults.
std::string format_link(const LinkState& state);

// The link of a model's scenario (the caller adds view, layer, mode, story).
LinkState link_of(const Model& model);
// Applies the scenario parts of a link to the model; returns notices for what it could not
// apply (unknown codes, a node not in the domain, another data version).
std::vector<std::string> apply_link(Model& model, const LinkState& state);

// Percent-encoding of a fragment value (RFC 3986 unreserved characters and ",@:+" kept).
std::string percent_encode(std::string_view text);
// Decodes; false (and a best-effort result) for a broken '%' sequence or bytes that are not UTF-8.
bool percent_decode(std::string_view text, std::string& out);

// The HTML that embeds a view in another page (a course page, a blog): an iframe of `url` (the
// page's address and the view's link with mode=embed) at width x height, titled for screen
// readers; `url` and `title` are escaped for an HTML attribute.
std::string embed_code(std::string_view url, int width, int height, std::string_view title);

}  // namespace techmap
