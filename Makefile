# GluteBridge. `make demo` and `make test` are the quick start; both install what they need.
SWIFT       ?= swift
APT_PACKAGES = libudev-dev libbluetooth-dev pkg-config umockdev libumockdev-dev socat tmux chromium valgrind binutils \
               libmosquitto-dev mosquitto mosquitto-clients \
               $(FIRMWARE_PACKAGES)
# The firmware's cross compilers and the simulator it is tested on. No clang: the Swift
# toolchain brings one, which the firmware build uses for its second host compiler.
FIRMWARE_PACKAGES = gcc-avr avr-libc binutils-avr gcc-arm-none-eabi libnewlib-arm-none-eabi simavr libsimavr-dev
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          = .build/debug/glutebridge
RELEASE_BIN  = .build/release/glutebridge
# The release build links the Swift runtime and Foundation into the binary: it runs without the
# toolchain's libraries at hand, and a replay peaks at about 20 MiB resident instead of 25 (shared
# library pages; README "Speed"). Every release build uses the same flags, or SwiftPM rebuilds
# every module on each switch. `make release RELEASE_FLAGS="-c release"` links dynamically.
RELEASE_FLAGS ?= -c release --static-swift-stdlib
BENCH_BIN    = .build/release/glutebridge-bench

.PHONY: deps build release test demo bench bench-history check-speed fuzz fuzz-smoke fuzz-merge install-completions install-user-service evaluate clean firmware firmware-test

# Installs only what is missing, so a machine that has everything never touches apt.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps firmware-test
	$(SWIFT) build
	$(SWIFT) test

# The C library for the host, ATmega328P and Cortex-M4 (sizes printed), and the ATmega328P
# firmware (firmware/build/glutebelt.hex).
firmware: deps
	$(MAKE) -C firmware all

# The section-6 vectors from the C encoder, C encoder -> `glutebridge decode` on 10,000 random
# frames, and the firmware on a simulated ATmega328P watched by `glutebridge monitor`.
firmware-test: build
	$(MAKE) -C firmware test GLUTEBRIDGE=$(CURDIR)/$(BIN)

# Virtual sensor on a pty at 45x speed; the live monitor shows every detector, then the summary.
demo: build
	@scripts/demo.sh $(BIN)

# In-process figures (glutebridge-bench), the latency of the live path through a real pty
# (glutebridge-bench --live), the live monitor's CPU share at 1 kHz beside a C floor that only
# polls and reads (scripts/bench-live.sh), then the whole binary on a generated 24 h capture and
# callgrind instructions per IMU sample (scripts/bench-process.sh); with FUSION_DIR (a checkout
# of xioTechnologies/Fusion), x-io Fusion's C AHRS alone beside the whole replay on the same
# samples (scripts/bench-fusion.sh).
bench: release
	$(BENCH_BIN)
	$(BENCH_BIN) --live
	scripts/bench-live.sh $(RELEASE_BIN) $(BENCH_BIN)
	scripts/bench-process.sh $(RELEASE_BIN)
	scripts/bench-fusion.sh $(RELEASE_BIN)

# Deterministic speed checks, for CI: instructions per IMU sample of a replay under callgrind held
# under a budget, and no heap allocation per frame or per sample (release build).
check-speed: release
	scripts/callgrind-budget.sh $(RELEASE_BIN)
	$(BENCH_BIN) --check-allocations

# A year of daily event logs (365 files, ~1,000 events a day) read by `history`: the README's figure.
bench-history: release
	@rm -rf .build/history-year && scripts/history-year.py .build/history-year
	@for i in 1 2 3; do /usr/bin/time -f "history, 365 days: %e s elapsed, %U s user, %M KB" $(RELEASE_BIN) history .build/history-year --days 365 --json >/dev/null; done

# Every libFuzzer target for a share of FUZZ_BUDGET seconds, from the committed Fuzz/seeds; with
# FUZZ_RUNS=N, for N executions each instead (FUZZ_RUNS=10000000 is the long run: hours).
FUZZ_BUDGET ?= 300
FUZZ_RUNS ?=
fuzz: deps
	@FUZZ_RUNS=$(FUZZ_RUNS) scripts/fuzz.sh $(FUZZ_BUDGET)

fuzz-smoke: deps
	@scripts/fuzz.sh 20

# What the runs found (Fuzz/corpus), merged into Fuzz/seeds, minimised; commit it afterwards.
fuzz-merge: deps
	@scripts/fuzz.sh --merge

# Scores posture detection on ../shared/data (or GLUTEBRIDGE_DATA); fails when a target is missed.
evaluate: build
	$(BIN) evaluate --check

# Shell completion for bash, zsh and fish, into the user's own directories.
install-completions: build
	mkdir -p $(HOME)/.local/share/bash-completion/completions $(HOME)/.zfunc $(HOME)/.config/fish/completions
	$(BIN) --generate-completion-script bash > $(HOME)/.local/share/bash-completion/completions/glutebridge
	$(BIN) --generate-completion-script zsh > $(HOME)/.zfunc/_glutebridge
	$(BIN) --generate-completion-script fish > $(HOME)/.config/fish/completions/glutebridge.fish
	@echo "completions installed; for zsh add 'fpath+=~/.zfunc; autoload -U compinit; compinit' to ~/.zshrc"

# The monitor as a background service of your own user (no root): the binary to ~/.local/bin,
# the unit to ~/.config/systemd/user. Enable it with: systemctl --user enable --now glutebridge-monitor
install-user-service: release
	install -D -m 0755 $(RELEASE_BIN) $(HOME)/.local/bin/glutebridge
	install -D -m 0644 systemd/glutebridge-monitor.service $(HOME)/.config/systemd/user/glutebridge-monitor.service
	@if systemctl --user daemon-reload 2>/dev/null; then \
	  systemctl --user try-restart glutebridge-monitor; \
	  echo "installed; start it with: systemctl --user enable --now glutebridge-monitor"; \
	else \
	  echo "installed; no user systemd here: in your desktop session run systemctl --user daemon-reload"; \
	fi

clean:
	rm -rf .build Fuzz/bin firmware/build
