# Shared rules for apps/NN.name/Makefile: build into $(OUT)/rootfs with
# uni-cc and pack $(OUT)/root.cpio. The app's Makefile lists ROOTFS_FILES
# (paths under $(OUT)/rootfs) and the rules that make them.
TOP ?= $(abspath ../..)
OUT := $(TOP)/build/apps/$(notdir $(CURDIR))
ROOT := $(OUT)/rootfs
UNI_CC := $(TOP)/build/bin/uni-cc
APP_CFLAGS := -O2 -g -Wall -Wextra -Werror

all: $(OUT)/root.cpio

$(OUT)/root.cpio: $(ROOTFS_FILES)
	$(TOP)/tools/pack-rootfs $(ROOT) $@

$(ROOT)/app/%: %.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(APP_CFLAGS) -o $@ $< $(LDLIBS)

$(ROOT)/usr/lib/lib%.so: %.c $(UNI_CC)
	@mkdir -p $(@D)
	$(UNI_CC) $(APP_CFLAGS) -shared -o $@ $< $(LDLIBS)

.PHONY: all
