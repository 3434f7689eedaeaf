# Shortcuts for developers; each target sets up whatever is missing first.
.PHONY: run test screenshots bench

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# PNGs of every main screen with real content: 1366x768 (shown in the README), the smallest
# screen the app must fit (1024x700) and a full-HD screen at 125 % scaling.
screenshots:
	bash scripts/setup.sh
	.venv/bin/python scripts/screenshots.py docs/screenshots --size 1366x768
	.venv/bin/python scripts/screenshots.py docs/screenshots/1024x700 --size 1024x700
	.venv/bin/python scripts/screenshots.py docs/screenshots/1920x1080@125 --size 1536x864 --scale 1.25
	.venv/bin/python scripts/template_editor_screenshots.py docs/screenshots --size 1366x768
	.venv/bin/python scripts/template_editor_screenshots.py docs/screenshots/1024x700 --size 1024x700

bench:
	bash scripts/setup.sh
	for target in engine payload scan slip forms app stats editor; do .venv/bin/kakanai bench $$target; done
