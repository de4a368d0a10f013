/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Recoverable faults for probing instructions.  While armed, a #UD on
 * vmcall/vmmcall or a #GP on rdmsr/wrmsr skips the instruction and counts
 * a hit instead of being fatal, and a #DB (single-step) is recorded and
 * stops single-stepping.  Any other fault stays fatal.
 */
#ifndef HCBENCH_PROBE_H
#define HCBENCH_PROBE_H

#define HCB_PROBE_UD	1u	/* #UD on 0f 01 c1 vmcall, 0f 01 d9 vmmcall */
#define HCB_PROBE_GP	2u	/* #GP on 0f 32 (rdmsr), 0f 30 (wrmsr) */
#define HCB_PROBE_DB	4u	/* any #DB: recorded, RFLAGS.TF cleared */

void probe_arm(unsigned int what);
void probe_disarm(unsigned int what);
unsigned long probe_ud_hits(void);
unsigned long probe_gp_hits(void);

/* #DB taken while HCB_PROBE_DB was armed: count, last RIP and DR6. */
struct probe_db_info {
	unsigned long hits;
	unsigned long rip;
	unsigned long dr6;
};

void probe_db_info(struct probe_db_info *out);

#endif /* HCBENCH_PROBE_H */
