"""`brief serve` download throughput and latency on loopback: builds the test workspace, starts the
server on a free 127.0.0.1 port, then fetches memos with a bounded number of concurrent requests.
Prints a table.

    .venv/bin/python benchmarks/serve.py [--requests 2000] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    import httpx2 as httpx
    import uvicorn

    from brief.build.run import build
    from brief.serve import create_app
    from brief.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(REPO / "tests" / "roots" / "basic", ws)
        build(Workspace.at(ws), formats=["pdf", "docx", "html"])
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(Workspace.at(ws)), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        files = ["principal.pdf", "staff.pdf", "public.pdf", "staff.docx"]
        sizes = {name: (ws / "build" / "port-security" / name).stat().st_size for name in files}

        async def run() -> tuple[list[float], int, float]:
            latencies: list[float] = []
            failures = 0
            gate = asyncio.Semaphore(args.concurrency)
            limits = httpx.Limits(max_connections=args.concurrency)
            async with httpx.AsyncClient(timeout=60, limits=limits) as client:

                async def one(index: int) -> None:
                    nonlocal failures
                    name = files[index % len(files)]
                    async with gate:
                        started = time.perf_counter()
                        response = await client.get(f"http://127.0.0.1:{port}/files/port-security/{name}")
                        latencies.append(time.perf_counter() - started)
                    if response.status_code != 200 or len(response.content) != sizes[name]:
                        failures += 1

                started = time.perf_counter()
                await asyncio.gather(*(one(i) for i in range(args.requests)))
                return latencies, failures, time.perf_counter() - started

        latencies, failures, seconds = asyncio.run(run())
        server.should_exit = True
        thread.join(timeout=10)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print("| measure | value |")
    print("|---|---|")
    print(f"| requests (concurrency {args.concurrency}) | {args.requests} |")
    print(f"| failed or corrupted | {failures} |")
    print(f"| downloads per second | {args.requests / seconds:.0f} |")
    print(f"| median latency (ms) | {statistics.median(latencies) * 1000:.1f} |")
    print(f"| 99th percentile latency (ms) | {p99 * 1000:.1f} |")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
