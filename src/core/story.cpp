// story.cpp — reading guided stories.
#include "core/story.h"

#include <nlohmann/json.hpp>

#include "core/dataset.h"
#include "core/json_text.h"
#include "core/scenario_link.h"
#include "core/text.h"

namespace techmap {
using json = nlohmann::json;

namespace {
bool str(const json& j, const char* key, std::string& out, size_t max_len, bool required, std::string& error, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) error = where + ": '" + key + "' is missing";
        return !required;
    }
    if (!it->is_string()) { error = where + ": '" + key + "' is not text"; return false; }
    out = it->get<std::string>();
    if (out.size() > max_len) { error = where + ": '" + key + "' is longer than " + std::to_string(max_len) + " characters"; return false; }
    if (!is_clean_text(out, max_len, Lines::Many)) { error = where + ": '" + key + "' has characters that are not valid text"; return false; }
    return true;
}

bool steps_of(const json& j, Story& out, std::string& error, bool custom, const Dataset* ds) {
    auto steps = j.find("steps");
    if (steps == j.end() || !steps->is_array() || steps->empty()) { error = "the story has no steps"; return false; }
    if (steps->size() > kMaxStorySteps) { error = "the story has more than " + std::to_string(kMaxStorySteps) + " steps"; return false; }
    for (size_t i = 0; i < steps->size(); ++i) {
        const json& s = (*steps)[i];
        const std::string where = "step " + std::to_string(i + 1);
        if (!s.is_object()) { error = where + " is not an object"; return false; }
        StoryStep st;
        if (!str(s, "title", st.title, 120, !custom, error, where) || !str(s, "caption", st.caption, 700, true, error, where) ||
            !str(s, "link", st.link, 2000, true, error, where))
            return false;
        if (!custom) {
            const ParsedLink p = parse_link(st.link);
            if (!p.notices.empty()) { error = where + ": its link has a problem: " + p.notices[0]; return false; }
        }
        if (ds) {
            if (auto src = s.find("sources"); src != s.end()) {
                if (!src->is_array()) { error = where + ": 'sources' is not a list"; return false; }
                for (const json& id : *src) {
                    int found = -1;
                    for (size_t k = 0; k < ds->sources.size() && id.is_string(); ++k)
                        if (ds->sources[k].id == id.get<std::string>()) found = int(k);
                    if (found < 0) { error = where + ": unknown source " + json_text(id); return false; }
                    st.sources.push_back(found);
                }
            }
            if (auto ex = s.find("expect"); ex != s.end() && ex->is_array())
                for (const json& e : *ex) {
                    StoryStep::Expect x;
                    if (!e.is_object() || !e.contains("figure") || !e["figure"].is_string() || !e.contains("value") || !e["value"].is_number()) {
                        error = where + ": an 'expect' entry needs 'figure' (text) and 'value' (number)";
                        return false;
                    }
                    x.figure = e["figure"].get<std::string>();
                    x.value = e["value"].get<double>();
                    if (e.contains("tolerance") && e["tolerance"].is_number()) x.tolerance = e["tolerance"].get<double>();
                    st.expect.push_back(x);
                }
        }
        out.steps.push_back(std::move(st));
    }
    return true;
}
}  // namespace

bool parse_story(std::string_view text, const Dataset& ds, Story& out, std::string& error) {
    out = Story{};
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) { error = "the story is not a JSON object"; return false; }
    if (j.value("format", "") != "techmap-story/1") { error = "the story's format is not techmap-story/1"; return false; }
    if (!str(j, "id", out.id, 64, true, error, "story") || !str(j, "title", out.title, 120, true, error, "story")) return false;
    return steps_of(j, out, error, false, &ds);
}

bool parse_custom_story(std::string_view text, Story& out, std::string& error) {
    out = Story{};
    out.custom = true;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) { error = "the story in the link is not readable"; return false; }
    if (!str(j, "title", out.title, 120, false, error, "story")) return false;
    if (out.title.empty()) out.title = "A shared story";
    return steps_of(j, out, error, true, nullptr);
}

std::string custom_story_json(const Story& s) {
    json steps = json::array();
    for (const StoryStep& st : s.steps) steps.push_back({{"caption", st.caption}, {"link", st.link}});
    return json_text(json{{"title", s.title}, {"steps", steps}});
}

}  // namespace techmap
