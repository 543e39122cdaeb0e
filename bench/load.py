"""Load over REST with Locust, for the assistant and the `rasa init` starter bot.

One server, two servers behind shared stores, and the starter bot, in one run. For
each, Locust (from `.venv-load`, see `make bench-load`) first offers 10 messages a
second for 120 s, then steps up the offered rate for 20 s a step until p95 passes one
second. The assistant runs its production profile (`tests/harness/scaled.py`: PostgreSQL
tracker store, Redis lock store, the directory in PostgreSQL, one action server).
Results are printed as Markdown and saved to bench/out/load.json.
"""

import argparse
import csv
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Dict, List

from tests.harness.keys import TEST_SECRETS
from tests.harness.scaled import scaled_assistant
from tests.harness.servers import PROJECT_DIR, free_port, running, server_environment
from tests.harness.starter import starter_server_command

LOCUST = PROJECT_DIR / ".venv-load" / "bin" / "locust"
LOCUSTFILE = PROJECT_DIR / "bench" / "locustfile.py"
OUT_DIR = PROJECT_DIR / "bench" / "out"
STEADY_USERS, STEADY_SECONDS = 10, 120
STEP_USERS = [10, 20, 30, 45, 60, 80]
STEP_SECONDS = 20
SLOW_P95_MS = 1000.0


def run_locust(
    targets: List[str], users: int, seconds: int, work_dir: Path, empty_answer_ok: bool
) -> Dict[str, float]:
    """Offer `users` messages a second for `seconds`; the aggregated figures."""
    prefix = work_dir / f"locust-{users}-{seconds}"
    command = [
        str(LOCUST), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
        "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
        "--stop-timeout", "10", "--csv", str(prefix),
    ]  # fmt: skip
    environment = server_environment(
        {
            "LOAD_TARGETS": ",".join(targets),
            "LOAD_REST_TOKEN": TEST_SECRETS["REST_CHANNEL_TOKEN"],
            "LOAD_EMPTY_ANSWER_OK": "1" if empty_answer_ok else "0",
        }
    )
    subprocess.run(command, env=environment, capture_output=True, check=False, cwd=PROJECT_DIR)
    with Path(f"{prefix}_stats.csv").open() as stats:
        row = next(r for r in csv.DictReader(stats) if r["Name"] == "Aggregated")
    return {
        "offered_per_s": float(users),
        "messages": float(row["Request Count"]),
        "errors": float(row["Failure Count"]),
        "achieved_per_s": round(float(row["Requests/s"]), 1),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "p99_ms": float(row["99%"]),
    }


def profile(
    name: str, targets: List[str], work_dir: Path, empty_answer_ok: bool = False
) -> Dict[str, object]:
    """The steady run and the steps for one setup."""
    steady = run_locust(targets, STEADY_USERS, STEADY_SECONDS, work_dir, empty_answer_ok)
    steps = []
    for users in STEP_USERS:
        step = run_locust(targets, users, STEP_SECONDS, work_dir, empty_answer_ok)
        steps.append(step)
        if step["p95_ms"] > SLOW_P95_MS:
            break
    clean = [s["achieved_per_s"] for s in [steady, *steps] if s["errors"] == 0]
    slow = [s["offered_per_s"] for s in steps if s["p95_ms"] > SLOW_P95_MS]
    return {
        "setup": name,
        "steady": steady,
        "steps": steps,
        "sustained_per_s_without_errors": max(clean, default=0.0),
        "p95_over_1s_at_offered_per_s": slow[0] if slow else None,
    }


def main() -> None:
    """Run the three setups and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the assistant's trained model")
    options = parser.parse_args()
    if not LOCUST.exists():
        raise SystemExit("Locust is missing: run `make bench-load` (it creates .venv-load).")
    results = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        port = free_port()
        starter = starter_server_command(port)
        with running(starter, f"http://127.0.0.1:{port}/", work_dir / "starter.log"):
            url = f"http://127.0.0.1:{port}"
            results.append(profile("rasa init starter", [url], work_dir, empty_answer_ok=True))
        for servers in (1, 2):
            data_dir = Path(tempfile.mkdtemp(prefix="load-data-"))
            data_dir.chmod(0o755)
            with scaled_assistant(
                options.model,
                work_dir,
                data_dir,
                rasa_servers=servers,
                extra_environment=TEST_SECRETS,
            ) as stack:
                name = f"assistant, {servers} Rasa server{'s' if servers > 1 else ''}"
                results.append(profile(name, stack.rasa_urls, work_dir))
            subprocess.run(["rm", "-rf", str(data_dir)], check=False)

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {"results": results, "cpus": os.cpu_count()}
    (OUT_DIR / "load.json").write_text(json.dumps(report, indent=2))
    print("| setup | msg/s at 10/s | errors | p50 | p95 | p99 | sustained, 0 errors | p95 > 1 s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in results:
        steady = row["steady"]
        assert isinstance(steady, dict)
        over = row["p95_over_1s_at_offered_per_s"]
        print(
            f"| {row['setup']} | {steady['achieved_per_s']} | {int(steady['errors'])} | "
            f"{steady['p50_ms']:.0f} ms | {steady['p95_ms']:.0f} ms | {steady['p99_ms']:.0f} ms | "
            f"{row['sustained_per_s_without_errors']} | "
            f"{f'{over:.0f} msg/s offered' if over else 'not reached'} |"
        )


if __name__ == "__main__":
    main()
