# Gazette: the two commands are `make run` and `make test`.
BUILD_DIR ?= build
DB ?= demo.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: run test build deps test-deps configure bench format clean

run: deps build
	@if [ ! -f "$(DB)" ]; then ./$(BUILD_DIR)/gazette init --db "$(DB)" --demo --title "The Harbourton Gazette" \
	  --description "Independent news from Harbourton and the world." --url "http://$(LISTEN)"; fi
	./$(BUILD_DIR)/gazette serve --db "$(DB)" --listen "$(LISTEN)"

test: test-deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j2 --timeout 600

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

configure:
	@if [ ! -f "$(BUILD_DIR)/Makefile" ]; then cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release; fi

deps:
	./scripts/install-deps.sh build

test-deps:
	./scripts/install-deps.sh test

bench: deps build
	./scripts/install-deps.sh bench
	./bench/serve

# Applies .clang-format to every C++ file (Debian's clang-format).
format:
	@command -v clang-format >/dev/null || $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get install -y -qq clang-format
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
