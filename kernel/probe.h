/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Recoverable faults for probing instructions.  While armed, a #UD on
 * vmcall/vmmcall or a #GP on rdmsr/wrmsr skips the instruction and counts
 * a hit instead of being fatal.  Any other fault stays fatal.
 */
#ifndef HCBENCH_PROBE_H
#define HCBENCH_PROBE_H

#define HCB_PROBE_UD	1u	/* #UD on 0f 01 c1 vmcall, 0f 01 d9 vmmcall */
#define HCB_PROBE_GP	2u	/* #GP on 0f 32 (rdmsr), 0f 30 (wrmsr) */

void probe_arm(unsigned int what);
void probe_disarm(unsigned int what);
unsigned long probe_ud_hits(void);
unsigned long probe_gp_hits(void);

#endif /* HCBENCH_PROBE_H */
