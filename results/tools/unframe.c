// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-unframe FRAME_FILE OUT.json: check the guest's framed JSON report
 * (include/hcbench/protocol.h) and write its body to OUT.json.  (With
 * --make JSON FRAME_FILE it frames a file as the guest does, for tests.)
 * The file
 * is the report channel's capture, or a serial log holding the frame.
 * OUT.json is written only when the length and the FNV-1a 64 in the end
 * line match the bytes between the lines: a cut or changed report is
 * never stored.  Exit 0 stored, 1 rejected, 2 bad usage or I/O error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "hcbench/protocol.h"

#define MAX_FRAME_FILE (256u << 20)	/* the rig's limit for L1 files */

static const char *prog = "hcb-unframe";

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s FRAME_FILE OUT.json\n"
		"  Checks the guest's framed JSON report in FRAME_FILE (the\n"
		"  report channel's file, or a serial log with the frame in it)\n"
		"  and writes the JSON to OUT.json only if its length and\n"
		"  FNV-1a 64 match the frame's end line.\n"
		"  --make JSON FRAME_FILE  frame JSON as the guest does (tests)\n"
		"  -h, --help  this text\n"
		"exit status: 0 stored, 1 report missing, truncated or corrupted\n"
		"(nothing written), 2 bad usage or I/O error\n", prog);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    (unsigned long)n > MAX_FRAME_FILE || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "%s: %s: unreadable or larger than %u MiB\n",
			prog, path, MAX_FRAME_FILE >> 20);
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "%s: %s: read failed\n", prog, path);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* First occurrence of the begin line at a line start. */
static const char *find_begin(const char *buf, size_t len)
{
	static const char line[] = HCB_FRAME_BEGIN "\n";
	const char *p = buf, *end = buf + len;

	while ((size_t)(end - p) >= sizeof(line) - 1) {
		if (!memcmp(p, line, sizeof(line) - 1))
			return p + sizeof(line) - 1;
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return NULL;
		p++;
	}
	return NULL;
}

/* Last occurrence of the end marker at or after from. */
static const char *find_end(const char *from, const char *end)
{
	static const char mark[] = HCB_FRAME_END " bytes=";
	const char *p, *last = NULL;

	for (p = from; (size_t)(end - p) >= sizeof(mark) - 1; p++) {
		p = memchr(p, mark[0], (size_t)(end - p));
		if (!p || (size_t)(end - p) < sizeof(mark) - 1)
			break;
		if (!memcmp(p, mark, sizeof(mark) - 1))
			last = p;
	}
	return last;
}

/* " bytes=N fnv1a64=H" then a line end: 0 and the values, or -1. */
static int parse_end(const char *p, const char *end, uint64_t *n,
		     uint64_t *h)
{
	char tail[128], nl[3];
	size_t k = (size_t)(end - p) < sizeof(tail) - 1 ?
		   (size_t)(end - p) : sizeof(tail) - 1;
	char hex[17];
	int used = 0;

	memcpy(tail, p, k);
	tail[k] = '\0';
	if (sscanf(tail, " bytes=%" SCNu64 " fnv1a64=%16[0-9a-f]%n", n, hex,
		   &used) != 2 || strlen(hex) != 16 || strncmp(tail, " bytes=", 7))
		return -1;
	if (sscanf(tail + used, "%2[\r\n]", nl) != 1 || nl[strlen(nl) - 1] != '\n')
		return -1;
	*h = strtoull(hex, NULL, 16);
	return 0;
}

static int write_out(const char *path, const char *body, size_t len)
{
	char tmp[4096];
	FILE *f;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -1;
	f = fopen(tmp, "wb");
	if (!f)
		return -1;
	if (fwrite(body, 1, len, f) != len || fclose(f)) {
		remove(tmp);
		return -1;
	}
	if (rename(tmp, path)) {
		remove(tmp);
		return -1;
	}
	return 0;
}

static int unframe(const char *in, const char *out)
{
	static const char mark[] = HCB_FRAME_END;
	const char *body, *end_line;
	uint64_t want_len, want_hash, hash;
	size_t len, got;
	char *buf = slurp(in, &len);

	if (!buf)
		return 2;
	body = find_begin(buf, len);
	if (!body) {
		fprintf(stderr, "%s: %s: no report frame (no line \"%s\")\n",
			prog, in, HCB_FRAME_BEGIN);
		goto rejected;
	}
	end_line = find_end(body, buf + len);
	if (!end_line) {
		fprintf(stderr, "%s: %s: report TRUNCATED: %zu bytes after the begin line and no end line; not stored\n",
			prog, in, (size_t)(buf + len - body));
		goto rejected;
	}
	if (parse_end(end_line + sizeof(mark) - 1, buf + len, &want_len,
		      &want_hash)) {
		fprintf(stderr, "%s: %s: report end line is damaged; not stored\n",
			prog, in);
		goto rejected;
	}
	got = (size_t)(end_line - body);
	if (got != want_len) {
		fprintf(stderr, "%s: %s: report %s: the end line says %" PRIu64 " bytes, %zu arrived; not stored\n",
			prog, in, got < want_len ? "TRUNCATED" : "CORRUPTED",
			want_len, got);
		goto rejected;
	}
	hash = hcb_fnv1a64(HCB_FNV1A64_OFFSET, body, got);
	if (hash != want_hash) {
		fprintf(stderr, "%s: %s: report CORRUPTED: FNV-1a 64 of the %zu bytes is %016" PRIx64 ", the end line says %016" PRIx64 "; not stored\n",
			prog, in, got, hash, want_hash);
		goto rejected;
	}
	if (write_out(out, body, got)) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", prog, out,
			strerror(errno));
		free(buf);
		return 2;
	}
	free(buf);
	return 0;
rejected:
	free(buf);
	return 1;
}

static void file_put(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, ctx);
}

/* The guest's framing (bench/frame.c) of file in, written to out. */
static int make_frame(const char *in, const char *out)
{
	static struct hcb_frame frame;
	size_t len;
	char *buf = slurp(in, &len);
	FILE *f;

	if (!buf)
		return 2;
	f = fopen(out, "wb");
	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, out, strerror(errno));
		free(buf);
		return 2;
	}
	hcb_frame_begin(&frame, file_put, f);
	hcb_frame_put(&frame, buf, len);
	hcb_frame_end(&frame);
	free(buf);
	if (fclose(f)) {
		fprintf(stderr, "%s: %s: write failed\n", prog, out);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "--make"))
		return make_frame(argv[2], argv[3]);
	if (argc == 2 && (!strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-') {
		usage(stderr);
		return 2;
	}
	return unframe(argv[1], argv[2]);
}
