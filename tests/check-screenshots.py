#!/usr/bin/env python3
# check-screenshots.py
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every screenshot the metainfo names is a file in this tree, a PNG of a
# size software centres show: the addresses point at the main branch, so
# a missing or renamed file would only show up once published.
#   check-screenshots.py SOURCE_ROOT METAINFO_IN

import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/touchpoint/touchpoint/main/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    root, metainfo = sys.argv[1], sys.argv[2]
    images = ET.parse(metainfo).getroot().findall('./screenshots/screenshot/image')
    problems = []

    if not images:
        problems.append('no screenshots')
    for image in images:
        url = (image.text or '').strip()
        if not url.startswith(PREFIX):
            problems.append(f'{url}: not under {PREFIX}')
            continue
        path = f'{root}/{url[len(PREFIX):]}'
        try:
            size = png_size(path)
        except OSError as error:
            problems.append(f'{url}: {error.strerror}')
            continue
        if size is None:
            problems.append(f'{path}: not a PNG')
        elif size[0] < 620 or size[1] < 350:
            problems.append(f'{path}: {size[0]}×{size[1]} is smaller than 620×350')
        else:
            print(f'ok {path} {size[0]}×{size[1]}')

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
