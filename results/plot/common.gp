# Shared by the hcbench charts.  Set before loading: fmt ('svg' | 'png'),
# out (output file), data (data file); the exporter's meta file sets the
# labels and emu_note (" - emulated - not hardware numbers" or '').
if (fmt eq 'svg') {
	set terminal svg size 1200,720 dynamic font 'Sans,11' background rgb 'white'
} else {
	if (fmt eq 'png') {
		set terminal pngcairo size 1200,720 font 'Sans,10' background rgb 'white'
	} else {
		print sprintf("unknown format %s", fmt)
		exit status 2
	}
}
set output out
set termoption noenhanced
set grid ytics mytics lc rgb '#dddddd'
# The key sits above the plot, the footnotes below the row names: they
# never share a corner.
set key outside top center horizontal
# Log scale: values below 1 cycle (floors after the timer overhead is
# removed) are drawn at 1, which the footnote says.
floor1(v) = v > 1 ? v : 1
# Twelve colours that differ at a glance (and in grey: dark/light
# alternate); series beyond twelve repeat a colour with a dashed line.
array pal[12] = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', \
	'#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22', '#393b79', \
	'#000000']
colour(i) = pal[(i % 12) + 1]
dash(i) = i < 12 ? 1 : 2
# Footnotes: bottom left, lines of note_h (screen fraction); a label's
# position is its first line, so a note of n lines starts at note_y(n).
note_h = 0.019
note_y(n) = 0.012 + (n - 1) * note_h
