#!/usr/bin/env python3
"""Speed and peak memory of `storyline summarize` beside sumy LexRank (run through
../shared/tools/peers.py) on the same inputs, printed as one table with both like-for-like
ratios:
- call vs call: storyline's whole library call (read, clean, sentences, words, merge,
  summarize, render; cold stem caches; median of many runs in one process, timed by
  benches/summarize_call.rs) beside sumy's summarize call as peers.py times it (parsing and
  tokenization excluded, so the ratio is conservative), and beside sumy's whole call, timed
  here in one warm process the way storyline's is: read the files, parse and tokenize
  (PlaintextParser, Tokenizer('english')), rank (LexRankSummarizer as peers.py sets it up) and
  cut to the word budget (peers.py's budget_cut); the tokenizer, stemmer and stop words are
  built once outside the timing, as storyline's regexes are;
- process vs process: start to exit (storyline: median of repeated runs; sumy: one run of
  peers.py, Python start-up and imports included).
Peak memory is the max RSS of each process. Called by bench/summarize.sh."""
import argparse, glob, json, os, re, shutil, statistics, subprocess, sys, tempfile, time


def natkey(p):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", os.path.basename(p))]


def build_sets(shared, root):
    """seeds (5 articles), ten and hundred (the first 10 / 100 Multi-News documents in cluster
    order: several events, which only matters for speed)."""
    mn = os.path.join(shared, "data", "multinews-200")
    docs = []
    for c in sorted(os.listdir(mn)):
        docs += sorted(glob.glob(os.path.join(mn, c, "docs", "*.txt")), key=natkey)
    sets = {"seeds": sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))),
            "10 articles": docs[:10], "100 articles": docs[:100]}
    out = {}
    for name, files in sets.items():
        d = os.path.join(root, name.replace(" ", "_"))
        os.makedirs(os.path.join(d, "docs"))
        for i, f in enumerate(files, 1):
            shutil.copy(f, os.path.join(d, "docs", "doc%d.txt" % i))
        out[name] = d
    return out


def peak_mb(cmd, env=None):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr))
    return int(r.stderr.strip().splitlines()[-1]) / 1024.0


def wall(cmd, runs, env=None):
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def load_peers(peers):
    """peers.py as a module (its read_docs, RankRecorder and budget_cut)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("peers", peers)
    pm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pm)
    return pm


def sumy_whole_call(pm, ds, words, runs):
    """Median seconds of sumy LexRank's whole call on cluster `c` of dataset `ds`, in this
    (warm) process."""
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words
    from sumy.summarizers.lex_rank import LexRankSummarizer
    tok, stemmer, stop = Tokenizer("english"), Stemmer("english"), get_stop_words("english")
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        docs = pm.read_docs(ds, "c")
        doc = PlaintextParser.from_string("\n\n".join(docs), tok).document
        summ = LexRankSummarizer(stemmer)
        summ.stop_words = stop
        rec = pm.RankRecorder()
        summ(doc, rec)
        lines, _ = pm.budget_cut([str(x) for x in rec.ranked], words)
        ts.append(time.perf_counter() - t0)
        assert lines
    return statistics.median(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--call-runs", type=int, default=201)
    ap.add_argument("--whole-runs", type=int, default=11)
    a = ap.parse_args()
    peers = os.path.join(a.shared, "tools", "peers.py")
    py = sys.executable
    root = tempfile.mkdtemp(prefix="storyline-bench-")
    sets = build_sets(a.shared, root)
    # In-process calls: one bench process over the three folders (built in the bench profile).
    r = subprocess.run(["cargo", "bench", "--quiet", "--bench", "summarize_call", "--", "--runs",
                        str(a.call_runs), "--words", str(a.words)]
                       + [os.path.join(d, "docs") for d in sets.values()],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("summarize_call bench failed:\n" + r.stderr)
    calls = {}
    for line in r.stdout.splitlines():
        if line.startswith("{"):
            j = json.loads(line)
            calls[os.path.dirname(j["dir"])] = j
    pm = load_peers(peers)
    rows = []
    for name, d in sets.items():
        n = len(os.listdir(os.path.join(d, "docs")))
        words = sum(len(open(f, encoding="utf-8", errors="replace").read().split())
                    for f in glob.glob(os.path.join(d, "docs", "*.txt")))
        cmd = [a.bin, "summarize", os.path.join(d, "docs"), "--words", str(a.words)]
        runs = a.runs if n <= 10 else max(5, a.runs // 3)
        sl_wall = wall(cmd, runs)
        sl_mem = peak_mb(cmd)
        # sumy LexRank: one cluster dataset, peers.py's own timing of the summarize call
        ds = os.path.join(root, "ds_" + os.path.basename(d))
        os.makedirs(ds)
        os.symlink(d, os.path.join(ds, "c"))
        outdir = os.path.join(root, "out_" + os.path.basename(d))
        pcmd = [py, peers, "run", ds, outdir, "--words", str(a.words), "--peers", "sumy-LexRank"]
        t0 = time.perf_counter()
        sumy_mem = peak_mb(pcmd)
        sumy_proc = time.perf_counter() - t0
        tsv = open(os.path.join(outdir, "_timing", "sumy-LexRank.tsv")).read().splitlines()[1].split("\t")
        sumy_call = float(tsv[2]) if tsv[1] == "ok" else float("nan")
        sumy_whole = sumy_whole_call(pm, ds, a.words, a.whole_runs if n <= 10 else 1)
        call = calls[d]
        rows.append((name, n, words, call["median_ms"] / 1000, call["cpu_ms"] / 1000, sumy_call,
                     sumy_whole, sl_wall, sumy_proc, sl_mem, sumy_mem))
    print("storyline summarize --words %d vs sumy LexRank (peers.py), %s, load average %s"
          % (a.words, time.strftime("%Y-%m-%d %H:%M"), " ".join(open("/proc/loadavg").read().split()[:3])))
    print("call: storyline's whole library call (read, clean, sentences, words, merge, summarize, render;"
          " cold stem caches), median of %d runs in one process (CPU: mean CPU time of a call, all threads);"
          " sumy rank: its summarize call as peers.py times it (parsing and tokenization excluded);"
          " sumy whole: read, parse, tokenize, rank and cut, in one warm process, median of %d runs"
          " (1 for 100 articles)." % (a.call_runs, a.whole_runs))
    print("process: start to exit; storyline median of %d runs (%d for 100 articles), sumy one run of peers.py."
          " MB: peak RSS of the process." % (a.runs, max(5, a.runs // 3)))
    hdr = ("input", "articles", "words in", "storyline call ms", "storyline call CPU ms",
           "LexRank rank ms", "rank speed-up", "LexRank whole call ms", "whole-call speed-up",
           "storyline process ms", "LexRank process ms",
           "process speed-up", "storyline MB", "LexRank MB")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    for name, n, w, slc, slcpu, sc, sw, slp, sp, slm, sm in rows:
        print("| %s | %d | %d | %.2f | %.2f | %.1f | %.0fx | %.1f | %.0fx | %.1f | %.0f | %.0fx | %.1f | %.0f |"
              % (name, n, w, slc * 1000, slcpu * 1000, sc * 1000, sc / slc, sw * 1000, sw / slc,
                 slp * 1000, sp * 1000, sp / slp, slm, sm))
    shutil.rmtree(root)


if __name__ == "__main__":
    main()
