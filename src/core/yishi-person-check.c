/* yishi-person-check.c — checks and unambiguous repairs of what describes a person.
 *
 * Everything here is a pure function of its arguments (and of today's date for birth
 * dates in the future). Messages say what is wrong and where, but never repeat a whole
 * ID number or phone number: callers may show them in lists that others can see.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "yishi-clock.h"

#include "yishi-person-check.h"

G_DEFINE_QUARK (yishi-person-check-error-quark, yishi_person_check_error)

/* Text helpers ---------------------------------------------------------------------- */

/* Length in bytes of the space at @p that trimming removes, or 0. */
static gsize
space_at (const char *p)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f')
    return 1;
  if ((guchar)p[0] == 0xC2 && (guchar)p[1] == 0xA0) /* U+00A0 */
    return 2;
  if ((guchar)p[0] == 0xE3 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0x80) /* U+3000 */
    return 3;
  return 0;
}

/* Length in bytes of the space that ends at @end (exclusive), not before @start. */
static gsize
space_before (const char *start,
              const char *end)
{
  gsize n = (gsize)(end - start);

  if (n >= 1 && space_at (end - 1) == 1)
    return 1;
  if (n >= 2 && space_at (end - 2) == 2)
    return 2;
  if (n >= 3 && space_at (end - 3) == 3)
    return 3;
  return 0;
}

/**
 * yishi_text_trim:
 * @text: (nullable): any text
 * @changed: (out) (optional): whether something was removed
 *
 * Returns: (transfer full): @text without ASCII white space, U+3000 and U+00A0 around it
 */
char *
yishi_text_trim (const char *text,
                 gboolean   *changed)
{
  const char *start = text != NULL ? text : "";
  const char *end;
  gsize n;

  while ((n = space_at (start)) > 0)
    start += n;
  end = start + strlen (start);
  while ((n = space_before (start, end)) > 0)
    end -= n;
  if (changed != NULL)
    *changed = text != NULL && (start != text || *end != '\0');
  return g_strndup (start, (gsize)(end - start));
}

/* @text trimmed, with full-width forms U+FF01…U+FF5E folded to ASCII and U+3000 to a
 * space, so that "１３８" reads as "138". */
static char *
fold (const char *text)
{
  g_autofree char *trimmed = yishi_text_trim (text, NULL);
  GString *folded = g_string_sized_new (strlen (trimmed));

  for (const char *p = trimmed; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_c (folded, *p);
          p++;
          continue;
        }
      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (folded, (char)(c - 0xFF01 + 0x21));
      else if (c == 0x3000 || c == 0x00A0)
        g_string_append_c (folded, ' ');
      else
        g_string_append_unichar (folded, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (folded, FALSE);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
digits_value (const char *text,
              gsize       length)
{
  int value = 0;

  for (gsize i = 0; i < length; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

static gboolean
parse_iso_date (const char *text,
                int        *year,
                int        *month,
                int        *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;
  *year = digits_value (text, 4);
  *month = digits_value (text + 5, 2);
  *day = digits_value (text + 8, 2);
  return *year >= 1 && g_date_valid_dmy ((GDateDay)*day, (GDateMonth)*month, (GDateYear)*year);
}

/* ID numbers ------------------------------------------------------------------------ */

static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

static char
id_check_digit (const char *digits)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (digits[i] - '0') * id_weights[i];
  return "10X98765432"[sum % 11];
}

/**
 * yishi_id_number_parse:
 *
 * Checks, in order: the length, the characters, the region (first digit 1–8), the
 * birth date (a real day from 1900 to today) and the check digit.
 */
/* Today's date, looked up at most once a second per thread: an import checks 100,000 ID
 * numbers, and each lookup of the local time zone costs a few microseconds.  A fixed
 * clock (YISHI_NOW, in tests) is never cached. */
static char *
today_cached (void)
{
  static _Thread_local char cached[11];
  static _Thread_local gint64 cached_second = -1;
  const char *fixed = g_getenv ("YISHI_NOW");
  gint64 second = g_get_monotonic_time () / G_USEC_PER_SEC;

  if ((fixed != NULL && *fixed != '\0') || second != cached_second)
    {
      g_autofree char *today = yishi_clock_today ();

      g_strlcpy (cached, today, sizeof cached);
      cached_second = (fixed != NULL && *fixed != '\0') ? -1 : second;
    }
  return g_strdup (cached);
}

gboolean
yishi_id_number_parse (const char  *text,
                       char       **normalised,
                       char       **birth_date,
                       const char **gender,
                       GError     **error)
{
  g_autofree char *id = fold (text);
  glong length;
  int year, month, day;
  char expected;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;

  length = g_utf8_validate (id, -1, NULL) ? g_utf8_strlen (id, -1) : (glong)strlen (id);
  if (length == 0)
    {
      g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_LENGTH,
                           _("The ID number is empty."));
      return FALSE;
    }
  if (length == 15 && all_digits (id, 15))
    {
      g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_LENGTH,
                           _("The ID number has 15 digits, the old form: enter the 18-character "
                             "number of the current resident ID card."));
      return FALSE;
    }
  if (length != 18)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_LENGTH,
                   ngettext ("The ID number has %ld character; it must have 18.",
                             "The ID number has %ld characters; it must have 18.",
                             (gulong)length),
                   (long)length);
      return FALSE;
    }
  /* 18 characters in 18 bytes: ASCII only (anything else is caught below). */
  for (int i = 0; i < 18; i++)
    {
      gboolean good = g_ascii_isdigit (id[i]) ||
                      (i == 17 && (id[i] == 'X' || id[i] == 'x'));

      if (!good)
        {
          if (i == 17)
            g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS,
                         _("The last character of the ID number must be a digit or X."));
          else
            g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS,
                         _("Character %d of the ID number is not a digit: only the last one "
                           "may be an X."),
                         i + 1);
          return FALSE;
        }
    }
  if (id[17] == 'x')
    id[17] = 'X';

  if (id[0] < '1' || id[0] > '8')
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_REGION,
                   _("The ID number cannot start with %c: the region code (the first six "
                     "digits) starts with 1 to 8."),
                   id[0]);
      return FALSE;
    }

  year = digits_value (id + 6, 4);
  month = digits_value (id + 10, 2);
  day = digits_value (id + 12, 2);
  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_DATE,
                   _("Characters 7 to 14 of the ID number should be the birth date, but "
                     "%04d-%02d-%02d does not exist."),
                   year, month, day);
      return FALSE;
    }
  date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (year < 1900)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_DATE,
                   _("The birth date in the ID number (characters 7 to 14), %s, is before 1900."),
                   date);
      return FALSE;
    }
  today = today_cached ();
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_DATE,
                   _("The birth date in the ID number (characters 7 to 14), %s, is in the "
                     "future."),
                   date);
      return FALSE;
    }

  expected = id_check_digit (id);
  if (id[17] != expected)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_ID_CHECK_DIGIT,
                   _("The check digit of the ID number is wrong: with these first 17 digits "
                     "it should end in %c. Check the number for a typing mistake."),
                   expected);
      return FALSE;
    }

  if (gender != NULL)
    *gender = (id[16] - '0') % 2 == 1 ? "male" : "female";
  if (birth_date != NULL)
    *birth_date = g_steal_pointer (&date);
  if (normalised != NULL)
    *normalised = g_steal_pointer (&id);
  return TRUE;
}

/**
 * yishi_id_number_mismatch:
 *
 * Returns: (transfer full) (nullable): a warning, or %NULL when everything agrees or the
 *   ID number is not valid (its own check says why)
 */
char *
yishi_id_number_mismatch (const char *id_number,
                          const char *birth_date,
                          const char *gender)
{
  g_autofree char *derived_date = NULL;
  const char *derived_gender = NULL;
  g_autoptr (GString) warning = NULL;

  if (id_number == NULL ||
      !yishi_id_number_parse (id_number, NULL, &derived_date, &derived_gender, NULL))
    return NULL;

  warning = g_string_new (NULL);
  if (birth_date != NULL && *birth_date != '\0' && g_strcmp0 (birth_date, derived_date) != 0)
    g_string_append_printf (warning,
                            _("The birth date %s does not match the ID number, which gives %s."),
                            birth_date, derived_date);
  if (gender != NULL && *gender != '\0' && g_strcmp0 (gender, "unknown") != 0 &&
      g_strcmp0 (gender, derived_gender) != 0)
    {
      if (warning->len > 0)
        g_string_append_c (warning, ' ');
      if (g_str_equal (derived_gender, "male"))
        g_string_append (warning, _("The gender does not match the ID number, which gives male."));
      else
        g_string_append (warning, _("The gender does not match the ID number, which gives female."));
    }
  if (warning->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&warning), FALSE);
}

/* Phones ---------------------------------------------------------------------------- */

static gboolean
phone_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE, message);
  return FALSE;
}

static gboolean
is_mobile (const char *digits)
{
  return strlen (digits) == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9' &&
         all_digits (digits, 11);
}

/* The length of the area code (with its 0) that @digits starts with, or 0. */
static gsize
area_code_length (const char *digits)
{
  if (digits[0] != '0' || !g_ascii_isdigit (digits[1]) || !g_ascii_isdigit (digits[2]))
    return 0;
  if (digits[1] == '1')
    return digits[2] == '0' ? 3 : 0; /* 010 is the only area code from 01 */
  if (digits[1] == '2')
    return 3;
  if (digits[1] == '0' || !g_ascii_isdigit (digits[3]))
    return 0;
  return 4;
}

/* "0571" + "1234567" → "0571-1234567" when @digits is a whole landline. */
static char *
landline (const char *digits)
{
  gsize area = area_code_length (digits);
  gsize length = strlen (digits);
  gsize local = length - area;

  if (area == 0 || length <= area || local < 7 || local > 8 || !all_digits (digits, length) ||
      digits[area] == '0')
    return NULL;
  return g_strdup_printf ("%.*s-%s", (int)area, digits, digits + area);
}

static char *
join_groups (GPtrArray *groups,
             guint      from,
             guint      to)
{
  GString *joined = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append (joined, g_ptr_array_index (groups, i));
  return g_string_free (joined, FALSE);
}

/* Reads a landline from groups of digits (as separated by spaces, hyphens and
 * parentheses) and an optional explicit extension. */
static char *
landline_from_groups (GPtrArray  *groups,
                      const char *extension)
{
  g_autofree char *all = join_groups (groups, 0, groups->len);
  g_autofree char *number = NULL;
  const char *last = groups->len > 0 ? g_ptr_array_index (groups, groups->len - 1) : "";

  if (extension != NULL)
    {
      number = landline (all);
      if (number == NULL || *extension == '\0' || strlen (extension) > 6)
        return NULL;
      return g_strdup_printf ("%s-%s", number, extension);
    }

  /* area-number-extension, the area code alone in the first group */
  if (groups->len >= 3 && strlen (last) <= 6 &&
      strlen (g_ptr_array_index (groups, 0)) == area_code_length (all))
    {
      g_autofree char *head = join_groups (groups, 0, groups->len - 1);

      number = landline (head);
      if (number != NULL)
        return g_strdup_printf ("%s-%s", number, last);
    }
  number = landline (all);
  if (number != NULL)
    return g_steal_pointer (&number);
  if (groups->len >= 2 && strlen (last) <= 6)
    {
      g_autofree char *head = join_groups (groups, 0, groups->len - 1);

      number = landline (head);
      if (number != NULL)
        return g_strdup_printf ("%s-%s", number, last);
    }
  return NULL;
}

/* Explains why @digits (all the digits of the text, prefix removed) is no phone. */
static gboolean
explain_phone (const char  *digits,
               gboolean     has_extension,
               GError     **error)
{
  gsize length = strlen (digits);

  if (digits[0] != '0' && (length == 7 || length == 8))
    return phone_error (error, _("A landline needs its area code, such as 021-12345678."));
  if (digits[0] == '1' && !has_extension)
    {
      if (length != 11)
        {
          g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE,
                       ngettext ("A mobile number has 11 digits; this one has %d.",
                                 "A mobile number has 11 digits; this one has %d.",
                                 (gulong)length),
                       (int)length);
          return FALSE;
        }
      return phone_error (error, _("A mobile number starts with 13 to 19."));
    }
  if (digits[0] == '0' && area_code_length (digits) == 0)
    return phone_error (error, _("The area code of the landline is not a valid one: it is 010, "
                                 "02 and one digit, or 0 and three digits."));
  if (digits[0] == '0')
    return phone_error (error, _("After its area code a landline has 7 or 8 digits, not starting "
                                 "with 0, and optionally an extension such as "
                                 "021-12345678-801."));
  return phone_error (error, _("The phone must be a mobile number or a landline with its area "
                               "code, such as 021-12345678."));
}

gboolean
yishi_phone_normalise (const char  *text,
                       char       **normalised,
                       GError     **error)
{
  g_autofree char *folded = fold (text);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autoptr (GString) group = g_string_new (NULL);
  g_autofree char *extension = NULL;
  g_autofree char *result = NULL;
  gboolean international = FALSE;
  const char *p = folded;

  if (*p == '\0')
    return phone_error (error, _("The phone number is empty."));

  if (*p == '+')
    {
      international = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (group, *p);
          g_string_append_c (digits, *p);
          continue;
        }
      if (*p == ' ' || *p == '-' || *p == '(' || *p == ')' || *p == '\t')
        {
          if (group->len > 0)
            g_ptr_array_add (groups, g_strdup (group->str));
          g_string_truncate (group, 0);
          continue;
        }
      /* An explicit extension: 转, ext, x or # followed by digits to the end. */
      if (extension == NULL && digits->len > 0)
        {
          const char *rest = NULL;

          if (g_str_has_prefix (p, "转"))
            rest = p + strlen ("转");
          else if (g_ascii_strncasecmp (p, "ext.", 4) == 0)
            rest = p + 4;
          else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
            rest = p + 3;
          else if (*p == 'x' || *p == 'X' || *p == '#')
            rest = p + 1;
          if (rest != NULL)
            {
              while (*rest == ' ' || *rest == '-')
                rest++;
              if (*rest != '\0' && all_digits (rest, strlen (rest)))
                {
                  extension = g_strdup (rest);
                  break;
                }
            }
        }
      {
        gunichar c = g_utf8_get_char_validated (p, -1);
        char shown[8] = { 0 };

        if (c == (gunichar)-1 || c == (gunichar)-2)
          return phone_error (error, _("The phone number contains invalid text."));
        g_unichar_to_utf8 (c, shown);
        g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE,
                     _("The phone number contains “%s”, which is not part of a phone number."),
                     shown);
        return FALSE;
      }
    }
  if (group->len > 0)
    g_ptr_array_add (groups, g_strdup (group->str));
  if (digits->len == 0)
    return phone_error (error, _("The phone number has no digits."));

  /* Country code: +86 or 0086 always, a bare 86 only before a mobile number. */
  if (international || g_str_has_prefix (digits->str, "0086"))
    {
      gsize skip = international ? 2 : 4;
      char *first;

      if (!g_str_has_prefix (digits->str, international ? "86" : "0086"))
        return phone_error (error, _("Only Chinese phone numbers (+86) are accepted."));
      g_string_erase (digits, 0, (gssize)skip);
      /* Drop the prefix from the groups as well. */
      while (skip > 0 && groups->len > 0)
        {
          first = g_ptr_array_index (groups, 0);
          if (strlen (first) <= skip)
            {
              skip -= strlen (first);
              g_ptr_array_remove_index (groups, 0);
            }
          else
            {
              memmove (first, first + skip, strlen (first + skip) + 1);
              skip = 0;
            }
        }
      if (digits->len == 0)
        return phone_error (error, _("The phone number has only its country code."));
      if (!is_mobile (digits->str) && digits->str[0] != '0')
        {
          /* +86 21 12345678: the area code's 0 is dropped after the country code. */
          g_string_prepend_c (digits, '0');
          if (groups->len > 0)
            {
              char *head = g_ptr_array_index (groups, 0);

              groups->pdata[0] = g_strconcat ("0", head, NULL);
              g_free (head);
            }
        }
    }
  else if (digits->len == 13 && g_str_has_prefix (digits->str, "86") &&
           is_mobile (digits->str + 2) && extension == NULL)
    g_string_erase (digits, 0, 2);

  if (is_mobile (digits->str) && extension == NULL)
    result = g_strdup (digits->str);
  else if (digits->str[0] == '0')
    result = landline_from_groups (groups, extension);
  if (result == NULL)
    return explain_phone (digits->str, extension != NULL, error);

  if (normalised != NULL)
    *normalised = g_steal_pointer (&result);
  return TRUE;
}

/* Spreadsheet numbers: "13812345678.0", "1.3812345678E+10".  Sets @digits to the
 * integer written and returns TRUE when @text is such a number; sets @lost when it is in
 * scientific notation without all its digits. */
static gboolean
read_number (const char  *text,
             char       **digits,
             gboolean    *lost)
{
  const char *p = text;
  const char *int_start, *frac_start = NULL;
  gsize int_len, frac_len = 0;
  g_autoptr (GString) integer = NULL;

  *lost = FALSE;
  int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_len = (gsize)(p - int_start);
  if (int_len == 0)
    return FALSE;
  if (*p == '.')
    {
      p++;
      frac_start = p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_len = (gsize)(p - frac_start);
    }
  if (*p == '\0')
    {
      /* 13812345678.0 or .00: only zeros after the point */
      if (frac_start == NULL || frac_len == 0)
        return FALSE;
      for (gsize i = 0; i < frac_len; i++)
        if (frac_start[i] != '0')
          return FALSE;
      *digits = g_strndup (int_start, int_len);
      return TRUE;
    }
  if (*p == 'e' || *p == 'E')
    {
      int exponent = 0;

      p++;
      if (*p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p) && exponent < 100)
        exponent = exponent * 10 + (*p++ - '0');
      if (*p != '\0' || int_len != 1 || exponent < 6 || exponent > 20)
        return FALSE;
      if (frac_len < (gsize)exponent)
        {
          *lost = TRUE;
          return TRUE;
        }
      /* Beyond the exponent only zeros may follow. */
      for (gsize i = (gsize)exponent; i < frac_len; i++)
        if (frac_start[i] != '0')
          return FALSE;
      integer = g_string_new_len (int_start, 1);
      g_string_append_len (integer, frac_start, exponent);
      *digits = g_string_free (g_steal_pointer (&integer), FALSE);
      return TRUE;
    }
  return FALSE;
}

gboolean
yishi_phone_repair (const char  *text,
                    char       **normalised,
                    GError     **error)
{
  g_autofree char *folded = fold (text);
  g_autofree char *digits = NULL;
  gboolean lost = FALSE;

  if (read_number (folded, &digits, &lost))
    {
      if (lost)
        {
          g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR,
                               YISHI_PERSON_CHECK_ERROR_PHONE_SCIENTIFIC,
                               _("The phone number was saved as a number in scientific notation "
                                 "(such as 1.38E+10) and its last digits are lost. Format the "
                                 "phone column as text in the spreadsheet and enter the numbers "
                                 "again."));
          return FALSE;
        }
      return yishi_phone_normalise (digits, normalised, error);
    }
  return yishi_phone_normalise (folded, normalised, error);
}

/* Dates ----------------------------------------------------------------------------- */

static gboolean
date_error (GError     **error,
            const char  *message)
{
  g_set_error_literal (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_DATE, message);
  return FALSE;
}

/* Reads 1 to @max digits at *@p. */
static gboolean
read_digits (const char **p,
             gsize        min,
             gsize        max,
             int         *value)
{
  gsize n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*p)[n]))
    {
      *value = *value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  return TRUE;
}

/* A time after the date, as exports write it: " 00:00:00", "T00:00", " 0:00:00.000". */
static gboolean
time_tail (const char *p)
{
  int value;

  if (*p == '\0')
    return TRUE;
  if (*p != ' ' && *p != 'T')
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;
  if (!read_digits (&p, 1, 2, &value) || value > 23 || *p++ != ':' ||
      !read_digits (&p, 2, 2, &value) || value > 59)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, 2, &value) || value > 60)
        return FALSE;
      if (*p == '.')
        {
          p++;
          if (!read_digits (&p, 1, 9, &value))
            return FALSE;
        }
    }
  if (*p == 'Z')
    p++;
  return *p == '\0';
}

gboolean
yishi_date_repair (const char  *text,
                   char       **iso_date,
                   GError     **error)
{
  g_autofree char *folded = fold (text);
  const char *p = folded;
  int year = 0, month = 0, day = 0;
  gboolean read = FALSE;

  if (*p == '\0')
    return date_error (error, _("The date is empty."));

  if (strlen (p) == 8 && all_digits (p, 8))
    {
      year = digits_value (p, 4);
      month = digits_value (p + 4, 2);
      day = digits_value (p + 6, 2);
      read = TRUE;
    }
  else if (read_digits (&p, 4, 4, &year))
    {
      if (g_str_has_prefix (p, "年"))
        {
          p += strlen ("年");
          if (read_digits (&p, 1, 2, &month) && g_str_has_prefix (p, "月"))
            {
              p += strlen ("月");
              if (read_digits (&p, 1, 2, &day))
                {
                  if (g_str_has_prefix (p, "日"))
                    p += strlen ("日");
                  else if (g_str_has_prefix (p, "号"))
                    p += strlen ("号");
                  read = *p == '\0';
                }
            }
        }
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          char separator = *p++;

          if (read_digits (&p, 1, 2, &month) && *p++ == separator &&
              read_digits (&p, 1, 2, &day))
            read = time_tail (p);
        }
    }
  if (!read)
    return date_error (error, _("This is not a date: write it as 1985-03-07."));

  if (year < 1900 || year > 2100)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_DATE,
                   _("The year %04d is not between 1900 and 2100."), year);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_DATE,
                   _("There is no month %d: months go from 1 to 12."), month);
      return FALSE;
    }
  if (day < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      int days = g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year);

      g_set_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_DATE,
                   ngettext ("The date %04d-%02d-%02d does not exist: that month has %d day.",
                             "The date %04d-%02d-%02d does not exist: that month has %d days.",
                             (gulong)days),
                   year, month, day, days);
      return FALSE;
    }
  if (iso_date != NULL)
    *iso_date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

/**
 * yishi_date_from_serial:
 * @serial: days since 1899-12-31 in the 1900 date system; a fraction (the time) is ignored
 *
 * Excel counts a 29 February 1900 that never was: serials up to 59 are days since
 * 1899-12-31, 60 is that phantom day, later ones are one day fewer.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL for the phantom day and
 *   for serials outside 1 … 2958465 (9999-12-31)
 */
char *
yishi_date_from_serial (double serial)
{
  GDate date;
  double whole;

  if (!isfinite (serial) || serial < 1.0 || serial >= 2958466.0)
    return NULL;
  whole = floor (serial);
  if (whole == 60.0)
    return NULL;
  g_date_clear (&date, 1);
  if (whole < 60.0)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint)whole);
  return g_strdup_printf ("%04u-%02u-%02u", (guint)g_date_get_year (&date),
                          (guint)g_date_get_month (&date), (guint)g_date_get_day (&date));
}

/**
 * yishi_age_on:
 *
 * Returns: the age in whole years on @on (a birthday on 29 February counts from
 *   1 March in other years), or -1 when either is not a YYYY-MM-DD date or @on is
 *   before @birth_date
 */
int
yishi_age_on (const char *birth_date,
              const char *on)
{
  int by, bm, bd, y, m, d;
  int age;

  if (!parse_iso_date (birth_date, &by, &bm, &bd) || !parse_iso_date (on, &y, &m, &d))
    return -1;
  age = y - by;
  if (m < bm || (m == bm && d < bd))
    age--;
  return age < 0 ? -1 : age;
}
