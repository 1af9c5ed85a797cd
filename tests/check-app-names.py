#!/usr/bin/env python3
# check-app-names.py
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the desktop file, the metainfo, the MIME type, the icons, the
# settings schema and the flatpak manifest agree on the application's names:
# its id, its binary, its file type and where its resources live.
#   check-app-names.py SOURCE_ROOT APPLICATION_ID

import configparser
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

MIME_TYPE = 'application/x-service-blueprint+json'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'

problems = []


def expect(what, actual, expected):
    if actual != expected:
        problems.append(f'{what}: {actual!r}, expected {expected!r}')


def read_desktop(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    return parser['Desktop Entry']


def main():
    root = pathlib.Path(sys.argv[1])
    app_id = sys.argv[2]
    data = root / 'data'
    resource_path = '/' + app_id.replace('.', '/')

    needed = [data / f'{app_id}.{suffix}'
              for suffix in ('desktop.in', 'metainfo.xml.in', 'mime.xml', 'gschema.xml')]
    needed.append(root / 'flatpak' / f'{app_id}.json')
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        print('missing: ' + ', '.join(missing))
        return 1

    desktop = read_desktop(data / f'{app_id}.desktop.in')
    metainfo = ET.parse(data / f'{app_id}.metainfo.xml.in').getroot()
    mime = ET.parse(data / f'{app_id}.mime.xml').getroot()
    schema = ET.parse(data / f'{app_id}.gschema.xml').getroot().find('schema')
    manifest = json.loads((root / 'flatpak' / f'{app_id}.json').read_text(encoding='utf-8'))
    binary = metainfo.findtext('provides/binary')

    expect('metainfo id', metainfo.findtext('id'), app_id)
    expect('metainfo launchable', metainfo.findtext('launchable[@type="desktop-id"]'),
           f'{app_id}.desktop')
    expect('metainfo mediatype', metainfo.findtext('provides/mediatype'), MIME_TYPE)
    expect('desktop Icon', desktop.get('Icon'), app_id)
    expect('desktop Exec binary', desktop.get('Exec', '').split(' ')[0], binary)
    expect('desktop MimeType', desktop.get('MimeType'), MIME_TYPE + ';')
    expect('flatpak id', manifest.get('id'), app_id)
    expect('flatpak command', manifest.get('command'), binary)

    mime_type = mime.find(f'{MIME_NS}mime-type')
    expect('MIME type', mime_type.get('type'), MIME_TYPE)
    expect('MIME sub-class-of', mime_type.find(f'{MIME_NS}sub-class-of').get('type'),
           'application/json')
    expect('MIME glob', mime_type.find(f'{MIME_NS}glob').get('pattern'), '*.bpj')

    expect('schema id', schema.get('id'), app_id)
    expect('schema path', schema.get('path'), resource_path + '/')
    gresource = ET.parse(root / 'src' / 'touchpoint.gresource.xml').getroot()
    expect('GResource prefix', gresource.find('gresource').get('prefix'), resource_path)

    icons = data / 'icons' / 'hicolor'
    symbolic = icons / 'symbolic' / 'apps' / f'{app_id}-symbolic.svg'
    for icon in (icons / 'scalable' / 'apps' / f'{app_id}.svg', symbolic,
                 icons / 'scalable' / 'mimetypes' / (MIME_TYPE.replace('/', '-') + '.svg')):
        if not icon.is_file():
            problems.append(f'{icon}: missing')
    if symbolic.is_file():
        expect('symbolic icon viewBox', ET.parse(symbolic).getroot().get('viewBox'), '0 0 16 16')

    mentions = [p for p in (root / 'src').rglob('*.c') if MIME_TYPE in p.read_text(encoding='utf-8')]
    if not mentions:
        problems.append(f'src/: no file chooser filter for {MIME_TYPE}')

    for problem in problems:
        print(problem)
    print(f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
