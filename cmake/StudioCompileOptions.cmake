# One INTERFACE target carries the language level, the warnings and the strict Qt macros, so every
# library, executable, test and benchmark is compiled the same way.
add_library(studio_compile_options INTERFACE)
target_compile_features(studio_compile_options INTERFACE cxx_std_20)
target_compile_options(studio_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(STUDIO_WERROR)
    target_compile_options(studio_compile_options INTERFACE -Werror)
endif()
target_compile_definitions(studio_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS)
# Includes are written from the repository root: #include "core/engine/sqlitedb.h".
target_include_directories(studio_compile_options INTERFACE ${PROJECT_SOURCE_DIR})

# Every program allocates through mimalloc instead of glibc's malloc. The network thread makes
# what the caller's thread frees (requests, rows, replies), which glibc's per-thread caches serve
# poorly: callgrind counts 15 % fewer instructions per pipelined query on the network thread
# (bench_remote, see README). Linked, not preloaded, so it replaces malloc for Qt too; the
# sanitizer build of the fuzz targets keeps the sanitizers' own allocator.
if(NOT STUDIO_FUZZ)
    find_library(STUDIO_MIMALLOC NAMES mimalloc REQUIRED)
    # Linked even though nothing calls it by name: it takes over malloc by being loaded first.
    target_link_options(studio_compile_options INTERFACE LINKER:--no-as-needed)
    target_link_libraries(studio_compile_options INTERFACE ${STUDIO_MIMALLOC})
endif()
