# The two commands of the README, and a few helpers.
#   make demo   install what is missing, build, validate the demo organisation
#               and build every PDF it calls for into out/
#   make test   install what is missing, build with sanitizers, run every test
JOBS ?= $(shell nproc)
PARTNEROPS := build/release/partnerops

.PHONY: deps demo test build build-test bench clean

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

bench: build
	bash bench/run.sh

clean:
	rm -rf build out
