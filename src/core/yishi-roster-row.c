/* yishi-roster-row.c — one data row of an imported roster: its repaired values and its
 * verdict; and the repairs themselves.
 *
 * A roster has up to 10⁵–10⁶ rows, so a row keeps its values in one block of memory.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-person-check.h"

#include "yishi-roster-import.h"

struct _YishiRosterRow
{
  GObject parent_instance;

  guint source_row;
  guint sheet_row;
  YishiRosterVerdict verdict;
  char *block;                              /* the values, NUL-separated */
  const char *values[N_YISHI_ROSTER_FIELDS]; /* into @block, or NULL */
  char *reason;                             /* NULL for "" */
  char *repairs;                            /* NULL for "" */
};

G_DEFINE_FINAL_TYPE (YishiRosterRow, yishi_roster_row, G_TYPE_OBJECT)

static void
yishi_roster_row_finalize (GObject *object)
{
  YishiRosterRow *self = (YishiRosterRow *)object;

  g_clear_pointer (&self->block, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->repairs, g_free);

  G_OBJECT_CLASS (yishi_roster_row_parent_class)->finalize (object);
}

static void
yishi_roster_row_class_init (YishiRosterRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_roster_row_finalize;
}

static void
yishi_roster_row_init (YishiRosterRow *self)
{
  self->verdict = YISHI_ROSTER_ROW_NEW;
}

YishiRosterRow *
yishi_roster_row_new (guint              source_row,
                      guint              sheet_row,
                      const char *const *values)
{
  YishiRosterRow *self = g_object_new (YISHI_TYPE_ROSTER_ROW, NULL);
  gsize lengths[N_YISHI_ROSTER_FIELDS];
  gsize total = 0;
  char *p;

  self->source_row = source_row;
  self->sheet_row = sheet_row;

  for (guint i = 0; i < N_YISHI_ROSTER_FIELDS; i++)
    {
      lengths[i] = values[i] != NULL ? strlen (values[i]) + 1 : 0;
      total += lengths[i];
    }
  if (total == 0)
    return self;

  p = self->block = g_malloc (total);
  for (guint i = 0; i < N_YISHI_ROSTER_FIELDS; i++)
    if (values[i] != NULL)
      {
        memcpy (p, values[i], lengths[i]);
        self->values[i] = p;
        p += lengths[i];
      }
  return self;
}

void
yishi_roster_row_set_verdict (YishiRosterRow     *self,
                              YishiRosterVerdict  verdict,
                              const char         *reason,
                              const char         *repairs)
{
  g_return_if_fail (YISHI_IS_ROSTER_ROW (self));

  self->verdict = verdict;
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->repairs, g_free);
  if (reason != NULL && *reason != '\0')
    self->reason = g_strdup (reason);
  if (repairs != NULL && *repairs != '\0')
    self->repairs = g_strdup (repairs);
}

guint
yishi_roster_row_get_source_row (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), 0);

  return self->source_row;
}

guint
yishi_roster_row_get_sheet_row (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), 0);

  return self->sheet_row;
}

YishiRosterVerdict
yishi_roster_row_get_verdict (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), YISHI_ROSTER_ROW_REJECTED);

  return self->verdict;
}

const char *
yishi_roster_row_get_reason (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), "");

  return self->reason != NULL ? self->reason : "";
}

const char *
yishi_roster_row_get_repairs (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), "");

  return self->repairs != NULL ? self->repairs : "";
}

const char *
yishi_roster_row_get_value (YishiRosterRow   *self,
                            YishiRosterField  field)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), NULL);
  g_return_val_if_fail (field < N_YISHI_ROSTER_FIELDS, NULL);

  return self->values[field];
}

/* Repairs ---------------------------------------------------------------------------- */

void
yishi_roster_add_note (GString    *notes,
                       const char *note)
{
  if (notes->len > 0)
    g_string_append (notes, "; ");
  g_string_append (notes, note);
}

/* Free text the registry accepts: at most @max_chars characters, no control characters
 * (newlines and tabs allowed when @multiline).  Returns a reason, or NULL. */
static char *
text_problem (YishiRosterField  field,
              const char       *text,
              glong             max_chars,
              gboolean          multiline)
{
  g_autofree char *label = NULL;
  glong length = 0;
  gboolean control = FALSE;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      length++;
      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
        control = TRUE;
    }
  if (length <= max_chars && !control)
    return NULL;
  label = g_utf8_strdown (yishi_roster_field_label (field), -1);
  if (control)
    return g_strdup_printf (_("the %s holds control characters"), label);
  return g_strdup_printf (_("the %s is longer than %ld characters"), label, max_chars);
}

/* 1985.03, 1985-3, 1985/03, 1985年3月, 198503: a month without its day. */
static gboolean
is_year_month (const char *text)
{
  const char *p = text;
  int digits = 0;

  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (digits == 6 && *p == '\0')
    return TRUE;
  if (digits != 4)
    return FALSE;
  if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  else if (*p == '.' || *p == '-' || *p == '/')
    p++;
  else
    return FALSE;
  digits = 0;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (digits < 1 || digits > 2)
    return FALSE;
  if (g_str_has_prefix (p, "月"))
    p += strlen ("月");
  return *p == '\0';
}

/* A date cell or text as YYYY-MM-DD; NULL when it is none.  Sets @rewritten when the
 * text had another form. */
static char *
read_date (const char    *text,
           YishiCellKind  kind,
           gboolean      *rewritten,
           gboolean      *year_month)
{
  char *iso = NULL;

  *rewritten = FALSE;
  *year_month = FALSE;
  if (kind == YISHI_CELL_NUMBER && strlen (text) != 8)
    {
      /* A day number of the 1900 system without a date format. */
      char *end = NULL;
      double serial = g_ascii_strtod (text, &end);

      if (end != NULL && *end == '\0' && serial >= 1.0 && serial < 73051.0) /* 2100-01-01 */
        {
          iso = yishi_date_from_serial (serial);
          if (iso != NULL)
            *rewritten = TRUE;
          return iso;
        }
    }
  if (!yishi_date_repair (text, &iso, NULL))
    {
      *year_month = is_year_month (text);
      return NULL;
    }
  *rewritten = strcmp (iso, text) != 0;
  return iso;
}

static const char *
enum_reason (YishiRosterField field)
{
  switch (field)
    {
    case YISHI_ROSTER_FIELD_GENDER:
      return _("the gender is neither 男 nor 女");
    case YISHI_ROSTER_FIELD_RESIDENCE_TYPE:
      return _("the residence type is not one of 户籍, 常住, 流动 and 租户");
    case YISHI_ROSTER_FIELD_POLITICAL_STATUS:
      return _("the political status is not one of 中共党员, 预备党员, 共青团员, 民主党派 and 群众");
    case YISHI_ROSTER_FIELD_PARTY_CATEGORY:
      return _("the party category is not one of 直管, 在职, 流动 and 离退休");
    default:
      g_assert_not_reached ();
    }
}

static const char *
id_reason (const GError *error)
{
  if (error->domain == YISHI_PERSON_CHECK_ERROR)
    switch (error->code)
      {
      case YISHI_PERSON_CHECK_ERROR_ID_LENGTH:
        return _("the ID number does not have 18 characters");
      case YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS:
        return _("the ID number holds something other than 17 digits and a final digit or X");
      case YISHI_PERSON_CHECK_ERROR_ID_REGION:
        return _("the region code at the start of the ID number is not a possible one");
      case YISHI_PERSON_CHECK_ERROR_ID_DATE:
        return _("the birth date within the ID number is impossible");
      case YISHI_PERSON_CHECK_ERROR_ID_CHECK_DIGIT:
        return _("the check digit of the ID number is wrong");
      default:
        break;
      }
  return _("the ID number is not valid");
}

/**
 * yishi_roster_repair_values:
 * @values: per field, the trimmed text of its cell (g_malloc'd; NULL when the cell is
 *   empty or the field not mapped): repaired in place
 * @kinds: per field, the kind of its cell
 *
 * Repairs what is unambiguous and appends the reasons of a rejection and the notes of
 * the repairs ("; "-joined, translated, quoting no personal data).
 */
void
yishi_roster_repair_values (char               **values,
                            const YishiCellKind *kinds,
                            const char          *today,
                            GString             *reasons,
                            GString             *repairs)
{
  g_autofree char *id_birth = NULL;
  const char *id_gender = NULL;
  char *value;

  /* Name: a footer such as 制表人：… or 合计 12 人 in the name column is no person. */
  if (values[YISHI_ROSTER_FIELD_NAME] == NULL)
    yishi_roster_add_note (reasons, _("the name is empty"));
  else if (strpbrk (values[YISHI_ROSTER_FIELD_NAME], "0123456789:") != NULL ||
           strstr (values[YISHI_ROSTER_FIELD_NAME], "：") != NULL)
    yishi_roster_add_note (reasons, _("the name holds digits or a colon: it looks like a note, "
                                      "not a person’s name"));

  /* ID number first: the birth date and gender follow from it. */
  if ((value = values[YISHI_ROSTER_FIELD_ID_NUMBER]) != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *normalised = NULL;

      if (kinds[YISHI_ROSTER_FIELD_ID_NUMBER] == YISHI_CELL_NUMBER && strpbrk (value, "eE") != NULL)
        yishi_roster_add_note (reasons, _("the ID number was saved as a number and its last digits are "
                                "lost: format the column as text and enter the numbers again"));
      else if (!yishi_id_number_parse (value, &normalised, &id_birth, &id_gender, &error))
        yishi_roster_add_note (reasons, id_reason (error));
      else
        {
          gsize length = strlen (value);

          if (length > 0 && value[length - 1] == 'x')
            yishi_roster_add_note (repairs, _("the lower-case x of the ID number was made upper-case"));
          else if (strcmp (normalised, value) != 0)
            yishi_roster_add_note (repairs, _("the ID number was written in its standard form"));
          g_free (values[YISHI_ROSTER_FIELD_ID_NUMBER]);
          values[YISHI_ROSTER_FIELD_ID_NUMBER] = g_steal_pointer (&normalised);
        }
    }

  /* Gender */
  if ((value = values[YISHI_ROSTER_FIELD_GENDER]) != NULL)
    {
      const char *gender = yishi_roster_field_map_value (YISHI_ROSTER_FIELD_GENDER, value);

      if (gender == NULL)
        yishi_roster_add_note (reasons, enum_reason (YISHI_ROSTER_FIELD_GENDER));
      else
        {
          if (id_gender != NULL && !g_str_equal (gender, id_gender))
            {
              yishi_roster_add_note (repairs, _("the gender contradicts the ID number: the ID number’s "
                                      "was taken"));
              gender = id_gender;
            }
          g_free (values[YISHI_ROSTER_FIELD_GENDER]);
          values[YISHI_ROSTER_FIELD_GENDER] = g_strdup (gender);
        }
    }
  else if (id_gender != NULL)
    values[YISHI_ROSTER_FIELD_GENDER] = g_strdup (id_gender);

  /* Birth date */
  if ((value = values[YISHI_ROSTER_FIELD_BIRTH_DATE]) != NULL)
    {
      gboolean rewritten, year_month;
      g_autofree char *date = read_date (value, kinds[YISHI_ROSTER_FIELD_BIRTH_DATE],
                                         &rewritten, &year_month);

      if (date == NULL && year_month && id_birth != NULL)
        {
          yishi_roster_add_note (repairs, _("the birth date has no day: the ID number’s was taken"));
          date = g_strdup (id_birth);
        }
      else if (date == NULL && year_month)
        yishi_roster_add_note (reasons, _("the birth date has no day"));
      else if (date == NULL)
        yishi_roster_add_note (reasons, _("the birth date is not a possible date"));
      else if (strcmp (date, today) > 0)
        {
          yishi_roster_add_note (reasons, _("the birth date is in the future"));
          g_clear_pointer (&date, g_free);
        }
      else
        {
          if (rewritten)
            yishi_roster_add_note (repairs, _("the birth date was rewritten as YYYY-MM-DD"));
          if (id_birth != NULL && !g_str_equal (date, id_birth))
            {
              yishi_roster_add_note (repairs, _("the birth date contradicts the ID number: the ID "
                                      "number’s was taken"));
              g_free (date);
              date = g_strdup (id_birth);
            }
        }
      if (date != NULL)
        {
          g_free (values[YISHI_ROSTER_FIELD_BIRTH_DATE]);
          values[YISHI_ROSTER_FIELD_BIRTH_DATE] = g_steal_pointer (&date);
        }
    }
  else if (id_birth != NULL)
    values[YISHI_ROSTER_FIELD_BIRTH_DATE] = g_steal_pointer (&id_birth);

  /* Phone */
  if ((value = values[YISHI_ROSTER_FIELD_PHONE]) != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *phone = NULL;
      gboolean as_number = kinds[YISHI_ROSTER_FIELD_PHONE] == YISHI_CELL_NUMBER ||
                           strpbrk (value, ".eE") != NULL;

      if (!yishi_phone_repair (value, &phone, &error))
        {
          if (g_error_matches (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE_SCIENTIFIC))
            yishi_roster_add_note (reasons, _("the phone number was saved in scientific notation and its "
                                    "last digits are lost"));
          else
            yishi_roster_add_note (reasons, _("the phone number is neither a mobile number nor a landline "
                                    "with its area code"));
        }
      else
        {
          if (as_number)
            yishi_roster_add_note (repairs, _("the phone number was stored as a number"));
          else if (strcmp (phone, value) != 0)
            yishi_roster_add_note (repairs, _("the phone number was written in its standard form"));
          g_free (values[YISHI_ROSTER_FIELD_PHONE]);
          values[YISHI_ROSTER_FIELD_PHONE] = g_steal_pointer (&phone);
        }
    }

  /* The enumerated columns */
  {
    static const YishiRosterField enums[] = { YISHI_ROSTER_FIELD_RESIDENCE_TYPE,
                                              YISHI_ROSTER_FIELD_POLITICAL_STATUS,
                                              YISHI_ROSTER_FIELD_PARTY_CATEGORY };

    for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
      if ((value = values[enums[i]]) != NULL)
        {
          const char *id = yishi_roster_field_map_value (enums[i], value);

          if (id == NULL)
            yishi_roster_add_note (reasons, enum_reason (enums[i]));
          else
            {
              g_free (values[enums[i]]);
              values[enums[i]] = g_strdup (id);
            }
        }
  }

  /* Party membership */
  {
    const char *category = values[YISHI_ROSTER_FIELD_PARTY_CATEGORY];
    const char *status = values[YISHI_ROSTER_FIELD_POLITICAL_STATUS];
    gboolean category_known = category != NULL &&
      yishi_roster_field_map_value (YISHI_ROSTER_FIELD_PARTY_CATEGORY, category) != NULL;

    if (category_known && status != NULL && !g_str_equal (status, "party_member") &&
        !g_str_equal (status, "probationary_member") &&
        yishi_roster_field_map_value (YISHI_ROSTER_FIELD_POLITICAL_STATUS, status) != NULL)
      yishi_roster_add_note (reasons, _("a party category is given, but the political status is not a "
                              "party member’s"));
    else if (category_known && status == NULL)
      values[YISHI_ROSTER_FIELD_POLITICAL_STATUS] = g_strdup ("party_member");

    /* What only a membership holds, as yishi_registry_set_membership () keeps it. */
    if (category == NULL &&
        (values[YISHI_ROSTER_FIELD_PARTY_BRANCH] != NULL || values[YISHI_ROSTER_FIELD_PARTY_GROUP] != NULL ||
         values[YISHI_ROSTER_FIELD_JOINED_DATE] != NULL || values[YISHI_ROSTER_FIELD_EMPLOYER] != NULL))
      {
        yishi_roster_add_note (repairs, _("the party branch, party group, joining date and employer "
                                          "are kept only for party members with a category: left out"));
        g_clear_pointer (&values[YISHI_ROSTER_FIELD_PARTY_BRANCH], g_free);
        g_clear_pointer (&values[YISHI_ROSTER_FIELD_PARTY_GROUP], g_free);
        g_clear_pointer (&values[YISHI_ROSTER_FIELD_JOINED_DATE], g_free);
        g_clear_pointer (&values[YISHI_ROSTER_FIELD_EMPLOYER], g_free);
      }
    else if (category_known && values[YISHI_ROSTER_FIELD_EMPLOYER] != NULL &&
             !g_str_equal (category, "in_service"))
      {
        yishi_roster_add_note (repairs, _("the employer is kept only for in-service party members: "
                                          "left out"));
        g_clear_pointer (&values[YISHI_ROSTER_FIELD_EMPLOYER], g_free);
      }
  }

  if ((value = values[YISHI_ROSTER_FIELD_JOINED_DATE]) != NULL)
    {
      gboolean rewritten, year_month;
      g_autofree char *date = read_date (value, kinds[YISHI_ROSTER_FIELD_JOINED_DATE],
                                         &rewritten, &year_month);

      if (date == NULL && year_month)
        yishi_roster_add_note (reasons, _("the date of joining the party has no day"));
      else if (date == NULL)
        yishi_roster_add_note (reasons, _("the date of joining the party is not a possible date"));
      else if (strcmp (date, today) > 0)
        yishi_roster_add_note (reasons, _("the date of joining the party is in the future"));
      else
        {
          if (rewritten)
            yishi_roster_add_note (repairs, _("the date of joining the party was rewritten as YYYY-MM-DD"));
          g_free (values[YISHI_ROSTER_FIELD_JOINED_DATE]);
          values[YISHI_ROSTER_FIELD_JOINED_DATE] = g_steal_pointer (&date);
        }
    }

  /* Free text */
  {
    static const struct { YishiRosterField field; glong max; gboolean multiline; } limits[] = {
      { YISHI_ROSTER_FIELD_NAME, 64, FALSE },
      { YISHI_ROSTER_FIELD_GRID, 40, FALSE }, { YISHI_ROSTER_FIELD_BUILDING, 40, FALSE },
      { YISHI_ROSTER_FIELD_UNIT, 40, FALSE }, { YISHI_ROSTER_FIELD_ROOM, 40, FALSE },
      { YISHI_ROSTER_FIELD_PARTY_BRANCH, 64, FALSE }, { YISHI_ROSTER_FIELD_PARTY_GROUP, 64, FALSE },
      { YISHI_ROSTER_FIELD_EMPLOYER, 100, FALSE }, { YISHI_ROSTER_FIELD_NOTES, 2000, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
      {
        g_autofree char *note = text_problem (limits[i].field, values[limits[i].field],
                                              limits[i].max, limits[i].multiline);

        if (note != NULL)
          yishi_roster_add_note (reasons, note);
      }
  }

  /* The place: grid, building, unit, room, from the top down. */
  {
    static const YishiRosterField levels[] = { YISHI_ROSTER_FIELD_GRID, YISHI_ROSTER_FIELD_BUILDING,
                                               YISHI_ROSTER_FIELD_UNIT, YISHI_ROSTER_FIELD_ROOM };
    gboolean gap = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
      if (values[levels[i]] == NULL)
        gap = TRUE;
      else if (gap)
        {
          yishi_roster_add_note (reasons, _("the address skips a level: a building needs its grid, a unit "
                                  "its building and a room its unit"));
          break;
        }
  }
}
