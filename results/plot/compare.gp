# Chart 3: base vs new p50 per row, whiskers p1..p99 (cycles, log scale).
set title sprintf("hcbench: base vs new, p50 per row, whiskers p1..p99%s\nbase: %s\nnew: %s", \
	emu_note, base_label, run_label)
set logscale y
set ylabel 'cycles per call'
set xtics rotate by -45 left
set bmargin 9
set tmargin 5
set xrange [-0.7:n_pair - 0.3]
if (n_unpaired > 0) {
	set label 98 sprintf('%d row(s) not drawn: missing or without statistics on one side', \
		n_unpaired) at screen 0.55, screen 0.015 font ',8'
}
# The first (invisible) series only places the row names under each pair.
plot data using 0:(floor1($3)):xtic(1) with points ps 0 notitle, \
     data using ($0 - 0.15):(floor1($3)):(floor1($2)):(floor1($4)) \
	with yerrorbars pt 7 ps 0.8 lc rgb '#1f4e99' title 'base', \
     data using ($0 + 0.15):(floor1($6)):(floor1($5)):(floor1($7)) \
	with yerrorbars pt 5 ps 0.8 lc rgb '#c0392b' title 'new'
