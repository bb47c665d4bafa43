#!/usr/bin/env python3
"""Package dependency graph of audiU's compiled modules, from the JDK's jdeps.

Usage: scripts/package-graph.py [MODULE_DIR ...]   (default: every module with target/classes)
Build first (mvn -B -ntp -DskipTests package). Prints, per module, each org.audiu package's dependencies
on other org.audiu packages, then the package cycles (strongly connected components of more than one
package). Exits 1 when a module has a cycle, so it can guard a build.
"""
import glob
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
modules = sys.argv[1:] or sorted(os.path.dirname(os.path.dirname(p))
                                 for p in glob.glob(os.path.join(root, '*', 'target', 'classes')))
line_re = re.compile(r'^\s+(org\.audiu\.[\w.]+)\s+->\s+(org\.audiu\.[\w.]+)\s')


def sccs(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


failed = False
for module in modules:
    classes = os.path.join(module, 'target', 'classes')
    if not os.path.isdir(classes):
        print(f'{module}: not built (run mvn -DskipTests package first)', file=sys.stderr)
        continue
    text = subprocess.run(['jdeps', '-verbose:package', '-filter:none', classes], capture_output=True,
                          text=True).stdout
    graph = {}
    for line in text.splitlines():
        m = line_re.match(line)
        if m and m.group(1) != m.group(2):
            graph.setdefault(m.group(1), set()).add(m.group(2))
            graph.setdefault(m.group(2), set())
    own = set()
    for dirpath, _, files in os.walk(classes):
        if any(f.endswith('.class') for f in files):
            own.add(os.path.relpath(dirpath, classes).replace(os.sep, '.'))
    own = {p for p in own if p.startswith('org.audiu')}
    for p in own:
        graph.setdefault(p, set())
    name = os.path.basename(module)
    print(f'## {name}: {len(own)} packages')
    for p in sorted(own):
        deps = sorted(d for d in graph[p] if d in own)
        print(f'  {p} -> {", ".join(d.replace("org.audiu.", "") for d in deps) or "(none)"}')
    cycles = [c for c in sccs({p: {d for d in graph[p] if d in own} for p in own}) if len(c) > 1]
    if cycles:
        failed = True
        for c in cycles:
            print(f'  CYCLE: {" <-> ".join(c)}')
    else:
        print('  no package cycles')
sys.exit(1 if failed else 0)
