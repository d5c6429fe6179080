# GluteBridge. `make demo` and `make test` are the quick start; both install what they need.
SWIFT       ?= swift
APT_PACKAGES = libudev-dev libbluetooth-dev pkg-config umockdev libumockdev-dev socat tmux chromium
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          = .build/debug/glutebridge
RELEASE_BIN  = .build/release/glutebridge

.PHONY: deps build release test demo bench bench-history fuzz fuzz-smoke install-completions install-user-service evaluate clean

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
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build
	$(SWIFT) test

# Virtual sensor on a pty at 45x speed; the live monitor shows every detector, then the summary.
demo: build
	@scripts/demo.sh $(BIN)

bench: release
	$(SWIFT) run -c release glutebridge-bench

# A year of daily event logs (365 files, ~1,000 events a day) read by `history`: the README's figure.
bench-history: release
	@rm -rf .build/history-year && scripts/history-year.py .build/history-year
	@for i in 1 2 3; do /usr/bin/time -f "history, 365 days: %e s elapsed, %U s user, %M KB" $(RELEASE_BIN) history .build/history-year --days 365 --json >/dev/null; done

fuzz: deps
	@scripts/fuzz.sh 300

fuzz-smoke: deps
	@scripts/fuzz.sh 20

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
	rm -rf .build Fuzz/bin
