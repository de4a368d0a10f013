// SPDX-License-Identifier: GPL-2.0
/*
 * mkdisk: a hard disk image that boots a Linux bzImage under Bochs.
 *
 * Bochs 2.7 has no direct kernel boot, and its optramimage loader is no
 * way round that: it read()s a whole file into the host memory of the
 * image's first 128 KiB block while the guest's blocks are allocated in
 * the order they are first touched, so anything larger than one block
 * lands scattered.  So the image carries its own loader: sector 0 is
 * hdboot.asm, which reads the parts below through the BIOS (int 13h
 * extended reads, int 15h block moves) and enters the kernel by the
 * 32-bit boot protocol (Documentation/arch/x86/boot.rst).  This tool
 * writes the boot_params ("zero page": the kernel's setup header, an E820
 * map, the command line, the initrd), the protected-mode kernel and the
 * initrd after it, and fills the loader's table at LOADER_TABLE in
 * sector 0.  The image is padded to whole cylinders of 16 heads x 63
 * sectors (l0-bochs derives the geometry from the size).
 *
 * Exit status: 0 written, 1 bad input (the message names the file),
 * 2 usage.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTOR		512u
#define CYLINDER	(16u * 63u * SECTOR)
#define LOADER_TABLE	0x1b0u		/* hdboot.asm's "table" */
#define LOADER_ENTRIES	3u		/* zero page, kernel, initrd */
#define ZERO_PAGE_ADDR	0x20000u	/* hdboot.asm passes it in ESI */
#define ZERO_PAGE_SIZE	8192u		/* boot_params, then the cmdline */
#define KERNEL_ADDR	0x100000u	/* the 32-bit entry, code32_start */
#define INITRD_ADDR	0x6000000u	/* above 16 MiB + init_size */
#define MAX_FILE	(256u << 20)

/* boot_params offsets (arch/x86/include/uapi/asm/bootparam.h) */
#define BP_E820_ENTRIES	0x1e8
#define BP_SETUP_SECTS	0x1f1
#define BP_VID_MODE	0x1fa
#define BP_JUMP		0x200
#define BP_HEADER	0x202
#define BP_VERSION	0x206
#define BP_LOADER_TYPE	0x210
#define BP_LOADFLAGS	0x211
#define BP_CODE32_START	0x214
#define BP_RAMDISK	0x218
#define BP_RAMDISK_SIZE	0x21c
#define BP_CMD_LINE	0x228
#define BP_INITRD_MAX	0x22c
#define BP_INIT_SIZE	0x260
#define BP_E820_TABLE	0x2d0
#define LOADED_HIGH	0x01

struct blob {
	uint8_t *data;
	size_t len;
};

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void put_e820(uint8_t *zp, unsigned int i, uint64_t addr,
		     uint64_t size, uint32_t type)
{
	uint8_t *e = zp + BP_E820_TABLE + 20 * i;

	memcpy(e, &addr, 8);
	memcpy(e + 8, &size, 8);
	memcpy(e + 16, &type, 4);
}

static int read_file(const char *path, struct blob *b)
{
	FILE *f = fopen(path, "rb");
	struct stat st;

	if (!f || fstat(fileno(f), &st)) {
		fprintf(stderr, "mkdisk: %s: %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	b->len = st.st_size > 0 && st.st_size <= MAX_FILE ? st.st_size : 0;
	b->data = b->len ? malloc(b->len) : NULL;
	if (!b->data || fread(b->data, 1, b->len, f) != b->len) {
		fprintf(stderr,
			"mkdisk: %s: empty, unreadable or over %u MiB\n",
			path, MAX_FILE >> 20);
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

/* The zero page for kernel K; returns the offset of its 32-bit part. */
static long make_zero_page(uint8_t *zp, const struct blob *k,
			   const char *kpath, const char *cmdline,
			   uint32_t megs, uint32_t initrd_len)
{
	unsigned int setup = k->data[BP_SETUP_SECTS] ?: 4;
	size_t hdr_end = BP_HEADER + k->data[BP_JUMP + 1];
	size_t pm = (setup + 1) * SECTOR;
	uint64_t ram = (uint64_t)megs << 20;

	if (k->len < pm + SECTOR || memcmp(k->data + BP_HEADER, "HdrS", 4) ||
	    (k->data[BP_VERSION] | k->data[BP_VERSION + 1] << 8) < 0x20c ||
	    hdr_end > 0x290) {
		fprintf(stderr,
			"mkdisk: %s: not a bzImage of boot protocol >= 2.12\n",
			kpath);
		return -1;
	}
	uint64_t top = (16u << 20) + (uint64_t)get32(k->data + BP_INIT_SIZE);

	if (top > INITRD_ADDR ||
	    INITRD_ADDR + (uint64_t)initrd_len > ram ||
	    INITRD_ADDR + (uint64_t)initrd_len >
	    get32(k->data + BP_INITRD_MAX)) {
		fprintf(stderr,
			"mkdisk: %s: kernel or initrd does not fit %u MiB\n",
			kpath, megs);
		return -1;
	}
	if (strlen(cmdline) >= ZERO_PAGE_SIZE - 4096) {
		fprintf(stderr, "mkdisk: the command line is too long\n");
		return -1;
	}
	memcpy(zp + BP_SETUP_SECTS, k->data + BP_SETUP_SECTS,
	       hdr_end - BP_SETUP_SECTS);
	zp[BP_VID_MODE] = 0xff;
	zp[BP_VID_MODE + 1] = 0xff;
	zp[BP_LOADER_TYPE] = 0xff;
	zp[BP_LOADFLAGS] |= LOADED_HIGH;
	put32(zp + BP_CODE32_START, KERNEL_ADDR);
	put32(zp + BP_RAMDISK, INITRD_ADDR);
	put32(zp + BP_RAMDISK_SIZE, initrd_len);
	put32(zp + BP_CMD_LINE, ZERO_PAGE_ADDR + 4096);
	strcpy((char *)zp + 4096, cmdline);
	zp[BP_E820_ENTRIES] = 3;
	put_e820(zp, 0, 0, 0x9f000, 1);
	put_e820(zp, 1, 0xf0000, 0x10000, 2);
	put_e820(zp, 2, KERNEL_ADDR, ram - KERNEL_ADDR, 1);
	return (long)pm;
}

/* Appends LEN bytes padded to whole sectors; fills the loader's entry. */
static int put_part(FILE *out, uint8_t *boot, unsigned int i, uint32_t *lba,
		    const uint8_t *data, size_t len, uint32_t dest)
{
	static const uint8_t zero[SECTOR];
	uint32_t sectors = (uint32_t)((len + SECTOR - 1) / SECTOR);
	uint8_t *e = boot + LOADER_TABLE + 12 * i;

	put32(e, *lba);
	put32(e + 4, sectors);
	put32(e + 8, dest);
	*lba += sectors;
	if (fwrite(data, 1, len, out) != len ||
	    fwrite(zero, 1, sectors * SECTOR - len, out) !=
	    sectors * SECTOR - len)
		return -1;
	return 0;
}

/* whole cylinders: Bochs' flat disks need a geometry */
static off_t disk_size(uint32_t sectors)
{
	return (off_t)((sectors * SECTOR + CYLINDER - 1) / CYLINDER * CYLINDER);
}

static int usage(FILE *f, int status)
{
	fprintf(f,
		"usage: mkdisk LOADER BZIMAGE INITRD MEGS CMDLINE OUT\n"
		"Writes OUT, a hard disk image whose sector 0 is LOADER\n"
		"(hdboot.asm assembled) and which boots BZIMAGE with INITRD\n"
		"and CMDLINE in a machine of MEGS MiB under Bochs.\n"
		"  -h, --help   this text\n"
		"Exit status: 0 written, 1 bad input, 2 usage.\n");
	return status;
}

int main(int argc, char **argv)
{
	static uint8_t zp[ZERO_PAGE_SIZE];
	struct blob loader, kernel, initrd;
	uint32_t lba = 1;
	char *end;
	unsigned long megs;
	long pm;
	FILE *out;

	if (argc == 2 &&
	    (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return usage(stdout, 0);
	if (argc != 7)
		return usage(stderr, 2);
	megs = strtoul(argv[4], &end, 10);
	if (*end || megs < 128 || megs > 3072) {
		fprintf(stderr, "mkdisk: MEGS '%s': 128..3072\n", argv[4]);
		return 2;
	}
	if (read_file(argv[1], &loader) || read_file(argv[2], &kernel) ||
	    read_file(argv[3], &initrd))
		return 1;
	if (loader.len != SECTOR || loader.data[510] != 0x55 ||
	    loader.data[511] != 0xaa) {
		fprintf(stderr, "mkdisk: %s: not a 512-byte boot sector\n",
			argv[1]);
		return 1;
	}
	pm = make_zero_page(zp, &kernel, argv[2], argv[5], (uint32_t)megs,
			    (uint32_t)initrd.len);
	if (pm < 0)
		return 1;
	memset(loader.data + LOADER_TABLE, 0, 12 * (LOADER_ENTRIES + 1));
	out = fopen(argv[6], "wb");
	if (!out || fseek(out, SECTOR, SEEK_SET) ||
	    put_part(out, loader.data, 0, &lba, zp, sizeof(zp),
		     ZERO_PAGE_ADDR) ||
	    put_part(out, loader.data, 1, &lba, kernel.data + pm,
		     kernel.len - (size_t)pm, KERNEL_ADDR) ||
	    put_part(out, loader.data, 2, &lba, initrd.data, initrd.len,
		     INITRD_ADDR) ||
	    fseek(out, 0, SEEK_SET) ||
	    fwrite(loader.data, 1, SECTOR, out) != SECTOR ||
	    fflush(out) || ftruncate(fileno(out), disk_size(lba)) ||
	    fclose(out)) {
		fprintf(stderr, "mkdisk: %s: %s\n", argv[6], strerror(errno));
		return 1;
	}
	return 0;
}
