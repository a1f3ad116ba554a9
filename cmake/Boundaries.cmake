# Boundaries.cmake — the layering the build enforces, not discipline:
#   core <- view <- render, ui <- app; render and ui never reach each other.
#
#   techmap_boundary(<target> <folder> <forbidden include regex>)
#       the build of <target> fails when a .h/.cpp file in <folder> includes what the regex
#       matches (e.g. "render/|GLES" for src/ui); checked again whenever one of them changes
#   techmap_no_link(<target> <other>...)
#       configuring fails when <target> links one of the others directly
#
# Run as a script (by the build), it does the include check of one folder:
#   cmake -DDIR=<folder> -DFORBID=<regex> -DSTAMP=<file> -P cmake/Boundaries.cmake
if(CMAKE_SCRIPT_MODE_FILE)
  file(GLOB _files "${DIR}/*.h" "${DIR}/*.cpp")
  set(_bad "")
  foreach(f ${_files})
    file(STRINGS "${f}" _hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${FORBID})")
    foreach(h ${_hits})
      string(APPEND _bad "\n  ${f}: ${h}")
    endforeach()
  endforeach()
  if(_bad)
    message(FATAL_ERROR "${DIR} includes what its layer must not (${FORBID}):${_bad}")
  endif()
  file(WRITE "${STAMP}" "ok\n")
  return()
endif()

function(techmap_boundary target folder forbid)
  file(GLOB _files CONFIGURE_DEPENDS "${folder}/*.h" "${folder}/*.cpp")
  set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/boundaries/${target}.ok")
  add_custom_command(OUTPUT "${_stamp}"
    COMMAND ${CMAKE_COMMAND} "-DDIR=${folder}" "-DFORBID=${forbid}" "-DSTAMP=${_stamp}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    DEPENDS ${_files} "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    COMMENT "Checking the includes of ${folder}"
    VERBATIM)
  add_custom_target(${target}_boundary DEPENDS "${_stamp}")
  add_dependencies(${target} ${target}_boundary)
endfunction()

function(techmap_no_link target)
  get_target_property(_libs ${target} LINK_LIBRARIES)
  foreach(other ${ARGN})
    if(other IN_LIST _libs)
      message(FATAL_ERROR "${target} must not link ${other} (see cmake/Boundaries.cmake)")
    endif()
  endforeach()
endfunction()
