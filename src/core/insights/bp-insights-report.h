/* bp-insights-report.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "insights/bp-insights.h"

G_BEGIN_DECLS

/* The report of `touchpoint --report`: the totals, a table of the
 * stages, the flows left out as rework, and the checks as
 * "FILE: check: item: message" lines, each line ending in "\n".
 * @document gives the stages' names; @display_name names the file. */
char  *bp_insights_report_text (BpInsights *insights,
                                BpDocument *document,
                                const char *display_name);

/* The same as one JSON object (`--report-format=json`), in the shape the
 * README documents: elapsed, crossings, stages, flows, checks. Seconds
 * are written as integers when whole. Ends in "\n". */
char  *bp_insights_report_json (BpInsights *insights);

G_END_DECLS
