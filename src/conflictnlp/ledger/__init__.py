"""The claims ledger: the Parquet tables of an archive in one embedded DuckDB file, and the
questions asked of it (``docs/archives.md``).

- :func:`build` loads the tables of ``conflictnlp extract ... --format parquet --out DIR`` folders;
- :func:`figures` is every figure of an actor and kind over time (who, how certainly, where, when);
- :func:`trace` groups the reports of one figure across outlets and follows ``via`` and named
  sources back to the earliest originating source;
- :func:`timeline_png` plots figures over time by source type;
- :func:`compare_ledger` is ``conflictnlp.compare`` computed in SQL over the whole ledger.

Needs duckdb (``pip install conflictnlp[archives]``); the DataFrames need pandas, the plot matplotlib.
"""

from .plot import timeline_png
from .queries import FIGURE_COLUMNS, compare_ledger, figures
from .store import LedgerError, LedgerUsageError, build, connect, info, is_ledger_path
from .trace import TRACE_COLUMNS, trace

__all__ = [
    "FIGURE_COLUMNS", "TRACE_COLUMNS", "LedgerError", "LedgerUsageError", "build", "compare_ledger", "connect", "figures", "info",
    "is_ledger_path", "timeline_png", "trace",
]
