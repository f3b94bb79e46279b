# bench/language: lede's DetectLanguage vs CLD2 (libcld2 and npm cld), eld and
# franc on the UDHR texts; writes the `language` section of bench/RESULTS.md.
# The npm packages install into bench/language/node_modules only (npm ci,
# from package-lock.json).
.PHONY: bench-language bench-decode
bench-language: build
	@cd bench/language && { [ -d node_modules/udhr ] || npm ci --no-audit --no-fund; }
	node bench/language/run.mjs $(CURDIR)/$(BUILD)/bin/lede_language_bench

# Decoding check: no U+FFFD where a browser (headless Chromium) shows none, on
# every CWCED dev page and the non-UTF-8 trafilatura pages (../shared/eval);
# writes the `decode` section of bench/RESULTS.md.
bench-decode: build
	python3 bench/language/check_decode.py --bench $(CURDIR)/$(BUILD)/bin/lede_language_bench
