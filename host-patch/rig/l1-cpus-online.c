// SPDX-License-Identifier: GPL-2.0
/*
 * l1-cpus-online: brings every present, offline CPU of the nested rig's L1
 * online, one at a time, while a child process pinned to this CPU executes
 * PAUSE.  Run by host-patch/rig/l1-job when L0 gave L1 more than one CPU.
 *
 * Why the child: L0 is QEMU 7.2's single-threaded (round-robin) TCG under
 * -icount.  Each round gives the first vCPU the whole instruction budget
 * up to the next timer deadline; the next vCPU runs only on what is left
 * when the first one stops early (HLT, PAUSE, an exit request).  Linux
 * 6.1's do_boot_cpu() waits for the new CPU's "callin" in a loop of
 * schedule() calls without PAUSE, so the new CPU is never run and L1 hung
 * at "x86: Booting SMP configuration".  L1 therefore boots with maxcpus=1
 * (run-nested) and the other CPUs come up here: while the waiting loop
 * schedules, CFS runs the child, whose every PAUSE hands L0's budget to
 * the CPU being started.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CPUS 1024

static const char *prog = "l1-cpus-online";

static void usage(FILE *f)
{
	fprintf(f,
"usage: %s [--sysfs DIR] [--timeout S]\n"
"Brings every present, offline CPU online (writes 1 to DIR/cpuN/online),\n"
"one at a time, while a child pinned to this CPU executes PAUSE: under\n"
"QEMU 7.2's round-robin TCG with -icount that is what lets the CPU being\n"
"started run (see the source's header).  Prints one line per CPU.\n"
"  --sysfs DIR   the CPU directory (default /sys/devices/system/cpu;\n"
"                tests point it at a fake one)\n"
"  --timeout S   the child stops after S seconds (1..3600, default 60)\n"
"                even if the write has not returned\n"
"  -h, --help    this text\n"
"Exit status: 0 every present CPU is online; 1 one could not be brought\n"
"online or DIR is unreadable (the reason is printed); 2 bad usage.\n",
		prog);
}

/* read_line PATH BUF SIZE: the file's first line, without its newline */
static int read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	if (!fgets(buf, (int)size, f)) {
		fclose(f);
		errno = EIO;
		return -1;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

/* parse_list LIST MASK: a kernel CPU list ("0-3,5") into MASK[] */
static int parse_list(const char *list, unsigned char *mask)
{
	const char *p = list;
	char *end;
	long a, b;

	if (!*p)
		return -1;
	for (;;) {
		a = strtol(p, &end, 10);
		if (end == p || a < 0 || a >= MAX_CPUS)
			return -1;
		b = a;
		if (*end == '-') {
			p = end + 1;
			b = strtol(p, &end, 10);
			if (end == p || b < a || b >= MAX_CPUS)
				return -1;
		}
		while (a <= b)
			mask[a++] = 1;
		if (!*end)
			return 0;
		if (*end != ',')
			return -1;
		p = end + 1;
	}
}

static void cpu_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ volatile("pause" ::: "memory");
#else
	sched_yield();
#endif
}

/* The child: PAUSE until killed or @timeout seconds have passed. */
static void spin(int timeout)
{
	struct timespec t0, t;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		for (i = 0; i < 1000; i++)
			cpu_pause();
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < timeout);
	_exit(0);
}

/* Pin this process to the CPU it runs on (the child inherits it). */
static int pin_here(void)
{
	int cpu = sched_getcpu();
	cpu_set_t set;

	if (cpu < 0)
		return -1;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static int write_one(const char *path)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, "1\n", 2);
	if (close(fd) < 0 || n != 2) {
		if (n >= 0 && n != 2)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* online CPU: write 1 to its online file, the PAUSE child running. */
static int online(const char *dir, int cpu, int timeout)
{
	char path[4096], now[16];
	pid_t child;
	int ret, err;

	snprintf(path, sizeof(path), "%s/cpu%d/online", dir, cpu);
	if (pin_here() < 0)
		fprintf(stderr, "%s: warning: cannot pin to this CPU: %s\n",
			prog, strerror(errno));
	child = fork();
	if (child < 0) {
		fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
		return -1;
	}
	if (child == 0)
		spin(timeout);
	ret = write_one(path);
	err = errno;
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	if (ret < 0) {
		fprintf(stderr, "%s: writing 1 to %s: %s\n", prog, path,
			strerror(err));
		return -1;
	}
	if (read_line(path, now, sizeof(now)) < 0 || strcmp(now, "1")) {
		fprintf(stderr, "%s: cpu%d is not online after the write\n",
			prog, cpu);
		return -1;
	}
	printf("%s: cpu%d online\n", prog, cpu);
	fflush(stdout);
	return 0;
}

static int parse_args(int argc, char **argv, const char **dir, int *timeout)
{
	char *end;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			exit(0);
		}
		if (i + 1 < argc && !strcmp(argv[i], "--sysfs")) {
			*dir = argv[++i];
		} else if (i + 1 < argc && !strcmp(argv[i], "--timeout")) {
			*timeout = (int)strtol(argv[++i], &end, 10);
			if (*end || *timeout < 1 || *timeout > 3600) {
				fprintf(stderr, "%s: --timeout wants 1..3600 seconds, not '%s'\n",
					prog, argv[i]);
				return -1;
			}
		} else {
			fprintf(stderr, "%s: unknown or incomplete option '%s' (try --help)\n",
				prog, argv[i]);
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static unsigned char present[MAX_CPUS];
	const char *dir = "/sys/devices/system/cpu";
	char path[4096], line[4096];
	int timeout = 60, cpu, failed = 0;

	if (parse_args(argc, argv, &dir, &timeout) < 0)
		return 2;
	snprintf(path, sizeof(path), "%s/present", dir);
	if (read_line(path, line, sizeof(line)) < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		return 1;
	}
	if (parse_list(line, present) < 0) {
		fprintf(stderr, "%s: %s: '%s' is not a CPU list\n", prog, path,
			line);
		return 1;
	}
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (!present[cpu])
			continue;
		snprintf(path, sizeof(path), "%s/cpu%d/online", dir, cpu);
		/* no online file: a CPU that cannot go offline (the boot CPU) */
		if (read_line(path, line, sizeof(line)) < 0) {
			if (errno == ENOENT)
				continue;
			fprintf(stderr, "%s: %s: %s\n", prog, path,
				strerror(errno));
			failed = 1;
			continue;
		}
		if (!strcmp(line, "1"))
			continue;
		if (online(dir, cpu, timeout) < 0)
			failed = 1;
	}
	return failed;
}
