// story.cpp — reading guided stories.
#include "core/story.h"

#include "core/dataset.h"
#include "core/json.h"
#include "core/scenario_link.h"
#include "core/text.h"

namespace techmap {
using json = Json;

namespace {
bool str(const json& j, const char* key, std::string& out, size_t max_len, bool required, std::string& error, const std::string& where) {
    const json* it = json_find(j, key);
    if (!it || it->IsNull()) {
        if (required) error = where + ": '" + key + "' is missing";
        return !required;
    }
    if (!it->IsString()) { error = where + ": '" + key + "' is not text"; return false; }
    out = json_string(*it);
    if (out.size() > max_len) { error = where + ": '" + key + "' is longer than " + std::to_string(max_len) + " characters"; return false; }
    if (!is_clean_text(out, max_len, Lines::Many)) { error = where + ": '" + key + "' has characters that are not valid text"; return false; }
    return true;
}

bool steps_of(const json& j, Story& out, std::string& error, bool custom, const Dataset* ds) {
    const json* steps = json_find(j, "steps");
    if (!steps || !steps->IsArray() || steps->Empty()) { error = "the story has no steps"; return false; }
    if (steps->Size() > kMaxStorySteps) { error = "the story has more than " + std::to_string(kMaxStorySteps) + " steps"; return false; }
    for (rapidjson::SizeType i = 0; i < steps->Size(); ++i) {
        const json& s = (*steps)[i];
        const std::string where = "step " + std::to_string(i + 1);
        if (!s.IsObject()) { error = where + " is not an object"; return false; }
        StoryStep st;
        if (!str(s, "title", st.title, 120, !custom, error, where) || !str(s, "caption", st.caption, 700, true, error, where) ||
            !str(s, "link", st.link, 2000, true, error, where))
            return false;
        if (!custom) {
            const ParsedLink p = parse_link(st.link);
            if (!p.notices.empty()) { error = where + ": its link has a problem: " + p.notices[0]; return false; }
        }
        if (ds) {
            if (const json* src = json_find(s, "sources")) {
                if (!src->IsArray()) { error = where + ": 'sources' is not a list"; return false; }
                for (const json& id : src->GetArray()) {
                    int found = -1;
                    for (size_t k = 0; k < ds->sources.size() && id.IsString(); ++k)
                        if (ds->sources[k].id == json_string(id)) found = int(k);
                    if (found < 0) { error = where + ": unknown source " + json_text(id); return false; }
                    st.sources.push_back(found);
                }
            }
            if (const json* ex = json_find(s, "expect"); ex && ex->IsArray())
                for (const json& e : ex->GetArray()) {
                    StoryStep::Expect x;
                    const json* figure = json_find(e, "figure");
                    const json* value = json_find(e, "value");
                    if (!figure || !figure->IsString() || !value || !value->IsNumber()) {
                        error = where + ": an 'expect' entry needs 'figure' (text) and 'value' (number)";
                        return false;
                    }
                    x.figure = json_string(*figure);
                    x.value = value->GetDouble();
                    if (const json* t = json_find(e, "tolerance"); t && t->IsNumber()) x.tolerance = t->GetDouble();
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
    JsonDoc d;
    const json& j = d.root();
    if (!parse_json(text, d) || !j.IsObject()) { error = "the story is not a JSON object"; return false; }
    const json* format = json_find(j, "format");
    if (!format || json_string(*format) != "techmap-story/1") { error = "the story's format is not techmap-story/1"; return false; }
    if (!str(j, "id", out.id, 64, true, error, "story") || !str(j, "title", out.title, 120, true, error, "story")) return false;
    return steps_of(j, out, error, false, &ds);
}

bool parse_custom_story(std::string_view text, Story& out, std::string& error) {
    out = Story{};
    out.custom = true;
    JsonDoc d;
    const json& j = d.root();
    if (!parse_json(text, d) || !j.IsObject()) { error = "the story in the link is not readable"; return false; }
    if (!str(j, "title", out.title, 120, false, error, "story")) return false;
    if (out.title.empty()) out.title = "A shared story";
    return steps_of(j, out, error, true, nullptr);
}

std::string custom_story_json(const Story& s) {
    JsonOut out;
    Json steps = out.array();
    for (const StoryStep& st : s.steps) {
        Json step = out.object();
        out.set(step, "caption", st.caption);
        out.set(step, "link", st.link);
        out.push(steps, std::move(step));
    }
    Json j = out.object();
    out.set(j, "title", s.title);
    out.set(j, "steps", std::move(steps));
    return json_text(j);
}

}  // namespace techmap
