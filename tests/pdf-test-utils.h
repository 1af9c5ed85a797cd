/* pdf-test-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each page's /MediaBox in a PDF that cairo wrote (uncompressed, one box
 * per page object), as width, height pairs of doubles, in points. */
GArray *pdf_test_page_sizes (const char *path);

G_END_DECLS
