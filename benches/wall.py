# Times one run of a command, start to exit, as a process started from an
# interpreter already running (posix_spawn, then wait): servstd's whole
# process, for benches/typst-compare.sh. Prints seconds.
# usage: python3 benches/wall.py COMMAND [ARGS...]
import os, sys, time
devnull = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
t0 = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
_, status = os.waitpid(pid, 0)
elapsed = time.perf_counter() - t0
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit(f"{sys.argv[1]} failed")
print(f"{elapsed:.4f}")
