; SPDX-License-Identifier: GPL-2.0
; hcb_switch_stack(fn, arg, stack_top): call fn(arg) on a new stack.

bits 64
default rel

global hcb_switch_stack

section .text

hcb_switch_stack:
	mov rsp, rdx
	xor ebp, ebp
	mov rax, rdi
	mov rdi, rsi
	call rax
	ud2			; fn must not return

section .note.GNU-stack noalloc noexec nowrite progbits
