; SPDX-License-Identifier: GPL-2.0
; long hcb_stub_call(void *stub, nr, a0, a1, a2, a3)
; Calls a copied hypercall stub ("<insn>; ret") with the KVM hypercall
; registers loaded: RAX = nr, RBX = a0, RCX = a1, RDX = a2, RSI = a3.

bits 64
default rel

global hcb_stub_call

section .text

hcb_stub_call:
	push rbx
	mov r10, rdi		; stub
	mov rax, rsi		; nr
	mov rbx, rdx		; a0
				; a1 is already in rcx
	mov rdx, r8		; a2
	mov rsi, r9		; a3
	call r10
	pop rbx
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
