; SPDX-License-Identifier: GPL-2.0
; hcb_compat_hypercall(regs, amd): loads RAX, RBX, RCX, RDX and RSI from
; regs (struct hcb_compat_regs), far-jumps to the compatibility-mode code
; segment KERNEL_CS32, runs vmmcall there (amd != 0, else vmcall), jumps
; back to 64-bit mode and stores RAX into regs->rax.  Interrupts are off
; throughout; compatibility mode uses no stack.  The far jumps take 32-bit
; offsets, so this code and the far pointers must lie below 4 GiB: check
; hcb_compat_usable() (kernel/compat.h) first.

bits 64
default rel

%define KERNEL_CS	0x08
%define KERNEL_CS32	0x38

global hcb_compat_hypercall
global hcb_compat_text_end
global hcb_compat_data_end

section .data
align 8
saved_rsp:	dq 0
regs_ptr:	dq 0
to32:		dd 0		; m16:32 far pointers
		dw 0
to64:		dd 0
		dw 0
hcb_compat_data_end:

; In hc_test_compat's timed window: on a page of its own, like the row
; functions (HCB_TIMED, kernel/processor.h).
section .text align=4096

align 4096
hcb_compat_hypercall:
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
	pushfq
	cli
	mov [saved_rsp], rsp
	mov [regs_ptr], rdi
	lea rax, [compat_vmcall]
	lea rcx, [compat_vmmcall]
	test esi, esi
	cmovnz rax, rcx
	mov [to32], eax
	mov word [to32 + 4], KERNEL_CS32
	lea rax, [back64]
	mov [to64], eax
	mov word [to64 + 4], KERNEL_CS
	lea rbp, [to64]		; compatibility mode addresses it as ebp
	mov rax, [rdi]
	mov rbx, [rdi + 8]
	mov rcx, [rdi + 16]
	mov rdx, [rdi + 24]
	mov rsi, [rdi + 32]
	jmp far dword [to32]

bits 32
compat_vmmcall:
	vmmcall
	jmp far dword [ebp]
compat_vmcall:
	vmcall
	jmp far dword [ebp]

bits 64
back64:
	mov rsp, [saved_rsp]	; upper halves are undefined after 32-bit code
	mov rdi, [regs_ptr]
	mov [rdi], rax
	popfq
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	ret
hcb_compat_text_end:

section .note.GNU-stack noalloc noexec nowrite progbits
