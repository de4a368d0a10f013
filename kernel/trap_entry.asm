; SPDX-License-Identifier: GPL-2.0
; Entry stubs for all 256 IDT vectors.  Each stub is 16 bytes long and
; starts at hcb_trap_stubs + 16 * vector; it pushes a dummy error code
; where the CPU pushes none, then the vector, and jumps to the common
; path, which saves the GPRs (struct hcb_regs) and calls hcb_trap().

bits 64
default rel

extern hcb_trap
global hcb_trap_stubs

section .text

%define STUB_SIZE 16

trap_common:
	push rax
	push rbx
	push rcx
	push rdx
	push rsi
	push rdi
	push rbp
	push r8
	push r9
	push r10
	push r11
	push r12
	push r13
	push r14
	push r15
	cld
	mov rdi, rsp
	call hcb_trap
	pop r15
	pop r14
	pop r13
	pop r12
	pop r11
	pop r10
	pop r9
	pop r8
	pop rbp
	pop rdi
	pop rsi
	pop rdx
	pop rcx
	pop rbx
	pop rax
	add rsp, 16		; vector and error code
	iretq

; TRAP_STUB vector, cpu_pushes_error_code
%macro TRAP_STUB 2
%%start:
%if %2 == 0
	push qword 0
%endif
	push qword %1
	jmp trap_common
%if $ - %%start > STUB_SIZE
%error trap stub too long
%endif
	align STUB_SIZE, int3
%endmacro

align STUB_SIZE
hcb_trap_stubs:
%assign vec 0
%rep 256
%if vec == 8 || vec == 10 || vec == 11 || vec == 12 || vec == 13 || \
    vec == 14 || vec == 17 || vec == 21 || vec == 29 || vec == 30
	TRAP_STUB vec, 1
%else
	TRAP_STUB vec, 0
%endif
%assign vec vec + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
