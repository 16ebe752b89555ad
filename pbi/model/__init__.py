"""The data and its vocabulary: errors, money, units, periods, YAML reading, files, tables, specs, entitlements."""

__all__: list[str] = []
