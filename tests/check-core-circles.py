#!/usr/bin/env python3
# check-core-circles.py
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when the core's files call each other in a circle, read from the
# symbols of the built library: a circle means a helper lives in the file
# that drives the process calling it, and belongs in a file of its own.
# The one circle allowed is the model's: a document owns its items and
# the items ask their document to record each change.
#   check-core-circles.py NM LIBRARY

import re
import subprocess
import sys

# Objects are named like "model_bp-document.c.o" in meson's archives.
ALLOWED = {'bp-document', 'bp-item', 'bp-stage', 'bp-lane', 'bp-step', 'bp-flow'}


def read_symbols(nm, library):
    out = subprocess.run([nm, library], capture_output=True, text=True, check=True).stdout
    defined, used = {}, {}
    member = None
    for line in out.splitlines():
        header = re.match(r'^(.*)\.c\.o:$', line)
        if header:
            member = header.group(1).split('_')[-1]
            defined[member], used[member] = set(), set()
            continue
        fields = line.split()
        if member is None or not fields:
            continue
        if len(fields) == 3 and fields[1] in 'TDRBC':
            defined[member].add(fields[2])
        elif len(fields) == 2 and fields[0] == 'U':
            used[member].add(fields[1])
    return defined, used


def strongly_connected(graph):
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.add(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(part)

    for v in graph:
        if v not in index:
            visit(v)
    return found


def main():
    nm, library = sys.argv[1], sys.argv[2]
    defined, used = read_symbols(nm, library)
    if len(defined) < 10:
        print(f'{library}: read only {len(defined)} objects')
        return 1
    owner = {symbol: member for member, symbols in defined.items() for symbol in symbols}
    graph = {member: {owner[s] for s in used[member] if s in owner and owner[s] != member}
             for member in defined}
    circles = [part for part in strongly_connected(graph) if not part <= ALLOWED]
    for part in circles:
        print('files that call each other in a circle: ' + ', '.join(sorted(part)))
    print(f'{len(defined)} files of the core, {len(circles)} circles beyond the model\'s')
    return 1 if circles else 0


if __name__ == '__main__':
    sys.exit(main())
