#!/usr/bin/env python3
"""Runs the Python article extractors on a folder of pages, writing OUT/<extractor>/<id>.txt and
printing `name<TAB>wall ms<TAB>cpu ms<TAB>failures` per page for each (the same lines as examples/extract_compare.rs).

Usage: extract_py.py PAGES_DIR OUT_DIR [extractor...]   (trafilatura, readability-lxml, newspaper4k)
Pages are read as UTF-8 once, outside the timing, as the Rust side does.
"""
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
        total, cpu, failed = 0.0, 0.0, 0
        for pid, html in docs:
            t, c = time.perf_counter(), time.thread_time()
            try:
                text = f(html)
            except Exception:
                text, failed = '', failed + 1
            total += time.perf_counter() - t
            cpu += time.thread_time() - c
            (d / f'{pid}.txt').write_text(text or '', encoding='utf8')
        n = max(1, len(docs))
        print(f'{name}\t{total * 1000 / n:.2f}\t{cpu * 1000 / n:.2f}\t{failed}', flush=True)


if __name__ == '__main__':
    main()
