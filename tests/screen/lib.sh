# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the screen tests: the real program in a real terminal (tmux),
# keys sent one by one, the screen read back. Pinned: size 80x24, TERM, TZ,
# the clock (CARNET_NOW), HOME and the XDG folders (from cli/lib.sh).
. "$TESTS_DIR/cli/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "not ok - tmux is needed for the screen tests (make check installs it)"
	exit 1
fi

NSTART=0
SOCK="$T/tmux.0.sock"
# A slower binary (sanitizers) gets more time before a wait fails.
WAIT_STEPS=${SCREEN_WAIT_STEPS:-100}

tmx() { tmux -S "$SOCK" -f /dev/null "$@"; }

# start [ARGS…]: runs carnet ARGS in a fresh W x H terminal (default 80x24)
# with TERM=${SCREEN_TERM:-xterm-256color}; its exit status goes to $T/exit.
# COLUMNS and LINES are not passed: curses must read the real window size.
start() {
	rm -f "$T/exit"
	tmx kill-server 2>/dev/null
	# A new server each time: a server still shutting down refuses clients.
	NSTART=$((NSTART + 1))
	SOCK="$T/tmux.$NSTART.sock"
	tmx new-session -d -s s -x "${W:-80}" -y "${H:-24}" \
		"env -u COLUMNS -u LINES TERM=${SCREEN_TERM:-xterm-256color} LANG=$LANG LC_ALL=$LC_ALL \
		 ${SCREEN_ENV:-} \"$CARNET\" $* ; echo \$? >\"$T/exit\"; sleep 300"
	tmx set-option -t s remain-on-exit on >/dev/null
}
stop() { tmx kill-server 2>/dev/null; }
# keys K…: each argument is one tmux key (a character, Enter, Escape, Tab,
# BTab, Space, BSpace, Up, Down, F1…), sent as one keystroke.
keys() {
	for k in "$@"; do
		[ "$k" = Escape ] && screen >"$T/escape.before" 2>/dev/null
		tmx send-keys -t s -- "$k"
		sleep 0.02
		# A key that follows Escape within curses' escape delay (25 ms)
		# would read as Alt and that key, as a terminal sends it: wait
		# as a hand would, and on a loaded machine until the screen shows
		# the Escape was read (at most half a second: some change nothing).
		if [ "$k" = Escape ]; then
			sleep 0.05
			k_i=0
			while [ "$k_i" -lt 10 ] && screen 2>/dev/null | cmp -s - "$T/escape.before"; do
				sleep 0.05
				k_i=$((k_i + 1))
			done
		fi
	done
}
# type TEXT: the characters of TEXT, literally.
type_text() { tmx send-keys -t s -l -- "$1"; }
screen() { tmx capture-pane -p -t s; }
# wait_for TEXT: true once TEXT is on the screen (polls for ~5 s).
wait_for() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		screen >"$T/screen" 2>/dev/null
		grep -qF -- "$1" "$T/screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# wait_gone TEXT: true once TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		screen >"$T/screen" 2>/dev/null
		grep -qF -- "$1" "$T/screen" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# wait_exit: true once carnet has ended; its status is then in $EXIT.
wait_exit() {
	i=0
	while [ $i -lt "$WAIT_STEPS" ]; do
		if [ -s "$T/exit" ]; then
			EXIT=$(cat "$T/exit")
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# pid of carnet inside the terminal: the child of the pane's shell (other
# suites may run carnet at the same time).
carnet_pid() { pgrep -P "$(tmx display-message -p -t s '#{pane_pid}')" 2>/dev/null | head -n 1; }
# on_screen DESCRIPTION TEXT: checks TEXT appears (waiting for it).
on_screen() {
	if wait_for "$2"; then ok "$1"; else nok "$1" "« $2 » not on screen: $(tr -s ' ' <"$T/screen" | head -c 600)"; fi
}
not_on_screen() {
	if wait_gone "$2"; then ok "$1"; else nok "$1" "« $2 » still on screen"; fi
}
# alternate_screen: 1 while curses holds the terminal, 0 once it is restored.
alternate_screen() { tmx display-message -p -t s '#{alternate_on}'; }
trap 'tmx kill-server 2>/dev/null; rm -rf "$T"' EXIT
