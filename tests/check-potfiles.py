#!/usr/bin/env python3
# check-potfiles.py
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the sources: every file with translatable
# strings is listed, and every listed file exists.
#   check-potfiles.py SOURCE_ROOT

import pathlib
import re
import sys

# _("…"), N_("…"), C_("ctx", "…"), NC_(…), Q_(…), ngettext and its g_d*
# cousins, but not some_function (…) that only ends in an underscore.
C_MARKS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(\s*"'
                     r'|\b(?:g_d?n?gettext|g_dpgettext2?|g_dcgettext|d?c?n?gettext)\s*\(')
UI_MARKS = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.IGNORECASE)

# Files under data/ that always carry text for translators.
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in',
                 '.gschema.xml', '.mime.xml')


def has_translatable_strings(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    if path.suffix in ('.c', '.h'):
        return C_MARKS.search(text) is not None
    if path.suffix == '.ui':
        return UI_MARKS.search(text) is not None
    return False


def files_needing_translation(root):
    for path in sorted((root / 'src').rglob('*')):
        if path.is_file() and path.suffix in ('.c', '.h', '.ui') and has_translatable_strings(path):
            yield path.relative_to(root).as_posix()
    for path in sorted((root / 'data').rglob('*')):
        if path.is_file() and path.name.endswith(DATA_SUFFIXES):
            yield path.relative_to(root).as_posix()


def listed_files(potfiles):
    listed = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            # intltool's "[type: gettext/glade]path" prefix is allowed.
            listed.append(re.sub(r'^\[[^]]*\]\s*', '', line))
    return listed


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    potfiles = root / 'po' / 'POTFILES.in'
    listed = listed_files(potfiles)
    problems = []

    for name in sorted(set(listed)):
        if not (root / name).is_file():
            problems.append(f'{potfiles}: {name}: listed but does not exist')
    for name in sorted(set(n for n in listed if listed.count(n) > 1)):
        problems.append(f'{potfiles}: {name}: listed more than once')

    needed = list(files_needing_translation(root))
    for name in needed:
        if name not in listed:
            problems.append(f'{potfiles}: {name}: has translatable strings but is not listed')

    for problem in problems:
        print(problem)
    print(f'{len(needed)} files with translatable strings, {len(listed)} listed, '
          f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
