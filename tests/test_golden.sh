#!/bin/sh
# Golden pages: every testdata/NAME.html against its NAME.expected.txt / .md
# / .json (flags in NAME.options), through `winnow check`, whose last line
# "N passed, N failed" tests/run.sh adds up.
"${WINNOW:-build/winnow}" check testdata/
