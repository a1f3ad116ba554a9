// json_text.h — the one way the app writes JSON: total on any string the model holds.
// nlohmann_json's dump() throws (and, built without exceptions for WebAssembly, aborts the
// whole app) on a string that is not valid UTF-8; here every invalid byte becomes U+FFFD.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace techmap {

inline std::string json_text(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace techmap
