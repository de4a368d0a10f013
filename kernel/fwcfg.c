// SPDX-License-Identifier: GPL-2.0
/* fw_cfg file lookup through the directory at selector 0x19. */
#include <stdint.h>
#include "fwcfg.h"
#include "processor.h"
#include "string.h"

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x0000
#define FW_CFG_FILE_DIR		0x0019
#define FW_CFG_NAME_LEN		56

static void fwcfg_select(uint16_t key)
{
	outw(FW_CFG_PORT_SEL, key);
}

static void fwcfg_read(void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len--)
		*p++ = inb(FW_CFG_PORT_DATA);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

int fwcfg_present(void)
{
	char sig[4];

	fwcfg_select(FW_CFG_SIGNATURE);
	fwcfg_read(sig, sizeof(sig));
	return !memcmp(sig, "QEMU", 4);
}

/* Finds name in the directory: its selector and size, or -1. */
static int fwcfg_find(const char *name, uint16_t *key, uint32_t *size)
{
	uint8_t hdr[4], ent[8];
	char fname[FW_CFG_NAME_LEN];
	uint32_t n, i;

	fwcfg_select(FW_CFG_FILE_DIR);
	fwcfg_read(hdr, sizeof(hdr));
	n = be32(hdr);
	for (i = 0; i < n; i++) {
		fwcfg_read(ent, sizeof(ent));	/* size, select, reserved */
		fwcfg_read(fname, sizeof(fname));
		fname[FW_CFG_NAME_LEN - 1] = 0;
		if (!strcmp(fname, name)) {
			*size = be32(ent);
			*key = (uint16_t)(ent[4] << 8 | ent[5]);
			return 0;
		}
	}
	return -1;
}

int fwcfg_read_file(const char *name, char *buf, size_t cap, size_t *len)
{
	uint16_t key;
	uint32_t size;

	if (!fwcfg_present() || fwcfg_find(name, &key, &size))
		return -1;
	*len = size;
	if (size + 1 > cap)
		return -2;
	fwcfg_select(key);
	fwcfg_read(buf, size);
	buf[size] = 0;
	return 0;
}
