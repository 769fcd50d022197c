# gdb support for musl-uni, loaded by tools/uni-gdb (gdb -x tools/uni-gdb.py).
#
# gdb sees one process, the monitor, and knows only its glibc libraries. This
# script tells it about the cVMs' code:
#
#  - When the monitor first enters a cVM (cvm_enter), every runtime it loaded
#    (libos.so, musl's libc.so, which is also musl's ld.so) is added with
#    add-symbol-file at its load base, read from the monitor's struct
#    deployment (monitor/cvm.h) through the monitor's own debug information.
#  - musl's ld.so keeps the r_debug protocol: _dl_debug_addr points at
#    struct debug { int ver; struct dso *head; ...; int state; ... } and it
#    calls _dl_debug_state() when its list of objects is consistent (after
#    start-up loading, after each dlopen). A breakpoint there that never
#    stops walks the list and adds every new object at its base. Guest paths
#    are mapped to host files as `intravisor run` built the rootfs (/app/NAME
#    is PROG; --file, --rootfs DIR; /usr/lib/X from --lib-path, then uni-cc's
#    sysroot); a file found nowhere, or whose size differs from the rootfs
#    copy, is extracted from the LibOS's copy of root.cpio instead.
#  - The syscall gate is entered by jmp with the app's return address in rcx
#    and leaves the app's rsp only at %gs:GATE_APP_SP. DWARF cannot describe
#    that (gdb maps no DWARF register to the %gs base), so the gate's CFI
#    says "rsp undefined" and an unwinder here takes over for frames in the
#    gate: it reads the gate block through $gs_base.
#  - `break main` (and `start`) would first stop in the monitor's own main:
#    breakpoints whose location is exactly "main" get the condition
#    $_uni_in_cvm(), true only for code inside a cVM region.
#
# Commands: `info uni-objects` lists what was added (add-symbol-file'd
# objects do not appear in `info sharedlibrary`). `breakpoint pending` is
# on: LibOS and app functions are unknown until the cVMs are loaded.
import atexit
import os
import shlex
import shutil
import struct
import tempfile

import gdb
import gdb.unwinder

# include/uni/gate.h
GATE_APP_SP = 16
GATE_LIBOS_SP = 24
# arch/x86_64/syscall_gate.S, GATE_ENTER: below the top of the LibOS stack,
# one pad word, then these registers pushed in this order.
GATE_SLOTS = ("rcx", "rdi", "rsi", "rdx", "r10", "r8", "r9")
# What the gate itself changes (as the syscall instruction would, plus rsp
# and rip); every other register is the caller's.
GATE_CLOBBERS = {"rax", "rcx", "r11", "rsp", "rip", "eflags", "orig_rax"} | set(GATE_SLOTS)
GATE_FUNCTIONS = ("syscall_gate", "syscall_gate_traced")

# musl's ld.so, ldso/dynlink.c: struct debug and the start of struct dso.
DEBUG_HEAD = 8
DEBUG_STATE = 24
RT_CONSISTENT = 0
DSO_BASE, DSO_NAME, DSO_NEXT = 0, 8, 24
MAX_OBJECTS = 4096

# Long options of `intravisor run` (monitor/options.c) and whether each takes
# an argument: "required", "optional" (only as --opt=ARG) or None.
RUN_OPTIONS = {
    "file": "required", "rootfs": "required", "lib-path": "required", "cwd": "required",
    "env": "required", "memory": "required", "print-yaml": "required", "verbose": None,
    "strace": "optional", "log": "required", "help": None,
}


def message(text):
    gdb.write("uni-gdb: %s\n" % text)


def read_u64(addr):
    return struct.unpack("<Q", bytes(gdb.selected_inferior().read_memory(addr, 8)))[0]


def read_u32(addr):
    return struct.unpack("<I", bytes(gdb.selected_inferior().read_memory(addr, 4)))[0]


def read_string(addr, limit=4096):
    data = bytearray()
    while len(data) < limit:
        at = addr + len(data)
        chunk = bytes(gdb.selected_inferior().read_memory(at, min(64, 4096 - at % 4096)))
        end = chunk.find(b"\0")
        if end >= 0:
            data += chunk[:end]
            break
        data += chunk
    return data.decode("utf-8", "replace")


class ElfFile:
    """Section headers, and symbols on request, of a 64-bit ELF file."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2:
                raise ValueError("%s: not a 64-bit ELF file" % path)
            self.entry, shoff = struct.unpack_from("<Q8xQ", head, 0x18)
            shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            self.sections = [struct.unpack_from("<IIQQQQIIQQ", table, i * shentsize)
                             for i in range(shnum)]
            names = self._read(f, self.sections[shstrndx]) if shnum else b""
        self.by_name = {}
        for s in self.sections:
            self.by_name.setdefault(names[s[0]:names.index(b"\0", s[0])].decode(), s)

    @staticmethod
    def _read(f, section):
        f.seek(section[4])
        return f.read(section[5])

    def text_range(self):
        s = self.by_name.get(".text")
        return (s[3], s[3] + s[5]) if s else None

    def _each_symbol(self):
        """(name, value, size) of each defined function or untyped symbol."""
        with open(self.path, "rb") as f:
            for s in self.sections:
                if s[1] not in (2, 11):  # SHT_SYMTAB, SHT_DYNSYM
                    continue
                strings = self._read(f, self.sections[s[6]])
                table = self._read(f, s)
                for off in range(0, len(table) - 23, 24):
                    name, info, _, shndx, value, size = struct.unpack_from("<IBBHQQ", table, off)
                    # Defined (not SHN_UNDEF, SHN_ABS, ...), STT_NOTYPE or STT_FUNC.
                    if 0 < shndx < 0xFF00 and name and info & 15 in (0, 2):
                        yield strings[name:strings.index(b"\0", name)].decode(), value, size

    def symbols(self, wanted):
        """{name: (value, size)} for the symbols named in wanted."""
        found = {}
        for name, value, size in self._each_symbol():
            if name in wanted:
                found.setdefault(name, (value, size))
        return found

    def entry_function(self):
        """[start, end) of the function at the entry point, or None. Entry
        code written in assembly often has no size: it ends at the next
        symbol."""
        if not self.entry:
            return None
        symbols = list(self._each_symbol())
        start, size = max(((value, size) for _, value, size in symbols if value <= self.entry),
                          default=(0, 0))
        if not start:
            return None
        if start + size > self.entry:
            return start, start + size
        end = min((value for _, value, _ in symbols if value > start), default=self.entry + 1)
        return start, end


class Cvm:
    """One cVM of the monitor's deployment (struct cvm, monitor/cvm.h)."""

    def __init__(self, value, monitor_dir):
        cfg = value["cfg"].dereference()
        self.name = cfg["name"].string()
        self.base = int(cfg["base"])
        self.size = int(cfg["size"])
        self.load_base = int(value["load_base"])
        self.stack_size = int(value["stack_size"])
        self.is_app = int(value["server"]) != 0
        self.debug_addr_at = (self.load_base + int(value["debug_addr_vaddr"])
                              if self.is_app and int(value["debug_addr_vaddr"]) else 0)
        self.runtime = cfg["runtime"].string()
        if not os.path.exists(self.runtime):  # monitor/cvm.c: find_runtime
            self.runtime = os.path.join(monitor_dir, "..", "lib", "musl-uni",
                                        cfg["runtime_name"].string())
        self.runtime = os.path.realpath(self.runtime)
        self.server_base = (int(value["server"].dereference()["cfg"].dereference()["base"])
                            if self.is_app else None)
        self.rootfs = None  # (address, size) of root.cpio in a LibOS's region

    def contains(self, addr):
        return self.base <= addr < self.base + self.size


class LoadedObject:
    def __init__(self, cvm, guest, host, base, text):
        self.cvm, self.guest, self.host, self.base, self.text = cvm, guest, host, base, text


class RunOptions:
    """What `intravisor run` was told, to map guest paths to host files."""

    def __init__(self, argv, cwd, monitor_dir):
        self.program = None
        self.files = []  # (host, guest)
        self.rootfs_dir = None
        self.lib_paths = []
        self.sysroot_lib = os.path.realpath(os.path.join(monitor_dir, "../sysroot/usr/lib"))
        if not argv or argv[0] != "run":
            return
        i = 1
        while i < len(argv):
            word = argv[i]
            if word == "--":
                i += 1
                break
            if not word.startswith("-") or word == "-":
                break
            value = None
            if word.startswith("--"):
                name, eq, value = word[2:].partition("=")
                matches = [o for o in RUN_OPTIONS if o == name] or \
                          [o for o in RUN_OPTIONS if o.startswith(name)]
                name = matches[0] if len(matches) == 1 else name
                if not eq:
                    value = None
                if RUN_OPTIONS.get(name) == "required" and value is None and i + 1 < len(argv):
                    i += 1
                    value = argv[i]
            else:  # -v, -h, -vv
                name = "verbose"
            self._option(name, value, cwd)
            i += 1
        if i < len(argv):
            self.program = os.path.normpath(os.path.join(cwd, argv[i]))

    def _option(self, name, value, cwd):
        if value is None:
            return
        if name == "file" and ":" in value:
            host, _, guest = value.rpartition(":")
            self.files.append((os.path.join(cwd, host), guest.rstrip("/") or "/"))
        elif name == "rootfs" and os.path.isdir(os.path.join(cwd, value)):
            self.rootfs_dir = os.path.join(cwd, value)
        elif name == "lib-path":
            self.lib_paths.append(os.path.join(cwd, value))

    @staticmethod
    def cvm_name(program):
        """monitor/run.c, program_name()."""
        keep = "._-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        return "".join(c if c in keep else "_" for c in os.path.basename(program))[:63]

    def candidates(self, guest):
        """Host files that may hold guest path, most likely first."""
        found = []
        if self.program and guest == "/app/" + self.cvm_name(self.program):
            found.append(self.program)
        for host, prefix in reversed(self.files):
            if guest == prefix or guest.startswith(prefix.rstrip("/") + "/"):
                found.append(host + guest[len(prefix.rstrip("/")):])
        if self.rootfs_dir:
            found.append(os.path.join(self.rootfs_dir, guest.lstrip("/")))
        if guest.startswith("/usr/lib/") and "/" not in guest[len("/usr/lib/"):]:
            name = guest[len("/usr/lib/"):]
            found += [os.path.join(d, name) for d in self.lib_paths + [self.sysroot_lib]]
        return found


class Cpio:
    """The newc index of a root.cpio in the inferior's memory."""

    def __init__(self, addr, size):
        self.entries = {}  # "/guest/path": (data address, size)
        off = 0
        while off + 110 <= size:
            head = bytes(gdb.selected_inferior().read_memory(addr + off, 110))
            if head[:6] not in (b"070701", b"070702"):
                break
            fields = [int(head[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
            mode, filesize, namesize = fields[1], fields[6], fields[11]
            name = bytes(gdb.selected_inferior().read_memory(addr + off + 110, namesize))
            name = name.rstrip(b"\0").decode("utf-8", "replace")
            while name.startswith("./"):
                name = name[2:]
            data = (off + 110 + namesize + 3) & ~3
            if name == "TRAILER!!!":
                break
            if mode & 0o170000 == 0o100000:
                self.entries[os.path.normpath("/" + name.lstrip("/"))] = (addr + data, filesize)
            off = (data + filesize + 3) & ~3


class UniState:
    def __init__(self):
        self.pid = None
        self.cvms = []
        self.gates = []  # (start, end, libos cVM)
        self.entries = []  # (start, end): entry code, the outermost frames
        self.objects = []
        self.seen = set()  # (app cVM base, dso base, guest name)
        self.internal_breakpoints = []
        self.cpio = {}  # LibOS base -> Cpio
        self.options = None
        self.extract_dir = None

    def in_cvm(self, addr):
        return any(c.contains(addr) for c in self.cvms)

    def gate_at(self, pc):
        for start, end, libos in self.gates:
            if start <= pc < end:
                return start, libos
        return None

    def entry_at(self, pc):
        for start, end in self.entries:
            if start <= pc < end:
                return start
        return None

    def forget(self):
        """Drop what belongs to a process that is gone: its symbol files
        would make gdb insert breakpoints at unmapped addresses on the next
        run."""
        for bp in self.internal_breakpoints:
            if bp.is_valid():
                bp.delete()
        for obj in self.objects:
            try:
                gdb.execute("remove-symbol-file -a 0x%x" % obj.text[0], to_string=True)
            except gdb.error:
                pass
        self.__init__()

    def add_object(self, cvm, guest, host, base):
        """add-symbol-file host at base; its ElfFile, or None."""
        try:
            elf = ElfFile(host)
            text = elf.text_range()
            entry = elf.entry_function()
        except (OSError, ValueError) as e:
            message("%s: %s" % (guest, e))
            return
        if not text:
            message("%s: %s has no .text; not added" % (guest, host))
            return
        gdb.execute("add-symbol-file %s -o 0x%x" % (gdb_quote(host), base), to_string=True)
        self.objects.append(LoadedObject(cvm, guest, host, base,
                                         (base + text[0], base + text[1])))
        if entry and cvm.is_app:  # musl's _dlstart, the program's _start
            self.entries.append((base + entry[0], base + entry[1]))
        return elf

    def deployment_started(self, pid):
        self.forget()
        self.pid = pid
        deployment = gdb.parse_and_eval("'cvm.c'::current").dereference()
        monitor_dir = os.path.dirname(os.path.realpath(gdb.current_progspace().filename))
        self.options = RunOptions(gdb_args(), inferior_cwd(), monitor_dir)
        for i in range(int(deployment["ncvms"])):
            self.cvms.append(Cvm(deployment["cvms"][i], monitor_dir))
        for cvm in self.cvms:
            elf = self.add_object(cvm, None, cvm.runtime, cvm.load_base)
            if not elf:
                continue
            if cvm.is_app:
                sym = elf.symbols({"_dl_debug_state"}).get("_dl_debug_state")
                if sym and cvm.debug_addr_at:
                    self.internal_breakpoints.append(
                        DebugStateBreakpoint(cvm.load_base + sym[0], cvm))
                else:
                    message("cVM '%s': %s has no _dl_debug_state or _dl_debug_addr; the "
                            "app's objects cannot be followed" % (cvm.name, cvm.runtime))
            else:
                for name, (value, size) in elf.symbols(set(GATE_FUNCTIONS)).items():
                    self.gates.append((cvm.load_base + value, cvm.load_base + value + size, cvm))

    def libos_booting(self, boot):
        """cvm_enter(gate, libos_boot, sp, struct libos_boot *): note where
        its root.cpio is (include/uni/boot.h)."""
        info = gdb.parse_and_eval("(struct libos_boot *)0x%x" % boot).dereference()
        for cvm in self.cvms:
            if not cvm.is_app and cvm.contains(boot):
                cvm.rootfs = (int(info["rootfs"]), int(info["rootfs_size"]))

    def cpio_of(self, app):
        for cvm in self.cvms:
            if cvm.base == app.server_base and cvm.rootfs:
                if cvm.base not in self.cpio:
                    self.cpio[cvm.base] = Cpio(*cvm.rootfs)
                return self.cpio[cvm.base]
        return None

    def host_file(self, app, guest):
        entry = None
        cpio = self.cpio_of(app)
        if cpio:
            entry = cpio.entries.get(os.path.normpath(guest))
        for host in self.options.candidates(guest):
            if os.path.isfile(host) and (not entry or os.path.getsize(host) == entry[1]):
                return os.path.realpath(host)
        if not entry:
            return None
        if not self.extract_dir:
            self.extract_dir = tempfile.mkdtemp(prefix="uni-gdb.")
            atexit.register(shutil.rmtree, self.extract_dir, True)
        host = os.path.join(self.extract_dir, "pid%d" % self.pid, app.name, guest.lstrip("/"))
        os.makedirs(os.path.dirname(host), exist_ok=True)
        with open(host, "wb") as f:
            f.write(bytes(gdb.selected_inferior().read_memory(entry[0], entry[1])))
        return host

    def objects_changed(self, app):
        debug = read_u64(app.debug_addr_at)
        if not debug or read_u32(debug + DEBUG_STATE) != RT_CONSISTENT:
            return
        dso = read_u64(debug + DEBUG_HEAD)
        for _ in range(MAX_OBJECTS):
            if not dso:
                break
            base = read_u64(dso + DSO_BASE)
            name = read_string(read_u64(dso + DSO_NAME))
            key = (app.base, base, name)
            if base != app.load_base and key not in self.seen:
                self.seen.add(key)
                host = self.host_file(app, name)
                if host:
                    self.add_object(app, name, host, base)
                else:
                    message("cVM '%s': no host file for %s; its symbols are missing" %
                            (app.name, name))
            dso = read_u64(dso + DSO_NEXT)


state = UniState()


def gdb_quote(path):
    return '"%s"' % path.replace("\\", "\\\\").replace('"', '\\"')


def gdb_args():
    """The inferior's arguments: gdb.parameter("args") is empty when they
    came from --args, `show args` is not."""
    text = gdb.execute("show args", to_string=True)
    try:
        return shlex.split(text[text.index('"') + 1:text.rindex('"')])
    except ValueError:
        return []


def inferior_cwd():
    cwd = gdb.parameter("cwd")
    return os.path.expanduser(cwd) if cwd else os.getcwd()


class CvmEnterBreakpoint(gdb.Breakpoint):
    """cvm_enter runs once the regions are loaded: first to boot each LibOS,
    then to start its app. Never stops."""

    def __init__(self):
        super().__init__("cvm_enter", internal=True)

    def stop(self):
        try:
            pid = gdb.selected_inferior().pid
            if pid != state.pid:
                state.deployment_started(pid)
            arg = int(gdb.parse_and_eval("$rcx"))
            if arg and state.in_cvm(arg):
                state.libos_booting(arg)
        except (gdb.error, gdb.MemoryError, OSError, ValueError) as e:
            message("cannot read the deployment: %s" % e)
        return False


class DebugStateBreakpoint(gdb.Breakpoint):
    """musl's _dl_debug_state in one app cVM. Never stops."""

    def __init__(self, addr, app):
        super().__init__("*0x%x" % addr, internal=True)
        self.app = app

    def stop(self):
        try:
            state.objects_changed(self.app)
        except (gdb.error, gdb.MemoryError, OSError, ValueError) as e:
            message("cannot read ld.so's list of objects: %s" % e)
        return False


class FrameId:
    """What create_unwind_info wants (gdb.unwinder.FrameId from gdb 14 on)."""

    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


class CvmUnwinder(gdb.unwinder.Unwinder):
    """Frames whose unwinding DWARF cannot describe.

    In syscall_gate and syscall_gate_traced, the caller (the app) has
    rsp = the gate block's app_sp once the gate runs on the LibOS stack,
    rip = its rcx, and the registers GATE_ENTER pushes in their slots while
    they are pushed; every other register passes through.

    The entry code of musl's ld.so (_dlstart) and of the program (_start)
    is assembly without CFI and has no caller. A Python unwinder cannot say
    "outermost" (what .cfi_undefined rip says for glibc's _start): a zero
    return address makes gdb stop after one "0x0000000000000000 in ??"
    frame instead of unwinding garbage from the stack."""

    def __init__(self):
        super().__init__("musl-uni")
        self.passthrough = None
        self.u64 = None

    def __call__(self, pending):
        if not state.cvms:
            return None
        try:
            pc = int(pending.read_register("rip"))
            # An outer frame's pc is a return address: the call is before it.
            if pending.level() > 0:
                pc -= 1
            if self.u64 is None:
                arch = pending.architecture()
                self.u64 = arch.integer_type(64, False)
                self.passthrough = [r.name for r in arch.registers("save")
                                    if r.name not in GATE_CLOBBERS]
            gate = state.gate_at(pc)
            if gate:
                return self.unwind_gate(pending, *gate)
            entry = state.entry_at(pc)
            if entry is not None:
                return self.unwind_entry(pending, entry)
        except (gdb.error, gdb.MemoryError):
            pass
        return None

    def value(self, number):
        return gdb.Value(number).cast(self.u64)

    def unwind_gate(self, pending, start, libos):
        sp = int(pending.read_register("rsp"))
        block = int(pending.read_register("gs_base"))
        libos_sp = read_u64(block + GATE_LIBOS_SP)
        on_libos_stack = libos_sp - libos.stack_size <= sp <= libos_sp
        caller_sp = read_u64(block + GATE_APP_SP) if on_libos_stack else sp
        saved = {}
        for i, reg in enumerate(GATE_SLOTS):
            slot = libos_sp - 16 - 8 * i
            if on_libos_stack and sp <= slot:
                saved[reg] = self.value(read_u64(slot))
            else:
                saved[reg] = pending.read_register(reg)
        info = pending.create_unwind_info(FrameId(self.value(caller_sp), self.value(start)))
        info.add_saved_register("rip", saved["rcx"])
        info.add_saved_register("rsp", self.value(caller_sp))
        for reg, value in saved.items():
            info.add_saved_register(reg, value)
        for reg in self.passthrough:
            info.add_saved_register(reg, pending.read_register(reg))
        return info

    def unwind_entry(self, pending, start):
        sp = pending.read_register("rsp")
        info = pending.create_unwind_info(FrameId(sp, self.value(start)))
        info.add_saved_register("rip", self.value(0))
        info.add_saved_register("rsp", sp)
        return info


class InCvmFunction(gdb.Function):
    """$_uni_in_cvm(): 1 if $pc is inside a cVM region, else 0."""

    def __init__(self):
        super().__init__("_uni_in_cvm")

    def invoke(self):
        return 1 if state.in_cvm(int(gdb.parse_and_eval("$pc"))) else 0


class InfoUniObjects(gdb.Command):
    """List the objects uni-gdb added with add-symbol-file: each cVM's
    runtime and what musl's ld.so loaded, with their .text range, load base,
    host file and guest path."""

    def __init__(self):
        super().__init__("info uni-objects", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        if not state.objects:
            gdb.write("No cVM objects loaded.\n")
            return
        gdb.write("%-18s %-18s %-18s %-12s %-24s %s\n" %
                  ("From", "To", "Base", "cVM", "Guest path", "Host file"))
        for o in state.objects:
            gdb.write("0x%016x 0x%016x 0x%016x %-12s %-24s %s\n" %
                      (o.text[0], o.text[1], o.base, o.cvm.name,
                       o.guest or "(runtime)", o.host))


def breakpoint_created(bp):
    """`break main` and `start` mean the app's main, not the monitor's."""
    if bp.number <= 0 or bp.type != gdb.BP_BREAKPOINT or not bp.location:
        return
    words = [w for w in bp.location.split() if w not in ("-qualified", "-function")]
    if words == ["main"] and "$_uni_in_cvm()" not in (bp.condition or ""):
        # `start` makes its breakpoint conditional on $_inferior.
        bp.condition = ("(%s) && " % bp.condition if bp.condition else "") + "$_uni_in_cvm()"


def inferior_exited(event):
    state.forget()


gdb.execute("set breakpoint pending on")
CvmEnterBreakpoint()
gdb.unwinder.register_unwinder(None, CvmUnwinder(), replace=True)
InCvmFunction()
InfoUniObjects()
gdb.events.breakpoint_created.connect(breakpoint_created)
gdb.events.exited.connect(inferior_exited)
