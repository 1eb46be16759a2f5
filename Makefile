# The two commands of the README, and a few helpers.
#   make demo   install what is missing, build, validate the demo organisation
#               and build every PDF it calls for into out/
#   make test   install what is missing, build with sanitizers, run every test
#   make fuzz   build the libFuzzer harnesses of fuzz/ with clang and run each
#               for FUZZ_SECONDS (default 180) seconds
JOBS ?= $(shell nproc)
PARTNEROPS := build/release/partnerops

.PHONY: deps demo test build build-test bench fuzz build-fuzz clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

demo: build
	$(PARTNEROPS) validate .
	$(PARTNEROPS) build . --out out

build-test: deps
	@cmake --preset test >/dev/null
	@cmake --build --preset test -j $(JOBS)

# Every test counts on its first run. Sanitized processes that printed run
# their leak check before exit (util/leak_check.hpp), where LeakSanitizer's
# tracer used to crash now and then on Qt WebKit's exiting threads.
test: build-test
	ctest --preset test -j $(JOBS)

# The fuzz build compiles only the code under test (fuzz/CMakeLists.txt);
# fuzz/run.sh says where findings go.
FUZZ_SECONDS ?= 180
build-fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

fuzz: build-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

bench: build
	bash bench/run.sh

clean:
	rm -rf build out
