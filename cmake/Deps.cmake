# Header-only libraries from Debian packages (libglm-dev, rapidjson-dev, doctest-dev).
# The WebAssembly build must never see /usr/include (it would pull glibc headers in), so
# scripts/setup.sh exposes each library's own folder under ${TECHMAP_DEPS_DIR}/include; a native
# build finds them on the system include path. Override with TECHMAP_HEADERS_DIR (e.g. emsdk users
# with the headers elsewhere).
set(TECHMAP_HEADERS_DIR "${TECHMAP_DEPS_DIR}/include" CACHE PATH "Folder holding glm/, rapidjson/, doctest/")
foreach(lib glm rapidjson doctest)
  if(NOT EXISTS "${TECHMAP_HEADERS_DIR}/${lib}" AND EMSCRIPTEN)
    message(FATAL_ERROR "${TECHMAP_HEADERS_DIR}/${lib} not found: run scripts/setup.sh (or set TECHMAP_HEADERS_DIR)")
  endif()
endforeach()
function(techmap_header_lib name)
  add_library(${name} INTERFACE)
  if(EMSCRIPTEN OR EXISTS "${TECHMAP_HEADERS_DIR}/glm")
    target_include_directories(${name} SYSTEM INTERFACE "${TECHMAP_HEADERS_DIR}")
  endif()
endfunction()
techmap_header_lib(techmap_glm)
target_compile_definitions(techmap_glm INTERFACE GLM_FORCE_SILENT_WARNINGS)
techmap_header_lib(techmap_json)
techmap_header_lib(techmap_doctest)
