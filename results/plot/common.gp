# Shared by the hcbench charts.  Set before loading: fmt ('svg' | 'png'),
# out (output file), data (data file); the exporter's meta file sets the
# labels and emu_note (" - emulated - not hardware numbers" or '').
if (fmt eq 'svg') {
	set terminal svg size 1200,700 dynamic font 'Sans,11' background rgb 'white'
} else {
	if (fmt eq 'png') {
		set terminal pngcairo size 1200,700 font 'Sans,10' background rgb 'white'
	} else {
		print sprintf("unknown format %s", fmt)
		exit status 2
	}
}
set output out
set termoption noenhanced
set grid ytics mytics lc rgb '#dddddd'
set key outside top right horizontal
# Log scale: values below 1 cycle (floors after the timer overhead is
# removed) are drawn at 1, which the footnote says.
floor1(v) = v > 1 ? v : 1
set label 99 'log scale; values below 1 cycle are drawn at 1' \
	at screen 0.01, screen 0.015 font ',8'
