/* yishi-person-check.h — checks and unambiguous repairs of what describes a person:
 * resident ID numbers (GB 11643), phone numbers, dates as offices type them, stray
 * spaces.  Pure functions; no database.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YISHI_PERSON_CHECK_ERROR (yishi_person_check_error_quark ())

typedef enum
{
  YISHI_PERSON_CHECK_ERROR_ID_LENGTH,      /* not 18 characters */
  YISHI_PERSON_CHECK_ERROR_ID_CHARACTERS,  /* not 17 digits and a digit or X */
  YISHI_PERSON_CHECK_ERROR_ID_DATE,        /* the birth date in it does not exist or is in the future */
  YISHI_PERSON_CHECK_ERROR_ID_CHECK_DIGIT, /* the check digit is wrong */
  YISHI_PERSON_CHECK_ERROR_PHONE,          /* neither a mobile nor a landline with area code */
  YISHI_PERSON_CHECK_ERROR_PHONE_SCIENTIFIC, /* digits lost to scientific notation (1.38E+10) */
  YISHI_PERSON_CHECK_ERROR_DATE,           /* not a date in any accepted form, or impossible */
  YISHI_PERSON_CHECK_ERROR_ID_REGION,      /* the region code does not start with 1–8 */
} YishiPersonCheckError;

GQuark    yishi_person_check_error_quark (void);

/* Validates an 18-character resident ID number (GB 11643-1999: region, birth date,
 * sequence, ISO 7064 MOD 11-2 check digit).  Surrounding spaces (ASCII and full-width)
 * are ignored and a lower-case x is accepted.  On success sets @normalised (upper-case X,
 * no spaces), @birth_date ("YYYY-MM-DD") and @gender ("male" when the 17th digit is odd,
 * else "female"); each out parameter may be NULL.  Messages are translated.  Checked in
 * this order: length, characters, region (first digit 1–8: ..._ID_REGION), birth date
 * (a real day from 1900 to today), check digit. */
gboolean  yishi_id_number_parse       (const char  *text,
                                       char       **normalised,
                                       char       **birth_date,
                                       const char **gender,
                                       GError     **error);

/* A translated warning when an ID number's derived birth date or gender disagrees with
 * the ones recorded (either may be NULL/"unknown" to skip that comparison), else NULL. */
char     *yishi_id_number_mismatch    (const char  *id_number,
                                       const char  *birth_date,
                                       const char  *gender);

/* A mobile (11 digits, 1[3-9]…, optional +86/0086 prefix) or a landline with its area
 * code (0 + 2–3 digits, then 7–8 digits, optional "-ext" of up to 6 digits).  Spaces,
 * hyphens and full-width digits are accepted.  @normalised: "13812345678" or
 * "021-12345678" or "0571-1234567-801".  An empty @text is an error: callers decide
 * whether the phone is optional. */
gboolean  yishi_phone_normalise       (const char  *text,
                                       char       **normalised,
                                       GError     **error);

/* Repairs a phone number that a spreadsheet stored as a number: "13812345678.0" or a
 * double printed with all its digits become "13812345678"; "1.38E+10" (digits lost)
 * fails with YISHI_PERSON_CHECK_ERROR_PHONE_SCIENTIFIC; anything else goes through
 * yishi_phone_normalise (). */
gboolean  yishi_phone_repair          (const char  *text,
                                       char       **normalised,
                                       GError     **error);

/* Accepts 1985-03-07, 1985-3-7, 1985/3/7, 1985.03.07, 19850307, 1985年3月7日 (and
 * full-width digits) and returns "YYYY-MM-DD"; an impossible date (1985-02-30) or a year
 * outside 1900…2100 fails with YISHI_PERSON_CHECK_ERROR_DATE. */
gboolean  yishi_date_repair           (const char  *text,
                                       char       **iso_date,
                                       GError     **error);

/* A serial day number of the 1900 date system (Excel, WPS) as "YYYY-MM-DD", honouring
 * Excel's phantom 1900-02-29 (serial 60); NULL when out of range. */
char     *yishi_date_from_serial      (double       serial);

/* Strips ASCII white space, U+3000 IDEOGRAPHIC SPACE and U+00A0 around @text; returns a
 * new string.  Sets @changed when something was removed. */
char     *yishi_text_trim             (const char  *text,
                                       gboolean    *changed);

/* Age in whole years on @on ("YYYY-MM-DD") of someone born on @birth_date; -1 if either
 * is not a date or @on is before @birth_date. */
int       yishi_age_on                (const char  *birth_date,
                                       const char  *on);

G_END_DECLS
