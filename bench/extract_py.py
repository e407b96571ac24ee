#!/usr/bin/env python3
"""Runs the Python article extractors on a folder of pages, writing OUT/<extractor>/<id>.txt and
printing `name<TAB>wall ms<TAB>cpu ms<TAB>failures` per page for each (the same lines as examples/extract_compare.rs).

Usage: extract_py.py PAGES_DIR OUT_DIR [extractor...]   (trafilatura, readability-lxml, newspaper4k)
Timing is the same as examples/extract_compare.rs's, so the two sides compare like for like:
pages are read as UTF-8 once, outside the timing (the Rust side decodes them once too; every dev
page is UTF-8, so both get the same text); the extractor is imported and called once untimed
(lazy set-up is not per-page work); then REPEAT (env, default 3) timed passes over all pages,
each call timed alone with the calling thread's CPU clock (CLOCK_THREAD_CPUTIME_ID, as in Rust)
and the wall clock; the fastest pass counts. Interpreter start and imports are not counted.
"""
import os
import sys
import time
from pathlib import Path


def trafilatura_x():
    import trafilatura
    return lambda html: trafilatura.extract(html, include_comments=False) or ''


def readability_x():
    import lxml.html
    from readability import Document

    def run(html):
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content()
    return run


def newspaper_x():
    from newspaper import Article

    def run(html):
        a = Article('', fetch_images=False)
        a.download(input_html=html)
        a.parse()
        return a.text
    return run


EXTRACTORS = {'trafilatura': trafilatura_x, 'readability-lxml': readability_x, 'newspaper4k': newspaper_x}


def main():
    pages, out = Path(sys.argv[1]), Path(sys.argv[2])
    names = sys.argv[3:] or list(EXTRACTORS)
    docs = [(p.stem, p.read_text(encoding='utf8', errors='replace')) for p in sorted(pages.glob('*.html'))]
    for name in names:
        try:
            f = EXTRACTORS[name]()
        except ImportError as e:
            print(f'{name}: not installed ({e})', file=sys.stderr)
            continue
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        if docs:
            try:
                f(docs[0][1])
            except Exception:
                pass
        total, cpu, failed = float('inf'), float('inf'), 0
        for rep in range(max(1, int(os.environ.get('REPEAT', '3')))):
            pass_total = pass_cpu = 0.0
            for pid, html in docs:
                t, c = time.perf_counter(), time.thread_time()
                try:
                    text = f(html)
                except Exception:
                    text = ''
                    failed += rep == 0
                pass_total += time.perf_counter() - t
                pass_cpu += time.thread_time() - c
                if rep == 0:
                    (d / f'{pid}.txt').write_text(text or '', encoding='utf8')
            total, cpu = min(total, pass_total), min(cpu, pass_cpu)
        n = max(1, len(docs))
        print(f'{name}\t{total * 1000 / n:.2f}\t{cpu * 1000 / n:.2f}\t{failed}', flush=True)


if __name__ == '__main__':
    main()
