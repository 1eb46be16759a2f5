# The two commands of the README, and a few helpers.
#   make demo   install what is missing, build, validate the demo organisation,
#               build every PDF it calls for into out/ and the site into
#               out/site/, and check its hubs against its inventory (inventory/)
#   make test   install what is missing, build with sanitizers, run every test
#   make package build the release and its Debian package,
#               build/release/partnerops_<version>_amd64.deb (CPack)
#   make fuzz   build the libFuzzer harnesses of fuzz/ with clang and run each
#               for FUZZ_SECONDS (default 180) seconds
JOBS ?= $(shell nproc)
PARTNEROPS := build/release/partnerops

.PHONY: deps demo test build build-test bench lint fuzz build-fuzz package clean

deps:
	@bash scripts/install-deps.sh

# Configures a preset quietly. A build folder configured earlier with another
# generator (Unix Makefiles, before the presets named Ninja) is started afresh:
# CMake refuses to switch generators in place.
define configure
	@if [ -f build/$(1)/CMakeCache.txt ] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' build/$(1)/CMakeCache.txt; then rm -rf build/$(1); fi
	@cmake --preset $(1) >/dev/null
endef

build: deps
	$(call configure,release)
	@cmake --build --preset release -j $(JOBS)

# `apt install ./build/release/partnerops_*.deb` installs it with the
# libraries it links (cmake/install.cmake says what goes where).
package: build
	@cmake --build --preset release --target package

# The demo's inventory plants two findings (a hub running after its
# agreement ended, a hub no agreement covers), so the check exits 1 by
# design; only exit 2 (the inventory could not be read) fails the demo.
demo: build
	$(PARTNEROPS) validate .
	$(PARTNEROPS) build . --out out
	$(PARTNEROPS) site . --out out/site --pdfs out
	$(PARTNEROPS) deployments check . || [ $$? -eq 1 ]

build-test: deps
	$(call configure,test)
	@cmake --build --preset test -j $(JOBS)

# Every test counts on its first run (no retries). A sanitized process that
# printed skips LeakSanitizer's exit-time check (tools/partnerops/main.cpp),
# whose tracer crashed now and then on Qt WebKit's threads.
test: build-test
	ctest --preset test -j $(JOBS)

# The fuzz build compiles only the code under test (fuzz/CMakeLists.txt);
# fuzz/run.sh says where findings go.
FUZZ_SECONDS ?= 180
build-fuzz: deps
	$(call configure,fuzz)
	@cmake --build --preset fuzz -j $(JOBS)

fuzz: build-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

bench: build
	bash bench/run.sh

# CI's lint job: the house format (.clang-format) and the checks of
# .clang-tidy, which reads the release build's compile_commands.json.
CXX_SOURCES = $(shell git ls-files '*.cpp' '*.hpp')
lint: build
	clang-format-14 --dry-run --Werror $(CXX_SOURCES)
	run-clang-tidy-14 -quiet -p build/release -j $(JOBS) '^$(CURDIR)/tools/'

clean:
	rm -rf build out
