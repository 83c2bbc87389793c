# add_studio_test(NAME SOURCES ... LIBS ... [GUI] [KEYRING])
# One executable per class or feature, registered with CTest. GUI tests run on the offscreen
# platform so they need no display. KEYRING tests run in a D-Bus session of their own with an
# unlocked GNOME keyring, so the OS keychain is really used, headless.
function(add_studio_test name)
    cmake_parse_arguments(ARG "GUI;KEYRING" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test studio_compile_options)
    if(ARG_KEYRING)
        add_test(NAME ${name}
                 COMMAND ${PROJECT_SOURCE_DIR}/tests/support/with-keyring.sh $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set(env "STUDIO_TEST_ARTIFACTS=${PROJECT_BINARY_DIR}/test-artifacts")
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
endfunction()
