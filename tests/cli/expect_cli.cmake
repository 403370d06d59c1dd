# Runs the `blindbox` CLI once and checks its exit status and output; a ctest
# script (cmake -P), so that tests can assert statuses other than 0 and 1.
#
#   -DCLI=<binary> -DARGS=<arguments, ;-separated> -DSTATUS=<expected exit status>
#   -DSTDERR_LINES=<lines, ;-separated>   standard error, exactly (optional)
#   -DSTDERR_MATCH=<regex>                standard error matches (optional)
#   -DSTDOUT_LINES=<lines, ;-separated>   standard output, exactly (optional)
#   -DSTDOUT_MATCH=<regex>                standard output matches (optional)
#   -DSTDIN=<file>                        standard input (optional)
cmake_minimum_required(VERSION 3.21)

set(input_option)
if(DEFINED STDIN)
  set(input_option INPUT_FILE "${STDIN}")
endif()
execute_process(COMMAND "${CLI}" ${ARGS}
  ${input_option}
  RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)

set(problems)
if(NOT status STREQUAL STATUS)
  string(APPEND problems "exit status ${status}, expected ${STATUS}\n")
endif()
foreach(stream stdout stderr)
  string(TOUPPER "${stream}" name)
  if(DEFINED ${name}_LINES)
    list(JOIN ${name}_LINES "\n" expected)
    if(NOT "${${stream}}" STREQUAL "${expected}\n")
      string(APPEND problems "${stream} differs; expected:\n${expected}\n")
    endif()
  endif()
  if(DEFINED ${name}_MATCH AND NOT "${${stream}}" MATCHES "${${name}_MATCH}")
    string(APPEND problems "${stream} does not match: ${${name}_MATCH}\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "blindbox ${ARGS}\n${problems}--- stdout:\n${stdout}--- stderr:\n${stderr}")
endif()
