/* yishi-person.c — one person of the registry as the people list shows it, and the
 * reading of a page of them.
 *
 * Immutable: a changed person is a new YishiPerson from the list model.  The
 * properties are read-only, for GtkExpression-based list item factories.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <stdio.h>

#include "yishi-database-private.h"
#include "yishi-enums.h"

#include "yishi-people-list.h"

struct _YishiPerson
{
  GObject parent_instance;

  gint64 id;
  int age;
  char *name;
  char *gender;
  char *phone;
  char *id_tail;
  char *residence_type;
  char *address;
  char *grid;
  char *party_category;
  char *roles;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GENDER,
  PROP_AGE,
  PROP_PHONE,
  PROP_ID_TAIL,
  PROP_RESIDENCE_TYPE,
  PROP_ADDRESS,
  PROP_GRID,
  PROP_PARTY_CATEGORY,
  PROP_ROLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (YishiPerson, yishi_person, G_TYPE_OBJECT)

static void
yishi_person_finalize (GObject *object)
{
  YishiPerson *self = YISHI_PERSON (object);

  g_free (self->name);
  g_free (self->gender);
  g_free (self->phone);
  g_free (self->id_tail);
  g_free (self->residence_type);
  g_free (self->address);
  g_free (self->grid);
  g_free (self->party_category);
  g_free (self->roles);

  G_OBJECT_CLASS (yishi_person_parent_class)->finalize (object);
}

static void
yishi_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YishiPerson *self = YISHI_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_GENDER: g_value_set_string (value, self->gender); break;
    case PROP_AGE: g_value_set_int (value, self->age); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_ID_TAIL: g_value_set_string (value, self->id_tail); break;
    case PROP_RESIDENCE_TYPE: g_value_set_string (value, self->residence_type); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_GRID: g_value_set_string (value, self->grid); break;
    case PROP_PARTY_CATEGORY: g_value_set_string (value, self->party_category); break;
    case PROP_ROLES: g_value_set_string (value, self->roles); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_person_class_init (YishiPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = yishi_person_finalize;
  object_class->get_property = yishi_person_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GENDER] = g_param_spec_string ("gender", NULL, NULL, NULL, flags);
  properties[PROP_AGE] = g_param_spec_int ("age", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_ID_TAIL] = g_param_spec_string ("id-tail", NULL, NULL, NULL, flags);
  properties[PROP_RESIDENCE_TYPE] = g_param_spec_string ("residence-type", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_GRID] = g_param_spec_string ("grid", NULL, NULL, NULL, flags);
  properties[PROP_PARTY_CATEGORY] = g_param_spec_string ("party-category", NULL, NULL, NULL, flags);
  properties[PROP_ROLES] = g_param_spec_string ("roles", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yishi_person_init (YishiPerson *self)
{
  self->age = -1;
}

/* NULL strings become "", except @party_category, which stays NULL for people who are
 * not (or no longer) party members. */
YishiPerson *
yishi_person_new (gint64      id,
                  const char *name,
                  const char *gender,
                  int         age,
                  const char *phone,
                  const char *id_tail,
                  const char *residence_type,
                  const char *address,
                  const char *grid,
                  const char *party_category,
                  const char *roles)
{
  YishiPerson *self = g_object_new (YISHI_TYPE_PERSON, NULL);

  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->gender = g_strdup (gender ? gender : "unknown");
  self->age = age < 0 ? -1 : age;
  self->phone = g_strdup (phone ? phone : "");
  self->id_tail = g_strdup (id_tail ? id_tail : "");
  self->residence_type = g_strdup (residence_type ? residence_type : "");
  self->address = g_strdup (address ? address : "");
  self->grid = g_strdup (grid ? grid : "");
  self->party_category = party_category && *party_category ? g_strdup (party_category) : NULL;
  self->roles = g_strdup (roles ? roles : "");
  return self;
}

gint64
yishi_person_get_id (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), 0);
  return self->id;
}

const char *
yishi_person_get_name (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->name;
}

const char *
yishi_person_get_gender (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->gender;
}

int
yishi_person_get_age (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), -1);
  return self->age;
}

const char *
yishi_person_get_phone (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->phone;
}

const char *
yishi_person_get_id_tail (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->id_tail;
}

const char *
yishi_person_get_residence_type (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->residence_type;
}

const char *
yishi_person_get_address (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->address;
}

const char *
yishi_person_get_grid (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->grid;
}

const char *
yishi_person_get_party_category (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->party_category;
}

const char *
yishi_person_get_roles (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);
  return self->roles;
}

/* Reading rows ------------------------------------------------------------------- */

/* Completed years on @today of someone born on @birth_date, or -1. */
static int
age_on (const char *birth_date,
        const char *today)
{
  int by, bm, bd, ty, tm, td, age;

  if (birth_date == NULL || sscanf (birth_date, "%4d-%2d-%2d", &by, &bm, &bd) != 3 ||
      sscanf (today, "%4d-%2d-%2d", &ty, &tm, &td) != 3)
    return -1;
  age = ty - by - ((tm < bm || (tm == bm && td < bd)) ? 1 : 0);
  return age < 0 ? -1 : age;
}

static int
compare_role_index (gconstpointer a,
                    gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* "volunteer,mediator,volunteer" → "Mediator, Volunteer" in the enum's order. */
static char *
role_labels (const char *roles)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GArray) indexes = NULL;
  const YishiEnumValue *values;
  GString *labels;
  guint n_values;

  if (roles == NULL || *roles == '\0')
    return g_strdup ("");
  values = yishi_enum_values (YISHI_ENUM_ROLE, &n_values);
  parts = g_strsplit (roles, ",", -1);
  indexes = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; parts[i] != NULL; i++)
    for (guint v = 0; v < n_values; v++)
      if (g_str_equal (values[v].id, parts[i]))
        {
          int index = (int)v;

          g_array_append_val (indexes, index);
        }
  g_array_sort (indexes, compare_role_index);
  labels = g_string_new (NULL);
  for (guint i = 0; i < indexes->len; i++)
    {
      int index = g_array_index (indexes, int, i);

      if (i > 0 && g_array_index (indexes, int, i - 1) == index)
        continue;
      if (labels->len > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, yishi_enum_label (YISHI_ENUM_ROLE, values[index].id));
    }
  return g_string_free (labels, FALSE);
}

static void
unref_slot (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The people @ids, in that order, joined with their home, grid, current party category
 * and current roles; ages on @today.  NULL when the file cannot be read. */
GPtrArray *
yishi_person_load (YishiDatabase  *database,
                   const gint64   *ids,
                   guint           n_ids,
                   const char     *today,
                   GError        **error)
{
  g_autoptr (GString) sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) positions = NULL;
  g_autoptr (GPtrArray) slots = NULL;
  GPtrArray *people;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  people = g_ptr_array_new_with_free_func (g_object_unref);
  if (n_ids == 0)
    return people;

  sql = g_string_new ("SELECT p.id, p.name, p.gender, p.birth_date, p.phone,"
                      " substr (p.id_number, -4), p.residence_type, b.name, u.name, h.room, g.name,"
                      " (SELECT m.category FROM party_membership m"
                      "  WHERE m.person_id = p.id AND m.end_date IS NULL ORDER BY m.id DESC LIMIT 1),"
                      " (SELECT group_concat (r.role) FROM role_assignment r"
                      "  WHERE r.person_id = p.id AND r.end_date IS NULL)"
                      " FROM person p"
                      " LEFT JOIN household h ON h.id = p.household_id"
                      " LEFT JOIN unit u ON u.id = h.unit_id"
                      " LEFT JOIN building b ON b.id = u.building_id"
                      " LEFT JOIN grid g ON g.id = p.grid_id"
                      " WHERE p.id IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");

  stmt = yishi_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (people);
      return NULL;
    }
  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, (int)i + 1, ids[i]);
      g_hash_table_insert (positions, (gpointer)&ids[i], GUINT_TO_POINTER (i + 1));
    }

  slots = g_ptr_array_new_with_free_func (unref_slot);
  g_ptr_array_set_size (slots, (int)n_ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &id));
      const char *building = (const char *)sqlite3_column_text (stmt, 7);
      g_autofree char *address = NULL;
      g_autofree char *roles = role_labels ((const char *)sqlite3_column_text (stmt, 12));

      if (position == 0 || g_ptr_array_index (slots, position - 1) != NULL)
        continue;
      if (building != NULL)
        address = g_strconcat (building, (const char *)sqlite3_column_text (stmt, 8),
                               (const char *)sqlite3_column_text (stmt, 9), NULL);
      g_ptr_array_index (slots, position - 1) =
        yishi_person_new (id, (const char *)sqlite3_column_text (stmt, 1),
                          (const char *)sqlite3_column_text (stmt, 2),
                          age_on ((const char *)sqlite3_column_text (stmt, 3), today),
                          (const char *)sqlite3_column_text (stmt, 4),
                          (const char *)sqlite3_column_text (stmt, 5),
                          (const char *)sqlite3_column_text (stmt, 6), address,
                          (const char *)sqlite3_column_text (stmt, 10),
                          (const char *)sqlite3_column_text (stmt, 11), roles);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      g_ptr_array_unref (people);
      return NULL;
    }
  /* A row gone between the two statements leaves no hole. */
  for (guint i = 0; i < slots->len; i++)
    if (g_ptr_array_index (slots, i) != NULL)
      g_ptr_array_add (people, g_steal_pointer (&g_ptr_array_index (slots, i)));
  return people;
}
