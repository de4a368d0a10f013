; SPDX-License-Identifier: GPL-2.0
; AP start-up code.  kernel/smp.c copies hcb_tramp_start..hcb_tramp_end to
; a 4 KiB page below 1 MiB and fills in the data fields; a SIPI with that
; page's number starts the AP here in real mode at CS:0.  The AP enters
; protected mode on the small GDT below, turns on PAE, long mode and
; paging with the runtime's PML4, and calls hcb_tramp_entry(arg) on its
; own stack with interrupts off.  Nothing here may depend on where the
; code was linked: every address is the page base (CS << 4) plus an
; offset within this blob.  CR8 is never written.

bits 16
default abs

global hcb_tramp_start, hcb_tramp_end
global hcb_tramp_cr3, hcb_tramp_stack, hcb_tramp_arg, hcb_tramp_entry

%define OFF(x)		((x) - hcb_tramp_start)
%define SEL_CODE64	0x08	; same as KERNEL_CS of kernel/desc.h
%define SEL_DATA	0x10	; same as KERNEL_DS
%define SEL_CODE32	0x18
%define CR0_PE		(1 << 0)
%define CR0_MP		(1 << 1)
%define CR0_EM		(1 << 2)
%define CR0_TS		(1 << 3)
%define CR0_NE		(1 << 5)
%define CR0_WP		(1 << 16)
%define CR0_NW		(1 << 29)
%define CR0_CD		(1 << 30)
%define CR0_PG		(1 << 31)
%define CR4_PAE		(1 << 5)
%define CR4_OSFXSR	(1 << 9)
%define CR4_OSXMMEXCPT	(1 << 10)
%define MSR_EFER	0xc0000080
%define EFER_LME	(1 << 8)

section .text

align 16
hcb_tramp_start:
	cli
	cld
	mov ax, cs
	mov ds, ax
	movzx esi, ax
	shl esi, 4			; esi = linear base of the page
	lea eax, [esi + OFF(tr_gdt)]
	mov [OFF(tr_gdtr) + 2], eax
	lea eax, [esi + OFF(tr_pm32)]
	mov [OFF(tr_jmp32)], eax
	lea eax, [esi + OFF(tr_lm64)]
	mov [OFF(tr_jmp64)], eax
	o32 lgdt [OFF(tr_gdtr)]
	mov eax, cr0
	or eax, CR0_PE
	mov cr0, eax
	jmp far dword [OFF(tr_jmp32)]

bits 32
tr_pm32:
	mov ax, SEL_DATA
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT
	mov cr4, eax
	mov eax, [esi + OFF(hcb_tramp_cr3)]
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	wrmsr
	mov eax, cr0
	and eax, ~(CR0_EM | CR0_TS | CR0_NW | CR0_CD)
	or eax, CR0_PG | CR0_WP | CR0_NE | CR0_MP | CR0_PE
	mov cr0, eax
	jmp far [esi + OFF(tr_jmp64)]

bits 64
tr_lm64:
	mov ax, SEL_DATA
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov esi, esi
	mov rsp, [rsi + OFF(hcb_tramp_stack)]
	mov rdi, [rsi + OFF(hcb_tramp_arg)]
	mov rax, [rsi + OFF(hcb_tramp_entry)]
	xor ebp, ebp
	call rax
.dead:
	cli
	hlt
	jmp .dead

align 8
tr_gdt:
	dq 0
	dq 0x00af9a000000ffff		; SEL_CODE64
	dq 0x00cf92000000ffff		; SEL_DATA
	dq 0x00cf9a000000ffff		; SEL_CODE32
tr_gdtr:
	dw 4 * 8 - 1
	dd 0				; base, set above
tr_jmp32:
	dd 0				; offset, set above
	dw SEL_CODE32
tr_jmp64:
	dd 0				; offset, set above
	dw SEL_CODE64
align 8
hcb_tramp_cr3:
	dd 0, 0				; filled by kernel/smp.c
hcb_tramp_stack:
	dq 0
hcb_tramp_arg:
	dq 0
hcb_tramp_entry:
	dq 0
hcb_tramp_end:

section .note.GNU-stack noalloc noexec nowrite progbits
