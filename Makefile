# musl-uni: `make` builds everything, `make run` runs the libhello demo,
# `make check` runs every test and ends with "N passed, N failed".

BUILD := build
BIN := $(BUILD)/bin
RUNTIME := $(BUILD)/lib/musl-uni
SYSROOT := $(BUILD)/sysroot
ARCH := x86_64
CC := gcc

WARN := -Wall -Wextra -Werror
COMMON_CFLAGS := -std=gnu11 $(WARN) -O2 -g -MMD -MP -Iinclude -Iarch/$(ARCH)

# The monitor reuses the LibOS's cpio parser to check archives it is given.
MONITOR_CFLAGS := $(COMMON_CFLAGS) -Imonitor -Ilibos/include -D_GNU_SOURCE -fstack-protector-strong
# Static, glibc too (static-pie): dynamic linking at start-up cost more than
# a deploy's hashing (libyaml and libcrypto shared: 0.6 ms; glibc alone:
# 0.25 ms of a 1.9 ms deploy, measured with bench/spawn); only what is used
# is linked in.
MONITOR_LIBS := -lyaml -lcrypto
MONITOR_SRCS := $(wildcard monitor/*.c) arch/$(ARCH)/cpu.c libos/fs/cpio.c
MONITOR_ASM := arch/$(ARCH)/hostcall_gate.S arch/$(ARCH)/cvm_switch.S arch/$(ARCH)/signal_entry.S \
	arch/$(ARCH)/interruptible.S
MONITOR_OBJS := $(patsubst %,$(BUILD)/monitor-obj/%.o,$(MONITOR_SRCS) $(MONITOR_ASM))

# The LibOS: freestanding, position-independent, no TLS, no SSE (the app's
# vector registers stay untouched on the syscall path), no libc.
# -mstringop-strategy=libcall: no inline rep movs/stos, so only arch/*/mem.S
# uses the direction flag, and the syscall gate need not clear it.
LIBOS_CFLAGS := $(COMMON_CFLAGS) -Ilibos/include -I$(BUILD)/gen -ffreestanding -fPIC \
	-fvisibility=hidden -fno-stack-protector -mgeneral-regs-only -fno-plt \
	-mstringop-strategy=libcall
LIBOS_LDFLAGS := -shared -nostdlib -Wl,-z,now -Wl,-Bsymbolic -Wl,--no-undefined \
	-Wl,-z,noexecstack -Wl,--hash-style=gnu
LIBOS_SRCS := $(wildcard libos/core/*.c libos/mm/*.c libos/fs/*.c)
LIBOS_OBJS := $(patsubst %,$(BUILD)/libos-obj/%.o,$(LIBOS_SRCS) arch/$(ARCH)/syscall_gate.S \
	arch/$(ARCH)/mem.S) \
	$(BUILD)/libos-obj/syscall_names.c.o

UNI_CC := $(BIN)/uni-cc

.PHONY: all run check bench clean deps musl apps
all: deps $(BIN)/intravisor $(RUNTIME)/libos.so $(RUNTIME)/libc.so $(UNI_CC) apps

deps:
	@tools/install-deps

# --- musl and uni-cc ---------------------------------------------------------
$(SYSROOT)/.key: libc/musl.lock $(wildcard libc/patches/*.patch) tools/build-musl | deps
	tools/build-musl $(SYSROOT)
	@touch $@

$(SYSROOT)/uni-cc.specs: libc/uni-cc.specs.in $(SYSROOT)/.key
	sed 's|@SYSROOT@|$(abspath $(SYSROOT))|g' $< >$@

$(UNI_CC): libc/uni-cc.in $(SYSROOT)/uni-cc.specs
	@mkdir -p $(@D)
	cp $< $@ && chmod +x $@

$(RUNTIME)/libc.so: $(SYSROOT)/.key
	@mkdir -p $(@D)
	cp $(SYSROOT)/usr/lib/libc.so $@

# --- monitor -----------------------------------------------------------------
$(BUILD)/monitor-obj/%.c.o: %.c | deps
	@mkdir -p $(@D)
	$(CC) $(MONITOR_CFLAGS) -c $< -o $@

$(BUILD)/monitor-obj/%.S.o: %.S
	@mkdir -p $(@D)
	$(CC) $(MONITOR_CFLAGS) -c $< -o $@

$(BIN)/intravisor: $(MONITOR_OBJS)
	@mkdir -p $(@D)
	$(CC) -static-pie -o $@ $^ $(MONITOR_LIBS)

# --- LibOS -------------------------------------------------------------------
$(BUILD)/gen/syscall_names.c:
	@mkdir -p $(@D)
	echo '#include <asm/unistd_64.h>' | $(CC) -E -dM - | \
	  awk 'BEGIN { print "#include <libos/syscall_table.h>"; \
	    print "const char *const syscall_names[SYSCALL_TABLE_SIZE] = {" } \
	    $$2 ~ /^__NR_/ && $$3 ~ /^[0-9]+$$/ { sub("__NR_", "", $$2); \
	    printf "\t[%s] = \"%s\",\n", $$3, $$2 } END { print "};" }' >$@

$(BUILD)/libos-obj/syscall_names.c.o: $(BUILD)/gen/syscall_names.c
	$(CC) $(LIBOS_CFLAGS) -c $< -o $@

$(BUILD)/libos-obj/%.c.o: %.c | deps
	@mkdir -p $(@D)
	$(CC) $(LIBOS_CFLAGS) -c $< -o $@

$(BUILD)/libos-obj/%.S.o: %.S
	@mkdir -p $(@D)
	$(CC) $(LIBOS_CFLAGS) -c $< -o $@

$(RUNTIME)/libos.so: $(LIBOS_OBJS)
	@mkdir -p $(@D)
	$(CC) $(LIBOS_LDFLAGS) -o $@ $^
	@tools/check-relocs $@

# --- apps, demo, tests -------------------------------------------------------
APP_DIRS := $(sort $(dir $(wildcard apps/*/Makefile)))
apps: $(UNI_CC) $(RUNTIME)/libc.so
	@for d in $(APP_DIRS); do \
	  $(MAKE) --no-print-directory -C $$d TOP=$(abspath .) || exit 1; done

run: all
	$(BIN)/intravisor -y apps/13.libhello.so/musl-uni-libhello.yaml

check: all unit-tests conformance stress-progs
	@tests/run-all

# --- conformance programs: each built natively and for musl-uni; tests/uni/
# programs only for musl-uni, with expected output ----------------------------
CONFORMANCE := $(patsubst tests/conformance/%.c,%,$(wildcard tests/conformance/*.c))
UNI_ONLY := $(patsubst tests/uni/%.c,%,$(wildcard tests/uni/*.c))
CONFORMANCE_SHLIBS := $(patsubst tests/conformance/tls_libs/%.c,%,$(wildcard tests/conformance/tls_libs/*.c))
CONFORMANCE_CFLAGS := -O2 -g -Wall -Wextra -Werror
.PHONY: conformance
conformance: $(patsubst %,$(BUILD)/test/native/%,$(CONFORMANCE)) $(BUILD)/test/root.cpio \
	$(patsubst tests/run/%.c,$(BUILD)/test/run-progs/%,$(wildcard tests/run/*.c)) \
	$(BUILD)/test/run-progs/native-sighup

# run-cases.sh compares it with the musl-uni build.
$(BUILD)/test/run-progs/native-sighup: tests/run/sighup.c
	@mkdir -p $(@D)
	$(CC) $(CONFORMANCE_CFLAGS) -o $@ $<

$(BUILD)/test/run-progs/%: tests/run/%.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(CONFORMANCE_CFLAGS) -o $@ $<

$(BUILD)/test/native/%: tests/conformance/%.c tests/conformance/check.h
	@mkdir -p $(@D)
	$(CC) $(CONFORMANCE_CFLAGS) -o $@ $< $(CONFORMANCE_LIBS)

$(BUILD)/test/rootfs/app/%: tests/conformance/%.c tests/conformance/check.h $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(CONFORMANCE_CFLAGS) -o $@ $< $(CONFORMANCE_LIBS)

$(BUILD)/test/rootfs/app/%: tests/uni/%.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(CONFORMANCE_CFLAGS) -o $@ $<

$(BUILD)/test/root.cpio: $(patsubst %,$(BUILD)/test/rootfs/app/%,$(CONFORMANCE) $(UNI_ONLY)) \
	$(patsubst %,$(BUILD)/test/rootfs/usr/lib/%.so,$(CONFORMANCE_SHLIBS))
	tools/pack-rootfs $(BUILD)/test/rootfs $@

# The shared libraries of conformance programs (CONFORMANCE_SHLIBS, from
# tests/conformance/tls_libs/libNAME.c): natively in native-lib/ (not native/, whose every
# file is a test), found through the program's run path; for musl-uni in /usr/lib of the
# test rootfs, where musl's ld.so looks.
NATIVE_LIB_DIR := $(BUILD)/test/native-lib
NATIVE_RUNPATH := -Wl,-rpath,'$$ORIGIN/../native-lib'

$(NATIVE_LIB_DIR)/%.so: tests/conformance/tls_libs/%.c
	@mkdir -p $(@D)
	$(CC) $(CONFORMANCE_CFLAGS) -shared -fPIC -o $@ $<

$(BUILD)/test/rootfs/usr/lib/%.so: tests/conformance/tls_libs/%.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(CONFORMANCE_CFLAGS) -shared -o $@ $<

$(BUILD)/test/native/tls_needed: $(NATIVE_LIB_DIR)/libtls_needed.so
$(BUILD)/test/native/tls_needed: CONFORMANCE_LIBS = -L$(NATIVE_LIB_DIR) -ltls_needed $(NATIVE_RUNPATH)
$(BUILD)/test/rootfs/app/tls_needed: $(BUILD)/test/rootfs/usr/lib/libtls_needed.so
$(BUILD)/test/rootfs/app/tls_needed: CONFORMANCE_LIBS = -L$(BUILD)/test/rootfs/usr/lib -ltls_needed
$(BUILD)/test/native/tls_dlopen: $(NATIVE_LIB_DIR)/libtls_dlopen.so
$(BUILD)/test/native/tls_dlopen: CONFORMANCE_LIBS = $(NATIVE_RUNPATH)

# --- unit tests: host builds under AddressSanitizer and UBSan ---------------
UNIT_CFLAGS := -std=gnu11 $(WARN) -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
	-Iinclude
# -ffreestanding as for the real LibOS: <linux/stat.h> then keeps S_ISDIR and friends.
LIBOS_UNIT_CFLAGS := $(UNIT_CFLAGS) -ffreestanding -Itests/unit/shim -Iarch/$(ARCH) -Ilibos/include -I$(BUILD)/gen
LIBOS_UNIT_SRCS := tests/unit/shim/fake_monitor.c libos/fs/vfs.c libos/fs/ramfs.c \
	libos/fs/fdtable.c libos/fs/devfs.c libos/fs/sys_file.c libos/core/uaccess.c libos/mm/mman.c \
	libos/mm/vma.c libos/mm/shm.c libos/mm/kmalloc.c libos/core/format.c libos/core/log.c \
	libos/core/clock.c
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/test/%,$(wildcard tests/unit/test_*.c))
.PHONY: unit-tests
unit-tests: $(UNIT_TESTS) $(BUILD)/test/elf_fixture.so

# Every header is a prerequisite: a changed constant rebuilds the tests.
UNIT_HEADERS := $(wildcard include/uni/*.h monitor/*.h libos/include/libos/*.h libos/*/*.h \
	arch/$(ARCH)/*.h tests/unit/shim/*.h)

$(BUILD)/test/test_config: tests/unit/test_config.c monitor/config.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Imonitor $(filter %.c,$^) -lyaml -lcmocka -o $@

$(BUILD)/test/test_elf: tests/unit/test_elf.c monitor/elf.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Imonitor $(filter %.c,$^) -lcmocka -o $@

# Also reads the LibOS's CFI from $(RUNTIME)/libos.so when it runs.
$(BUILD)/test/test_unwind: tests/unit/test_unwind.c monitor/unwind.c monitor/elf.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Imonitor $(filter %.c,$^) -lcmocka -o $@

$(BUILD)/test/test_cap: tests/unit/test_cap.c monitor/cap.c monitor/log.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Imonitor $(filter %.c,$^) -lcmocka -o $@

$(BUILD)/test/test_shm: tests/unit/test_shm.c monitor/shm.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -D_GNU_SOURCE -Imonitor $(filter %.c,$^) -lcmocka -o $@

$(BUILD)/test/test_cpio: tests/unit/test_cpio.c libos/fs/cpio.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Ilibos/include $(filter %.c,$^) -lcmocka -o $@

$(BUILD)/test/test_kmalloc: tests/unit/test_kmalloc.c libos/mm/kmalloc.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) -Ilibos/include $(filter %.c,$^) -lcmocka -o $@

$(BUILD)/test/test_vfs $(BUILD)/test/test_vma: $(BUILD)/test/%: tests/unit/%.c $(LIBOS_UNIT_SRCS) \
		$(BUILD)/gen/syscall_names.c $(UNIT_HEADERS) | deps
	@mkdir -p $(@D)
	$(CC) $(LIBOS_UNIT_CFLAGS) $< $(LIBOS_UNIT_SRCS) -lcmocka -o $@

$(BUILD)/test/elf_fixture.so: tests/unit/elf_fixture.c
	@mkdir -p $(@D)
	$(CC) -shared -nostdlib -fPIC -O1 -Wl,-z,now -Wl,-Bsymbolic -o $@ $<

# The man page and bash completion are generated from the monitor's option
# tables; make check fails when the committed copies are stale.
.PHONY: docs
docs: $(BIN)/intravisor
	$(BIN)/intravisor --man >docs/intravisor.1
	$(BIN)/intravisor --bash-completion >tools/intravisor.bash-completion

clean:
	rm -rf $(BUILD)/bin $(BUILD)/lib $(BUILD)/monitor-obj $(BUILD)/libos-obj $(BUILD)/gen \
	  $(BUILD)/apps $(BUILD)/test

-include $(shell find $(BUILD)/monitor-obj $(BUILD)/libos-obj -name '*.d' 2>/dev/null)

# --- bench: `make bench` (bench/run; docs/benchmarks.md) ----------------------
# Each bench/FAMILY.c is built natively and with uni-cc; bench/spawn times
# whole runs; hello-static (Debian's musl-gcc -static) is the deploy baseline.
BENCH_OUT := $(BUILD)/bench
BENCH_FAMILIES := syscall file mmap thread
BENCH_CFLAGS := -O2 -g -Wall -Wextra -Werror
.PHONY: bench bench-progs bench-deps
bench: bench-progs
	bench/run $(BENCH_ARGS)

bench-deps:
	@bench/install-deps

bench-progs: all bench-deps $(patsubst %,$(BENCH_OUT)/native/%,$(BENCH_FAMILIES) spawn) \
	$(patsubst %,$(BENCH_OUT)/uni/%,$(BENCH_FAMILIES) hello) $(BENCH_OUT)/native/hello-static

$(BENCH_OUT)/native/%: bench/%.c bench/bench.h
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< -lpthread

$(BENCH_OUT)/uni/%: bench/%.c bench/bench.h $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(BENCH_CFLAGS) -o $@ $<

# The deploy benchmarks run apps/1.hello's program, as its YAML file does.
$(BENCH_OUT)/uni/hello: apps/1.hello/hello.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(BENCH_CFLAGS) -o $@ $<

$(BENCH_OUT)/native/hello-static: apps/1.hello/hello.c | bench-deps
	@mkdir -p $(@D)
	musl-gcc -static $(BENCH_CFLAGS) -o $@ $<
# --- end of bench --------------------------------------------------------------

# --- stress: tests/stress/run [--native] [ROUNDS] ------------------------------
# Threads and their synchronisation under load; make check runs each program
# once, make stress STRESS_ROUNDS times. Each tests/stress/NAME.c is built with
# uni-cc and natively, to compare times (tests/stress/run --native).
STRESS := $(patsubst tests/stress/%.c,%,$(wildcard tests/stress/*.c))
STRESS_CFLAGS := -O2 -g -Wall -Wextra -Werror
STRESS_ROUNDS := 20
.PHONY: stress stress-progs
stress: all stress-progs
	tests/stress/run $(STRESS_ROUNDS)

stress-progs: $(patsubst %,$(BUILD)/test/stress/uni/%,$(STRESS)) \
	$(patsubst %,$(BUILD)/test/stress/native/%,$(STRESS))

$(BUILD)/test/stress/uni/%: tests/stress/%.c tests/stress/stress.h $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(STRESS_CFLAGS) -o $@ $<

$(BUILD)/test/stress/native/%: tests/stress/%.c tests/stress/stress.h
	@mkdir -p $(@D)
	$(CC) $(STRESS_CFLAGS) -pthread -o $@ $<
# --- end of stress -------------------------------------------------------------
