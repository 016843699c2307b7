#!/usr/bin/env python3
"""Regenerates testdata/charset/: each UTF-8 source in testdata/charset/src/
saved in legacy charsets, once declared (a <meta>) and once undeclared.
The source's {{META}} line becomes the declaration or nothing.

    python3 tests/make_charset_pages.py

NAME.utf-8.html is the reference: tests/test_charset.sh checks that every
other NAME.*.html gives the same text."""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                    'testdata', 'charset')

# source, WHATWG label written in the page, Python codec, file tag, BOM
PAGES = [
    ('ja', 'shift_jis', 'cp932', 'shift_jis', b''),
    ('ja', 'euc-jp', 'euc_jp', 'euc-jp', b''),
    # declared with the narrower label, as many Chinese pages are
    ('zh-hans', 'gb2312', 'gbk', 'gbk', b''),
    ('zh-hant', 'big5', 'big5', 'big5', b''),
    ('ko', 'euc-kr', 'euc_kr', 'euc-kr', b''),
    ('ru', 'windows-1251', 'cp1251', 'windows-1251', b''),
    ('ru', 'koi8-r', 'koi8_r', 'koi8-r', b''),
    ('cs', 'iso-8859-2', 'iso8859_2', 'iso-8859-2', b''),
    # latin1 means windows-1252 (WHATWG): the page uses its 0x80-0x9F
    ('fr', 'iso-8859-1', 'cp1252', 'windows-1252', b''),
    ('de', 'windows-1252', 'cp1252', 'windows-1252', b''),
    ('de', 'utf-16le', 'utf-16-le', 'utf-16le', b'\xff\xfe'),
]

META_CHARSET = '<meta charset="%s">'
META_PRAGMA = '<meta http-equiv="Content-Type" content="text/html; charset=%s">'


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def main():
    src = {}
    for f in sorted(os.listdir(os.path.join(HERE, 'src'))):
        if f.endswith('.html'):
            with open(os.path.join(HERE, 'src', f), encoding='utf-8') as fh:
                src[f[:-5]] = fh.read()
    for lang, text in src.items():
        write('%s.utf-8.html' % lang,
              text.replace('{{META}}', META_CHARSET % 'utf-8').encode('utf-8'))
    for i, (lang, label, codec, tag, bom) in enumerate(PAGES):
        meta = (META_PRAGMA if i % 2 else META_CHARSET) % label
        declared = src[lang].replace('{{META}}', meta)
        undeclared = src[lang].replace('{{META}}\n', '')
        # a declared UTF-16 page keeps its BOM; the undeclared one has none
        write('%s.%s.html' % (lang, tag), bom + declared.encode(codec))
        write('%s.%s.undeclared.html' % (lang, tag), undeclared.encode(codec))


if __name__ == '__main__':
    main()
