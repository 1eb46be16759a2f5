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

# A failed test runs once more before it counts: LeakSanitizer's own tracer
# now and then crashes (signal 11) while it stops the threads Qt WebKit left
# in a printing process at exit, which fails a test without any fault of
# ours. A real failure fails twice and still fails the run.
test: build-test
	ctest --preset test -j $(JOBS) --repeat until-pass:2

bench: build
	bash bench/run.sh

clean:
	rm -rf build out
