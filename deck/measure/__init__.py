"""Measuring text: font metrics shipped as data, line breaking and heights. Pure; a shared leaf."""
