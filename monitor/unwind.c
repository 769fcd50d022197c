/*
 * DWARF CFI unwinder (monitor/unwind.h). The formats: DWARF 4 section 6.4 (call frame
 * information, .debug_frame), the LSB's .eh_frame and .eh_frame_hdr (CIE id 0, augmentation
 * strings, DW_EH_PE_* pointer encodings). The two sections differ only in how entries are
 * told apart and linked (struct cfi_format); their CIEs, FDEs and instructions are read by
 * the same code. Only what GCC, GNU as and the linkers emit on x86-64 is followed; anything
 * else ends the backtrace. The object's bytes are untrusted: each read goes through the
 * window check in struct cursor.
 */
#include <string.h>

#include "unwind.h"

/* Pointer encodings (LSB 10.5, DW_EH_PE_*): the low nibble is the format, the next three bits
 * what the value is relative to. */
#define PE_OMIT 0xff
#define PE_ABSPTR 0x00
#define PE_ULEB128 0x01
#define PE_UDATA2 0x02
#define PE_UDATA4 0x03
#define PE_UDATA8 0x04
#define PE_SLEB128 0x09
#define PE_SDATA2 0x0a
#define PE_SDATA4 0x0b
#define PE_SDATA8 0x0c
#define PE_PCREL 0x10
#define PE_DATAREL 0x30
#define PE_INDIRECT 0x80

/* Call frame instructions (DWARF 4, 7.23). */
#define CFA_ADVANCE_LOC 0x40
#define CFA_OFFSET 0x80
#define CFA_RESTORE 0xc0
#define CFA_NOP 0x00
#define CFA_SET_LOC 0x01
#define CFA_ADVANCE_LOC1 0x02
#define CFA_ADVANCE_LOC2 0x03
#define CFA_ADVANCE_LOC4 0x04
#define CFA_OFFSET_EXTENDED 0x05
#define CFA_RESTORE_EXTENDED 0x06
#define CFA_UNDEFINED 0x07
#define CFA_SAME_VALUE 0x08
#define CFA_REGISTER 0x09
#define CFA_REMEMBER_STATE 0x0a
#define CFA_RESTORE_STATE 0x0b
#define CFA_DEF_CFA 0x0c
#define CFA_DEF_CFA_REGISTER 0x0d
#define CFA_DEF_CFA_OFFSET 0x0e
#define CFA_DEF_CFA_EXPRESSION 0x0f
#define CFA_EXPRESSION 0x10
#define CFA_OFFSET_EXTENDED_SF 0x11
#define CFA_DEF_CFA_SF 0x12
#define CFA_DEF_CFA_OFFSET_SF 0x13
#define CFA_VAL_OFFSET 0x14
#define CFA_VAL_OFFSET_SF 0x15
#define CFA_VAL_EXPRESSION 0x16
#define CFA_GNU_ARGS_SIZE 0x2e

/* The DWARF expression operations of the PLT's CFA (binutils' elf_x86_64_eh_frame_plt):
 * rsp + 8 + ((rip & 15) >= 11) << 3. */
#define OP_CONST1U 0x08
#define OP_AND 0x1a
#define OP_PLUS 0x22
#define OP_PLUS_UCONST 0x23
#define OP_SHL 0x24
#define OP_GE 0x2a
#define OP_LIT0 0x30
#define OP_LIT31 0x4f
#define OP_BREG0 0x70
#define OP_BREG31 0x8f

/* Nesting of DW_CFA_remember_state; GCC uses one or two levels. */
#define UNWIND_STATE_DEPTH 8
/* Operands on the DWARF expression stack. */
#define UNWIND_EXPR_DEPTH 8
/* Program headers of a file whose CFI is read (a linker makes about ten). */
#define UNWIND_MAX_PHDRS 64
/* Entries looked at by a linear scan of .eh_frame (no search table) or .debug_frame. */
#define UNWIND_MAX_SCAN 100000
/* Section headers of a file searched for .debug_frame. */
#define UNWIND_MAX_SECTIONS 4096

/* What differs between .eh_frame (LSB 10.6.1) and .debug_frame (DWARF 4, 6.4.1 and 7.23). */
struct cfi_format {
	uint32_t cie_id; /* the CIE id field's value, telling a CIE from an FDE */
	int cie_pointer_from_start; /* an FDE's CIE pointer: an offset from the section's start,
				     * or (.eh_frame) back from the pointer field itself */
	unsigned versions; /* bit N: CIE version N is read */
	int length64; /* 0xffffffff escapes to a 64-bit length with the same 4-byte id fields;
		       * in .debug_frame it means the 64-bit DWARF format (8-byte ids), not read */
};

static const struct cfi_format eh_frame_format = {
	.cie_id = 0,
	.versions = 1u << 1 | 1u << 3,
	.length64 = 1,
};

/* Version 4 adds address_size and segment_selector_size after the augmentation. */
static const struct cfi_format debug_frame_format = {
	.cie_id = 0xffffffff,
	.cie_pointer_from_start = 1,
	.versions = 1u << 1 | 1u << 3 | 1u << 4,
};

/* One CFI section's bytes: [base, base + len) in the addresses its entries use (vaddrs for
 * the PT_LOAD holding .eh_frame, offsets for .debug_frame). datarel is what DW_EH_PE_datarel
 * is relative to (.eh_frame_hdr's vaddr). */
struct cfi_section {
	const struct cfi_format *format;
	const uint8_t *bytes;
	uint64_t base, len;
	uint64_t datarel;
};

struct cursor {
	const struct cfi_section *sec;
	uint64_t at, end; /* end exclusive */
	int bad;
};

static int cursor_init(struct cursor *c, const struct cfi_section *sec, uint64_t at, uint64_t end)
{
	c->sec = sec;
	c->at = at;
	c->end = end;
	c->bad = at < sec->base || end < at || end - sec->base > sec->len;
	return c->bad ? -1 : 0;
}

static uint64_t section_end(const struct cfi_section *sec)
{
	return sec->base + sec->len;
}

static uint64_t read_fixed(struct cursor *c, unsigned size)
{
	uint64_t value = 0;

	if (c->bad || c->end - c->at < size) {
		c->bad = 1;
		return 0;
	}
	const uint8_t *p = c->sec->bytes + (c->at - c->sec->base);
	for (unsigned i = 0; i < size; i++)
		value |= (uint64_t)p[i] << (8 * i);
	c->at += size;
	return value;
}

static uint64_t read_uleb(struct cursor *c)
{
	uint64_t value = 0;

	for (unsigned shift = 0; !c->bad; shift += 7) {
		uint8_t byte = (uint8_t)read_fixed(c, 1);
		if (shift < 64)
			value |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80))
			return value;
	}
	return 0;
}

static int64_t read_sleb(struct cursor *c)
{
	uint64_t value = 0;
	unsigned shift = 0;
	uint8_t byte;

	do {
		byte = (uint8_t)read_fixed(c, 1);
		if (shift < 64)
			value |= (uint64_t)(byte & 0x7f) << shift;
		shift += 7;
	} while ((byte & 0x80) && !c->bad);
	if (shift < 64 && (byte & 0x40))
		value |= ~0ULL << shift;
	return (int64_t)value;
}

/* A value in the format of a pointer encoding's low nibble. */
static uint64_t read_value(struct cursor *c, uint8_t enc)
{
	switch (enc & 0x0f) {
	case PE_ABSPTR:
	case PE_UDATA8:
	case PE_SDATA8:
		return read_fixed(c, 8);
	case PE_UDATA4:
		return read_fixed(c, 4);
	case PE_SDATA4:
		return (uint64_t)(int64_t)(int32_t)read_fixed(c, 4);
	case PE_UDATA2:
		return read_fixed(c, 2);
	case PE_SDATA2:
		return (uint64_t)(int64_t)(int16_t)read_fixed(c, 2);
	case PE_ULEB128:
		return read_uleb(c);
	case PE_SLEB128:
		return (uint64_t)read_sleb(c);
	}
	c->bad = 1;
	return 0;
}

/* A pointer in encoding enc, as a vaddr of the object. An absolute one is a link-time vaddr
 * even in memory: .eh_frame is read-only, so no dynamic relocation changes it (and
 * .debug_frame is not loaded). The indirect bit is never followed: only the personality
 * routine, which is skipped, uses it. */
static uint64_t read_encoded(struct cursor *c, uint8_t enc)
{
	uint64_t field = c->at, value = read_value(c, enc);

	switch (enc & 0x70) {
	case 0:
		return value;
	case PE_PCREL:
		return value + field;
	case PE_DATAREL:
		return value + c->sec->datarel;
	}
	c->bad = 1; /* textrel, funcrel, aligned: not on x86-64 */
	return 0;
}

struct cie {
	uint64_t code_align;
	int64_t data_align;
	uint64_t ra_reg;
	uint8_t fde_enc;
	int has_z;
	uint64_t insns, insns_end;
};

struct fde {
	const struct cfi_section *sec; /* where its and its CIE's instructions are */
	uint64_t pc_begin, pc_end;
	uint64_t insns, insns_end;
	struct cie cie;
};

/* The length field at c->at: the entry's end, or 0 for the terminator. */
static uint64_t read_length(struct cursor *c)
{
	uint64_t length = read_fixed(c, 4);

	if (length == 0xffffffff && c->sec->format->length64)
		length = read_fixed(c, 8);
	else if (length == 0xffffffff)
		c->bad = 1;
	if (c->bad || length > c->end - c->at) {
		c->bad = 1;
		return 0;
	}
	return length ? c->at + length : 0;
}

static int parse_cie(const struct cfi_section *sec, uint64_t at, struct cie *cie)
{
	struct cursor c;
	char augmentation[8];
	size_t n = 0;

	if (cursor_init(&c, sec, at, section_end(sec)))
		return -1;
	uint64_t end = read_length(&c);
	if (!end)
		return -1;
	c.end = end;
	if (read_fixed(&c, 4) != sec->format->cie_id)
		return -1;
	uint8_t version = (uint8_t)read_fixed(&c, 1);
	if (c.bad || version > 31 || !(sec->format->versions & 1u << version))
		return -1;
	for (;;) {
		char ch = (char)read_fixed(&c, 1);
		if (c.bad || n == sizeof(augmentation))
			return -1;
		augmentation[n++] = ch;
		if (!ch)
			break;
	}
	memset(cie, 0, sizeof(*cie));
	/* address_size, segment_selector_size: FDE addresses are read as 8 bytes, unsegmented. */
	if (version == 4 && (read_fixed(&c, 1) != 8 || read_fixed(&c, 1) != 0))
		return -1;
	cie->code_align = read_uleb(&c);
	cie->data_align = read_sleb(&c);
	cie->ra_reg = version == 1 ? read_fixed(&c, 1) : read_uleb(&c);
	cie->fde_enc = PE_ABSPTR;
	if (augmentation[0] && augmentation[0] != 'z')
		return -1; /* a pre-"z" augmentation whose data length is unknown */
	if (augmentation[0] == 'z') {
		cie->has_z = 1;
		uint64_t data_len = read_uleb(&c);
		if (c.bad || data_len > c.end - c.at)
			return -1;
		uint64_t data_end = c.at + data_len;
		for (const char *a = augmentation + 1; *a; a++) {
			if (*a == 'R') {
				cie->fde_enc = (uint8_t)read_fixed(&c, 1);
			} else if (*a == 'P') {
				uint8_t enc = (uint8_t)read_fixed(&c, 1);
				read_encoded(&c, enc); /* the personality: not needed */
			} else if (*a == 'L') {
				read_fixed(&c, 1); /* the LSDA's encoding: not needed */
			} else if (*a != 'S') {
				break; /* unknown: the rest of the data is skipped below */
			}
		}
		if (c.bad)
			return -1;
		c.at = data_end;
	}
	cie->insns = c.at;
	cie->insns_end = c.end;
	return c.bad ? -1 : 0;
}

/* The FDE at `at`: 1 and *fde when it is one, 0 for a CIE, -1 if malformed. *next is the
 * following entry (the section's end after a terminator). */
static int parse_fde(const struct cfi_section *sec, uint64_t at, struct fde *fde, uint64_t *next)
{
	struct cursor c;

	*next = section_end(sec);
	if (cursor_init(&c, sec, at, section_end(sec)))
		return -1;
	uint64_t end = read_length(&c);
	if (c.bad)
		return -1;
	if (!end)
		return 0;
	*next = end;
	c.end = end;
	uint64_t id_at = c.at;
	uint64_t cie_pointer = read_fixed(&c, 4);
	if (c.bad)
		return -1;
	if (cie_pointer == sec->format->cie_id)
		return 0;
	if (!sec->format->cie_pointer_from_start && cie_pointer > id_at)
		return -1;
	uint64_t cie_at = sec->format->cie_pointer_from_start ? sec->base + cie_pointer
							      : id_at - cie_pointer;
	if (parse_cie(sec, cie_at, &fde->cie))
		return -1;
	fde->sec = sec;
	fde->pc_begin = read_encoded(&c, fde->cie.fde_enc);
	fde->pc_end = fde->pc_begin + read_value(&c, fde->cie.fde_enc);
	if (fde->cie.has_z) {
		uint64_t data_len = read_uleb(&c);
		if (c.bad || data_len > c.end - c.at)
			return -1;
		c.at += data_len; /* the LSDA pointer */
	}
	fde->insns = c.at;
	fde->insns_end = c.end;
	return c.bad ? -1 : 1;
}

/* The FDE covering pc in the entries from `at` on, in order (neither section has an index of
 * its own): 0 or -1. */
static int scan_fdes(const struct cfi_section *sec, uint64_t at, uint64_t pc, struct fde *fde)
{
	uint64_t next;

	for (int n = 0; at < section_end(sec) && n < UNWIND_MAX_SCAN; n++, at = next) {
		int found = parse_fde(sec, at, fde, &next);
		if (found < 0)
			return -1;
		if (found && pc >= fde->pc_begin && pc < fde->pc_end)
			return 0;
	}
	return -1;
}

/* The FDE covering pc in .eh_frame, through .eh_frame_hdr's sorted table or, without one, by
 * walking .eh_frame. 0 or -1. */
static int find_eh_frame_fde(const struct cfi_section *sec, uint64_t pc, struct fde *fde)
{
	uint64_t hdr = sec->datarel, next;
	struct cursor c;

	if (cursor_init(&c, sec, hdr, section_end(sec)) || read_fixed(&c, 1) != 1)
		return -1;
	uint8_t frame_enc = (uint8_t)read_fixed(&c, 1);
	uint8_t count_enc = (uint8_t)read_fixed(&c, 1);
	uint8_t table_enc = (uint8_t)read_fixed(&c, 1);
	uint64_t eh_frame = read_encoded(&c, frame_enc);
	if (c.bad)
		return -1;
	if (count_enc != PE_OMIT && table_enc == (PE_DATAREL | PE_SDATA4)) {
		uint64_t count = read_value(&c, count_enc);
		if (c.bad || count == 0 || count > (c.end - c.at) / 8)
			return -1;
		uint64_t table = c.at, low = 0, high = count;
		/* The last entry whose initial location is at or below pc. */
		while (high - low > 1) {
			uint64_t mid = low + (high - low) / 2;
			c.at = table + mid * 8;
			if (read_encoded(&c, table_enc) <= pc)
				low = mid;
			else
				high = mid;
		}
		c.at = table + low * 8 + 4;
		uint64_t at = read_encoded(&c, table_enc);
		if (c.bad || parse_fde(sec, at, fde, &next) != 1)
			return -1;
		return pc >= fde->pc_begin && pc < fde->pc_end ? 0 : -1;
	}
	return scan_fdes(sec, eh_frame, pc, fde);
}

/* The FDE covering pc: from .eh_frame, else from .debug_frame (musl's libc.so, built without
 * unwind tables, has little more than its PLT's in .eh_frame and all else in .debug_frame).
 * 0 or -1; *eh_frame and *debug_frame are filled from obj and must outlive *fde. */
static int find_fde(const struct unwind_object *obj, uint64_t pc, struct cfi_section *eh_frame,
		    struct cfi_section *debug_frame, struct fde *fde)
{
	*eh_frame = (struct cfi_section){ &eh_frame_format, obj->bytes, obj->vaddr, obj->len,
					  obj->eh_frame_hdr };
	*debug_frame = (struct cfi_section){ &debug_frame_format, obj->debug_frame, 0,
					     obj->debug_frame_len, 0 };
	if (obj->bytes && !find_eh_frame_fde(eh_frame, pc, fde))
		return 0;
	return obj->debug_frame ? scan_fdes(debug_frame, 0, pc, fde) : -1;
}

enum rule_kind { RULE_SAME, RULE_UNDEFINED, RULE_OFFSET, RULE_VAL_OFFSET, RULE_REGISTER, RULE_UNKNOWN };

struct rule {
	enum rule_kind kind;
	int64_t value; /* the offset from the CFA, or the register */
};

struct row {
	struct rule reg[UNWIND_NREGS];
	uint64_t cfa_reg;
	int64_t cfa_offset;
	int cfa_is_expr;
	uint64_t cfa_expr, cfa_expr_end; /* DW_CFA_def_cfa_expression's block (FDE's section) */
};

struct cfa_state {
	struct row row, initial;
	struct row saved[UNWIND_STATE_DEPTH];
	int depth;
};

static void set_rule(struct row *row, uint64_t reg, enum rule_kind kind, int64_t value)
{
	if (reg < UNWIND_NREGS) /* the vector and x87 registers are of no use here */
		row->reg[reg] = (struct rule){ kind, value };
}

/* Run the instructions in [at, end) of fde's section from location loc until past pc (for a
 * CIE, pc is ~0: all of them). 0 or -1. */
static int run_cfa_program(uint64_t at, uint64_t end, const struct fde *fde, uint64_t pc,
			   struct cfa_state *s)
{
	const struct cie *cie = &fde->cie;
	uint64_t loc = fde->pc_begin, reg, delta;
	struct cursor c;

	if (cursor_init(&c, fde->sec, at, end))
		return -1;
	while (c.at < c.end && !c.bad) {
		uint8_t op = (uint8_t)read_fixed(&c, 1);
		uint8_t low = op & 0x3f;

		delta = 0;
		switch (op & 0xc0) {
		case CFA_ADVANCE_LOC:
			delta = low;
			goto advance;
		case CFA_OFFSET:
			set_rule(&s->row, low, RULE_OFFSET, (int64_t)read_uleb(&c) * cie->data_align);
			continue;
		case CFA_RESTORE:
			if (low < UNWIND_NREGS)
				s->row.reg[low] = s->initial.reg[low];
			continue;
		}
		switch (op) {
		case CFA_NOP:
		case CFA_GNU_ARGS_SIZE:
			if (op == CFA_GNU_ARGS_SIZE)
				read_uleb(&c);
			break;
		case CFA_SET_LOC:
			loc = read_encoded(&c, cie->fde_enc);
			if (loc > pc)
				return c.bad ? -1 : 0;
			break;
		case CFA_ADVANCE_LOC1:
			delta = read_fixed(&c, 1);
			goto advance;
		case CFA_ADVANCE_LOC2:
			delta = read_fixed(&c, 2);
			goto advance;
		case CFA_ADVANCE_LOC4:
			delta = read_fixed(&c, 4);
			goto advance;
		case CFA_OFFSET_EXTENDED:
			reg = read_uleb(&c);
			set_rule(&s->row, reg, RULE_OFFSET, (int64_t)read_uleb(&c) * cie->data_align);
			break;
		case CFA_OFFSET_EXTENDED_SF:
			reg = read_uleb(&c);
			set_rule(&s->row, reg, RULE_OFFSET, read_sleb(&c) * cie->data_align);
			break;
		case CFA_VAL_OFFSET:
			reg = read_uleb(&c);
			set_rule(&s->row, reg, RULE_VAL_OFFSET, (int64_t)read_uleb(&c) * cie->data_align);
			break;
		case CFA_VAL_OFFSET_SF:
			reg = read_uleb(&c);
			set_rule(&s->row, reg, RULE_VAL_OFFSET, read_sleb(&c) * cie->data_align);
			break;
		case CFA_RESTORE_EXTENDED:
			reg = read_uleb(&c);
			if (reg < UNWIND_NREGS)
				s->row.reg[reg] = s->initial.reg[reg];
			break;
		case CFA_UNDEFINED:
			set_rule(&s->row, read_uleb(&c), RULE_UNDEFINED, 0);
			break;
		case CFA_SAME_VALUE:
			set_rule(&s->row, read_uleb(&c), RULE_SAME, 0);
			break;
		case CFA_REGISTER:
			reg = read_uleb(&c);
			set_rule(&s->row, reg, RULE_REGISTER, (int64_t)read_uleb(&c));
			break;
		case CFA_EXPRESSION:
		case CFA_VAL_EXPRESSION:
			reg = read_uleb(&c);
			delta = read_uleb(&c);
			if (c.bad || delta > c.end - c.at)
				return -1;
			c.at += delta;
			set_rule(&s->row, reg, RULE_UNKNOWN, 0);
			break;
		case CFA_REMEMBER_STATE:
			if (s->depth == UNWIND_STATE_DEPTH)
				return -1;
			s->saved[s->depth++] = s->row;
			break;
		case CFA_RESTORE_STATE:
			if (s->depth == 0)
				return -1;
			s->row = s->saved[--s->depth];
			break;
		case CFA_DEF_CFA:
			s->row.cfa_reg = read_uleb(&c);
			s->row.cfa_offset = (int64_t)read_uleb(&c);
			s->row.cfa_is_expr = 0;
			break;
		case CFA_DEF_CFA_SF:
			s->row.cfa_reg = read_uleb(&c);
			s->row.cfa_offset = read_sleb(&c) * cie->data_align;
			s->row.cfa_is_expr = 0;
			break;
		case CFA_DEF_CFA_REGISTER:
			s->row.cfa_reg = read_uleb(&c);
			s->row.cfa_is_expr = 0;
			break;
		case CFA_DEF_CFA_OFFSET:
			s->row.cfa_offset = (int64_t)read_uleb(&c);
			break;
		case CFA_DEF_CFA_OFFSET_SF:
			s->row.cfa_offset = read_sleb(&c) * cie->data_align;
			break;
		case CFA_DEF_CFA_EXPRESSION:
			delta = read_uleb(&c);
			if (c.bad || delta > c.end - c.at)
				return -1;
			s->row.cfa_is_expr = 1;
			s->row.cfa_expr = c.at;
			s->row.cfa_expr_end = c.at + delta;
			c.at += delta;
			break;
		default:
			return -1;
		}
		continue;
advance:
		loc += delta * cie->code_align;
		if (loc > pc)
			break;
	}
	return c.bad ? -1 : 0;
}

/* The few operations of the PLT's CFA expression, in sec. 0 and *value, or -1. */
static int eval_cfa_expression(const struct cfi_section *sec, const struct row *row,
			       const struct unwind_regs *regs, uint64_t *value)
{
	uint64_t stack[UNWIND_EXPR_DEPTH];
	int depth = 0;
	struct cursor c;

	if (cursor_init(&c, sec, row->cfa_expr, row->cfa_expr_end))
		return -1;
	while (c.at < c.end) {
		uint8_t op = (uint8_t)read_fixed(&c, 1);
		uint64_t operand;

		if (op >= OP_LIT0 && op <= OP_LIT31) {
			operand = op - OP_LIT0;
		} else if (op >= OP_BREG0 && op <= OP_BREG31) {
			unsigned reg = op - OP_BREG0;
			int64_t offset = read_sleb(&c);
			if (reg >= UNWIND_NREGS || !(regs->known & (1u << reg)))
				return -1;
			operand = regs->value[reg] + (uint64_t)offset;
		} else if (op == OP_CONST1U) {
			operand = read_fixed(&c, 1);
		} else {
			if (depth < 1)
				return -1;
			if (op == OP_PLUS_UCONST) {
				stack[depth - 1] += read_uleb(&c);
				continue;
			}
			if (depth < 2)
				return -1;
			uint64_t b = stack[--depth], a = stack[depth - 1];
			switch (op) {
			case OP_AND:
				a &= b;
				break;
			case OP_PLUS:
				a += b;
				break;
			case OP_SHL:
				a = b < 64 ? a << b : 0;
				break;
			case OP_GE:
				a = (int64_t)a >= (int64_t)b;
				break;
			default:
				return -1;
			}
			stack[depth - 1] = a;
			continue;
		}
		if (depth == UNWIND_EXPR_DEPTH)
			return -1;
		stack[depth++] = operand;
	}
	if (c.bad || depth != 1)
		return -1;
	*value = stack[0];
	return 0;
}

int unwind_step(const struct unwind_object *obj, struct unwind_regs *regs, int is_return,
		unwind_read_fn read, void *ctx)
{
	struct cfi_section eh_frame, debug_frame;
	struct fde fde;
	struct cfa_state s;
	struct unwind_regs caller = *regs;
	uint64_t cfa;

	if (!(regs->known & (1u << UNWIND_IP)))
		return -1;
	uint64_t pc = regs->value[UNWIND_IP] - obj->bias - (is_return ? 1 : 0);
	if (find_fde(obj, pc, &eh_frame, &debug_frame, &fde) || fde.cie.ra_reg >= UNWIND_NREGS)
		return -1;
	memset(&s, 0, sizeof(s));
	if (run_cfa_program(fde.cie.insns, fde.cie.insns_end, &fde, ~0ULL, &s))
		return -1;
	s.initial = s.row;
	s.depth = 0;
	if (run_cfa_program(fde.insns, fde.insns_end, &fde, pc, &s))
		return -1;

	if (s.row.cfa_is_expr) {
		if (eval_cfa_expression(fde.sec, &s.row, regs, &cfa))
			return -1;
	} else {
		if (s.row.cfa_reg >= UNWIND_NREGS || !(regs->known & (1u << s.row.cfa_reg)))
			return -1;
		cfa = regs->value[s.row.cfa_reg] + (uint64_t)s.row.cfa_offset;
	}
	/* x86-64: the caller's rsp is the CFA unless a rule says otherwise. */
	caller.value[UNWIND_RSP] = cfa;
	caller.known |= 1u << UNWIND_RSP;
	for (int reg = 0; reg < UNWIND_NREGS; reg++) {
		const struct rule *rule = &s.row.reg[reg];
		uint64_t value;

		switch (rule->kind) {
		case RULE_SAME:
			continue;
		case RULE_OFFSET:
			if (read(ctx, cfa + (uint64_t)rule->value, &value))
				return -1;
			break;
		case RULE_VAL_OFFSET:
			value = cfa + (uint64_t)rule->value;
			break;
		case RULE_REGISTER:
			if (rule->value >= UNWIND_NREGS || !(regs->known & (1u << rule->value))) {
				caller.known &= ~(1u << reg);
				continue;
			}
			value = regs->value[rule->value];
			break;
		default:
			caller.known &= ~(1u << reg);
			continue;
		}
		caller.value[reg] = value;
		caller.known |= 1u << reg;
	}
	if (s.row.reg[fde.cie.ra_reg].kind == RULE_UNDEFINED ||
	    !(caller.known & (1u << fde.cie.ra_reg)))
		return -1; /* the outermost frame */
	caller.value[UNWIND_IP] = caller.value[fde.cie.ra_reg];
	caller.known |= 1u << UNWIND_IP;
	*regs = caller;
	return 0;
}

static int find_eh_frame(const Elf64_Phdr *phdrs, size_t phnum, const Elf64_Phdr **load,
			 uint64_t *hdr)
{
	const Elf64_Phdr *eh = NULL;

	for (size_t i = 0; i < phnum; i++)
		if (phdrs[i].p_type == PT_GNU_EH_FRAME)
			eh = &phdrs[i];
	if (!eh)
		return -1;
	for (size_t i = 0; i < phnum; i++) {
		const Elf64_Phdr *ph = &phdrs[i];
		if (ph->p_type == PT_LOAD && eh->p_vaddr >= ph->p_vaddr &&
		    eh->p_vaddr - ph->p_vaddr < ph->p_filesz) {
			*load = ph;
			*hdr = eh->p_vaddr;
			return 0;
		}
	}
	return -1;
}

/* Section header index of img, copied out (the file need not keep it aligned): 0 or -1. */
static int read_section_header(const struct elf_image *img, const Elf64_Ehdr *eh, uint64_t index,
			       Elf64_Shdr *sh)
{
	memcpy(sh, img->buf + eh->e_shoff + index * sizeof(*sh), sizeof(*sh));
	return sh->sh_type == SHT_NOBITS || sh->sh_offset > img->len ||
			       sh->sh_size > img->len - sh->sh_offset
		       ? -1
		       : 0;
}

/* The bytes of img's .debug_frame, found by name through the section headers (gABI 4, e_shstrndx):
 * 0, or -1 when the file has no section headers, no such section, or a compressed one. */
static int find_debug_frame(const struct elf_image *img, const uint8_t **bytes, uint64_t *len)
{
	static const char name[] = ".debug_frame";
	Elf64_Ehdr eh;
	Elf64_Shdr names, sh;

	memcpy(&eh, img->buf, sizeof(eh)); /* elf_parse checked that the header is in the file */
	/* The extended numbering of gABI 4 (e_shnum 0, SHN_XINDEX) is only needed from 0xff00
	 * sections on: such files are not looked into. */
	if (eh.e_shnum == 0 || eh.e_shnum > UNWIND_MAX_SECTIONS ||
	    eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shstrndx == SHN_UNDEF ||
	    eh.e_shstrndx >= eh.e_shnum || eh.e_shoff > img->len ||
	    (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr) > img->len - eh.e_shoff ||
	    read_section_header(img, &eh, eh.e_shstrndx, &names))
		return -1;
	for (uint64_t index = 1; index < eh.e_shnum; index++) {
		if (read_section_header(img, &eh, index, &sh) || sh.sh_name >= names.sh_size ||
		    names.sh_size - sh.sh_name < sizeof(name) ||
		    memcmp(img->buf + names.sh_offset + sh.sh_name, name, sizeof(name)))
			continue;
		if (sh.sh_flags & SHF_COMPRESSED)
			return -1;
		*bytes = img->buf + sh.sh_offset;
		*len = sh.sh_size;
		return 0;
	}
	return -1;
}

int unwind_object_from_file(const struct elf_image *img, uint64_t bias, struct unwind_object *obj)
{
	const Elf64_Phdr *load;
	uint64_t hdr;

	/* elf_parse checked that the program headers are inside the file; copied out, as the
	 * file need not keep them aligned. */
	Elf64_Phdr phdrs[UNWIND_MAX_PHDRS];
	if (img->phnum > UNWIND_MAX_PHDRS)
		return -1;
	memcpy(phdrs, img->buf + img->phoff, img->phnum * sizeof(Elf64_Phdr));
	*obj = (struct unwind_object){ .bias = bias };
	if (!find_eh_frame(phdrs, img->phnum, &load, &hdr) && load->p_offset <= img->len &&
	    load->p_filesz <= img->len - load->p_offset) {
		obj->bytes = img->buf + load->p_offset;
		obj->vaddr = load->p_vaddr;
		obj->len = load->p_filesz;
		obj->eh_frame_hdr = hdr;
	}
	if (find_debug_frame(img, &obj->debug_frame, &obj->debug_frame_len))
		obj->debug_frame = NULL;
	return obj->bytes || obj->debug_frame ? 0 : -1;
}

int unwind_object_from_memory(const Elf64_Phdr *phdrs, size_t phnum, uint64_t bias,
			      struct unwind_object *obj)
{
	const Elf64_Phdr *load;
	uint64_t hdr;

	if (find_eh_frame(phdrs, phnum, &load, &hdr))
		return -1;
	*obj = (struct unwind_object){ .bytes = (const uint8_t *)(bias + load->p_vaddr),
				       .vaddr = load->p_vaddr,
				       .len = load->p_filesz,
				       .eh_frame_hdr = hdr,
				       .bias = bias };
	return 0;
}

/* The caller's registers just after it called this: ip the return
 * address, rsp above it, and the callee-saved ones; the rest unknown.
 * Naked (basic asm only, hence the literal offsets), so that nothing the
 * compiler adds moves rsp before the reads. */
_Static_assert(UNWIND_IP * 8 == 128 && UNWIND_RSP * 8 == 56 && UNWIND_RBP * 8 == 48 &&
		       UNWIND_RBX * 8 == 24 && UNWIND_R12 * 8 == 96 &&
		       offsetof(struct unwind_regs, known) == 136,
	       "regs_of_caller's offsets");
_Static_assert((1u << UNWIND_IP | 1u << UNWIND_RSP | 1u << UNWIND_RBP | 1u << UNWIND_RBX |
		1u << UNWIND_R12 | 1u << UNWIND_R13 | 1u << UNWIND_R14 | 1u << UNWIND_R15) == 0x1f0c8,
	       "regs_of_caller's known registers");
__attribute__((naked, noinline)) void unwind_regs_of_caller(struct unwind_regs *regs)
{
	(void)regs;
	__asm__("mov (%rsp), %rax\n\t"
		"mov %rax, 128(%rdi)\n\t"
		"lea 8(%rsp), %rax\n\t"
		"mov %rax, 56(%rdi)\n\t"
		"mov %rbp, 48(%rdi)\n\t"
		"mov %rbx, 24(%rdi)\n\t"
		"mov %r12, 96(%rdi)\n\t"
		"mov %r13, 104(%rdi)\n\t"
		"mov %r14, 112(%rdi)\n\t"
		"mov %r15, 120(%rdi)\n\t"
		"movl $0x1f0c8, 136(%rdi)\n\t"
		"ret");
}
