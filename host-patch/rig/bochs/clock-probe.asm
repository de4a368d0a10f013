; clock-probe.asm: what one tick of Bochs' TSC is, measured.
;
; A floppy boot sector for host-patch/rig/l0-bochs.  For each N in counts
; it reads the TSC, runs a loop of exactly 2N instructions (dec; jnz) and
; reads the TSC again, then prints "hcb-clock N TICKS" (hexadecimal) on
; Bochs' port 0xe9 and asks Bochs to power off (port 0x8900, "Shutdown").
; Between the two rdtsc there are 3 + 2N instructions plus the second
; rdtsc itself: if one tick is one retired instruction, TICKS = 2N + 4
; (host-patch/rig/tests/test-bochs-clock checks it).

bits 16
org 0x7c00

start:
	cli
	xor ax, ax
	mov ds, ax
	mov ss, ax
	mov sp, 0x7c00
	mov si, counts
.next:
	lodsd
	test eax, eax
	jz power_off
	mov ebx, eax
	rdtsc
	mov [t0], eax		; 1
	mov [t0 + 4], edx	; 2
	mov ecx, ebx		; 3
.loop:
	dec ecx
	jnz .loop		; 2N
	rdtsc			; + 1
	sub eax, [t0]
	sbb edx, [t0 + 4]
	push eax
	mov di, tag
	call puts
	mov eax, ebx
	call hex32
	mov al, ' '
	out 0xe9, al
	pop eax
	call hex32
	mov al, 10
	out 0xe9, al
	jmp .next

power_off:
	mov si, shutdown
	mov dx, 0x8900
.s:
	lodsb
	test al, al
	jz .h
	out dx, al
	jmp .s
.h:
	hlt
	jmp .h

; puts: the zero-terminated string at DI to port 0xe9
puts:
	mov al, [di]
	test al, al
	jz .r
	out 0xe9, al
	inc di
	jmp puts
.r:
	ret

; hex32: EAX as 8 hexadecimal digits to port 0xe9
hex32:
	mov cx, 8
.d:
	rol eax, 4
	push eax
	and al, 0x0f
	add al, '0'
	cmp al, '9'
	jbe .o
	add al, 7
.o:
	out 0xe9, al
	pop eax
	loop .d
	ret

counts:		dd 1, 1000, 100000, 1000000, 0
tag:		db "hcb-clock ", 0
shutdown:	db "Shutdown", 0
t0:		dq 0

	times 510 - ($ - $$) db 0
	dw 0xaa55
