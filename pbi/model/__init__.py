"""The data and its vocabulary: errors, money, units, periods, YAML reading, files, tables, specs, entitlements."""
