"""Many users at once, without a browser each: a protocol-level client speaks Streamlit's websocket protocol (the
BackMsg / ForwardMsg protobufs of the installed streamlit package) as the browser does — opens a page, changes a
widget, waits for the run to finish, tells the server which large messages it already holds — so N users cost
the machine almost nothing but the server's own work.

For each N, N users start together and each takes a page's steps once; every step's time (request sent → script
finished) is recorded. Printed per N: p50 and p95 of the steps, throughput (steps a second), and the server's CPU
use (its CPU seconds over wall seconds: 1.0 is one core busy) and memory. The server runs over a copy of the demo
store, one process; ``python -m bench load_processes`` (bench/processes.py) runs the same users through nginx
against one and two processes on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

USERS = (1, 5, 10, 20, 40)
TIMEOUT = 120.0  # seconds a step may take before the bench gives up on it


@dataclass
class Client:
    """One simulated browser tab on one websocket."""

    url: str
    origin: str
    widgets: dict[str, str] = field(default_factory=dict)  # user key → widget id
    cached: set[str] = field(default_factory=set)  # hashes of cacheable messages already received
    received: int = 0  # bytes
    cookie: str = ""  # e.g. nginx's route cookie: each simulated browser its own

    async def __aenter__(self):
        import websockets

        self.ws = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=None,
            origin=self.origin,
            open_timeout=TIMEOUT,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
        )
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def run(self, page: str = "", query: str = "", **values) -> float:
        """Rerun ``page`` with the widgets keyed in ``values`` set; seconds until the script finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name = query, page
        state.cached_message_hashes.extend(sorted(self.cached))
        for key, value in values.items():
            widget = state.widget_states.widgets.add()
            widget.id = self.widgets[key]
            if isinstance(value, str):  # text input
                widget.string_value = value
            else:  # segmented control: the chosen option as shown
                widget.string_array_value.data.extend(value)
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        while True:
            data = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            self.received += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if forward.metadata.cacheable and forward.hash:
                self.cached.add(forward.hash)
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                inner = getattr(element, element.WhichOneof("type"))
                widget_id = getattr(inner, "id", "")
                if widget_id.startswith("$$ID-"):
                    self.widgets[widget_id.split("-", 2)[2]] = widget_id
            elif kind == "script_finished" and forward.script_finished != forward.FINISHED_EARLY_FOR_RERUN:
                return time.perf_counter() - start  # (a run that ends early for a rerun is followed by that rerun)


# Each page's steps as a user takes them: open it, then change a widget twice.
async def home(client: Client) -> list[float]:
    times = [await client.run()]
    times.append(await client.run(metric=["专精特新"]))
    times.append(await client.run(metric=["高新技术企业"]))
    return times


async def enterprises(client: Client) -> list[float]:
    times = [await client.run("enterprises")]
    times.append(await client.run("enterprises", ent_text="电缆"))
    times.append(await client.run("enterprises", ent_text="科技"))
    return times


SCENARIOS = {"home": home, "enterprises": enterprises}


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def crowd(url: str, origin: str, scenario, users: int, routed: bool = False) -> list[float]:
    """``users`` simulated users taking ``scenario`` together; every step's seconds. ``routed``: each user carries
    its own random nginx route cookie, as each browser gets one."""
    import uuid

    async def one() -> list[float]:
        async with Client(url, origin, cookie=f"anhui_route={uuid.uuid4().hex}" if routed else "") as client:
            return await scenario(client)

    results = await asyncio.gather(*(one() for _ in range(users)))
    return [t for steps in results for t in steps]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    import store
    from harness.browser import rss_mb, serving

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "demo.duckdb"
        store.open_store(source).close()
        for name, scenario in SCENARIOS.items():
            db_path = Path(tmp) / f"{name}.duckdb"
            shutil.copy(source, db_path)
            with serving(db_path) as (base, server):
                url = base.replace("http://", "ws://") + "/_stcore/stream"
                asyncio.run(crowd(url, base, scenario, 1))  # the server's caches filled by a first visitor
                for users in USERS:
                    cpu, wall = cpu_seconds(server.pid), time.perf_counter()
                    times = asyncio.run(crowd(url, base, scenario, users))
                    cpu, wall = cpu_seconds(server.pid) - cpu, time.perf_counter() - wall
                    print(
                        f"load_{name}_{users}_users: p50 {statistics.median(times):.2f} s, "
                        f"p95 {percentile(times, 95):.2f} s, {len(times) / wall:.1f} steps/s, "
                        f"server CPU {cpu / wall:.2f} cores, RSS {rss_mb(server.pid):.0f} MiB"
                    )
