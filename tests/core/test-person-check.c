/* test-person-check.c — ID numbers, phones, dates as offices type them, trimming, ages.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "yishi-person-check.h"

/* ISO 7064 MOD 11-2 written the other way round from the code under test: weights are
 * powers of two modulo 11, and the check value makes the weighted sum 1 modulo 11. */
static char
reference_check (const char *first17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      int weight = 1;

      for (int k = 0; k < 17 - i; k++)
        weight = weight * 2 % 11;
      sum += (first17[i] - '0') * weight;
    }
  {
    int c = (12 - sum % 11) % 11;

    return c == 10 ? 'X' : (char)('0' + c);
  }
}

/* A valid ID number for @region (6 digits), @birth (YYYYMMDD) and @sequence (3 digits). */
static char *
make_id (const char *region,
         const char *birth,
         const char *sequence)
{
  char *id = g_strconcat (region, birth, sequence, "?", NULL);

  g_assert_cmpuint (strlen (id), ==, 18);
  id[17] = reference_check (id);
  return id;
}

/* The same number with a wrong last character. */
static char *
break_check (const char *id)
{
  char *broken = g_strdup (id);

  broken[17] = broken[17] == '0' ? '1' : '0';
  return broken;
}

static void
assert_id_fails (const char *text,
                 int         code,
                 const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *birth = NULL;
  const char *gender = NULL;

  g_assert_false (yishi_id_number_parse (text, &normalised, &birth, &gender, &error));
  g_assert_error (error, YISHI_PERSON_CHECK_ERROR, code);
  g_assert_null (normalised);
  g_assert_null (birth);
  g_assert_null (gender);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  /* Never the whole number, nor its first 17 digits, in a message. */
  if (text != NULL && strlen (text) >= 17)
    {
      g_autofree char *head = g_strndup (text, 17);

      g_assert_null (strstr (error->message, head));
    }
}

static void
test_id_valid (void)
{
  struct
  {
    const char *region, *birth, *sequence, *date, *gender;
  } cases[] = {
    { "110105", "19491231", "002", "1949-12-31", "female" },
    { "320106", "19850307", "123", "1985-03-07", "male" },
    { "440305", "20000229", "548", "2000-02-29", "female" },
    { "510107", "19000101", "011", "1900-01-01", "male" },
    { "820000", "20260304", "997", "2026-03-04", "male" },   /* born today */
    { "650102", "19771015", "290", "1977-10-15", "female" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = make_id (cases[i].region, cases[i].birth, cases[i].sequence);
      g_autofree char *normalised = NULL;
      g_autofree char *birth = NULL;
      g_autoptr (GError) error = NULL;
      const char *gender = NULL;

      g_assert_true (yishi_id_number_parse (id, &normalised, &birth, &gender, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, id);
      g_assert_cmpstr (birth, ==, cases[i].date);
      g_assert_cmpstr (gender, ==, cases[i].gender);
    }

  /* The published sample, and all out parameters optional. */
  g_assert_cmpint (reference_check ("11010519491231002"), ==, 'X');
  g_assert_true (yishi_id_number_parse ("11010519491231002X", NULL, NULL, NULL, NULL));
}

static void
test_id_normalised (void)
{
  const char *forms[] = {
    "11010519491231002x",
    "  11010519491231002X\t",
    "\xe3\x80\x80" "11010519491231002x" "\xe3\x80\x80",  /* U+3000 around */
    "\xc2\xa0" "11010519491231002X",                      /* U+00A0 before */
    /* full-width digits and a full-width x */
    "\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x95"
    "\xef\xbc\x91\xef\xbc\x99\xef\xbc\x94\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92"
    "\xef\xbc\x93\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90\xef\xbc\x92\xef\xbd\x98",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (yishi_id_number_parse (forms[i], &normalised, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, "11010519491231002X");
    }
}

static void
test_id_failures (void)
{
  g_autofree char *good = make_id ("320106", "19850307", "123");
  g_autofree char *wrong = break_check (good);
  g_autofree char *feb30 = make_id ("320106", "19850230", "123");
  g_autofree char *month13 = make_id ("320106", "19851301", "123");
  g_autofree char *day00 = make_id ("320106", "19850300", "123");
  g_autofree char *old = make_id ("320106", "18991231", "123");
  g_autofree char *future = make_id ("320106", "20260305", "123");
  g_autofree char *far_future = make_id ("320106", "20991231", "123");
  g_autofree char *region0 = make_id ("020106", "19850307", "123");
  g_autofree char *region9 = make_id ("920106", "19850307", "123");
  g_autofree char *letter = g_strdup (good);
  g_autofree char *x_inside = g_strdup (good);
  g_autofree char *expected = g_strdup_printf ("end in %c", good[17]);

  /* Length */
  assert_id_fails (NULL, YISHI_PERSON_CHECK_ERROR_ID_LENGTH, NULL);
  assert_id_fails ("", YISHI_PERSON_CHECK_ERROR_ID_LENGTH, "empty");
  assert_id_fails ("   ", YISHI_PERSON_CHECK_ERROR_ID_LENGTH, "empty");
  assert_id_fails ("32010619850307123", YISHI_PERSON_CHECK_ERROR_ID_LENGTH, "17 characters");
  assert_id_fails ("3201061985030712345", YISHI_PERSON_CHECK_ERROR_ID_LENGTH, "19 characters");
  assert_id_fails ("320106850307123", YISHI_PERSON_CHECK_ERROR_ID_LENGTH, "15 digits");

  /* Characters: a letter in the middle, an X anywhere but last, a space inside */
  letter[4] = 'A';
  assert_id_fails (letter, YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS, "Character 5");
  x_inside[16] = 'X';
  assert_id_fails (x_inside, YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS, "Character 17");
  assert_id_fails ("320106 1985030712X", YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS, "Character 7");
  assert_id_fails ("32010619850307123Y", YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS, "last character");
  assert_id_fails ("320106198503071一23", YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS, "Character 16");

  /* Region */
  assert_id_fails (region0, YISHI_PERSON_CHECK_ERROR_ID_REGION, "start with 0");
  assert_id_fails (region9, YISHI_PERSON_CHECK_ERROR_ID_REGION, "start with 9");

  /* Birth date: impossible, before 1900, in the future (today is 2026-03-04) */
  assert_id_fails (feb30, YISHI_PERSON_CHECK_ERROR_ID_DATE, "1985-02-30 does not exist");
  assert_id_fails (month13, YISHI_PERSON_CHECK_ERROR_ID_DATE, "does not exist");
  assert_id_fails (day00, YISHI_PERSON_CHECK_ERROR_ID_DATE, "does not exist");
  assert_id_fails (old, YISHI_PERSON_CHECK_ERROR_ID_DATE, "before 1900");
  assert_id_fails (future, YISHI_PERSON_CHECK_ERROR_ID_DATE, "future");
  assert_id_fails (far_future, YISHI_PERSON_CHECK_ERROR_ID_DATE, "future");

  /* Check digit: the message says what it should be */
  assert_id_fails (wrong, YISHI_PERSON_CHECK_ERROR_ID_CHECK_DIGIT, expected);
  assert_id_fails ("110105194912310021", YISHI_PERSON_CHECK_ERROR_ID_CHECK_DIGIT, "end in X");
}

static void
test_id_mismatch (void)
{
  g_autofree char *id = make_id ("320106", "19850307", "123"); /* male */
  g_autofree char *invalid = break_check (id);
  g_autofree char *both = NULL;
  g_autofree char *date = NULL;
  g_autofree char *gender = NULL;

  g_assert_null (yishi_id_number_mismatch (id, "1985-03-07", "male"));
  g_assert_null (yishi_id_number_mismatch (id, NULL, NULL));
  g_assert_null (yishi_id_number_mismatch (id, "", "unknown"));
  g_assert_null (yishi_id_number_mismatch (id, NULL, "male"));
  g_assert_null (yishi_id_number_mismatch (id, "1985-03-07", "unknown"));
  /* An invalid number derives nothing; its own check reports it. */
  g_assert_null (yishi_id_number_mismatch (invalid, "2001-01-01", "female"));
  g_assert_null (yishi_id_number_mismatch (NULL, "2001-01-01", "female"));

  date = yishi_id_number_mismatch (id, "1985-03-08", "male");
  g_assert_nonnull (date);
  g_assert_nonnull (strstr (date, "1985-03-08"));
  g_assert_nonnull (strstr (date, "1985-03-07"));
  g_assert_null (strstr (date, "gender"));

  gender = yishi_id_number_mismatch (id, "1985-03-07", "female");
  g_assert_nonnull (gender);
  g_assert_nonnull (strstr (gender, "gender"));
  g_assert_nonnull (strstr (gender, "male"));
  g_assert_null (strstr (gender, "birth date"));

  both = yishi_id_number_mismatch ("11010519491231002X", "1950-01-01", "male");
  g_assert_nonnull (both);
  g_assert_nonnull (strstr (both, "1949-12-31"));
  g_assert_nonnull (strstr (both, "gives female"));
  g_assert_null (strstr (both, "11010519491231002"));
}

static void
test_phone_good (void)
{
  struct
  {
    const char *text, *normalised;
  } cases[] = {
    { "13812345678", "13812345678" },
    { "19912345678", "19912345678" },
    { "138 1234 5678", "13812345678" },
    { "138-1234-5678", "13812345678" },
    { " 13812345678\xe3\x80\x80", "13812345678" },
    { "+8613812345678", "13812345678" },
    { "+86 138 1234 5678", "13812345678" },
    { "+86-138-1234-5678", "13812345678" },
    { "0086 13812345678", "13812345678" },
    { "008613812345678", "13812345678" },
    { "86 13812345678", "13812345678" },
    { "8613812345678", "13812345678" },
    /* full-width digits, full-width plus and hyphen */
    { "\xef\xbc\x91\xef\xbc\x93\xef\xbc\x98\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
      "\xef\xbc\x94\xef\xbc\x95\xef\xbc\x96\xef\xbc\x97\xef\xbc\x98", "13812345678" },
    { "\xef\xbc\x8b\xef\xbc\x98\xef\xbc\x96 138\xef\xbc\x8d" "12345678", "13812345678" },
    /* landlines */
    { "021-12345678", "021-12345678" },
    { "02112345678", "021-12345678" },
    { "021 1234 5678", "021-12345678" },
    { "(021) 12345678", "021-12345678" },
    { "010-87654321", "010-87654321" },
    { "0101234567", "010-1234567" },
    { "0571-1234567", "0571-1234567" },
    { "0571-87654321", "0571-87654321" },
    { "(0571)1234567", "0571-1234567" },
    { "0571-1234567-801", "0571-1234567-801" },
    { "057112345678-801", "0571-12345678-801" },
    { "021-12345678-1", "021-12345678-1" },
    { "021-2345678-9", "021-2345678-9" },
    { "021-12345678 转 801", "021-12345678-801" },
    { "021-12345678转801", "021-12345678-801" },
    { "021-12345678 ext. 801", "021-12345678-801" },
    { "021-12345678 x801", "021-12345678-801" },
    { "+86 21 12345678", "021-12345678" },
    { "+86-571-1234567", "0571-1234567" },
    { "0086 10 87654321", "010-87654321" },
    { "\xef\xbc\x90\xef\xbc\x92\xef\xbc\x91\xef\xbc\x8d" "12345678", "021-12345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;

      if (!yishi_phone_normalise (cases[i].text, &normalised, &error))
        g_error ("“%s” refused: %s", cases[i].text, error->message);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
      /* What comes out goes in again unchanged. */
      g_clear_pointer (&normalised, g_free);
      g_assert_true (yishi_phone_normalise (cases[i].normalised, &normalised, NULL));
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }
  g_assert_true (yishi_phone_normalise ("13812345678", NULL, NULL));
}

static void
test_phone_bad (void)
{
  struct
  {
    const char *text, *fragment;
  } cases[] = {
    { NULL, "empty" },
    { "", "empty" },
    { "\xe3\x80\x80 ", "empty" },
    { "1381234567", "11 digits; this one has 10" },
    { "138123456789", "11 digits; this one has 12" },
    { "12812345678", "13 to 19" },
    { "10012345678", "13 to 19" },
    { "12345678", "area code" },
    { "2345678", "area code" },
    { "013-12345678", "area code" },
    { "0012345678", "area code" },
    { "021-123456", "7 or 8 digits" },
    { "021-123456789", "7 or 8 digits" },
    { "021-02345678", "7 or 8 digits" },
    { "0571-1234567-1234567", "7 or 8 digits" },
    { "13812345678转801", "mobile number or a landline" },
    { "138 1234 567a", "“a”" },
    { "电话13812345678", "“电”" },
    { "13812345678.0", "“.”" },
    { "+1 202 555 0100", "+86" },
    { "+86", "country code" },
    { "-", "no digits" },
    { "123", "11 digits; this one has 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;

      if (yishi_phone_normalise (cases[i].text, &normalised, &error))
        g_error ("“%s” accepted as %s", cases[i].text, normalised);
      g_assert_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE);
      g_assert_null (normalised);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", cases[i].text, error->message,
                 cases[i].fragment);
      if (cases[i].text != NULL && strlen (cases[i].text) >= 11)
        g_assert_null (strstr (error->message, cases[i].text));
    }
}

static void
test_phone_repair (void)
{
  struct
  {
    const char *text, *normalised;
  } good[] = {
    { "13812345678.0", "13812345678" },
    { "13812345678.00", "13812345678" },
    { " 13812345678.0 ", "13812345678" },
    { "1.3812345678E+10", "13812345678" },
    { "1.3812345678e+10", "13812345678" },
    { "1.3812345678e10", "13812345678" },
    { "1.3812345678E10", "13812345678" },
    { "1.38123456780E+10", "13812345678" },
    { "8.613812345678E+12", "13812345678" },
    { "2112345678.0", NULL }, /* a landline that lost its leading 0: not repaired */
    { "13812345678", "13812345678" },
    { "021-12345678", "021-12345678" },
    { "+86 138 1234 5678", "13812345678" },
  };
  const char *scientific[] = {
    "1.38E+10", "1.38123E+10", "1.381234567E+10", "1.38e10", "1E+10", "1.3812345678E+11",
  };
  const char *bad[] = { "13812345678.5", "1.3812345678E+10.0", "1.3812345678E-10", "0.0", "E+10" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;
      gboolean ok = yishi_phone_repair (good[i].text, &normalised, &error);

      if (good[i].normalised == NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE);
          continue;
        }
      if (!ok)
        g_error ("“%s” not repaired: %s", good[i].text, error->message);
      g_assert_cmpstr (normalised, ==, good[i].normalised);
    }

  for (guint i = 0; i < G_N_ELEMENTS (scientific); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_false (yishi_phone_repair (scientific[i], &normalised, &error));
      g_assert_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE_SCIENTIFIC);
      g_assert_null (normalised);
      g_assert_nonnull (strstr (error->message, "as text"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_false (yishi_phone_repair (bad[i], &normalised, &error));
      g_assert_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_PHONE);
      g_assert_null (normalised);
    }
}

static void
test_dates (void)
{
  struct
  {
    const char *text, *iso;
  } good[] = {
    { "1985-03-07", "1985-03-07" },
    { "1985-3-7", "1985-03-07" },
    { "1985/3/7", "1985-03-07" },
    { "1985/03/07", "1985-03-07" },
    { "1985.03.07", "1985-03-07" },
    { "1985.3.7", "1985-03-07" },
    { "19850307", "1985-03-07" },
    { "1985年3月7日", "1985-03-07" },
    { "1985年03月07日", "1985-03-07" },
    { "1985年3月7号", "1985-03-07" },
    { "1985-3-7 00:00:00", "1985-03-07" },
    { "1985-03-07 0:00", "1985-03-07" },
    { "1985-03-07T00:00:00", "1985-03-07" },
    { "1985/3/7 12:30:00.000", "1985-03-07" },
    { "\xe3\x80\x80" "1985-03-07 ", "1985-03-07" },
    /* full-width: １９８５年３月７日 and １９８５／３／７ */
    { "\xef\xbc\x91\xef\xbc\x99\xef\xbc\x98\xef\xbc\x95年\xef\xbc\x93月\xef\xbc\x97日",
      "1985-03-07" },
    { "\xef\xbc\x91\xef\xbc\x99\xef\xbc\x98\xef\xbc\x95\xef\xbc\x8f\xef\xbc\x93"
      "\xef\xbc\x8f\xef\xbc\x97", "1985-03-07" },
    { "2000-02-29", "2000-02-29" },
    { "1900-01-01", "1900-01-01" },
    { "2100-12-31", "2100-12-31" },
  };
  struct
  {
    const char *text, *fragment;
  } bad[] = {
    { NULL, "empty" },
    { "", "empty" },
    { "1985-02-29", "28 days" },
    { "1900-02-29", "28 days" },
    { "1985-02-30", "does not exist" },
    { "1985-04-31", "30 days" },
    { "1985-13-01", "month 13" },
    { "1985-00-10", "month 0" },
    { "1985-03-00", "does not exist" },
    { "0000-00-00", "1900" },
    { "1899-12-31", "1900" },
    { "2101-01-01", "2100" },
    { "19851301", "month 13" },
    { "1985年2月30日", "does not exist" },
    { "1985-3", "not a date" },
    { "1985-03-07-01", "not a date" },
    { "1985/03-07", "not a date" },
    { "85-03-07", "not a date" },
    { "1985-003-07", "not a date" },
    { "1985-03-07 25:00", "not a date" },
    { "1985-03-07 noon", "not a date" },
    { "1985年3月", "not a date" },
    { "07/03/1985", "not a date" },
    { "yesterday", "not a date" },
    { "31046", "not a date" }, /* a serial number is for yishi_date_from_serial () */
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr (GError) error = NULL;

      if (!yishi_date_repair (good[i].text, &iso, &error))
        g_error ("“%s” refused: %s", good[i].text, error->message);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr (GError) error = NULL;

      if (yishi_date_repair (bad[i].text, &iso, &error))
        g_error ("“%s” accepted as %s", bad[i].text, iso);
      g_assert_error (error, YISHI_PERSON_CHECK_ERROR, YISHI_PERSON_CHECK_ERROR_DATE);
      g_assert_null (iso);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", bad[i].text, error->message, bad[i].fragment);
    }
}

static void
test_serial_dates (void)
{
  struct
  {
    double serial;
    const char *iso;
  } cases[] = {
    { 1, "1900-01-01" },
    { 2, "1900-01-02" },
    { 31, "1900-01-31" },
    { 32, "1900-02-01" },
    { 59, "1900-02-28" },
    { 60, NULL },            /* Excel's 29 February 1900, which never was */
    { 60.5, NULL },
    { 61, "1900-03-01" },
    { 366, "1900-12-31" },
    { 367, "1901-01-01" },
    { 31113, "1985-03-07" },
    { 36526, "2000-01-01" },
    { 36585, "2000-02-29" },
    { 45000, "2023-03-15" },
    { 45000.75, "2023-03-15" }, /* the time of day is ignored */
    { 45000.999, "2023-03-15" },
    { 46085, "2026-03-04" },
    { 2958465, "9999-12-31" },
    { 2958466, NULL },
    { 0, NULL },
    { 0.5, NULL },
    { -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = yishi_date_from_serial (cases[i].serial);

      if (g_strcmp0 (iso, cases[i].iso) != 0)
        g_error ("serial %g gave %s, not %s", cases[i].serial, iso ? iso : "NULL",
                 cases[i].iso ? cases[i].iso : "NULL");
    }
  g_assert_null (yishi_date_from_serial (NAN));
  g_assert_null (yishi_date_from_serial (INFINITY));
}

static void
test_trim (void)
{
  struct
  {
    const char *text, *trimmed;
    gboolean changed;
  } cases[] = {
    { "张三", "张三", FALSE },
    { " 张三 ", "张三", TRUE },
    { "\t张三\r\n", "张三", TRUE },
    { "\xe3\x80\x80张三\xe3\x80\x80", "张三", TRUE },           /* U+3000 */
    { "\xc2\xa0张三\xc2\xa0", "张三", TRUE },                   /* U+00A0 */
    { " \xe3\x80\x80\xc2\xa0 张 三\xc2\xa0\xe3\x80\x80 ", "张 三", TRUE },
    { "张\xe3\x80\x80三", "张\xe3\x80\x80三", FALSE },          /* inside stays */
    { "", "", FALSE },
    { "   ", "", TRUE },
    { "\xe3\x80\x80", "", TRUE },
    { "\xe3\x80", "\xe3\x80", FALSE },                          /* half a character */
    { "a\xc2", "a\xc2", FALSE },
  };
  g_autofree char *none = NULL;
  gboolean changed = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *trimmed = NULL;

      changed = !cases[i].changed;
      trimmed = yishi_text_trim (cases[i].text, &changed);
      g_assert_cmpstr (trimmed, ==, cases[i].trimmed);
      g_assert_cmpint (changed, ==, cases[i].changed);
    }
  none = yishi_text_trim (NULL, &changed);
  g_assert_cmpstr (none, ==, "");
  g_assert_false (changed);
  g_clear_pointer (&none, g_free);
  none = yishi_text_trim (" x ", NULL);
  g_assert_cmpstr (none, ==, "x");
}

static void
test_age (void)
{
  g_assert_cmpint (yishi_age_on ("1985-03-07", "2026-03-04"), ==, 40);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "2026-03-06"), ==, 40);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "2026-03-07"), ==, 41);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "2026-12-31"), ==, 41);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "1985-03-07"), ==, 0);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "1986-03-06"), ==, 0);
  g_assert_cmpint (yishi_age_on ("2000-02-29", "2001-02-28"), ==, 0);
  g_assert_cmpint (yishi_age_on ("2000-02-29", "2001-03-01"), ==, 1);
  g_assert_cmpint (yishi_age_on ("2000-02-29", "2004-02-29"), ==, 4);
  g_assert_cmpint (yishi_age_on ("1900-01-01", "2026-01-01"), ==, 126);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "1985-03-06"), ==, -1);
  g_assert_cmpint (yishi_age_on ("1985-02-30", "2026-03-04"), ==, -1);
  g_assert_cmpint (yishi_age_on ("1985-3-7", "2026-03-04"), ==, -1);
  g_assert_cmpint (yishi_age_on ("1985-03-07", "2026-13-01"), ==, -1);
  g_assert_cmpint (yishi_age_on (NULL, "2026-03-04"), ==, -1);
  g_assert_cmpint (yishi_age_on ("1985-03-07", NULL), ==, -1);
  g_assert_cmpint (yishi_age_on ("", ""), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  /* Today is 2026-03-04 in Shanghai. */
  g_setenv ("YISHI_NOW", "2026-03-04T05:06:07Z", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person-check/id/valid", test_id_valid);
  g_test_add_func ("/person-check/id/normalised", test_id_normalised);
  g_test_add_func ("/person-check/id/failures", test_id_failures);
  g_test_add_func ("/person-check/id/mismatch", test_id_mismatch);
  g_test_add_func ("/person-check/phone/good", test_phone_good);
  g_test_add_func ("/person-check/phone/bad", test_phone_bad);
  g_test_add_func ("/person-check/phone/repair", test_phone_repair);
  g_test_add_func ("/person-check/dates", test_dates);
  g_test_add_func ("/person-check/serial-dates", test_serial_dates);
  g_test_add_func ("/person-check/trim", test_trim);
  g_test_add_func ("/person-check/age", test_age);

  return g_test_run ();
}
