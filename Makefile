# SPDX-License-Identifier: GPL-3.0-or-later
# carnet — build, test and install.
#
#   make            build ./carnet
#   make run        install missing dependencies, build, open carnet
#   make check      install missing dependencies, build, run the whole test suite
#   make check-sanitize   the test suite built with AddressSanitizer + UBSan
#   make install / uninstall   (PREFIX, DESTDIR honoured)

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share
MANDIR   ?= $(DATADIR)/man
SYSCONFDIR ?= /etc

CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS      = ncursesw sqlite3 uuid xlsxwriter

CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
# Flags are looked up lazily: on a new machine pkg-config may only appear once
# the "deps" target has installed it.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
             -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) \
             -DCARNET_VERSION='"$(VERSION)"' \
             -DCARNET_DATADIR='"$(DATADIR)/carnet"' \
             -DCARNET_SYSCONFDIR='"$(SYSCONFDIR)/carnet"' \
             -MMD -MP $(CFLAGS) $(CPPFLAGS) $(WERROR)
ALL_LIBS   = $(PKG_LIBS) -liniparser $(LDLIBS)

BUILD    ?= build
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

# Sources are found by folder, one folder per layer (see README, "Organisation
# du code"); objects mirror the tree under $(BUILD)/.
CORE_LAYERS = model store exchange report
LAYERS      = $(CORE_LAYERS) app cli screen
# The layers below the command line and the screen: no curses. The fuzz
# targets are built from these alone.
CORE_SRC  = $(sort $(foreach l,$(CORE_LAYERS),$(wildcard src/$(l)/*.c)))
SRC       = $(sort $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c)))
OBJ       = $(SRC:%.c=$(BUILD)/%.o)
# Everything but main(), as an archive: the unit tests and the benchmarks
# link only the members they use.
LIB       = $(BUILD)/libcarnet.a
LIB_OBJ   = $(filter-out $(BUILD)/src/cli/main.o,$(OBJ))
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_OBJ  = $(BUILD)/tests/harness.o

# The paths compiled in follow PREFIX, DATADIR and SYSCONFDIR: the objects
# that use them are rebuilt when they change (a stamp file holds them).
PATHS_STAMP = $(BUILD)/paths.stamp
PATHS       = $(VERSION) $(DATADIR)/carnet $(SYSCONFDIR)/carnet
$(shell mkdir -p $(BUILD) && [ "$$(cat $(PATHS_STAMP) 2>/dev/null)" = "$(PATHS)" ] || \
  echo "$(PATHS)" >$(PATHS_STAMP))
$(BUILD)/src/model/config.o $(BUILD)/src/cli/main.o: $(PATHS_STAMP)

ifeq ($(V),1)
Q =
else
Q = @
endif

BENCH_BIN = $(BUILD)/bench/gen $(BUILD)/bench/desk_ready $(BUILD)/bench/timed \
            $(BUILD)/bench/place_search $(BUILD)/bench/report_bound \
            $(BUILD)/bench/export_bound

.PHONY: all run check bench man-keys demo demo-db check-sanitize test test-unit test-cli deps deps-build deps-test \
        install uninstall clean lint-man

all: carnet

carnet: $(BUILD)/carnet
	$(Q)rm -f $@ && cp $< $@

$(BUILD)/carnet: $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/tests/%: tests/unit/%.c $(UNIT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(ALL_LIBS)

$(BUILD)/tests/harness.o: tests/unit/harness.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD)/bench/timed: bench/timed.c
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# The benchmarks drive the same code as the program.
$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(ALL_LIBS)

# ---------------------------------------------------------------- dependencies
# Debian package that provides each missing piece; installed only when missing.
define need_pkg
missing=""; \
command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
command -v $(PKG_CONFIG) >/dev/null 2>&1 || missing="$$missing pkg-config"; \
for p in ncursesw:libncurses-dev sqlite3:libsqlite3-dev uuid:uuid-dev xlsxwriter:libxlsxwriter-dev; do \
  $(PKG_CONFIG) --exists $${p%%:*} 2>/dev/null || missing="$$missing $${p#*:}"; done; \
test -f /usr/include/iniparser/iniparser.h || missing="$$missing libiniparser-dev"
endef

define apt_install
if [ -n "$$missing" ]; then \
  if [ "$$(id -u)" = 0 ]; then cmd="apt-get"; \
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then cmd="sudo apt-get"; \
  else echo "Dépendances manquantes :$$missing"; \
       echo "Installez-les avec : sudo apt-get install -y$$missing"; exit 1; fi; \
  echo "Installation de :$$missing"; \
  $$cmd update -qq && DEBIAN_FRONTEND=noninteractive $$cmd install -y -qq $$missing >/dev/null || exit 1; \
fi
endef

deps-build:
	@$(need_pkg); $(apt_install)

deps-test: deps-build
	@missing=""; \
	for c in sqlite3:sqlite3 mandoc:mandoc tmux:tmux valgrind:valgrind python3:python3 pgrep:procps xmllint:libxml2-utils; do \
	  command -v $${c%%:*} >/dev/null 2>&1 || missing="$$missing $${c#*:}"; done; \
	test -f /usr/share/i18n/locales/fr_FR || missing="$$missing locales"; \
	$(apt_install)
	@# The suites also run under the users' locale, fr_FR.UTF-8, when it exists.
	@if ! locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; then \
	  if [ "$$(id -u)" = 0 ] && localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 2>/dev/null; then \
	    echo "Locale fr_FR.UTF-8 générée pour les tests"; \
	  else echo "Locale fr_FR.UTF-8 absente (« localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 » en root) :" \
	    "les tests tourneront sous C.UTF-8 seulement"; fi; \
	fi

deps: deps-test

# ---------------------------------------------------------------- run and test
run: deps-build
	@$(MAKE) --no-print-directory carnet
	./carnet

check: deps-test
	@$(MAKE) --no-print-directory test

test: carnet $(UNIT_BIN)
	@CARNET=$(CURDIR)/carnet UNIT_DIR=$(BUILD)/tests sh tests/run.sh

check-sanitize: deps-test
	@$(MAKE) --no-print-directory BUILD=build/san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	  build/san/carnet $(UNIT_BIN:$(BUILD)/%=build/san/%)
	@CARNET_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  CARNET=$(CURDIR)/build/san/carnet UNIT_DIR=build/san/tests sh tests/run.sh

# Benchmarks print their figures; they are not tests (see README).
BENCH_DIR ?= build/bench-data
bench: $(BENCH_BIN)
	@mkdir -p $(BENCH_DIR)
	@rm -f $(BENCH_DIR)/desk-100k.db* $(BENCH_DIR)/desk-empty.db*
	@echo "Generating 100 000 visits over three years (ending 2026-11-18)…"
	@$(BUILD)/bench/gen --db $(BENCH_DIR)/desk-100k.db --visits 100000 --days 1095 --sites 1
	@$(BUILD)/bench/gen --db $(BENCH_DIR)/desk-empty.db --visits 0
	@CARNET_NOW=2026-11-18T10:30 TERM=xterm-256color CARNET_DATADIR=share/carnet \
	  CARNET_CONFIG=bench/desk.ini $(BUILD)/bench/desk_ready \
	  $(BENCH_DIR)/desk-100k.db $(BENCH_DIR)/desk-empty.db
	@sh bench/report.sh $(BUILD) $(BENCH_DIR)
	@sh bench/merge.sh $(BUILD) $(BENCH_DIR)
	@sh bench/exchange.sh $(BUILD) $(BENCH_DIR)
	@sh bench/places.sh $(BUILD) $(BENCH_DIR)

# The TOUCHES section of carnet(1) comes from the action table.
man-keys: carnet
	@./carnet keys --roff >build/keys.roff
	@awk -v keys=build/keys.roff ' \
	  /^\.\\" BEGIN KEYS/ { print; while ((getline line < keys) > 0) print line; skip = 1; next } \
	  /^\.\\" END KEYS/ { skip = 0 } !skip { print }' man/carnet.1 >build/carnet.1
	@mv build/carnet.1 man/carnet.1
	@echo "man/carnet.1: TOUCHES regenerated"

# A few months of one project, to see the screens and reports with data:
# visits, three workshops a week at each site, four times outside
# accompaniment a week for each mediator; the directory of places of
# tests/fixtures/places-rennes.csv.
DEMO_DB ?= build/demo.db
DEMO_END ?= $(shell date +%F)
demo-db: deps-build
	@$(MAKE) --no-print-directory carnet $(BUILD)/bench/gen
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@$(BUILD)/bench/gen --db $(DEMO_DB) --visits 6000 --days 120 --sites 3 --mediators 4 \
	  --persons 600 --end $(DEMO_END) --workshops-per-week 3 --times-per-week 4 \
	  --lists share/carnet/carnet.ini --lists bench/demo.ini
	@CARNET_DATADIR=share/carnet ./carnet --db $(DEMO_DB) --config bench/demo.ini \
	  place import tests/fixtures/places-rennes.csv
	@echo "Base de démonstration : $(DEMO_DB) (configuration bench/demo.ini)"

demo: demo-db
	./carnet --db $(DEMO_DB) --config bench/demo.ini

lint-man:
	@mandoc -T lint -W warning man/carnet.1 man/carnet.ini.5

# ---------------------------------------------------------------- install
install: $(BUILD)/carnet
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/carnet \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/carnet $(DESTDIR)$(BINDIR)/carnet
	install -m 644 share/carnet/*.ini $(DESTDIR)$(DATADIR)/carnet/
	install -m 644 man/carnet.1 $(DESTDIR)$(MANDIR)/man1/carnet.1
	install -m 644 man/carnet.ini.5 $(DESTDIR)$(MANDIR)/man5/carnet.ini.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/carnet $(DESTDIR)$(MANDIR)/man1/carnet.1 \
	  $(DESTDIR)$(MANDIR)/man5/carnet.ini.5
	rm -rf $(DESTDIR)$(DATADIR)/carnet

clean:
	rm -rf build carnet

-include $(shell find build -name '*.d' 2>/dev/null)

# ================================================================ BEGIN fuzz
# Fuzz targets (libFuzzer, clang): see tests/fuzz/README. Self-contained block.
#   make fuzz                    each target FUZZ_SECONDS (60) seconds
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=csv FUZZ_FLAGS=-jobs=2
# The committed corpus (tests/fuzz/corpus) stays the seeds: what the fuzzer
# adds goes to $(BUILD)/fuzz/corpus, what it finds to $(BUILD)/fuzz/crashes.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= config csv parsers hours
FUZZ_FLAGS   ?=
FUZZ_DIR      = $(BUILD)/fuzz
FUZZ_SAN      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
                -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) \
                -DCARNET_VERSION='"$(VERSION)"' -DCARNET_DATADIR='"$(DATADIR)/carnet"' \
                -DCARNET_SYSCONFDIR='"$(SYSCONFDIR)/carnet"' -DFUZZ_TOP='"$(CURDIR)"' \
                -MMD -MP $(FUZZ_SAN)
FUZZ_LIBS     = $(shell $(PKG_CONFIG) --libs sqlite3 uuid xlsxwriter 2>/dev/null) -liniparser
# The layers without curses, and the curses-free answer lists of the screen
# that fuzz_config drives.
FUZZ_SRC      = $(CORE_SRC) src/screen/choices.c src/screen/hotkeys.c
FUZZ_OBJ      = $(FUZZ_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BIN      = $(FUZZ_DIR)/fuzz_config $(FUZZ_DIR)/fuzz_csv $(FUZZ_DIR)/fuzz_parsers \
                $(FUZZ_DIR)/fuzz_hours

.PHONY: fuzz fuzz-deps fuzz-build

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (fuzz)"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BIN): $(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c %.o,$^) $(FUZZ_LIBS)

fuzz-build: $(FUZZ_BIN)
	@:

# clang, and its libFuzzer runtime, installed only when missing.
fuzz-deps: deps-build
	@missing=""; command -v $(FUZZ_CC) >/dev/null 2>&1 || missing=" clang"; $(apt_install)
	@mkdir -p $(FUZZ_DIR); \
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	  >$(FUZZ_DIR)/probe.c; \
	if ! $(FUZZ_CC) -fsanitize=fuzzer,address -o $(FUZZ_DIR)/probe $(FUZZ_DIR)/probe.c 2>/dev/null; then \
	  v=$$($(FUZZ_CC) --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1); \
	  missing=" libclang-rt-$$v-dev"; $(apt_install); \
	fi; rm -f $(FUZZ_DIR)/probe $(FUZZ_DIR)/probe.c

# Each target runs FUZZ_SECONDS; its log is $(FUZZ_DIR)/TARGET.log. Fails when
# a target crashes, leaks, times out or trips a sanitizer.
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) fuzz-build
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
	  case $$t in config) len=4096;; csv) len=8192;; *) len=512;; esac; \
	  work=$(FUZZ_DIR)/corpus/$$t; found=$(FUZZ_DIR)/crashes/$$t; log=$(FUZZ_DIR)/$$t.log; \
	  mkdir -p $$work $$found; \
	  seeds=tests/fuzz/corpus/$$t; \
	  if [ -d tests/fuzz/crashes/$$t ]; then seeds="$$seeds tests/fuzz/crashes/$$t"; fi; \
	  echo "  FUZZ    $$t ($(FUZZ_SECONDS) s, log $$log)"; \
	  ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -max_len=$$len \
	    -timeout=10 -dict=tests/fuzz/dict/$$t.dict -artifact_prefix=$$found/ \
	    -print_final_stats=1 $(FUZZ_FLAGS) $$work $$seeds >$$log 2>&1; \
	  rc=$$?; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log | tail -n 1); \
	  secs=$$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' $$log | tail -n 1); \
	  if [ $$rc -eq 0 ]; then \
	    echo "fuzz_$$t : $${runs:-?} exécutions en $${secs:-?} s, rien trouvé"; \
	  else \
	    fail=1; \
	    echo "fuzz_$$t : ANOMALIE après $${runs:-?} exécutions (statut $$rc) :"; \
	    grep -E '^==[0-9]+==ERROR|runtime error|SUMMARY|Test unit written|fuzz_[a-z]+:' $$log | head -n 10; \
	    echo "  entrée en cause dans $$found/ ; rejouer : $(FUZZ_DIR)/fuzz_$$t FICHIER"; \
	  fi; \
	done; \
	exit $$fail
# ================================================================ END fuzz
