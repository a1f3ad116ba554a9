# Warnings for the project's own code (never for third-party sources).
add_library(techmap_warnings INTERFACE)
target_compile_options(techmap_warnings INTERFACE -Wall -Wextra -Wshadow -Wconversion -Wno-sign-conversion
  $<$<BOOL:${TECHMAP_WERROR}>:-Werror>)
