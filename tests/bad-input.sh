# Bad input for the monitor and the LibOS, sourced by tests/run-all: each
# case gets one clear line naming the file and the reason, and a status.
mkdir -p "$tmp/bad"
bad=$(realpath "$tmp/bad")
cpio=$(realpath "$build/test/root.cpio")

# pair_yaml NAME SED-EXPRESSION: the test YAML with one edit.
pair_yaml() {
	sed -e "s|@DISK@|$cpio|" -e "s|@ARGS@|/app/exit_status|" -e "$2" tests/cvm-pair.yaml.in >"$bad/$1.yaml"
	echo "$bad/$1.yaml"
}

printf -- '---\ncVMs:\n- name: libos\n  runtime: [libos.so\n' >"$bad/syntax.yaml"
expect_error yaml-syntax 1 "intravisor: $bad/syntax.yaml:5: syntax error: did not find expected ',' or ']'" \
	"$intravisor" -y "$bad/syntax.yaml"

yaml=$(pair_yaml unknown-key 's/^  callback_out: monitor$/  callback_out: monitor\n  colour: blue/')
expect_error yaml-unknown-key 1 "intravisor: $yaml:12: unknown key 'colour' in cVM 'libos'" \
	"$intravisor" -y "$yaml"

yaml=$(pair_yaml overlap 's/base:  0x440000000/base:  0x420000000/')
expect_error yaml-overlap 1 "intravisor: $yaml:16: cVM 'app': region 0x420000000-0x460000000 overlaps region 0x400000000-0x440000000 of cVM 'libos'" \
	"$intravisor" -y "$yaml"

yaml=$(pair_yaml missing-runtime '/^  runtime: libc.so$/d')
expect_error yaml-missing-key 1 "intravisor: $yaml:12: missing required key 'runtime' in cVM 'app'" \
	"$intravisor" -y "$yaml"

expect_error yaml-missing-file 1 "intravisor: $bad/none.yaml: No such file or directory" \
	"$intravisor" -y "$bad/none.yaml"

yaml=$(pair_yaml region-too-small 's/size:  0x040000000/size:  0x1000/')
expect_error_re region-too-small 1 "intravisor: $yaml:5: cVM 'libos': .*/libos.so: destination size 0x1000 is smaller than the image span 0x[0-9a-f]*" \
	"$intravisor" -y "$yaml"

head -c 100 /dev/zero | tr '\\0' 'x' >"$bad/notelf.so"
yaml=$(pair_yaml not-elf 's/libos.so/notelf.so/')
expect_error runtime-not-elf 1 "intravisor: $yaml:5: cVM 'libos': $bad/notelf.so: offset 0x0: bad ELF magic" \
	"$intravisor" -y "$yaml"

yaml=$(pair_yaml no-runtime 's/libos.so/missing.so/')
expect_error runtime-missing 1 "intravisor: $yaml:5: cVM 'libos': $bad/missing.so: No such file or directory" \
	"$intravisor" -y "$yaml"

# libc.so has no libos_boot: refused as a LibOS before any relocation.
cp "$build/lib/musl-uni/libc.so" "$bad/fake-libos.so"
yaml=$(pair_yaml not-libos 's/libos.so/fake-libos.so/')
expect_error runtime-not-libos 1 "intravisor: $yaml:5: cVM 'libos': not a LibOS: symbol 'libos_boot' not found" \
	"$intravisor" -y "$yaml"

head -c 300 "$cpio" >"$bad/truncated.cpio"
yaml=$(pair_yaml truncated-cpio "s|$cpio|$bad/truncated.cpio|")
expect_error cpio-truncated 1 "intravisor: [libos] $bad/truncated.cpio: offset 228: truncated header" \
	"$intravisor" -y "$yaml"
expect_error cpio-truncated-boot 1 "intravisor: $yaml:5: cVM 'libos': boot failed: Invalid argument" \
	"$intravisor" -y "$yaml"

printf '070701garbage' >"$bad/garbage.cpio"
yaml=$(pair_yaml garbage-cpio "s|$cpio|$bad/garbage.cpio|")
expect_error cpio-garbage 1 "intravisor: [libos] $bad/garbage.cpio: offset 0: truncated header" \
	"$intravisor" -y "$yaml"

yaml=$(pair_yaml no-program 's|/app/exit_status|/app/nothere|')
expect_error program-missing 1 "/ld.so: cannot load /app/nothere: No such file or directory" \
	"$intravisor" -y "$yaml"

expect_error usage-no-yaml 2 "usage: intravisor [-v]... -y FILE.yaml" "$intravisor"
expect_error usage-bad-option 2 "usage: intravisor [-v]... -y FILE.yaml" "$intravisor" --frobnicate
