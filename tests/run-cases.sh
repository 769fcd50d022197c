# intravisor run, sourced by tests/run-all: what a user types, what they see.
run_dir=$tmp/run
mkdir -p "$run_dir"
show_env=$build/test/run-progs/show_env
hello=$build/apps/13.libhello.so/rootfs

# expect_run NAME STATUS EXPECTED-STDOUT-TEXT COMMAND...
expect_run() {
	name=run/$1 want_rc=$2
	printf '%s' "$3" >"$run_dir/want"
	shift 3
	timeout 20 "$@" >"$run_dir/out" 2>"$run_dir/err"
	rc=$?
	if [ "$rc" -eq "$want_rc" ] && cmp -s "$run_dir/want" "$run_dir/out"; then
		pass "$name"
	else
		{ echo "status $rc (want $want_rc)"; diff "$run_dir/want" "$run_dir/out"; cat "$run_dir/err"; } >"$run_dir/diff"
		fail "$name" "$run_dir/diff"
	fi
}

expect_run libhello 0 'app main
hello world from lib
' "$intravisor" run --lib-path "$hello/usr/lib" "$hello/app/main"

expect_run defaults 0 'cwd /
FOO=(unset)
PATH=/usr/local/bin:/usr/bin:/bin
greeting: (none)
hosts: 127.0.0.1	localhost
arg 1: [two words]
arg 2: [-v]
' "$intravisor" run "$show_env" 'two words' -v

printf 'hello from the host\n' >"$run_dir/greeting"
expect_run options 0 'cwd /tmp
FOO=bar baz
PATH=(unset)
greeting: hello from the host
hosts: 127.0.0.1	localhost
' "$intravisor" run --env 'FOO=bar baz' --cwd /tmp --file "$run_dir/greeting:/data/greeting" "$show_env"

expect_run exit-status 42 '1 arguments: [x]
' "$intravisor" run "$build/test/rootfs/app/exit_status" x

rm -rf "$run_dir/yaml" && mkdir -p "$run_dir/yaml"
expect_run print-yaml 0 '' "$intravisor" run --print-yaml "$run_dir/yaml" --file "$run_dir/greeting:/data/greeting" "$show_env" one
expect_run print-yaml-then-y 0 'cwd /
FOO=(unset)
PATH=/usr/local/bin:/usr/bin:/bin
greeting: hello from the host
hosts: 127.0.0.1	localhost
arg 1: [one]
' "$intravisor" -y "$run_dir/yaml/show_env.yaml"

expect_error run-missing-program 127 "intravisor: run: $run_dir/nothing: No such file or directory" \
	"$intravisor" run "$run_dir/nothing"
expect_error run-glibc-program 126 "intravisor: run: /bin/true: not a musl-uni program (its interpreter is $(readelf -lW /bin/true | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')); build it with uni-cc" \
	"$intravisor" run /bin/true
expect_error run-missing-library 127 "intravisor: run: $hello/app/main needs libso_test.so, found neither in --lib-path nor in $(realpath "$build/sysroot/usr/lib")" \
	"$intravisor" run "$hello/app/main"
expect_error run-bad-option 2 "usage: intravisor run [OPTIONS] PROG [ARGS...]" \
	"$intravisor" run --frobnicate "$show_env"
expect_error run-bad-memory 2 "intravisor: run: --memory 12345: expected a multiple of 4 KiB from 16M to 131055G" \
	"$intravisor" run --memory 12345 "$show_env"
expect_error run-bad-file 2 "intravisor: run: --file nocolon: expected HOST:GUEST" \
	"$intravisor" run --file nocolon "$show_env"
expect_error run-twice-added 1 "intravisor: run: /app/show_env is added twice" \
	"$intravisor" run --file "$run_dir/greeting:/app/show_env" "$show_env"

segv=$build/test/run-progs/segv
segv_at=$(objdump -d "$segv" | awk '/movl +\$0x[0-9a-f]+,0x0$/ { sub(":", "", $1); print $1; exit }')
segv_main=$(nm "$segv" | awk '$3 == "main" { print $1 }')
segv_into=$(printf '%x' $((0x$segv_at - 0x$segv_main)))
expect_error run-segv-report 139 "intravisor: cVM 'segv' killed by SIGSEGV at 0x0 (in /app/segv+0x$segv_at (main+0x$segv_into))" \
	"$intravisor" run "$segv"
expect_run run-segv-output 139 'before the fault
' "$intravisor" run "$segv"

# mprotect is the host MMU's: a store to a page made read-only faults where the page is.
mprotect_write=$build/test/run-progs/mprotect_write
mprotect_at=$(objdump -d "$mprotect_write" | awk '/movl +\$0x5eed,\(%r[a-z0-9]+\)$/ { sub(":", "", $1); print $1; exit }')
mprotect_main=$(nm "$mprotect_write" | awk '$3 == "main" { print $1 }')
mprotect_into=$(printf '%x' $((0x$mprotect_at - 0x$mprotect_main)))
mprotect_page=$(timeout 20 "$intravisor" run "$mprotect_write" 2>/dev/null | sed -n 's/^read 1, writing to //p')
expect_error run-mprotect-write-report 139 "intravisor: cVM 'mprotect_write' killed by SIGSEGV at $mprotect_page (in /app/mprotect_write+0x$mprotect_at (main+0x$mprotect_into))" \
	"$intravisor" run "$mprotect_write"
expect_run run-mprotect-write-output 139 "read 1, writing to $mprotect_page
" "$intravisor" run "$mprotect_write"

# The app's heap is bounded by its region: malloc fails with ENOMEM, all else goes on.
expect_run run-heap-exhaust 0 'malloc returned NULL with ENOMEM after many blocks
survived: a 16 MiB block after freeing works
' "$intravisor" run --memory 64M "$build/test/run-progs/heap_exhaust"

expect_run run-abort 134 'raise(SIGUSR1) ignored: 0
raise(SIGCHLD) default-ignored: 0
' "$intravisor" run "$build/test/run-progs/abort"
expect_error run-abort-report 134 "intravisor: cVM 'abort' killed by SIGABRT" \
	"$intravisor" run "$build/test/run-progs/abort"

# The man page and completion in the repository match the option tables.
"$intravisor" --man >"$run_dir/man"
if cmp -s "$run_dir/man" docs/intravisor.1; then pass docs/man-page-current; else
	diff docs/intravisor.1 "$run_dir/man" >"$run_dir/diff"; fail docs/man-page-current "$run_dir/diff"; fi
"$intravisor" --bash-completion >"$run_dir/completion"
if cmp -s "$run_dir/completion" tools/intravisor.bash-completion && bash -n "$run_dir/completion"; then
	pass docs/bash-completion-current
else
	fail docs/bash-completion-current
fi

# --log: the report goes to the file, nothing to stderr, stdout untouched.
rm -f "$run_dir/log"
"$intravisor" run --log "$run_dir/log" "$segv" >"$run_dir/out" 2>"$run_dir/err"
rc=$?
if [ "$rc" -eq 139 ] && [ ! -s "$run_dir/err" ] && [ "$(cat "$run_dir/out")" = "before the fault" ] &&
	grep -q "^intravisor: cVM 'segv' killed by SIGSEGV at 0x0 " "$run_dir/log"; then
	pass run/log-file
else
	{ echo "status $rc"; cat "$run_dir/err" "$run_dir/log"; } >"$run_dir/diff"
	fail run/log-file "$run_dir/diff"
fi

# SIGINT to the monitor (as from the terminal) reaches the app: its handler
# runs while it waits in pause() or spins in its own code; without one it
# dies of it like a shell's child (130). A script's background job starts
# with SIGINT ignored, which the app would inherit: env puts it back.
# expect_sigint NAME STATUS EXPECTED-STDOUT MODE
expect_sigint() {
	rm -f "$run_dir/out" # not the last case's "ready": the job may not have opened it yet
	env --default-signal=INT "$intravisor" run "$build/test/run-progs/sigint" "$4" \
		>"$run_dir/out" 2>"$run_dir/err" &
	pid=$!
	for _ in $(seq 100); do
		grep -q ready "$run_dir/out" && break
		sleep 0.05
	done
	kill -INT "$pid"
	( sleep 10 && kill -KILL "$pid" ) 2>/dev/null &
	watchdog=$!
	wait "$pid"
	rc=$?
	kill "$watchdog" 2>/dev/null
	if [ "$rc" -eq "$2" ] && [ "$(cat "$run_dir/out")" = "$3" ]; then
		pass "run/$1"
	else
		{ echo "status $rc (want $2)"; cat "$run_dir/out" "$run_dir/err"; } >"$run_dir/diff"
		fail "run/$1" "$run_dir/diff"
	fi
}
expect_sigint sigint-handler 0 'ready
got SIGINT' pause
expect_sigint sigint-busy 0 'ready
got SIGINT' busy
expect_sigint sigint-default 130 'ready' default

# Signals the monitor was started with ignored (nohup, a background job)
# start ignored in the app, as across exec: the same as natively.
"$build/test/run-progs/native-sighup" >"$run_dir/native" 2>&1
env --ignore-signal=HUP "$build/test/run-progs/native-sighup" >"$run_dir/native-ignored" 2>&1
expect_run sighup-default 129 "$(cat "$run_dir/native")
" \
	"$intravisor" run "$build/test/run-progs/sighup"
expect_run sighup-inherited-ignored 0 "$(cat "$run_dir/native-ignored")
" env --ignore-signal=HUP "$intravisor" run "$build/test/run-progs/sighup"

# The monitor's stdout a pipe whose reader is gone: the app gets SIGPIPE
# (141, as a shell shows it) or, ignoring it, EPIPE.
for mode in default ignore; do
	"$intravisor" run "$build/test/run-progs/epipe" $([ $mode = ignore ] && echo x) 2>"$run_dir/err" | head -1 >/dev/null
	rc=${PIPESTATUS[0]}
	want=141 want_err="intravisor: cVM 'epipe' killed by SIGPIPE"
	[ $mode = ignore ] && want=3 want_err="write: Broken pipe"
	if [ "$rc" -eq "$want" ] && grep -qxF "$want_err" "$run_dir/err"; then
		pass "run/epipe-$mode"
	else
		{ echo "status $rc (want $want)"; cat "$run_dir/err"; } >"$run_dir/diff"
		fail "run/epipe-$mode" "$run_dir/diff"
	fi
done

# A fault three calls deep: after the report, one line per frame unwound
# from the app's .eh_frame, innermost first; #0 is where the report says,
# the others name their object, offset and function (offsets vary with the
# compiler, so only the names are compared), through musl's start code
# (libc.so's .debug_frame) into _start, which has no CFI: the last line.
"$intravisor" run "$build/test/run-progs/backtrace" >"$run_dir/out" 2>"$run_dir/err"
rc=$?
bt_at=$(sed -n "s/^intravisor: cVM 'backtrace' killed by SIGSEGV at 0x0 (in \(.*\))$/\1/p" "$run_dir/err")
bt_names=$(sed -n 's/^intravisor:   #\([0-9]*\) \(\/app\/backtrace\|libc\.so\)+0x[0-9a-f]* (\([a-z_0-9]*\)+0x[0-9a-f]*)$/\1 \3/p' "$run_dir/err" | head -5)
if [ "$rc" -eq 139 ] && [ -n "$bt_at" ] && grep -qxF "intravisor:   #0 $bt_at" "$run_dir/err" &&
	[ "$bt_names" = "0 crash_here
1 middle
2 outer
3 main
4 libc_start_main_stage2" ] && [ "$(grep -c '^intravisor:   #' "$run_dir/err")" -le 6 ]; then
	pass run/fault-backtrace
else
	{ echo "status $rc (want 139)"; cat "$run_dir/err"; } >"$run_dir/diff"
	fail run/fault-backtrace "$run_dir/diff"
fi

# Backtraces through musl's libc.so, whose C functions have CFI only in its
# .debug_frame: the program dies with STATUS and the function names of its
# frames (a ".cold" part's as its function's) hold each WANTED name, a basic
# regular expression for the whole name, in order; other frames may come
# between them (musl's internal ones vary with its version).
# expect_backtrace NAME STATUS PROGRAM WANTED...
expect_backtrace() {
	name=run/$1 want_rc=$2 prog=$3
	shift 3
	timeout 20 "$intravisor" run "$build/test/run-progs/$prog" >"$run_dir/out" 2>"$run_dir/err"
	rc=$?
	sed -n 's/^intravisor:   #[0-9]* [^ ]*+0x[0-9a-f]* (\([A-Za-z_0-9.]*\)+0x[0-9a-f]*)$/\1/p' \
		"$run_dir/err" | sed 's/\.cold$//' >"$run_dir/names"
	missing=
	for wanted in "$@"; do
		at=$(grep -nx -- "$wanted" "$run_dir/names" | head -1 | cut -d: -f1)
		if [ -z "$at" ]; then
			missing=$wanted
			break
		fi
		sed -i "1,${at}d" "$run_dir/names"
	done
	if [ "$rc" -eq "$want_rc" ] && [ -z "$missing" ]; then
		pass "$name"
	else
		{ echo "status $rc (want $want_rc); frame '$missing' missing or out of order"; cat "$run_dir/err"; } >"$run_dir/diff"
		fail "$name" "$run_dir/diff"
	fi
}

# abort(): no fault registers; the backtrace is unwound from the monitor's
# host call back through the LibOS and the syscall gate into the app, whose
# frames alone are shown, from the system call in raise() up.
expect_backtrace abort-backtrace 134 abort raise abort main libc_start_main_stage2
expect_backtrace abort-chain-backtrace 134 abort_chain raise abort give_up middle outer main \
	libc_start_main_stage2
# A fault in a qsort callback: back through musl's qsort.
expect_backtrace qsort-fault-backtrace 139 qsort_fault compare '.*qsort.*' main \
	libc_start_main_stage2

# Three pairs of one YAML with the same runtimes: the second and third map
# the sealed copy of the first's images (monitor/image.c): the same hashes,
# and each app runs as the first did.
rm -rf "$run_dir/pairs" && mkdir -p "$run_dir/pairs"
{
	echo "cVMs:"
	for i in 0 1 2; do
		ln -s "$top/$build/lib/musl-uni/libos.so" "$run_dir/pairs/libos-$i.so"
		printf -- '- name: libos%d\n  runtime: libos-%d.so\n  disk: %s\n' $i $i "$top/$build/apps/1.hello/root.cpio"
		printf '  isolation:\n  - base: 0x%x\n    size: 0x40000000\n  callback_out: monitor\n' $((0x400000000 + i * 0x80000000))
		printf -- '- name: hello%d\n  runtime: libc.so\n  args: /ld.so /app/hello pair%d\n' $i $i
		printf '  isolation:\n  - base: 0x%x\n    size: 0x40000000\n  callback_out: libos-%d.so\n' $((0x440000000 + i * 0x80000000)) $i
	done
} >"$run_dir/pairs/pairs.yaml"
"$intravisor" -y "$run_dir/pairs/pairs.yaml" >"$run_dir/out" 2>"$run_dir/err"
rc=$?
hashes=$(sed -n "s/^intravisor: cVM '\([a-z]*\)[0-9]'.*sha256 \([0-9a-f]*\)$/\1 \2/p" "$run_dir/err" | sort -u | wc -l)
if [ "$rc" -eq 0 ] && [ "$hashes" -eq 2 ] &&
	[ "$(cat "$run_dir/out")" = "$(printf 'hello from /app/hello with 1 argument\n%.0s' 1 2 3)" ]; then
	pass run/pairs-share-images
else
	{ echo "status $rc, $hashes distinct (name, hash) pairs"; cat "$run_dir/out" "$run_dir/err"; } >"$run_dir/diff"
	fail run/pairs-share-images "$run_dir/diff"
fi

# --strace splits a call another thread's line interrupts, as strace -f does.
"$intravisor" run --strace="$run_dir/split.trace" "$build/test/run-progs/strace_split" >/dev/null 2>&1
if grep -qF '[pid     2] read(3,  <unfinished ...>' "$run_dir/split.trace" &&
	grep -qF '[pid     2] <... read resumed>"x", 1)   = 1' "$run_dir/split.trace"; then
	pass run/strace-unfinished-resumed
else
	fail run/strace-unfinished-resumed "$run_dir/split.trace"
fi
