# The WebAssembly app: Dear ImGui (Debian source package) + src/app (its
# own platform layer on Emscripten's HTML5 API: src/app/platform_web.cpp, no SDL) over the render
# and ui libraries (defined in the top-level CMakeLists.txt), linked into site/techmap.{js,wasm};
# the site folder also receives index.html, web/, data/ and assets/ so that it can be copied to
# any static host.
set(TECHMAP_IMGUI_DIR "${TECHMAP_DEPS_DIR}/src/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 sources (Debian 13's source package)")
if(NOT EXISTS "${TECHMAP_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "${TECHMAP_IMGUI_DIR}/imgui.cpp not found: run scripts/setup.sh")
endif()
# the input-event queue (1.87+) and Tab visiting every widget (1.89+) are relied on: refuse older
file(STRINGS "${TECHMAP_IMGUI_DIR}/imgui.h" _imgui_num REGEX "^#define IMGUI_VERSION_NUM")
string(REGEX MATCH "[0-9]+" _imgui_num "${_imgui_num}")
if(NOT _imgui_num OR _imgui_num LESS 19010)
  message(FATAL_ERROR "Dear ImGui in ${TECHMAP_IMGUI_DIR} is ${_imgui_num}, 1.90.1 (19010) or newer is needed: "
    "run scripts/setup.sh and reconfigure with -DTECHMAP_IMGUI_DIR=${TECHMAP_DEPS_DIR}/src/imgui-1.90.1")
endif()

# Dear ImGui's core (what src/ui links: no GL; the app draws its lists: src/app/imgui_webgl.cpp)
add_library(techmap_imgui STATIC
  ${TECHMAP_IMGUI_DIR}/imgui.cpp ${TECHMAP_IMGUI_DIR}/imgui_draw.cpp
  ${TECHMAP_IMGUI_DIR}/imgui_tables.cpp ${TECHMAP_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(techmap_imgui SYSTEM PUBLIC ${TECHMAP_IMGUI_DIR})
target_compile_definitions(techmap_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS)
target_compile_options(techmap_imgui PRIVATE -Oz -flto -fno-exceptions -fno-rtti)

# shaders/*.vert|frag -> generated header of string constants (the #version line is added at load)
file(GLOB TECHMAP_SHADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert ${CMAKE_SOURCE_DIR}/shaders/*.frag)
set(TECHMAP_SHADER_HEADER ${CMAKE_BINARY_DIR}/generated/shaders.h)
string(REPLACE ";" "|" _shader_list "${TECHMAP_SHADERS}")
add_custom_command(OUTPUT ${TECHMAP_SHADER_HEADER}
  COMMAND ${CMAKE_COMMAND} -DOUT=${TECHMAP_SHADER_HEADER} "-DFILES=${_shader_list}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake
  VERBATIM
  DEPENDS ${TECHMAP_SHADERS} ${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake
  COMMENT "Embedding shaders")

add_executable(techmap_app
  src/app/main.cpp
  src/app/platform_web.cpp
  src/app/map_input.cpp
  src/app/web_api.cpp
  src/app/app_state.cpp
  src/app/imgui_webgl.cpp)
target_link_libraries(techmap_app PRIVATE techmap_render techmap_ui techmap_imgui techmap_warnings)
target_include_directories(techmap_app PRIVATE ${CMAKE_BINARY_DIR}/generated)
set(TECHMAP_SITE_DIR ${CMAKE_BINARY_DIR}/site)
set_target_properties(techmap_app PROPERTIES OUTPUT_NAME techmap SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${TECHMAP_SITE_DIR})
target_link_options(techmap_app PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sENVIRONMENT=web -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sDYNAMIC_EXECUTION=0 -sSUPPORT_LONGJMP=0 -sMALLOC=emmalloc "-sINCOMING_MODULE_JS_API=['canvas','wasmBinary','print','printErr','onAbort']"
  "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free','_techmap_context_lost','_techmap_context_restored']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall','cwrap','UTF8ToString','lengthBytesUTF8','stringToUTF8']"
  $<$<CONFIG:Release>:-Oz> $<$<CONFIG:Release>:-flto>)
# what is served is what a visitor waits for: the UI, ImGui and the app are built for size with
# link-time optimisation; the core keeps the default -O3 (a recompute is part of every frame that
# changes; -Oz made it several times slower). scripts/bench.sh prints both.
target_compile_options(techmap_app PRIVATE $<$<CONFIG:Release>:-Oz> $<$<CONFIG:Release>:-flto>)

# the UI font: DejaVu Sans (Debian fonts-dejavu-core, free licence) subset to the glyphs the app
# uses (Latin, Latin-1, Latin Extended-A: every country name in the data; dashes, ellipsis, arrows,
# ≈ ≤ ≥); the same ranges as src/core/glyphs.h (tests/core/test_glyphs.cpp compares them)
find_program(PYFTSUBSET pyftsubset REQUIRED)
set(TECHMAP_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF font for the UI")
set(TECHMAP_FONT ${TECHMAP_SITE_DIR}/assets/ui-font.ttf)
add_custom_command(OUTPUT ${TECHMAP_FONT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TECHMAP_SITE_DIR}/assets
  COMMAND ${PYFTSUBSET} ${TECHMAP_FONT_SOURCE} "--unicodes=U+0020-007E,U+00A0-017F,U+2010-2027,U+2190-2193,U+2212,U+2248,U+2264-2265"
          --output-file=${TECHMAP_FONT} --no-hinting --desubroutinize --drop-tables+=FFTM
  DEPENDS ${TECHMAP_FONT_SOURCE}
  COMMENT "Subsetting the UI font")
add_custom_target(techmap_font ALL DEPENDS ${TECHMAP_FONT})
add_dependencies(techmap_app techmap_font)

find_program(TECHMAP_NODE node REQUIRED)
# the static site: page, scripts, data and map asset beside the build output (copied on every
# build, so that an edit of the page or the data needs no relink)
add_custom_target(techmap_site ALL
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/index.html ${TECHMAP_SITE_DIR}/index.html
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/web ${TECHMAP_SITE_DIR}/web
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/data ${TECHMAP_SITE_DIR}/data
  COMMAND ${TECHMAP_NODE} ${CMAKE_SOURCE_DIR}/tools/compact-json.mjs ${TECHMAP_SITE_DIR}/data
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/assets ${TECHMAP_SITE_DIR}/assets
  # the method as a page beside the teachers' guide, in its style (markdown by npm 'marked')
  COMMAND ${TECHMAP_NODE} ${CMAKE_SOURCE_DIR}/tools/model-page.mjs ${CMAKE_SOURCE_DIR}/docs/model.md
          ${CMAKE_SOURCE_DIR}/web/teachers.html ${TECHMAP_SITE_DIR}/web/model.html
  COMMENT "Assembling the static site in ${TECHMAP_SITE_DIR}")
add_dependencies(techmap_site techmap_app)
