# Chart 1: one run, rows grouped by kind (hypercalls, other exits,
# floors), each row's p50 with p1..p99 whiskers (cycles, log scale).
# Data: x name kind p1 p50 p99 (hcb-export rows).
set title sprintf("hcbench: p50 per row, whiskers p1..p99%s\n%s", \
	emu_note, run_label)
set logscale y
set ylabel 'cycles per call (log scale)'
set xtics rotate by -45 left nomirror
set xrange [-0.7:n_slots - 0.3]
set offsets 0, 0, graph 0.08, 0
array kname[4] = ['hypercalls', 'other VM exits', 'floors (no exit)', \
	'no kind']
array kcol[4] = ['#1f77b4', '#d62728', '#2ca02c', '#7f7f7f']
# The kind's name over its rows.
do for [k = 0:3] {
	if (value(sprintf('kind_n%d', k)) > 0) {
		set label 10 + k kname[k + 1] \
			at first value(sprintf('kind_x%d', k)), graph 0.97 \
			center tc rgb kcol[k + 1]
	}
}
note = 'log scale; values below 1 cycle are drawn at 1'
n_lines = 1
if (n_nodraw > 0) {
	note = note . sprintf("\n%d row(s) not drawn (no statistics):\n", \
		n_nodraw) . nodraw_note
	n_lines = 2 + nodraw_lines
}
set label 99 note at screen 0.01, screen note_y(n_lines) font ',8'
set bmargin 8 + n_lines
set tmargin 5
set rmargin 6
kind_is(k, x) = int(column(3)) == k ? x : NaN
plot data using 1:(floor1($5)):xtic(2) with points ps 0 notitle, \
     for [k = 0:3] data \
	using (kind_is(k, $1)):(floor1($5)):(floor1($4)):(floor1($6)) \
	with yerrorbars pt 7 ps 0.9 lw 1.5 lc rgb kcol[k + 1] \
	title (value(sprintf('kind_n%d', k)) > 0 ? \
		kname[k + 1] . ': p50, p1..p99' : '')
