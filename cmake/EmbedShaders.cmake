# cmake -DOUT=shaders.h -DFILES="a.vert|b.frag" -P EmbedShaders.cmake
# Writes one `static const char* shader_<name>_<stage>` per file, as a raw string literal.
set(content "// Generated from shaders/ by cmake/EmbedShaders.cmake. Do not edit.\n#pragma once\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME_WE)
  get_filename_component(ext ${f} EXT)
  string(SUBSTRING ${ext} 1 -1 ext)
  file(READ ${f} body)
  string(APPEND content "static const char* shader_${name}_${ext} = R\"GLSL(${body})GLSL\";\n")
endforeach()
file(WRITE ${OUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
