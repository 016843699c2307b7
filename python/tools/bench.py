"""make bench's Python figures: the module against the command per page,
two threads against one, and WARC shards on a two-worker Dask cluster
against `winnow -j 2` on the same shards (whose outputs it also compares).

    python3 python/tools/bench.py WINNOW PAGE...

Times are the best of BENCH_ROUNDS (default 3) runs; the machine is shared,
so expect noise.  Not a test: nothing here fails on a slow figure."""

import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import winnow

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SHARDS = 8


def best(fn, rounds=ROUNDS):
    """The best wall time of rounds runs of fn."""
    t = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best2(fn, cpu, rounds=ROUNDS):
    """The best (wall, CPU) times of rounds runs of fn, CPU as cpu() counts
    it: on a shared machine CPU time is the steadier figure."""
    wall = used = float("inf")
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), cpu()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        used = min(used, cpu() - c0)
    return wall, used


def row(what, wall, cpu, docs, note=""):
    print("  %-46s %8.2f %8s %8.1f  %s" % (what, 1e3 * wall, "%.2f" % (1e3 * cpu) if cpu else "",
                                          docs, note))


def warc_record(n, uri, body):
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%036d>\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (uri, n, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def main():
    cmd, paths = sys.argv[1], sys.argv[2:]
    pages = []
    for p in paths:
        with open(p, "rb") as f:
            pages.append(f.read())
    n = len(pages)
    mb = sum(map(len, pages)) / 1e6
    print("python: %d pages, %.1f MB, module %s, Python %s" % (n, mb, winnow.__version__,
                                                             sys.version.split()[0]))

    def module():
        for p in pages:
            winnow.extract(p)

    w_mod, c_mod = best2(module, time.process_time)

    def command_batch():
        subprocess.run([cmd, "-j", "1", *paths], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    w_batch, c_batch = best2(command_batch, cpu_of_children)
    def command_each():
        for p in paths:
            subprocess.run([cmd, p], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    w_each, c_each = best2(command_each, cpu_of_children)
    print("  %-46s %8s %8s %8s" % ("", "ms/page", "CPU ms", "docs/s"))
    for what, w, c in (("winnow.extract(), one thread", w_mod, c_mod),
                       ("winnow -j 1 over all pages (one process)", w_batch, c_batch),
                       ("one winnow process per page (subprocess)", w_each, c_each)):
        row(what, w / n, c / n, n / w, "" if w is w_mod else "CPU %.2fx the module's" % (c / c_mod))

    times = {}
    for threads in (1, 2):
        with ThreadPoolExecutor(threads) as pool:
            def run(pool=pool):
                list(pool.map(winnow.extract, pages))
            run()
            times[threads] = best(run)
        row("winnow.extract(), a pool of %d thread%s" % (threads, "s" * (threads > 1)),
            times[threads] / n, None, n / times[threads],
            "%.2fx one thread" % (times[1] / times[2]) if threads == 2 else "")

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("  dask: skipped (no dask.distributed: python3-distributed)")
        return
    from winnow.dask import extract_warcs

    with tempfile.TemporaryDirectory() as tmp:
        shards = []
        for k in range(SHARDS):
            path = os.path.join(tmp, "shard-%d.warc.gz" % k)
            with open(path, "wb") as f:
                for i in range(k, n, SHARDS):
                    f.write(warc_record(i, "https://bench.example/%d" % i, pages[i]))
            shards.append(path)
        wmb = sum(os.path.getsize(s) for s in shards) / 1e6
        out_c = os.path.join(tmp, "c")
        t_cmd = best(lambda: subprocess.run([cmd, "-j", "2", "-O", out_c, *shards],
                                            stderr=subprocess.DEVNULL))
        t0 = time.perf_counter()
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            t_start = time.perf_counter() - t0
            out_d = os.path.join(tmp, "d")
            outs = []
            t_dask = best(lambda: outs.append(extract_warcs(shards, out_d,
                                                                         client=client)))
        same = all(open(o, "rb").read() == open(os.path.join(out_c, os.path.basename(o)), "rb").read()
                   for o in outs[-1])
        print("  %d WARC.gz shards, %d records, %.1f MB:" % (SHARDS, n, wmb))
        row("winnow -j 2 -O on the shards", t_cmd / n, None, n / t_cmd, "%.2f s" % t_cmd)
        row("extract_warcs(), LocalCluster of 2 workers", t_dask / n, None, n / t_dask,
            "%.2f s (cluster start %.1f s); outputs %s"
            % (t_dask, t_start, "identical" if same else "DIFFER"))

if __name__ == "__main__":
    main()
