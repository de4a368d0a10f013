// SPDX-License-Identifier: GPL-2.0
/*
 * kvm-probe: does /dev/kvm run a guest, hypercall included?
 *
 * Runs a few bytes of real-mode code in a fresh VM: an unassigned hypercall
 * (vmcall on Intel, vmmcall on AMD, chosen by the host's CPUID vendor), then
 * an OUT of the low byte of its return value.  A working KVM answers
 * -KVM_ENOSYS and exits with KVM_EXIT_IO carrying that byte.  An emulator
 * posing as KVM, or a KVM that cannot run guests, fails or times out.
 *
 * Exit status: 0 usable, 1 not usable (reason on stderr), 2 usage.
 */
#include <cpuid.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <linux/kvm_para.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define PROBE_PORT	0x10
#define PROBE_NR	127	/* no kernel assigns it */
#define GUEST_MEM	0x1000

static int fail(const char *what)
{
	fprintf(stderr, "kvm-probe: %s: %s\n", what,
		errno ? strerror(errno) : "unexpected result");
	return 1;
}

static int host_is_intel(void)
{
	unsigned int a, b, c, d;

	__cpuid(0, a, b, c, d);
	return b == 0x756e6547;	/* "Genu" */
}

/* mov eax, PROBE_NR; vm(m)call; out PROBE_PORT, al; hlt */
static size_t write_code(uint8_t *p)
{
	static const uint8_t head[] = { 0x66, 0xb8, PROBE_NR, 0, 0, 0 };
	static const uint8_t tail[] = { 0xe6, PROBE_PORT, 0xf4 };
	size_t n = 0;

	memcpy(p, head, sizeof(head));
	n += sizeof(head);
	p[n++] = 0x0f;
	p[n++] = 0x01;
	p[n++] = host_is_intel() ? 0xc1 : 0xd9;
	memcpy(p + n, tail, sizeof(tail));
	return n + sizeof(tail);
}

static int setup_vcpu(int vm, uint8_t *mem, int *vcpu_fd,
		      struct kvm_run **run, size_t *run_size, int kvm)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0, .guest_phys_addr = 0, .memory_size = GUEST_MEM,
		.userspace_addr = (uintptr_t)mem,
	};
	struct kvm_sregs sregs;
	struct kvm_regs regs = { .rip = 0, .rflags = 2 };
	int size;

	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		return fail("KVM_SET_USER_MEMORY_REGION");
	*vcpu_fd = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (*vcpu_fd < 0)
		return fail("KVM_CREATE_VCPU");
	size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (size <= 0)
		return fail("KVM_GET_VCPU_MMAP_SIZE");
	*run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
		    *vcpu_fd, 0);
	if (*run == MAP_FAILED)
		return fail("mmap kvm_run");
	*run_size = (size_t)size;
	if (ioctl(*vcpu_fd, KVM_GET_SREGS, &sregs) < 0)
		return fail("KVM_GET_SREGS");
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(*vcpu_fd, KVM_SET_SREGS, &sregs) < 0)
		return fail("KVM_SET_SREGS");
	if (ioctl(*vcpu_fd, KVM_SET_REGS, &regs) < 0)
		return fail("KVM_SET_REGS");
	return 0;
}

/*
 * The I/O data KVM points at must lie inside the @run_size bytes mapped:
 * a kernel (or a fake /dev/kvm) giving another offset is refused, not
 * followed.
 */
static int io_data_ok(const struct kvm_run *run, size_t run_size)
{
	uint64_t off = run->io.data_offset;
	uint64_t len = (uint64_t)run->io.size * run->io.count;

	if (run->io.size != 1 && run->io.size != 2 && run->io.size != 4)
		return 0;
	if (!run->io.count || off < sizeof(*run) || off > run_size)
		return 0;
	return len <= run_size - off;
}

static int check_exit(const struct kvm_run *run, size_t run_size)
{
	const uint8_t *data;
	uint8_t want = (uint8_t)-KVM_ENOSYS;

	if (run->exit_reason != KVM_EXIT_IO || run->io.port != PROBE_PORT) {
		fprintf(stderr, "kvm-probe: guest exit %u, wanted KVM_EXIT_IO\n",
			run->exit_reason);
		return 1;
	}
	if (!io_data_ok(run, run_size)) {
		fprintf(stderr, "kvm-probe: I/O exit data (offset %llu, %u x %u bytes) outside the %zu-byte kvm_run\n",
			(unsigned long long)run->io.data_offset,
			run->io.count, run->io.size, run_size);
		return 1;
	}
	data = (const uint8_t *)run + run->io.data_offset;
	if (*data != want) {
		fprintf(stderr, "kvm-probe: hypercall returned low byte %#x, wanted %#x\n",
			*data, want);
		return 1;
	}
	return 0;
}

static void on_alarm(int sig)
{
	(void)sig;
}

#ifdef KVM_PROBE_SELFTEST
/* make test-lint: check_exit on crafted exits, no /dev/kvm needed. */
static int selftest(void)
{
	static union {
		struct kvm_run run;
		uint8_t page[4096];
	} u;
	struct { uint64_t off; uint32_t size, count; int want; } c[] = {
		{ 3072, 1, 1, 0 }, { 4095, 1, 1, 0 }, { 4096, 1, 1, 1 },
		{ 1ull << 40, 1, 1, 1 }, { 4094, 4, 1, 1 }, { 3072, 1, 0, 1 },
		{ 3072, 8, 1, 1 }, { 8, 1, 1, 1 }, { 3072, 4, 0x80000000u, 1 },
	};
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		u.run.exit_reason = KVM_EXIT_IO;
		u.run.io.port = PROBE_PORT;
		u.run.io.data_offset = c[i].off;
		u.run.io.size = c[i].size;
		u.run.io.count = c[i].count;
		if (c[i].off >= sizeof(u.run) && c[i].off < sizeof(u))
			u.page[c[i].off] = (uint8_t)-KVM_ENOSYS;
		if (check_exit(&u.run, sizeof(u)) != c[i].want) {
			fprintf(stderr, "kvm-probe selftest: case %zu wrong\n",
				i);
			bad = 1;
		}
	}
	puts(bad ? "kvm-probe selftest: FAILED" : "kvm-probe selftest: ok");
	return bad;
}
#endif

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct kvm_run *run = NULL;
	size_t run_size = 0;
	uint8_t *mem;
	int kvm, vm, vcpu = -1;

#ifdef KVM_PROBE_SELFTEST
	return selftest();
#endif
	if (argc > 1 && (!strcmp(argv[1], "-h") ||
			 !strcmp(argv[1], "--help"))) {
		printf("usage: %s (no options but -h, --help)\n"
		       "Runs an unassigned hypercall (vmcall on Intel, vmmcall on\n"
		       "AMD) in a fresh VM on /dev/kvm and checks that KVM answers\n"
		       "-KVM_ENOSYS: does this host's KVM run a guest?\n"
		       "Exit status: 0 usable, 1 not usable (reason on stderr),\n"
		       "2 usage.\n", argv[0]);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "usage: %s (no arguments; --help)\n", argv[0]);
		return 2;
	}
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: KVM_RUN -> EINTR */
	alarm(5);
	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		return fail("open /dev/kvm");
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		return fail("KVM_GET_API_VERSION");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		return fail("KVM_CREATE_VM");
	mem = mmap(NULL, GUEST_MEM, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return fail("mmap guest memory");
	write_code(mem);
	if (setup_vcpu(vm, mem, &vcpu, &run, &run_size, kvm))
		return 1;
	if (ioctl(vcpu, KVM_RUN, 0) < 0)
		return fail("KVM_RUN");
	if (check_exit(run, run_size))
		return 1;
	printf("kvm-probe: KVM runs guests and answers hypercalls\n");
	return 0;
}
