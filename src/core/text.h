// text.h — the one text rule at every door of the app (links, dataset files, names typed in the
// panel, story captions, the page's JavaScript API):
//
//   valid UTF-8 only: no overlong forms, no surrogates (U+D800–DFFF), nothing above U+10FFFF,
//   no control characters (U+0000–001F, U+007F, U+0080–009F; tab and newline only where a
//   field allows several lines), and a bounded length in bytes, cut at a whole character.
//
// `is_clean_text` tells whether a text already follows the rule; `clean_text` makes it follow
// it: each ill-formed byte sequence becomes one U+FFFD (the Unicode replacement character), each
// control character is dropped, and the text is cut to `max_bytes`. The JSON writer additionally
// replaces anything invalid it meets (json.h, replace_ill_formed), so no string can break it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace techmap {

enum class Lines { One, Many };  // Many: tab and newline are allowed

// Strict UTF-8 (RFC 3629): true for well-formed text only.
bool is_valid_utf8(std::string_view text);
// Valid UTF-8, no control characters (see Lines), at most max_bytes bytes.
bool is_clean_text(std::string_view text, size_t max_bytes, Lines lines = Lines::One);

struct CleanText {
    std::string text;
    bool replaced = false;  // ill-formed sequences were replaced by U+FFFD or controls dropped
    bool cut = false;       // the text was longer than max_bytes
    bool changed() const { return replaced || cut; }
};
CleanText clean_text(std::string_view text, size_t max_bytes, Lines lines = Lines::One);
// Each ill-formed byte sequence replaced by one U+FFFD, as clean_text does; all else kept.
std::string replace_ill_formed(std::string_view text);

// The notice for a field whose text was changed: "the alliance's name had characters that are
// not valid text (replaced)" / "... was cut to 80 bytes". Empty when nothing changed.
std::string text_notice(const CleanText& c, std::string_view field, size_t max_bytes);

// How well a name matches what a visitor typed (case does not matter), for ranking a search's
// results: 0 the name starts with it ("Ind" -> India), 1 a word of the name does ("Ind" ->
// British Indian Ocean Territory), 2 it is somewhere inside, -1 no match. An empty query matches
// everything at rank 0.
int match_rank(std::string_view name, std::string_view query);

}  // namespace techmap
