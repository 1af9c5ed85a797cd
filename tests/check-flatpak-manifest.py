#!/usr/bin/env python3
# check-flatpak-manifest.py
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the flatpak manifest without flatpak-builder: it is JSON without
# duplicate keys, uses only the keys flatpak-builder knows (flatpak-manifest(5)),
# names the application, builds it from this source tree with its tests, and
# asks for no permission beyond a window and the GPU.
#   check-flatpak-manifest.py MANIFEST APPLICATION_ID

import json
import pathlib
import sys

TOPLEVEL_KEYS = {
    'id', 'app-id', 'id-platform', 'branch', 'default-branch', 'collection-id',
    'extension-tag', 'token-type', 'runtime', 'runtime-commit', 'runtime-version',
    'sdk', 'sdk-commit', 'base', 'base-commit', 'base-version', 'base-extensions',
    'var', 'metadata', 'metadata-platform', 'command', 'build-options', 'modules',
    'add-extensions', 'add-build-extensions', 'cleanup', 'cleanup-commands',
    'cleanup-platform', 'cleanup-platform-commands', 'prepare-platform-commands',
    'finish-args', 'inherit-extensions', 'inherit-sdk-extensions', 'build-runtime',
    'build-extension', 'separate-locales', 'writable-sdk', 'appstream-compose',
    'sdk-extensions', 'platform-extensions', 'tags', 'rename-desktop-file',
    'rename-appdata-file', 'rename-mime-file', 'appdata-license', 'rename-icon',
    'rename-mime-icons', 'copy-icon', 'desktop-file-name-prefix',
    'desktop-file-name-suffix',
}

MODULE_KEYS = {
    'name', 'subdir', 'rm-configure', 'disabled', 'no-autogen', 'no-parallel-make',
    'no-make-install', 'no-python-timestamp-fix', 'cmake', 'buildsystem',
    'install-rule', 'test-rule', 'builddir', 'sources', 'config-opts', 'secret-opts',
    'secret-env', 'make-args', 'make-install-args', 'ensure-writable', 'only-arches',
    'skip-arches', 'post-install', 'build-options', 'cleanup', 'cleanup-platform',
    'modules', 'build-commands', 'test-commands', 'run-tests', 'license-files',
}

BUILD_OPTIONS_KEYS = {
    'cflags', 'cflags-override', 'cgo-cflags', 'cgo-cflags-override', 'cxxflags',
    'cxxflags-override', 'cgo-cxxflags', 'cgo-cxxflags-override', 'cppflags',
    'cppflags-override', 'ldflags', 'ldflags-override', 'cgo-ldflags',
    'cgo-ldflags-override', 'rustflags', 'rustflags-override', 'append-path',
    'prepend-path', 'append-ld-library-path', 'prepend-ld-library-path',
    'append-pkg-config-path', 'prepend-pkg-config-path', 'prefix', 'libdir', 'env',
    'arch', 'build-args', 'test-args', 'config-opts', 'secret-opts', 'secret-env',
    'make-args', 'make-install-args', 'strip', 'no-debuginfo',
    'no-debuginfo-compression',
}

BUILDSYSTEMS = {'autotools', 'cmake', 'cmake-ninja', 'meson', 'simple', 'qmake'}

SOURCE_COMMON_KEYS = {'type', 'dest', 'only-arches', 'skip-arches'}
SOURCE_KEYS = {
    'archive': {'path', 'url', 'md5', 'sha1', 'sha256', 'sha512', 'strip-components',
                'dest-filename', 'mirror-urls', 'git-init', 'archive-type', 'referer',
                'disable-http-decompression'},
    'file': {'path', 'url', 'md5', 'sha1', 'sha256', 'sha512', 'dest-filename',
             'mirror-urls', 'referer', 'disable-http-decompression'},
    'dir': {'path', 'skip'},
    'git': {'url', 'path', 'branch', 'tag', 'commit', 'disable-fsckobjects',
            'disable-shallow-clone', 'disable-submodules', 'disable-lfs'},
    'bzr': {'url', 'revision'},
    'svn': {'url', 'revision'},
    'patch': {'path', 'paths', 'strip-components', 'use-git', 'options', 'use-git-am'},
    'script': {'commands', 'dest-filename'},
    'inline': {'contents', 'base64', 'dest-filename'},
    'shell': {'commands'},
    'extra-data': {'url', 'filename', 'sha256'},
}

# Files reach Touchpoint through the file chooser portal, so the sandbox
# needs a window (Wayland, or X11 where there is no Wayland), the GPU, and
# nothing else.
ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}
BROAD_FILESYSTEMS = ('home', 'host', 'host-os', 'host-etc', '~', '/')


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def problem(self, where, message):
        self.problems.append(f'{self.path}: {where}: {message}')

    def unknown_keys(self, where, obj, known):
        for key in obj:
            if key not in known:
                self.problem(where, f'unknown key "{key}"')

    def check_source(self, where, source):
        if not isinstance(source, dict):
            if not isinstance(source, str):
                self.problem(where, 'a source is an object or a file name')
            return
        kind = source.get('type')
        if kind not in SOURCE_KEYS:
            self.problem(where, f'unknown source type {kind!r}')
            return
        self.unknown_keys(where, source, SOURCE_COMMON_KEYS | SOURCE_KEYS[kind])

    def check_module(self, where, module):
        if isinstance(module, str):
            if not (self.path.parent / module).is_file():
                self.problem(where, f'module file "{module}" does not exist')
            return
        if not isinstance(module, dict):
            self.problem(where, 'a module is an object or a file name')
            return
        self.unknown_keys(where, module, MODULE_KEYS)
        if not isinstance(module.get('name'), str):
            self.problem(where, 'a module needs a "name"')
        if 'buildsystem' in module and module['buildsystem'] not in BUILDSYSTEMS:
            self.problem(where, f'unknown buildsystem {module["buildsystem"]!r}')
        if isinstance(module.get('build-options'), dict):
            self.unknown_keys(where + '.build-options', module['build-options'],
                              BUILD_OPTIONS_KEYS)
        for i, source in enumerate(module.get('sources', [])):
            self.check_source(f'{where}.sources[{i}]', source)
        for i, child in enumerate(module.get('modules', [])):
            self.check_module(f'{where}.modules[{i}]', child)

    def check_finish_args(self, finish_args):
        for arg in finish_args:
            if arg.startswith('--filesystem='):
                place = arg.split('=', 1)[1].split(':')[0]
                if place in BROAD_FILESYSTEMS or place.startswith(('~/', '/home', 'home/')):
                    self.problem('finish-args', f'"{arg}" opens the whole home or host; '
                                 'files go through the portal')
                    continue
            if arg not in ALLOWED_FINISH_ARGS:
                self.problem('finish-args', f'"{arg}" is not one of the permissions '
                             'Touchpoint needs: ' + ', '.join(sorted(ALLOWED_FINISH_ARGS)))
        for arg in ('--socket=wayland', '--socket=fallback-x11'):
            if arg not in finish_args:
                self.problem('finish-args', f'"{arg}" is missing: no window without it')

    def check_app_module(self, modules, root):
        """The last module is Touchpoint: from this tree, with meson, tested."""
        app = modules[-1] if modules else None
        if not isinstance(app, dict):
            self.problem('modules', 'the last module must be Touchpoint itself')
            return
        if app.get('buildsystem') != 'meson':
            self.problem('modules[-1]', 'Touchpoint builds with meson')
        if app.get('run-tests') is not True:
            self.problem('modules[-1]', '"run-tests" must be true')
        dirs = [s for s in app.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
        if not dirs:
            self.problem('modules[-1]', 'Touchpoint is built from the local tree (a "dir" source)')
            return
        tree = (self.path.parent / dirs[0].get('path', '')).resolve()
        if tree != root.resolve():
            self.problem('modules[-1].sources', f'the "dir" source is {tree}, not {root}')

    def check(self, app_id, root):
        duplicates = []

        def no_duplicates(pairs):
            keys = [key for key, _ in pairs]
            duplicates.extend(sorted({key for key in keys if keys.count(key) > 1}))
            return dict(pairs)

        try:
            manifest = json.loads(self.path.read_text(encoding='utf-8'),
                                  object_pairs_hook=no_duplicates)
        except (OSError, ValueError) as error:
            self.problem('parse', str(error))
            return
        for key in duplicates:
            self.problem('parse', f'key "{key}" appears twice')
        if not isinstance(manifest, dict):
            self.problem('toplevel', 'the manifest is a JSON object')
            return

        self.unknown_keys('toplevel', manifest, TOPLEVEL_KEYS)
        for key in ('runtime', 'runtime-version', 'sdk', 'command'):
            if not isinstance(manifest.get(key), str):
                self.problem('toplevel', f'"{key}" must be a string')
        manifest_id = manifest.get('id', manifest.get('app-id'))
        if manifest_id != app_id:
            self.problem('id', f'{manifest_id!r} is not {app_id!r}')
        if self.path.name != f'{app_id}.json':
            self.problem('name', f'the manifest is named {app_id}.json')
        if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
            self.problem('runtime', 'Touchpoint runs on org.gnome.Platform, built with org.gnome.Sdk')

        finish_args = manifest.get('finish-args', [])
        if not isinstance(finish_args, list) or not all(isinstance(a, str) for a in finish_args):
            self.problem('finish-args', 'a list of strings')
        else:
            self.check_finish_args(finish_args)

        if isinstance(manifest.get('build-options'), dict):
            self.unknown_keys('build-options', manifest['build-options'], BUILD_OPTIONS_KEYS)
        modules = manifest.get('modules')
        if not isinstance(modules, list) or not modules:
            self.problem('modules', 'a non-empty list')
            return
        for i, module in enumerate(modules):
            self.check_module(f'modules[{i}]', module)
        self.check_app_module(modules, root)


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} MANIFEST APPLICATION_ID', file=sys.stderr)
        return 2
    path = pathlib.Path(sys.argv[1])
    checker = Checker(path)
    checker.check(sys.argv[2], pathlib.Path(__file__).resolve().parent.parent)
    for problem in checker.problems:
        print(problem)
    print(f'{path}: {len(checker.problems)} problems')
    return 1 if checker.problems else 0


if __name__ == '__main__':
    sys.exit(main())
