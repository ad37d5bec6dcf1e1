#!/usr/bin/env bash
# check-desktop-signals.sh FOLDER: runs the release app under Xvfb on a private session bus and shows what the
# desktop would hear of a run: the Unity launcher's progress signals and the notification at the end (sent when
# a run of more than 10 s ends while another window has the focus; here an xmessage window takes it). FOLDER
# must hold more than 10 s of work: 300 photos of 12 MP (the corpus's jpeg12 linked three times) take about 25 s
# on two cores, and gave 81 progress signals and "300 copies made, 451.2 MB → 107.4 MB".
# Prints the number of progress signals and the notification call as dbus-monitor saw it. Needs dbus-daemon,
# Xvfb, xdotool, xmessage and ImageMagick's import; run it as: dbus-run-session -- packaging/linux/check-desktop-signals.sh
set -u
folder=${1:?usage: dbus-run-session -- packaging/linux/check-desktop-signals.sh FOLDER}
out=$(mktemp -d)
dbus-monitor --session "interface='org.freedesktop.Notifications'" > "$out/notify.txt" 2>&1 &
dbus-monitor --session "interface='com.canonical.Unity.LauncherEntry'" > "$out/unity.txt" 2>&1 &
Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 & xv=$!
export XDG_RUNTIME_DIR=$(mktemp -d) DISPLAY=:77 HOME=$(mktemp -d) LIBGL_ALWAYS_SOFTWARE=1; unset WAYLAND_DISPLAY
sleep 2
target/release/shrinkray "$folder" > "$out/app.log" 2>&1 & pid=$!
sleep 8
win=$(xdotool search --pid $pid | tail -1)
xdotool windowfocus "$win"; sleep 0.5; xdotool key Return; sleep 3
# Another window takes the focus, as when the user goes back to their browser.
xmessage -geometry +600+300 "another application" >/dev/null 2>&1 & other=$!
sleep 1; xdotool windowfocus "$(xdotool search --class xmessage | tail -1)"
count=$(find "$folder" -maxdepth 1 -type f | wc -l)
for i in $(seq 1 300); do
  n=$(find "$HOME/Pictures/resized" -type f -not -path '*/.shrinkray/*' 2>/dev/null | wc -l)
  [ "$n" -ge "$count" ] && break; sleep 1
done
sleep 3
kill $pid $other $xv 2>/dev/null; sleep 1; kill %1 %2 2>/dev/null
echo "copies: $n of $count; progress signals: $(grep -c 'member=Update' "$out/unity.txt")"
grep -A6 'member=Notify' "$out/notify.txt" || echo "no notification was sent"
