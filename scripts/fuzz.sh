#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each for SECONDS (default 20).
# CI runs it briefly when clang is installed; run it longer by hand: scripts/fuzz.sh 3600
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
# Undefined behaviour fails the run, as a crash does, instead of scrolling past.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: clang++ not installed, skipping"
    exit 0
fi
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSTUDIO_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build-fuzz --parallel "$(nproc 2>/dev/null || echo 2)"
mkdir -p build-fuzz/corpus/rpccodec
# Seeds: a few real frames, so the fuzzer starts from the contract's shapes.
printf '%s' '{"id":"1","method":"query","params":{"sql":"SELECT ?","params":[1,"a",null,{"$int":"9007199254740993"},{"$blob":"AAE="},{"0":1}]}}' > build-fuzz/corpus/rpccodec/query.json
printf '%s' '{"id":"2","method":"batch","params":{"statements":[{"sql":"x","params":[{"$real":"NaN"}]}],"atomic":true}}' > build-fuzz/corpus/rpccodec/batch.json
printf '%s' '{"id":4,"method":"exec","params":{"sql":"INSERT INTO t VALUES (?,?,?)","params":[-0.5e3,true,"\u00e9\n"],"rowFormat":"array"}}' > build-fuzz/corpus/rpccodec/fast.json
printf '%s' '{"id":"3","result":{"columns":["a"],"columnTypes":[""],"rows":[[1]],"rowsAffected":0}}' > build-fuzz/corpus/rpccodec/result.json
printf '%s' '{"id":"9","result":{"columns":["a","a"],"columnTypes":["INTEGER",""],"rows":[[{"$int":"9223372036854775807"},"\u00e9"],[null,{"$blob":"AP8="}]],"rowsAffected":0,"duration":0.01,"lsn":"7","hasMore":true,"cursor":"c1"}}' > build-fuzz/corpus/rpccodec/page.json
build-fuzz/tests/fuzz/fuzz_rpccodec -max_total_time="$seconds" -max_len=4096 build-fuzz/corpus/rpccodec

mkdir -p build-fuzz/corpus/websocketframes
# Seeds: the split byte, then a masked text frame; a fragmented message with a ping inside; a close.
printf '\x03\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58' > build-fuzz/corpus/websocketframes/text
printf '\x01\x01\x82\x00\x00\x00\x00ab\x89\x81\x00\x00\x00\x00p\x80\x81\x00\x00\x00\x00c' > build-fuzz/corpus/websocketframes/fragments
printf '\x05\x88\x85\x00\x00\x00\x00\x03\xe8bye' > build-fuzz/corpus/websocketframes/close
build-fuzz/tests/fuzz/fuzz_websocketframes -max_total_time="$seconds" -max_len=4096 build-fuzz/corpus/websocketframes
