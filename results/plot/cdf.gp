# Chart 2: per-call latency CDF of the hypercall rows, from
# quantiles_cycles (p0..p100).
set title sprintf("hcbench: hypercall latency CDF%s\n%s", emu_note, \
	run_label)
set logscale x
set xlabel 'cycles per call'
set ylabel 'percentile'
set yrange [0:100]
set key bottom right
plot for [i = 0:n_hc - 1] data index i using (floor1($1)):2 \
	with lines lw 2 title word(hc_names, i + 1)
