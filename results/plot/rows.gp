# Chart 1: every row's p50 with p1..p99 whiskers (cycles, log scale).
set title sprintf("hcbench: p50 per row, whiskers p1..p99%s\n%s", \
	emu_note, run_label)
set logscale y
set ylabel 'cycles per call'
set xtics rotate by -45 left
set bmargin 9
set xrange [-0.7:n_ok - 0.3]
plot data using 0:(floor1($4)):(floor1($3)):(floor1($5)):xtic(1) \
	with yerrorbars pt 7 ps 0.8 lc rgb '#1f4e99' title 'p50 (p1..p99)'
