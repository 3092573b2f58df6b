#!/usr/bin/python3
"""Launches programs alternately under one X display and reports, per launch, the time until
the data is on screen, the time until the process's CPU time stops growing, and its peak
resident memory (VmHWM). Used by benches/peers.sh; see the README's Performance section.

usage: peers.py LAUNCHES NAME=COMMAND [NAME=COMMAND ...]
Each COMMAND runs through the shell with a fresh copy of the HOME named in $NAME_HOME; the
data counts as shown when the program prints "first frame with data" (this app's startup
probe) or, when $NAME_TITLE is set, when a window whose title contains it exists.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUIET = 1.0  # seconds without CPU time growing: settled


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def has_window(title):
    found = subprocess.run(["xdotool", "search", "--name", title], capture_output=True)
    return found.returncode == 0 and found.stdout.strip() != b""


def launch(name, command):
    home = tempfile.mkdtemp(prefix=f"peers-{name}-")
    shutil.rmtree(home)
    shutil.copytree(os.environ[f"{name}_HOME"], home, symlinks=True)
    title = os.environ.get(f"{name}_TITLE")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/.local/share",
               XDG_CONFIG_HOME=f"{home}/.config", SOKH_STARTUP_PROBE="stay")
    start = time.monotonic()
    proc = subprocess.Popen(["/bin/sh", "-c", f"exec {command}"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=home)
    os.set_blocking(proc.stdout.fileno(), False)
    shown = None
    last_cpu, last_change = 0.0, start
    peak = 0.0
    while True:
        now = time.monotonic()
        if proc.poll() is not None:
            break
        try:
            cpu = cpu_seconds(proc.pid)
            peak = max(peak, peak_mib(proc.pid))
        except OSError:
            break
        if cpu != last_cpu:
            last_cpu, last_change = cpu, now
        if shown is None:
            if title:
                if has_window(title):
                    shown = now - start
            else:
                line = proc.stdout.readline() or ""
                if "first frame with data" in line:
                    shown = now - start
        elif now - last_change > QUIET:
            break
        if now - start > 60:
            break
        time.sleep(0.01)
    settled = last_change - start
    proc.kill()
    proc.wait()
    shutil.rmtree(home, ignore_errors=True)
    return shown, settled, peak


def main():
    launches = int(sys.argv[1])
    programs = [a.split("=", 1) for a in sys.argv[2:]]
    results = {name: [] for name, _ in programs}
    for i in range(launches):
        for name, command in programs:
            shown, settled, peak = launch(name, command)
            results[name].append((shown, settled, peak))
            s = f"{shown:.2f} s" if shown is not None else "never"
            print(f"{name} launch {i + 1}: data shown {s}, CPU settled {settled:.2f} s, "
                  f"peak memory {peak:.0f} MiB", flush=True)
    print()
    print(f"{'':12} {'data shown':>12} {'CPU settled':>12} {'peak memory':>14}   (medians of {launches})")
    for name, runs in results.items():
        shown = statistics.median([r[0] for r in runs if r[0] is not None] or [float("nan")])
        settled = statistics.median(r[1] for r in runs)
        peak = statistics.median(r[2] for r in runs)
        print(f"{name:12} {shown:>10.2f} s {settled:>10.2f} s {peak:>10.0f} MiB")


if __name__ == "__main__":
    main()
