"""Per-message latency of the assistant over REST, against a `rasa init` starter bot.

Both bots run on this machine in the same run and get the same messages:
- one conversation at a time, message by message in turn to each bot (p50, p95, the ratio);
- 10 concurrent conversations, one bot at a time;
- where the time goes, part by part (`bench/message_profile.py`), both bots loaded in this
  process with the SQL tracker store, in turn message by message;
- the Rasa server's resident memory, and the time from `make run` to the first answer.

Usage: PYTHONPATH=. .venv/bin/python bench/latency.py --model models/assistant-XXXX.tar.gz
"""

import argparse
import asyncio
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
from typing import Dict, List, Tuple
from urllib.parse import urlsplit

import requests
import yaml
from rasa.core.agent import load_agent
from rasa.core.utils import AvailableEndpoints

from assistant.directory.config import DEMO_DIRECTORY_CSV
from assistant.directory.importer import import_csv
from assistant.directory.places import gazetteer
from assistant.directory.store import DirectoryStore
from bench.message_profile import PartTimer, handle, quiet_rasa_logs, summarize, timing_parts
from tests.harness.keys import REST_HEADERS, TEST_SECRETS
from tests.harness.percentiles import percentile
from tests.harness.servers import (
    PROJECT_DIR,
    assistant,
    endpoints_as_run,
    free_port,
    running,
    server_environment,
)
from tests.harness.starter import starter_model, starter_server_command
from tests.training_data import heldout_examples

OUT_DIR = PROJECT_DIR / "bench" / "out"
MESSAGES_PER_CONVERSATION = 8
WARM_UP_MESSAGES = 3
STARTER, ASSISTANT = "rasa init starter", "MBC assistant"


def conversation_messages() -> List[str]:
    """Realistic messages: the held-out paraphrases, interleaved across topics."""
    by_intent = list(heldout_examples().values())
    return [texts[i] for i in range(10) for texts in by_intent if i < len(texts)]


def post(session: requests.Session, url: str, sender: str, message: str) -> float:
    """Send one message over REST; its latency in milliseconds."""
    started = time.perf_counter()
    response = session.post(
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        headers=REST_HEADERS,
        timeout=60,
    )
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def scripts(conversations: int) -> List[List[str]]:
    """The messages of each conversation, taken in turn from the held-out paraphrases."""
    messages = conversation_messages()
    per_conversation = MESSAGES_PER_CONVERSATION
    return [
        [messages[(c * per_conversation + i) % len(messages)] for i in range(per_conversation)]
        for c in range(conversations)
    ]


def alternating(urls: Dict[str, str], conversations: int) -> Dict[str, Dict[str, float]]:
    """One conversation at a time per bot, each message sent to every bot in turn."""
    latencies: Dict[str, List[float]] = {bot: [] for bot in urls}
    with requests.Session() as session:
        for url in urls.values():  # warm-up, not counted
            for message in conversation_messages()[:WARM_UP_MESSAGES]:
                post(session, url, f"bench-{uuid.uuid4()}", message)
        for script in scripts(conversations):
            senders = {bot: f"bench-{uuid.uuid4()}" for bot in urls}
            for message in script:
                for bot, url in urls.items():
                    latencies[bot].append(post(session, url, senders[bot], message))
    return {
        bot: {
            "messages": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
        }
        for bot, values in latencies.items()
    }


def converse(url: str, messages: List[str]) -> List[float]:
    """One conversation; the latency of each message in milliseconds."""
    sender = f"bench-{uuid.uuid4()}"
    with requests.Session() as session:
        return [post(session, url, sender, message) for message in messages]


def measure(url: str, concurrency: int, conversations: int) -> Dict[str, float]:
    """p50/p95 latency with `concurrency` conversations at a time."""
    converse(url, conversation_messages()[:WARM_UP_MESSAGES])  # warm-up, not counted
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        latencies = [
            ms
            for result in pool.map(lambda s: converse(url, s), scripts(conversations))
            for ms in result
        ]
    return {
        "messages": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
    }


def listening_pid(port: int) -> int:
    """The process listening on `port`."""
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True)
    return int(out.stdout.split("pid=")[1].split(",")[0])


def cpu_seconds(port: int) -> float:
    """CPU time (user and system) the process listening on `port` has used so far."""
    fields = Path(f"/proc/{listening_pid(port)}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_with_cpu(url: str, ports: Dict[str, int], conversations: int) -> Dict[str, float]:
    """`measure` with ten conversations at once, and the CPU each process spent per message."""
    before = {name: cpu_seconds(port) for name, port in ports.items()}
    result = measure(url, 10, conversations)
    sent = result["messages"] + WARM_UP_MESSAGES
    for name, port in ports.items():
        result[f"cpu_ms_per_message_{name}"] = round(
            (cpu_seconds(port) - before[name]) * 1000 / sent, 1
        )
    return result


def resident_memory_mb(port: int) -> float:
    """Resident memory of the process listening on `port`, in MiB."""
    status = Path(f"/proc/{listening_pid(port)}/status").read_text()
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
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # `make run` was still training, or a server ignored the interrupt: none may
            # outlive the bench and hold its ports.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def bench_environment(folder: Path) -> Dict[str, str]:
    """Secrets and stores for the bench's servers and agents, all inside `folder`."""
    directory_url = f"sqlite:///{folder}/directory.sqlite3"
    import_csv(DEMO_DIRECTORY_CSV.read_bytes(), DirectoryStore(directory_url), gazetteer())
    return {
        **TEST_SECRETS,
        "DIRECTORY_DATABASE_URL": directory_url,
        "TRACKER_STORE_URL": f"sqlite:///{folder}/conversations.sqlite3",
        "SAFETY_EVENTS_DATABASE_URL": f"sqlite:///{folder}/safety_events.sqlite3",
    }


def in_process_endpoints(folder: Path, action_endpoint_url: str = "") -> Path:
    """An endpoints file as `make run` uses (SQL tracker store, locks, safety events)."""
    path = folder / f"endpoints-{uuid.uuid4().hex[:8]}.yml"
    as_run = endpoints_as_run()
    endpoints = {store: as_run[store] for store in ("tracker_store", "lock_store")}
    if action_endpoint_url:
        endpoints["action_endpoint"] = {"url": action_endpoint_url}
        endpoints["event_broker"] = as_run["event_broker"]
    path.write_text(yaml.safe_dump(endpoints))
    return path


async def profile_parts(
    bots: Dict[str, Tuple[str, Path]], conversations: int
) -> Dict[str, Dict[str, Dict[str, float]]]:
    """Part-by-part time per message for each bot (model, endpoints), in turn."""
    agents = {
        bot: await load_agent(
            model_path=model, endpoints=AvailableEndpoints.read_endpoints(str(endpoints))
        )
        for bot, (model, endpoints) in bots.items()
    }
    timer = PartTimer()
    samples: Dict[str, List[Dict[str, float]]] = {bot: [] for bot in agents}
    with timing_parts(timer):
        for agent in agents.values():  # warm-up, not counted
            for message in conversation_messages()[:WARM_UP_MESSAGES]:
                await handle(agent, f"warm-up-{uuid.uuid4()}", message, timer)
        for script in scripts(conversations):
            senders = {bot: f"bench-{uuid.uuid4()}" for bot in agents}
            for message in script:
                for bot, agent in agents.items():
                    samples[bot].append(await handle(agent, senders[bot], message, timer))
    return {bot: summarize(values) for bot, values in samples.items()}


def main() -> None:
    """Run the benchmark and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the assistant's trained model")
    parser.add_argument("--conversations", type=int, default=40)
    args = parser.parse_args()
    quiet_rasa_logs()

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        environment = bench_environment(folder)
        starter = starter_model()
        port = free_port()
        server = starter_server_command(port)
        with running(server, f"http://127.0.0.1:{port}/", folder / "starter.log"):
            with assistant(args.model, folder, environment=environment) as url:
                urls = {STARTER: f"http://127.0.0.1:{port}", ASSISTANT: url}
                one = alternating(urls, args.conversations)
                endpoints = yaml.safe_load((folder / "endpoints.yml").read_text())
                actions_url = endpoints["action_endpoint"]["url"]
                ports = {bot: urlsplit(u).port or 0 for bot, u in urls.items()}
                actions_port = urlsplit(actions_url).port or 0
                ten = {
                    STARTER: measure_with_cpu(
                        urls[STARTER], {"rasa": ports[STARTER]}, args.conversations
                    ),
                    ASSISTANT: measure_with_cpu(
                        urls[ASSISTANT],
                        {"rasa": ports[ASSISTANT], "actions": actions_port},
                        args.conversations,
                    ),
                }
                memory = {bot: resident_memory_mb(port) for bot, port in ports.items()}
                os.environ.update(environment)
                bots = {
                    STARTER: (starter, in_process_endpoints(folder)),
                    ASSISTANT: (
                        args.model,
                        in_process_endpoints(folder, actions_url),
                    ),
                }
                parts = asyncio.run(profile_parts(bots, args.conversations // 2))
    startup = time_to_first_answer()

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "one_conversation_alternating": one,
        "ten_conversations": ten,
        "rss_mb": memory,
        "parts_per_message_ms": parts,
        "make_run_to_first_answer_s": startup,
        "cpus": os.cpu_count(),
    }
    (OUT_DIR / "latency.json").write_text(json.dumps(report, indent=2))
    ratio = one[ASSISTANT]["p50_ms"] / one[STARTER]["p50_ms"]
    print("| bot | 1 conv p50 | 1 conv p95 | 10 conv p50 | 10 conv p95 | RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for bot in urls:
        one_bot, ten_bot = one[bot], ten[bot]
        print(f"| {bot} | {one_bot['p50_ms']} ms | {one_bot['p95_ms']} ms | "
              f"{ten_bot['p50_ms']} ms | {ten_bot['p95_ms']} ms | {memory[bot]} MiB |")  # fmt: skip
    print(f"\nOne conversation at a time, alternating: assistant p50 / starter p50 = {ratio:.2f}")
    print("\nWhere the time goes, per message (ms; mean / p95; SQL tracker store on SQLite):\n")
    print(f"| part | {STARTER} | {ASSISTANT} |")
    print("| --- | --- | --- |")
    names = list(dict.fromkeys([*parts[ASSISTANT], *parts[STARTER]]))
    for part in sorted(
        names, key=lambda n: list(parts[ASSISTANT]).index(n) if n in parts[ASSISTANT] else -1
    ):
        cells = [
            f"{parts[bot][part]['mean_ms']} / {parts[bot][part]['p95_ms']}"
            if part in parts[bot]
            else "-"
            for bot in (STARTER, ASSISTANT)
        ]
        print(f"| {part} | {cells[0]} | {cells[1]} |")
    cpu = {bot: {k: v for k, v in ten[bot].items() if k.startswith("cpu_ms")} for bot in ten}
    print(f"\nCPU per message with ten conversations at once (ms of CPU time): {cpu}")
    print(f"\n`make run` to first answer (model trained): {startup} s")


if __name__ == "__main__":
    main()
