; hdboot.asm: sector 0 of the disk mkdisk.c writes; boots Linux under Bochs.
;
; The BIOS loads this sector at 0x7c00.  It reads each part listed in
; the table at 0x1b0 (mkdisk fills it: LBA, sectors, destination; a zero
; sector count ends it) through the BIOS: int 13h extended reads of 64 KiB
; into a bounce buffer at 0x10000, then int 15h/87h block moves to the
; destination, which may be above 1 MiB.  Then it enters the kernel by
; the 32-bit boot protocol: flat 4 GiB code at selector 0x10 and data at
; 0x18, interrupts off, ESI = the boot_params mkdisk wrote at 0x20000,
; EIP = 0x100000.  Port 0xe9 shows 'L', a '.' per part read, and '!' if
; the BIOS failed (then Bochs is powered off through port 0x8900).

bits 16
org 0x7c00
BUF equ 0x10000			; 64 KiB bounce buffer at 1000:0000
CHUNK equ 128			; sectors per read (64 KiB)
	cli
	xor ax, ax
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov sp, 0x7c00
	sti
	mov [drive], dl
	in al, 0x92
	or al, 2
	and al, 0xfe
	out 0x92, al
	mov al, 'L'
	out 0xe9, al
	mov si, table
.entry:
	mov ecx, [si + 4]	; sectors
	test ecx, ecx
	jz near .go
	mov eax, [si]		; lba
	mov [dap_lba], eax
	mov eax, [si + 8]	; dest
	mov [dest], eax
	mov [left], ecx
	push si
.chunk:
	mov ecx, [left]
	cmp ecx, CHUNK
	jbe .n
	mov ecx, CHUNK
.n:
	mov [dap_cnt], cx
	mov [cnt], cx
	mov si, dap
	mov ah, 0x42
	mov dl, [drive]
	int 0x13
	jc fail
	; copy cnt*512 bytes BUF -> dest with int 15h/87h
	mov eax, BUF
	mov [gdt_src + 2], ax
	shr eax, 16
	mov [gdt_src + 4], al
	mov [gdt_src + 7], ah
	mov eax, [dest]
	mov [gdt_dst + 2], ax
	shr eax, 16
	mov [gdt_dst + 4], al
	mov [gdt_dst + 7], ah
	movzx ecx, word [cnt]
	shl ecx, 8		; words
	push es
	xor ax, ax
	mov es, ax
	mov si, gdt_move
	mov ah, 0x87
	int 0x15
	pop es
	jc fail
	movzx eax, word [cnt]
	add [dap_lba], eax
	sub [left], eax
	shl eax, 9
	add [dest], eax
	cmp dword [left], 0
	jne .chunk
	mov al, '.'
	out 0xe9, al
	pop si
	add si, 12
	jmp .entry
.go:
	cli
	lgdt [gdtr]
	mov eax, cr0
	or eax, 1
	mov cr0, eax
	jmp dword 0x10:pm
fail:
	mov al, '!'
	out 0xe9, al
	mov dx, 0x8900
	mov si, shut
.s:	lodsb
	out dx, al
	test al, al
	jnz .s
	hlt
bits 32
pm:
	mov ax, 0x18
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax
	mov gs, ax
	mov esp, 0x7c00
	mov esi, 0x20000
	xor ebp, ebp
	xor edi, edi
	xor ebx, ebx
	jmp 0x10:0x100000
shut:	db "Shutdown", 0
drive:	db 0
align 4
dest:	dd 0
left:	dd 0
cnt:	dw 0
dap:	db 16, 0
dap_cnt: dw 0
	dw 0, BUF >> 4
dap_lba: dq 0
align 8
gdt:	dq 0, 0
	dq 0x00cf9a000000ffff
	dq 0x00cf92000000ffff
gdtr:	dw 4 * 8 - 1
	dd gdt
gdt_move:
	dq 0, 0
gdt_src: dq 0x000093000000ffff
gdt_dst: dq 0x000093000000ffff
	dq 0, 0
	times 0x1b0 - ($ - $$) db 0
table:	times 0x1fe - ($ - $$) db 0
	dw 0xaa55
