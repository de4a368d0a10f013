# Chart 3: base vs new, the percent change of each row with its interval
# and the verdict as colour (from hcb-compare --json), the gate's
# threshold drawn.  Data: x name class change lo hi label (plot script);
# class 0 slower, 1 faster, 2 exact: p50 changed, 3 no change found,
# 4 other.  Set before loading (besides the meta files): threshold,
# n_rows, n_exact, n_forced, nodraw_note, nodraw_lines, n_nodraw.
set title sprintf("hcbench: change per row, new vs base (hcb-compare)%s\nbase: %s\nnew: %s", \
	emu_note, base_label, run_label)
set ylabel 'change of new vs base, %'
set xtics rotate by -45 left nomirror
set xrange [-0.7:n_rows - 0.3]
stats data using 5 nooutput
y_lo = STATS_min
stats data using 6 nooutput
y_hi = STATS_max
y_lo = (y_lo < -1.5 * threshold ? y_lo : -1.5 * threshold)
y_hi = (y_hi > 1.5 * threshold ? y_hi : 1.5 * threshold)
pad = (y_hi - y_lo) * 0.08
set yrange [y_lo - pad:y_hi + pad]
set arrow 1 from graph 0, first threshold to graph 1, first threshold \
	nohead dt 2 lw 1.5 lc rgb '#444444' front
set arrow 2 from graph 0, first -threshold to graph 1, first -threshold \
	nohead dt 2 lw 1.5 lc rgb '#444444' front
set arrow 3 from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#999999'
set label 20 sprintf('+%g%% threshold', threshold) at graph 0.005, \
	first threshold offset 0, 0.6 font ',8'
set label 21 sprintf('-%g%% threshold', threshold) at graph 0.005, \
	first -threshold offset 0, -0.8 font ',8'
array vname[5] = ['slower', 'faster', 'exact: p50 changed', \
	'no change found', 'other verdict']
array vcol[5] = ['#d62728', '#2ca02c', '#ff7f0e', '#7f7f7f', '#9467bd']
array vn[5] = [n_v0, n_v1, n_v2, n_v3, n_v4]
note = ''
n_lines = 0
if (n_exact > 0) {
	note = "exact rows (constant samples, e.g. -icount): change of p50, bar = its range over runs, label = cycles per call; the threshold is for statistical rows\n"
	n_lines = 1
}
note = note . "statistical rows: change of the median of the batch samples, bar = bootstrap interval; colour = hcb-compare's verdict"
n_lines = n_lines + 1
if (n_forced > 0) {
	note = note . sprintf("\nthe runs' environments differ in %d fact(s) (compared with --force): see hcb-compare", n_forced)
	n_lines = n_lines + 1
}
if (n_nodraw > 0) {
	note = note . sprintf("\n%d row(s) not drawn:\n", n_nodraw) . nodraw_note
	n_lines = n_lines + 1 + nodraw_lines
}
set label 99 note at screen 0.01, screen note_y(n_lines) font ',8'
set bmargin 8 + n_lines
set tmargin 6
set rmargin 6
is_cls(c, x) = int(column(3)) == c ? x : NaN
plot data using 1:4:xtic(2) with points ps 0 notitle, \
     for [c = 0:4] data using (is_cls(c, $1)):4:5:6 \
	with yerrorbars pt 7 ps 1 lw 1.5 lc rgb vcol[c + 1] \
	title (vn[c + 1] > 0 ? vname[c + 1] : ''), \
     data using 1:6:7 with labels offset 0, 0.7 font ',8' notitle
