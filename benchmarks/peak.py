"""The peak resident memory of a benchmark's child process, as the child reports it.

Linux carries a process's ru_maxrss across fork and exec: a child started by a benchmark that
holds 300 MB reports a peak of at least 300 MB whatever it does itself (an export of a million
claims "peaked" at 325 MB that way while it never went past 89 MB). VmHWM in /proc/self/status
is the peak of the child's own memory since its exec. Elsewhere ru_maxrss is the best there is.
"""

PEAK_MB = """
def peak_mb():
    try:
        with open('/proc/self/status') as status:
            return next(int(line.split()[1]) for line in status if line.startswith('VmHWM:')) / 1024
    except (OSError, StopIteration):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
