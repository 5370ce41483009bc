"""Run a benchmark by name: ``python -m bench home``."""

import sys

from bench import (
    briefing,
    exports,
    home,
    honours,
    imports,
    lists,
    load,
    processes,
    search,
    session_cost,
    tiers,
    uploads,
)

BENCHES = {
    "home": home.main,
    "tiers": tiers.main,
    "honours": honours.main,
    "search": search.main,
    "imports": imports.main,
    "briefing": briefing.main,
    "uploads": uploads.main,
    "session_cost": session_cost.main,
    "load": load.main,
    "exports": exports.main,
    "load_processes": processes.main,
    "lists": lists.main,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(BENCHES)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        sys.exit(f"unknown benchmark(s) {unknown}; choose from {sorted(BENCHES)}")
    for name in names:
        BENCHES[name]()
