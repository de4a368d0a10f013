# Chart 2: per-call latency CDF of the hypercall rows, from
# quantiles_cycles (p0..p100).  The x axis ends a little past the largest
# p99 (cdf_clip): the footnote gives the largest p100 beyond it.
set title sprintf("hcbench: hypercall latency CDF (p0..p100 per row)%s\n%s", \
	emu_note, run_label)
x_lo = floor1(cdf_xmin) * 0.97
x_hi = (cdf_clip > x_lo ? cdf_clip : x_lo) * 1.1
# Log scale only when the rows span more than a decade.
if (x_hi / x_lo > 10) {
	set logscale x
	set xlabel 'cycles per call (log scale)'
} else {
	set xlabel 'cycles per call'
}
set xrange [x_lo:x_hi]
set ylabel 'percentile'
set yrange [0:100]
set key outside right top vertical
note = 'values below 1 cycle are drawn at 1'
n_lines = 1 + cdf_clipped + cdf_steps
if (cdf_steps) {
	note = "each row's p1..p99 is a single value (every call the same count): its CDF is a step\n" . note
}
if (cdf_clipped) {
	note = sprintf("x axis clipped at 1.1 x the largest p99 (%.0f cycles); the largest p100 is %.0f cycles (its last segment leaves the chart)\n", \
		cdf_clip, cdf_max) . note
}
set label 99 note at screen 0.01, screen note_y(n_lines) font ',8'
set bmargin 4 + n_lines
plot for [i = 0:n_hc - 1] data index i using (floor1($1)):2 \
	with lines lw 2 lc rgb colour(i) dt dash(i) title word(hc_names, i + 1)
