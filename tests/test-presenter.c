/* test-presenter.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "bp-presenter.h"
#include "bp-window.h"
#include "editor-test-utils.h"
#include "history/bp-history.h"

/* View ▸ Present (F5): the keys walk the sample stage by stage, three
 * reveals a stage; Escape goes back to the editor, nothing changed. */

static BpPresenter *
find_presenter (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *child = gtk_window_get_child (window);

      if (child != NULL && BP_IS_PRESENTER (child) && gtk_widget_get_mapped (child))
        return BP_PRESENTER (child);
    }

  return NULL;
}

static gboolean
presenter_is_shown (gpointer data)
{
  return find_presenter () != NULL;
}

static gboolean
presenter_is_gone (gpointer data)
{
  return find_presenter () == NULL;
}

/* A key as the view's key controller receives it. */
static void
press (BpPresenter *presenter,
       guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (presenter));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  g_assert_true (handled);
}

static void
assert_shows (BpPresenter       *presenter,
              guint              stage,
              BpPresenterReveal  reveal)
{
  g_assert_cmpuint (bp_presenter_get_stage (presenter), ==, stage);
  g_assert_cmpint (bp_presenter_get_reveal (presenter), ==, reveal);
}

static void
test_walk (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpDocument *document = bp_window_get_document (window);
  guint n = bp_document_get_n_stages (document);
  BpPresenter *presenter;
  const struct {
    guint             keyval;
    guint             stage;
    BpPresenterReveal reveal;
  } walk[] = {
    { GDK_KEY_Right, 0, BP_PRESENTER_REVEAL_FRONTSTAGE },
    { GDK_KEY_space, 0, BP_PRESENTER_REVEAL_ALL },
    { GDK_KEY_Page_Down, 1, BP_PRESENTER_REVEAL_CUSTOMER },
    { GDK_KEY_Left, 0, BP_PRESENTER_REVEAL_ALL },
    { GDK_KEY_Page_Up, 0, BP_PRESENTER_REVEAL_FRONTSTAGE },
    { GDK_KEY_End, n - 1, BP_PRESENTER_REVEAL_ALL },
    /* Past the end there is nothing more. */
    { GDK_KEY_Right, n - 1, BP_PRESENTER_REVEAL_ALL },
    { GDK_KEY_Home, 0, BP_PRESENTER_REVEAL_CUSTOMER },
    { GDK_KEY_Left, 0, BP_PRESENTER_REVEAL_CUSTOMER },
    /* "3" then Enter: the third stage. */
    { GDK_KEY_3, 0, BP_PRESENTER_REVEAL_CUSTOMER },
    { GDK_KEY_Return, 2, BP_PRESENTER_REVEAL_CUSTOMER },
    /* A stage the blueprint does not have: where it was. */
    { GDK_KEY_9, 2, BP_PRESENTER_REVEAL_CUSTOMER },
    { GDK_KEY_Return, 2, BP_PRESENTER_REVEAL_CUSTOMER },
  };

  g_assert_cmpuint (n, ==, 5);
  g_assert_false (bp_history_can_undo (bp_document_get_history (document)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (editor_test_wait (presenter_is_shown, NULL));
  presenter = find_presenter ();
  assert_shows (presenter, 0, BP_PRESENTER_REVEAL_CUSTOMER);

  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    {
      press (presenter, walk[i].keyval);
      assert_shows (presenter, walk[i].stage, walk[i].reveal);
    }

  /* Drawn at each step without complaint (warnings are fatal here). */
  editor_test_iterate (50);

  press (presenter, GDK_KEY_Escape);
  g_assert_true (editor_test_wait (presenter_is_gone, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (bp_history_can_undo (bp_document_get_history (document)));
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/presenter/walk", test_walk);

  return g_test_run ();
}
