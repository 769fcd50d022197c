/* A DWARF call frame information unwinder for crash reports: one caller
 * frame at a time from an object's .eh_frame_hdr and .eh_frame (System V
 * x86-64 psABI 3.7, LSB "Exception Frames") or, for a pc no FDE there
 * covers, its .debug_frame (DWARF 4 section 6.4). Every byte of the object is
 * read through a bounds-checked window and every word of the stack through
 * the caller's read function, so a corrupt object or stack ends the
 * backtrace instead of faulting. */
#ifndef MONITOR_UNWIND_H
#define MONITOR_UNWIND_H

#include <stddef.h>
#include <stdint.h>
#include "elf.h"

/* DWARF register numbers of x86-64 (psABI figure 3.36); 16 is the return
 * address column, which holds the frame's ip here. */
enum {
	UNWIND_RAX,
	UNWIND_RDX,
	UNWIND_RCX,
	UNWIND_RBX,
	UNWIND_RSI,
	UNWIND_RDI,
	UNWIND_RBP,
	UNWIND_RSP,
	UNWIND_R8,
	UNWIND_R9,
	UNWIND_R10,
	UNWIND_R11,
	UNWIND_R12,
	UNWIND_R13,
	UNWIND_R14,
	UNWIND_R15,
	UNWIND_IP,
	UNWIND_NREGS
};

struct unwind_regs {
	uint64_t value[UNWIND_NREGS];
	uint32_t known; /* bit N: value[N] holds the frame's register N */
};

/* Where one object's CFI can be read: the bytes of the PT_LOAD holding
 * .eh_frame_hdr and .eh_frame (in its file or in memory), addressed by the
 * object's link-time vaddrs, and those of its .debug_frame, a section no
 * PT_LOAD holds (only in its file); bias is its run-time address of
 * vaddr 0. */
struct unwind_object {
	const uint8_t *bytes; /* NULL: no PT_GNU_EH_FRAME */
	uint64_t vaddr, len;
	uint64_t eh_frame_hdr; /* vaddr of PT_GNU_EH_FRAME */
	const uint8_t *debug_frame; /* NULL: no .debug_frame */
	uint64_t debug_frame_len;
	uint64_t bias;
};

/* Read the 8-byte word at addr of the unwound thread: 0, or -1 when addr is
 * not where that frame's stack may be. */
typedef int (*unwind_read_fn)(void *ctx, uint64_t addr, uint64_t *value);

/* From the ELF file img (its program headers, segments and section headers
 * read from the file), loaded at bias. 0, or -1 with neither
 * PT_GNU_EH_FRAME in a PT_LOAD nor a .debug_frame section. */
int unwind_object_from_file(const struct elf_image *img, uint64_t bias, struct unwind_object *obj);
/* From an object's program headers as loaded at bias (dl_iterate_phdr's
 * view); its PT_LOADs must be readable. Sections are not loaded: no
 * .debug_frame. 0, or -1 without PT_GNU_EH_FRAME in a PT_LOAD. */
int unwind_object_from_memory(const Elf64_Phdr *phdrs, size_t phnum, uint64_t bias,
			      struct unwind_object *obj);

/* Replace regs, a frame whose ip (value[UNWIND_IP]) lies in obj, by its
 * caller's. is_return: the ip is a return address, so the call instruction
 * before it is what the frame executes (frames above the innermost).
 * Registers the CFI leaves unchanged keep their value; rsp is the CFA
 * unless the CFI says otherwise. 0, or -1 when there is no caller to find:
 * no FDE for ip in .eh_frame or .debug_frame, an outermost frame (return
 * address undefined), CFI this unwinder does not follow, a register it
 * needs unknown, or a read that failed. */
/* regs = the caller's registers just after its call of this: ip the return
 * address, rsp above it, and the callee-saved ones; the rest unknown. */
void unwind_regs_of_caller(struct unwind_regs *regs);

int unwind_step(const struct unwind_object *obj, struct unwind_regs *regs, int is_return,
		unwind_read_fn read, void *ctx);

#endif
