/* test-mask.c — personal data masked for the public.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yishi-mask.h"

static void
assert_name (const char *name,
             const char *expected)
{
  g_autofree char *masked = yishi_mask_name (name);

  g_assert_cmpstr (masked, ==, expected);
}

static void
assert_phone (const char *phone,
              const char *expected)
{
  g_autofree char *masked = yishi_mask_phone (phone);

  g_assert_cmpstr (masked, ==, expected);
}

static void
assert_text (const char *text,
             const char *expected)
{
  g_autofree char *masked = yishi_mask_text (text);

  g_assert_cmpstr (masked, ==, expected);
  g_assert_true (yishi_mask_text_is_clean (masked));
}

static void
test_names (void)
{
  assert_name ("张三", "张*");
  assert_name ("王小明", "王**");
  assert_name ("欧阳娜娜", "欧阳**");
  assert_name ("欧阳锋", "欧阳*");
  assert_name ("司马懿", "司马*");
  assert_name ("诸葛亮", "诸葛*");
  /* Two characters with a compound-surname look are a surname and a given name. */
  assert_name ("欧阳", "欧*");
  assert_name ("李", "*");
  assert_name ("  周杰  ", "周*");
  assert_name ("", "");
  assert_name (NULL, "");
  assert_name ("Anna", "A***");
  g_assert_true (yishi_mask_has_compound_surname ("上官婉儿"));
  g_assert_false (yishi_mask_has_compound_surname ("上婉儿"));
}

static void
test_phones (void)
{
  assert_phone ("13812345678", "138****5678");
  assert_phone (" 19900001111 ", "199****1111");
  assert_phone ("010-65123456", "010-****3456");
  assert_phone ("0571-8765432", "0571-***5432");
  assert_phone ("0571-87654321-802", "0571-****4321");
  assert_phone ("12345", "*2345");
  assert_phone ("110", "***");
  assert_phone ("", "");
}

static void
test_free_text (void)
{
  assert_text ("请联系13812345678王先生", "请联系138****5678王先生");
  assert_text ("电话010-65123456或0571-87654321", "电话010-****3456或0571-****4321");
  assert_text ("身份证110105198503072316已核实", "身份证******************已核实");
  assert_text ("身份证11010519850307231X", "身份证******************");
  /* Nothing finer than the building: rooms and units go; amounts and dates stay. */
  assert_text ("3号楼2单元302室，维修费12000元，2026年3月", "3号楼*单元***室，维修费12000元，2026年3月");
  assert_text ("43号楼2-402室卫生间漏水", "43号楼***室卫生间漏水");
  assert_text ("二单元屋顶漏水", "*单元屋顶漏水");
  assert_text ("楼上1-1101漏水", "楼上***漏水");
  assert_text ("3-15日前完成，5层", "3-15日前完成，5层");
  /* Longer digit runs are not phones. */
  assert_text ("订单号123456789012345", "订单号123456789012345");
  g_assert_false (yishi_mask_text_is_clean ("13812345678"));
  g_assert_false (yishi_mask_text_is_clean ("x110105198503072316x"));
  g_assert_true (yishi_mask_text_is_clean (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/names", test_names);
  g_test_add_func ("/mask/phones", test_phones);
  g_test_add_func ("/mask/free-text", test_free_text);

  return g_test_run ();
}
