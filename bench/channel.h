/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sends the JSON report, framed (bench/frame.h), on the report channel
 * of include/hcbench/protocol.h: in guest memory when the host reads it
 * there (memory mode), else through the debugcon, else on the serial
 * console.
 */
#ifndef HCBENCH_CHANNEL_H
#define HCBENCH_CHANNEL_H

#include "result.h"

void hcb_channel_send(const struct hcb_report *r);

#endif /* HCBENCH_CHANNEL_H */
