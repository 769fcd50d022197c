# The checks of tests/gdb/run, run inside gdb by
#   tools/uni-gdb -batch -x tests/gdb/check.py -- [options] PROG
# UNI_GDB_SESSION says which: "run" (gdbtest with intravisor run), "traced"
# (the same under --strace, through syscall_gate_traced) or "yaml" (the
# libhello demo from its YAML file: objects come from the rootfs archive).
# Prints "PASS gdb/NAME" or "FAIL gdb/NAME: why" for each check, then
# "gdb/SESSION: done".
import os

import gdb

SESSION = os.environ.get("UNI_GDB_SESSION", "run")
OUT = os.environ.get("UNI_GDB_OUT", "build/test/gdb")
GATES = ("syscall_gate", "syscall_gate_traced")


class CheckFailed(Exception):
    pass


def expect(condition, why):
    if not condition:
        raise CheckFailed(why)


def check(name, function):
    try:
        function()
        print("PASS gdb/%s" % name)
    except Exception as e:  # a failed check must not end the session
        print("FAIL gdb/%s: %s" % (name, e))


def run(command):
    return gdb.execute(command, to_string=True)


def frames():
    out = []
    frame = gdb.newest_frame()
    while frame is not None and len(out) < 64:
        out.append(frame)
        frame = frame.older()
    return out


def names():
    return [f.name() for f in frames()]


def where():
    frame = gdb.selected_frame()
    sal = frame.find_sal()
    return frame.name(), os.path.basename(sal.symtab.filename) if sal.symtab else None, sal.line


def in_order(wanted, got):
    """wanted is a subsequence of got."""
    rest = iter(got)
    return all(any(w == g for g in rest) for w in wanted)


def expect_at(function, filename, line=None):
    got = where()
    expect(got[0] == function and got[1] == filename and (line is None or got[2] == line),
           "stopped in %s at %s:%s, expected %s at %s:%s" % (got + (function, filename, line)))


def expect_outermost(chain):
    """Backtraces end at the entry point, _start or ld.so's _dlstart, and a
    zero return address (uni-gdb.py's unwinder for entry code)."""
    expect(len(chain) >= 2 and chain[-1].pc() == 0 and chain[-2].name() in ("_start", "_dlstart"),
           "the backtrace ends in %s, not at the entry point" % [f.name() for f in chain[-3:]])


def expect_backtrace(wanted):
    got = names()
    print(run("bt"), end="")
    expect(in_order(wanted, got), "backtrace %s lacks %s in this order" % (got, wanted))
    expect_outermost(frames())


def step_through_gate(stop_before_call):
    """Step the instructions of the gate the newest frame is in; at each,
    the app's frame (the gate's caller) must unwind the same. Returns the
    number of instructions checked."""
    first = None
    count = 0
    while gdb.newest_frame().name() in GATES:
        chain = frames()
        caller = chain[1]
        seen = (caller.pc(), int(caller.read_register("rsp")), int(caller.read_register("rdi")))
        if first is None:
            first = seen
        expect(seen == first, "at %s the gate's caller is pc 0x%x sp 0x%x rdi 0x%x, "
               "first it was pc 0x%x sp 0x%x rdi 0x%x" %
               ((hex(gdb.newest_frame().pc()),) + seen + first))
        expect_outermost(chain)
        instruction = gdb.newest_frame().architecture().disassemble(gdb.newest_frame().pc())[0]
        if stop_before_call and instruction["asm"].startswith("call"):
            break
        run("nexti")
        count += 1
    return count


def session_run():
    gdbtest = os.path.realpath(os.path.join(OUT, "gdbtest"))
    library = os.path.realpath(os.path.join(OUT, "libgdbtest.so"))

    def break_main():
        run("break main")
        run("run")
        expect_at("main", "gdbtest.c", 14)
        expect(int(gdb.parse_and_eval("$_uni_in_cvm()")) == 1, "main is not in a cVM")

    def objects():
        listing = run("info uni-objects")
        print(listing, end="")
        for guest, host in (("(runtime)", "libos.so"), ("(runtime)", "libc.so"),
                            ("/app/gdbtest", gdbtest), ("/usr/lib/libgdbtest.so", library)):
            expect(any(guest in line and line.endswith(host) for line in listing.splitlines()),
                   "no line for %s -> %s" % (guest, host))

    def break_app_function():
        run("break square")
        run("continue")
        expect_at("square", "gdbtest.c", 7)
        expect(int(gdb.parse_and_eval("x")) == 7, "x is %s, expected 7" % gdb.parse_and_eval("x"))

    def print_local():
        run("next")
        expect_at("square", "gdbtest.c", 9)
        value = gdb.parse_and_eval("result")
        expect(int(value) == 49, "result is %s, expected 49" % value)

    def finish():
        run("finish")
        expect_at("main", "gdbtest.c", 17)
        value = gdb.history(0)
        expect(int(value) == 49, "finish returned %s, expected 49" % value)

    def next_lines():
        run("next")
        expect_at("main", "gdbtest.c", 18)
        expect(int(gdb.parse_and_eval("counter")) == 49, "counter is not 49")
        run("next")
        expect_at("main", "gdbtest.c", 19)
        expect(int(gdb.parse_and_eval("counter")) == 50, "counter is not 50")

    def step_into_library():
        run("step")
        expect_at("lib_say", "libgdbtest.c", 7)

    def bt_through_gate():
        run("break sys_write")
        run("continue")
        expect(names()[0] == "sys_write", "stopped in %s, not sys_write" % names()[0])
        expect_backtrace(["sys_write", "syscall_gate", "write", "lib_say", "main"])

    def values_above_gate():
        chain = frames()
        by_name = {f.name(): f for f in reversed(chain)}
        text = by_name["lib_say"].read_var("text").string()
        expect(text == "gdbtest: hello\n", "lib_say's text reads %r" % text)
        counter = int(by_name["main"].read_var("counter"))
        expect(counter == 50, "main's counter reads %d" % counter)
        musl = chain[names().index("syscall_gate") + 1]
        for reg, want in (("rdi", 1), ("rdx", len("gdbtest: hello\n"))):
            got = int(musl.read_register(reg))
            expect(got == want, "the app's %s at the gate reads %d, expected %d" % (reg, got, want))

    def gate_leave():
        run("finish")
        if gdb.newest_frame().name().startswith("locked_"):
            run("finish")  # out of the table's wrapper that takes the LibOS's lock
        expect(gdb.newest_frame().name() == "syscall_gate", "finish from sys_write is in %s" %
               gdb.newest_frame().name())
        count = step_through_gate(stop_before_call=False)
        expect(count >= 9, "only %d instructions stepped" % count)
        expect(gdb.newest_frame().name() not in GATES, "still in the gate")

    def gate_enter():
        run("delete")
        run("break *syscall_gate")
        run("continue")
        expect(gdb.newest_frame().pc() == int(gdb.parse_and_eval("&syscall_gate")),
               "not at the gate's first instruction")
        count = step_through_gate(stop_before_call=True)
        expect(count >= 12, "only %d instructions stepped" % count)

    def exits():
        run("delete")
        run("continue")
        code = gdb.parse_and_eval("$_exitcode")
        expect(str(code) == "0", "exit code %s, expected 0" % code)

    def rerun():
        run("break main")
        run("run")
        expect_at("main", "gdbtest.c", 14)
        listing = run("info uni-objects")
        expect(len([line for line in listing.splitlines() if line.startswith("0x")]) == 4,
               "after a second run, info uni-objects lists:\n" + listing)
        run("kill")

    for name, function in (("break-main", break_main), ("objects", objects),
                           ("break-app-function", break_app_function),
                           ("print-local", print_local), ("finish", finish),
                           ("next", next_lines), ("step-into-library", step_into_library),
                           ("bt-through-gate", bt_through_gate),
                           ("values-above-gate", values_above_gate),
                           ("unwind-gate-leave", gate_leave), ("unwind-gate-enter", gate_enter),
                           ("exit", exits), ("rerun", rerun)):
        check(name, function)


def session_traced():
    def bt_through_traced_gate():
        run("break sys_write")
        run("run")
        expect_backtrace(["sys_write", "syscall_traced", "syscall_gate_traced", "write", "lib_say",
                          "main"])
        run("kill")

    def bt_through_hostcall_gate():
        """From the monitor's host-call handler of the program's write back
        through the host-call gate, the LibOS and the syscall gate to main
        (hostcall_gate.S's CFI; gdb shows that gate as a signal frame)."""
        run("delete")
        run("break hostcall_dispatch if nr == 1")  # HC_WRITE
        run("run")
        expect_backtrace(["hostcall_dispatch", "hostcall_gate", "syscall_traced",
                          "syscall_gate_traced", "write", "lib_say", "main"])
        run("kill")

    check("bt-through-traced-gate", bt_through_traced_gate)
    check("bt-through-hostcall-gate", bt_through_hostcall_gate)


def session_yaml():
    def yaml_objects():
        run("break main")
        run("run")
        expect_at("main", "main.c")
        listing = run("info uni-objects")
        print(listing, end="")
        for guest in ("/app/main", "/usr/lib/libso_test.so"):
            expect(any(guest in line for line in listing.splitlines()), "%s is missing" % guest)

    def yaml_bt():
        run("break sys_writev")
        run("continue")
        expect_backtrace(["sys_writev", "syscall_gate", "main"])
        run("kill")

    check("yaml-objects", yaml_objects)
    check("yaml-bt-through-gate", yaml_bt)


gdb.execute("set pagination off")
gdb.execute("set confirm off")
{"run": session_run, "traced": session_traced, "yaml": session_yaml}[SESSION]()
print("gdb/%s: done" % SESSION)
