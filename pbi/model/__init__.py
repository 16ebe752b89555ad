"""The data and its vocabulary: errors, money, units, periods, YAML reading, files, tables, specs, entitlements."""

__all__ = ["DEFAULT_TABLE"]

#: the table a command prices with when nothing names one. A spec names its own table (``table:``)
#: and ``--table`` overrides it; ``pbi check``, which reads published text and no spec, uses this:
#: the newest shipped table, which carries the older rates forward with their dates.
DEFAULT_TABLE = "unodc-vienna-2020"
