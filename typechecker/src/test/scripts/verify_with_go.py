#!/usr/bin/env python3
"""Checks the annotated checker tests against real Go (gc 1.19).

Each testdata/*.gop file is copied to a temporary module as main.go (the ERROR
markers are comments, so positions are unchanged) and built with
`go build -gcflags=-e` (no error limit). Every diagnostic gc prints must be
announced by an /* ERROR "msg" */ marker placed immediately before the reported
position, with msg equal to the first line of gc's message, and every marker
must be matched. Files whose first line contains "gopl-only" use GoPL
extensions (pnew, pmake, txn) and are skipped.

Usage: verify_with_go.py [file.gop ...]   (default: all of testdata)
"""
import os, re, subprocess, sys, tempfile, glob

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.join(HERE, '..', 'resources', 'gopl', 'types', 'testdata')
MARK = re.compile(r'/\* ERROR "((?:[^"\\]|\\.)*)" \*/')

def markers(src):
    out = []
    lines = src.split('\n')
    for ln, line in enumerate(lines, 1):
        for m in MARK.finditer(line):
            col = m.end()
            while col < len(line) and line[col] in ' \t':
                col += 1
            msg = m.group(1).encode().decode('unicode_escape') if '\\' in m.group(1) else m.group(1)
            out.append((ln, len(line[:col].encode()) + 1, msg))
    return out

def check(path):
    src = open(path, encoding='utf-8').read()
    if 'gopl-only' in src.split('\n', 1)[0]:
        return True, 'skipped (gopl-only)'
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, 'go.mod'), 'w').write('module t\n\ngo 1.19\n')
        open(os.path.join(d, 'main.go'), 'w').write(src)
        r = subprocess.run(['go', 'build', '-gcflags=-e', '-o', os.devnull, '.'], cwd=d,
                           capture_output=True, text=True)
    got = []
    for line in r.stdout.splitlines() + r.stderr.splitlines():
        m = re.match(r'^\./main\.go:(\d+):(\d+): (.*)$', line)
        if m:
            msg = m.group(3).replace('./main.go:', os.path.basename(path) + ':')
            got.append((int(m.group(1)), int(m.group(2)), msg))
    want = markers(src)
    ok = True
    msgs = []
    for g in got:
        if g not in want:
            ok = False
            msgs.append('unexpected: %d:%d: %s' % g)
    for w in want:
        if w not in got:
            ok = False
            msgs.append('missing:    %d:%d: %s' % w)
    if not got and not want and r.returncode != 0:
        ok = False
        msgs.append(r.stderr)
    return ok, '\n'.join(msgs)

def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(TESTDATA, '*.gop')))
    bad = 0
    for f in files:
        ok, msg = check(f)
        print(('ok   ' if ok else 'FAIL ') + os.path.basename(f) + ('' if not msg else '\n' + msg))
        bad += not ok
    sys.exit(1 if bad else 0)

main()
