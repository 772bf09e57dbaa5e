# Every dependency comes from a Debian package through pkg-config; a missing
# one stops configure and names the package to install.
find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config' (or run scripts/setup)")
endif()
find_package(Threads REQUIRED)

set(ULTRALEGS_DEPS "")
# module name : Debian package
set(_ul_deps
  "sdl2:libsdl2-dev"
  "SDL2_ttf:libsdl2-ttf-dev"
  "SDL2_mixer:libsdl2-mixer-dev"
  "SDL2_image:libsdl2-image-dev"
  "libavformat:libavformat-dev"
  "libavcodec:libavcodec-dev"
  "libavutil:libavutil-dev"
  "libswscale:libswscale-dev"
  "libswresample:libswresample-dev"
  "sqlite3:libsqlite3-dev"
  "inih:libinih-dev"
  "espeak-ng:libespeak-ng-dev"
  "libcjson:libcjson-dev"
  "libmicrohttpd:libmicrohttpd-dev"
  "nettle:nettle-dev"
  "libqrencode:libqrencode-dev")
set(_ul_missing "")
foreach(_pair IN LISTS _ul_deps)
  string(REPLACE ":" ";" _p "${_pair}")
  list(GET _p 0 _mod)
  list(GET _p 1 _pkg)
  string(MAKE_C_IDENTIFIER "UL_${_mod}" _var)
  pkg_check_modules(${_var} QUIET IMPORTED_TARGET ${_mod})
  if(${_var}_FOUND)
    list(APPEND ULTRALEGS_DEPS PkgConfig::${_var})
  else()
    list(APPEND _ul_missing ${_pkg})
  endif()
endforeach()
if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  pkg_check_modules(UL_cmocka QUIET IMPORTED_TARGET cmocka)
  if(NOT UL_cmocka_FOUND)
    list(APPEND _ul_missing libcmocka-dev)
  endif()
endif()
if(_ul_missing)
  list(JOIN _ul_missing " " _ul_missing_str)
  message(FATAL_ERROR "Missing libraries. Install the Debian packages: ${_ul_missing_str}\n"
                      "  sudo apt-get install ${_ul_missing_str}   (or run scripts/setup)")
endif()
