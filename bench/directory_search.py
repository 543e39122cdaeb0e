"""Directory search latency and import speed, SQLite and PostgreSQL, against a naive full scan.

Directories: the 4,504 CMS hospices of 2014, read in place from
`../shared/data/cms-hospices-2014.csv` or CMS_HOSPICES_CSV when it is there (skipped, with a
note, when not: the repository carries only a 66-row sample, for tests), and a synthetic one
of 200,000 entries placed around real ZIP codes. Queries: random real ZIP codes (fixed seed),
searched as the assistant does (25 miles, widening to 50 and 100), three results. The naive
baseline reads every row and measures every distance in Python. Results: a Markdown table
and bench/out/directory.json.

Usage: PYTHONPATH=. .venv/bin/python bench/directory_search.py [--queries 400]
"""

import argparse
import csv
import io
import json
import os
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Dict, List

import sqlalchemy as sa

from assistant.directory.geo import Coordinates, distance_in_miles
from assistant.directory.importer import import_csv
from assistant.directory.places import Gazetteer, gazetteer
from assistant.directory.providers import KINDS
from assistant.directory.search import find_providers_near
from assistant.directory.store import DirectoryStore, providers_table
from tests.harness.percentiles import percentile
from tests.harness.postgres import temporary_postgres
from tests.harness.servers import PROJECT_DIR

CMS_FILE = Path(
    os.environ.get("CMS_HOSPICES_CSV")
    or PROJECT_DIR.parent / "shared" / "data" / "cms-hospices-2014.csv"
)
OUT_DIR = PROJECT_DIR / "bench" / "out"
SYNTHETIC_ROWS = 200_000
SEED = 2718


def synthetic_csv(places: Gazetteer, rows: int) -> bytes:
    """A generic-format file of `rows` example entries spread like the US's ZIP codes."""
    rng = random.Random(SEED)
    zip_codes = sorted(places.zip_codes)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "name", "kinds", "settings", "zip"])
    for number in range(rows):
        kinds = ";".join(rng.sample(list(KINDS), rng.randint(1, 2)))
        writer.writerow([f"s{number}", f"Example {number}", kinds, "", rng.choice(zip_codes)])
    return out.getvalue().encode()


def time_queries(search: Callable[[Coordinates], object], origins: List[Coordinates]) -> Dict:
    """p50/p95 in milliseconds of `search` over `origins`, after one warm-up query."""
    search(origins[0])
    timings = []
    for origin in origins:
        started = time.perf_counter()
        search(origin)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": len(origins),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
    }


def naive_search(store: DirectoryStore) -> Callable[[Coordinates], object]:
    """Read every row, measure every distance in Python, keep the nearest three in 25 miles."""
    columns = [providers_table.c.id, providers_table.c.latitude, providers_table.c.longitude]
    query = sa.select(*columns).where(providers_table.c.active.is_(True))

    def search(origin: Coordinates) -> object:
        with store.engine.connect() as connection:
            rows = connection.execute(query).all()
        distances = sorted(
            (distance_in_miles(origin, Coordinates(lat, lon)), pid) for pid, lat, lon in rows
        )
        return [pid for d, pid in distances if d <= 25][:3]

    return search


def measure(url: str, data: bytes, places: Gazetteer, origins: List[Coordinates]) -> Dict:
    """Import `data` into the empty database at `url`, then time both searches."""
    store = DirectoryStore(url)
    started = time.perf_counter()
    summary = import_csv(data, store, places)
    import_seconds = time.perf_counter() - started
    indexed = time_queries(lambda o: find_providers_near(store, o), origins)
    hospice = time_queries(lambda o: find_providers_near(store, o, kinds=["hospice"]), origins)
    naive = time_queries(naive_search(store), origins[: max(20, len(origins) // 10)])
    store.engine.dispose()
    return {
        "rows": summary.counts.inserted,
        "import_rows_per_second": round(summary.rows_read / import_seconds),
        "search": indexed,
        "search_hospice_only": hospice,
        "naive_full_scan": naive,
    }


def main() -> None:
    """Run every combination and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=400)
    options = parser.parse_args()
    places = gazetteer()
    rng = random.Random(SEED)
    zips = sorted(places.zip_codes)
    origins = [places.zip_codes[rng.choice(zips)].coordinates for _ in range(options.queries)]
    datasets: Dict[str, bytes] = {}
    if CMS_FILE.is_file():
        datasets["CMS 2014 (4,504)"] = CMS_FILE.read_bytes()
    else:
        print(f"Skipped the CMS 2014 directory: {CMS_FILE} is not there (set CMS_HOSPICES_CSV).")
    datasets[f"synthetic ({SYNTHETIC_ROWS:,})"] = synthetic_csv(places, SYNTHETIC_ROWS)
    results: Dict[str, Dict] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(temporary_postgres())
        engine = sa.create_engine(server, isolation_level="AUTOCOMMIT", future=True)
        for number, (dataset, data) in enumerate(datasets.items()):
            with engine.connect() as connection:
                connection.execute(sa.text(f"CREATE DATABASE bench_{number}"))
            urls = {
                "SQLite": f"sqlite:///{folder}/bench_{number}.sqlite3",
                "PostgreSQL": server.rsplit("/", 1)[0] + f"/bench_{number}",
            }
            for database, url in urls.items():
                results[f"{dataset}, {database}"] = measure(url, data, places, origins)
        engine.dispose()

    print("| directory, database | import rows/s | search p50 / p95 ms | hospice only p50 / p95 ms"
          " | naive full scan p50 / p95 ms |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} | {r['import_rows_per_second']:,} "
            f"| {r['search']['p50_ms']} / {r['search']['p95_ms']} "
            f"| {r['search_hospice_only']['p50_ms']} / {r['search_hospice_only']['p95_ms']} "
            f"| {r['naive_full_scan']['p50_ms']} / {r['naive_full_scan']['p95_ms']} |"
        )
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "directory.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
