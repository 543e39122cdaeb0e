"""Per-message latency of the assistant over REST, against a `rasa init` starter bot.

Both bots run on this machine in the same run and get the same messages:
p50/p95 per-message latency at 1 and at 10 concurrent conversations, the Rasa
server's resident memory, and the time from `make run` to the first answer.

Usage: PYTHONPATH=. .venv/bin/python bench/latency.py --model models/assistant-XXXX.tar.gz
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import requests

from tests.harness.keys import REST_HEADERS, TEST_SECRETS
from tests.harness.percentiles import percentile
from tests.harness.servers import (
    PROJECT_DIR,
    RASA,
    assistant,
    free_port,
    running,
    server_environment,
)
from tests.harness.starter import starter_model
from tests.training_data import heldout_examples

OUT_DIR = PROJECT_DIR / "bench" / "out"
MESSAGES_PER_CONVERSATION = 8


def conversation_messages() -> List[str]:
    """Realistic messages: the held-out paraphrases, interleaved across topics."""
    by_intent = list(heldout_examples().values())
    return [texts[i] for i in range(10) for texts in by_intent if i < len(texts)]


def converse(url: str, messages: List[str]) -> List[float]:
    """One conversation; the latency of each message in milliseconds."""
    sender = f"bench-{uuid.uuid4()}"
    latencies = []
    with requests.Session() as session:
        for message in messages:
            started = time.perf_counter()
            response = session.post(
                f"{url}/webhooks/rest/webhook",
                json={"sender": sender, "message": message},
                headers=REST_HEADERS,
                timeout=60,
            )
            response.raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def measure(url: str, concurrency: int, conversations: int) -> Dict[str, float]:
    """p50/p95 latency with `concurrency` conversations at a time."""
    messages = conversation_messages()
    converse(url, messages[:3])  # warm-up, not counted
    per_conversation = MESSAGES_PER_CONVERSATION
    scripts = [
        [messages[(c * per_conversation + i) % len(messages)] for i in range(per_conversation)]
        for c in range(conversations)
    ]
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        latencies = [
            ms for result in pool.map(lambda s: converse(url, s), scripts) for ms in result
        ]
    return {
        "messages": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
    }


def resident_memory_mb(port: int) -> float:
    """Resident memory of the process listening on `port`, in MiB."""
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True)
    pid = int(out.stdout.split("pid=")[1].split(",")[0])
    status = Path(f"/proc/{pid}/status").read_text()
    kilobytes = int(
        next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
    )
    return round(kilobytes / 1024, 1)


def time_to_first_answer() -> float:
    """Seconds from `make run` (model already trained) to the first answer."""
    rasa_port, actions_port = free_port(), free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "run", f"RASA_PORT={rasa_port}", f"ACTIONS_PORT={actions_port}"],
        cwd=PROJECT_DIR,
        env=server_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while time.monotonic() - started < 300:
            try:
                if converse(f"http://127.0.0.1:{rasa_port}", ["hello"]):
                    return round(time.monotonic() - started, 1)
            except requests.RequestException:
                time.sleep(0.25)
        raise TimeoutError("no answer within 300 s")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def bench_bot(name: str, url: str, port: int, conversations: int) -> Dict[str, object]:
    """All figures for one running bot."""
    return {
        "bot": name,
        "one_conversation": measure(url, 1, max(3, conversations // 4)),
        "ten_conversations": measure(url, 10, conversations),
        "rss_mb": resident_memory_mb(port),
    }


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the assistant's trained model")
    parser.add_argument("--conversations", type=int, default=40)
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as logs:
        starter = starter_model()
        port = free_port()
        server = [RASA, "run", "--model", starter, "--port", str(port)]
        with running(server, f"http://127.0.0.1:{port}/", Path(logs) / "starter.log"):
            results.append(bench_bot("rasa init starter", f"http://127.0.0.1:{port}", port,
                                     args.conversations))  # fmt: skip
        with assistant(args.model, Path(logs), environment=TEST_SECRETS) as url:
            port = int(url.rsplit(":", 1)[1])
            results.append(bench_bot("MBC assistant", url, port, args.conversations))
    startup = time_to_first_answer()

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {"results": results, "make_run_to_first_answer_s": startup, "cpus": os.cpu_count()}
    (OUT_DIR / "latency.json").write_text(json.dumps(report, indent=2))
    print("| bot | 1 conv p50 | 1 conv p95 | 10 conv p50 | 10 conv p95 | RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in results:
        one, ten = row["one_conversation"], row["ten_conversations"]
        print(f"| {row['bot']} | {one['p50_ms']} ms | {one['p95_ms']} ms | "  # type: ignore[index]
              f"{ten['p50_ms']} ms | {ten['p95_ms']} ms | {row['rss_mb']} MiB |")  # type: ignore[index] # fmt: skip
    print(f"\n`make run` to first answer (model trained): {startup} s")


if __name__ == "__main__":
    main()
