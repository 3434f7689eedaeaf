# Shortcuts for developers; each target sets up whatever is missing first.
.PHONY: run test screenshots bench

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# PNGs of every main screen at 1366x768 with real content, shown in the README.
screenshots:
	bash scripts/setup.sh
	.venv/bin/python scripts/screenshots.py docs/screenshots --size 1366x768

bench:
	bash scripts/setup.sh
	for target in engine payload scan slip forms app stats; do .venv/bin/kakanai bench $$target; done
