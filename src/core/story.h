// story.h — guided stories: a sequence of scenario links, each with a title, a caption of two
// or three sentences and its sources. The built-in story (data/story.json) walks through the
// argument the map is made for; a teacher's own story travels inside a link (key `story`).
//
//   {"format": "techmap-story/1", "id": "...", "title": "...",
//    "steps": [{"title": "...", "caption": "...", "link": "#v1&m=USA,JPN,NLD&n=N20",
//               "sources": ["s1"], "expect": [{"figure": "summary.chokePoints", "value": 46}]}]}
//
// `expect` pins the figures a caption quotes, so that tests can check that each step still
// says what its figures show (a data update that changes them fails loudly).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace techmap {

struct Dataset;

struct StoryStep {
    std::string title, caption, link;
    std::vector<int> sources;            // Dataset::sources indices (built-in stories)
    struct Expect {
        std::string figure;              // "summary.chokePoints", "node.N20.allianceShare.0", ...
        double value = 0, tolerance = 0.05;
    };
    std::vector<Expect> expect;
};

struct Story {
    std::string id, title;
    std::vector<StoryStep> steps;
    bool custom = false;                 // a teacher's story from a link
};

constexpr size_t kMaxStorySteps = 30;

// A built-in story file; its sources must be the dataset's. False with a message otherwise.
bool parse_story(std::string_view json, const Dataset& ds, Story& out, std::string& error);
// A teacher's story (from a link): title and steps with caption and link only; length-limited.
bool parse_custom_story(std::string_view json, Story& out, std::string& error);
// The compact JSON of a teacher's story, as it goes into a link.
std::string custom_story_json(const Story& story);

}  // namespace techmap
