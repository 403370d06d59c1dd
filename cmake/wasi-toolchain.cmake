# wasm32-wasi with Debian's clang 14, wasi-libc and libc++ for wasm32 (together
# the WASI SDK). The sysroot is a folder of two links, so that the host's glibc
# headers under /usr/include never reach a wasm build.
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(triple wasm32-wasi)

set(CMAKE_C_COMPILER clang-14)
set(CMAKE_CXX_COMPILER clang++-14)
set(CMAKE_AR llvm-ar-14 CACHE FILEPATH "")
set(CMAKE_RANLIB llvm-ranlib-14 CACHE FILEPATH "")
set(CMAKE_C_COMPILER_TARGET ${triple})
set(CMAKE_CXX_COMPILER_TARGET ${triple})

set(BLINDBOX_WASI_SYSROOT "${CMAKE_BINARY_DIR}/wasi-sysroot")
file(MAKE_DIRECTORY "${BLINDBOX_WASI_SYSROOT}/include" "${BLINDBOX_WASI_SYSROOT}/lib")
foreach(part include lib)
  if(NOT EXISTS "${BLINDBOX_WASI_SYSROOT}/${part}/${triple}")
    file(CREATE_LINK "/usr/${part}/${triple}" "${BLINDBOX_WASI_SYSROOT}/${part}/${triple}" SYMBOLIC)
  endif()
endforeach()
set(CMAKE_SYSROOT "${BLINDBOX_WASI_SYSROOT}")

set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
