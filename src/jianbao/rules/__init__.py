"""Newspaper conventions, kept in one place (see :mod:`jianbao.rules.patterns`)."""

from jianbao.rules.patterns import *  # noqa: F401,F403
