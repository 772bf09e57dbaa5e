# Cross build for Debian armhf (Raspberry Pi OS Bookworm armhf) with Debian's
# cross compiler and the armhf libraries installed beside the host's
# (multiarch). scripts/cross-check sets this up and uses it.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)
set(PKG_CONFIG_EXECUTABLE arm-linux-gnueabihf-pkg-config CACHE FILEPATH "pkg-config for armhf")
# Tests run under user-mode emulation.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
