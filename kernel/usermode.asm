; SPDX-License-Identifier: GPL-2.0
; hcb_user_call(fn, arg, user_stack_top): iretq to CPL 3, call fn(arg)
; there, then come back through the DPL-3 gate HCB_VEC_USER_RET, whose
; handler (hcb_user_return) restores the kernel stack and callee-saved
; registers and returns to hcb_user_call's caller.

bits 64
default rel

%define KERNEL_DS	0x10
%define USER_DS		0x18
%define USER_CS		0x20
%define VEC_USER_RET	0x81
%define RFLAGS_FIXED	0x2		; IF = 0, IOPL = 0

global hcb_user_call
global hcb_user_return

section .bss
align 8
saved_rsp:	resq 1

section .text

hcb_user_call:
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
	mov [saved_rsp], rsp
	push USER_DS | 3
	push rdx
	push RFLAGS_FIXED
	push USER_CS | 3
	lea rax, [user_entry]
	push rax
	iretq

user_entry:			; CPL 3, rdi = fn, rsi = arg
	mov rax, rdi
	mov rdi, rsi
	call rax
	int VEC_USER_RET
	ud2			; not reached

hcb_user_return:		; CPL 0 on the TSS rsp0 stack
	mov rsp, [saved_rsp]
	mov ax, KERNEL_DS
	mov ss, ax
	mov ds, ax
	mov es, ax
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
