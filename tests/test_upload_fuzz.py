"""A seeded mutation fuzzer over valid uploads, through the page's own path (``batches.check_upload``): files
of every kind (集群, 名录, 项目库, 人才库) truncated, bytes flipped, XML parts altered (references, dimensions, counts, entities, huge texts, odd Unicode,
parts deleted or repeated), CSV re-encoded and garbled. Every case must end as a checked upload or a Chinese
refusal naming the file: no unhandled exception (an incident fails the test), no worker killed by a limit (the
checks before reading must catch what would exhaust it), nothing written but the audit log, and the serving
process's memory bounded."""

from __future__ import annotations

import io
import random
import re
import time
import zipfile

import pytest

from records import batches
from tests.test_projects import sheet as project_sheet
from tests.test_talents import sheet as talent_sheet
from tests.test_upload_normalisation import tables_but_the_audit_log
from tests.test_upload_worker import rss_mb
from tests.test_uploads import cluster, csv_bytes, ctx, firm, xlsx
from uploads import files, sandbox, spec
from uploads.kinds import enterprises

__all__ = ["ctx"]
SEED, CASES = 20261201, 240
ODD = [
    "\x00",
    "\x07",
    "\x1b",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\ufffd",
    "\uffff",
    "𠀀",
    "😀",
    "Ａ１",
    "\u0301",
    "\u3000",
    "\xa0",
    "&amp;",
    "&#0;",
    "&#x1F;",
    "]]>",
    "<x>",
    '"',
    "'",
    '=HYPERLINK("x")',
    "1e400",
    "inf",
    "-0",
    "９９９",
    "\r\n",
    "\t",
    ";",
    ",",
    "亿元",
    "万元",
]


def seeds(ctx) -> list[tuple[str, str, bytes]]:
    rows = [
        firm(ctx),
        firm(
            ctx, 统一社会信用代码="91340881MA2N0000X" + _check_digit("91340881MA2N0000X"), 企业名称="桐城测试有限公司"
        ),
    ]
    honours = [{"统一社会信用代码": ctx.demo.uscc, "荣誉": "国家高新技术企业", "首次获得年份": "2021"}]
    return [
        ("名录.xlsx", spec.ENTERPRISES, xlsx({spec.ENTERPRISES: rows, enterprises.HONOURS_SHEET: honours})),
        ("集群.xlsx", spec.CLUSTERS, xlsx({spec.CLUSTERS: [cluster(ctx)]})),
        ("名录.csv", spec.ENTERPRISES, csv_bytes(rows)),
        ("名录gbk.csv", spec.ENTERPRISES, csv_bytes(rows, "gb18030")),
        (
            "项目库.csv",
            spec.PROJECTS,
            csv_bytes(project_sheet({}, {"项目名称": "乙", "项目阶段": "线索", "开工日期": ""}).to_dict("records")),
        ),
        (
            "人才库.xlsx",
            spec.TALENTS,
            xlsx(
                {
                    spec.TALENTS: talent_sheet(
                        {}, {"姓名或团队名称": "乙团队", "类别": "团队", "团队人数": "5"}
                    ).to_dict("records")
                }
            ),
        ),
    ]


def _check_digit(body: str) -> str:
    from stdnum.cn import uscc

    return uscc.calc_check_digit(body)


def mutate(rng: random.Random, name: str, data: bytes) -> tuple[bytes, str]:
    """One mutation of ``data`` (chosen by ``rng``) and what it was."""
    if name.endswith(".xlsx") and rng.random() < 0.7:
        return _mutate_part(rng, data)
    what = rng.choice(["truncate", "flip", "insert", "odd", "encode", "lines", "quotes"])
    if what == "truncate":
        return data[: rng.randrange(len(data))], what
    if what == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            out[rng.randrange(len(out))] ^= rng.randint(1, 255)
        return bytes(out), what
    if what == "insert":
        at = rng.randrange(len(data))
        return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:], what
    text = data.decode("utf-8-sig", errors="replace") if name.endswith(".csv") else None
    if text is None:
        return data[::-1], "reversed"
    if what == "odd":
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(ODD) + text[at:]
        return text.encode("utf-8"), what
    if what == "encode":
        encoding = rng.choice(["utf-16-le", "utf-16", "utf-32", "big5", "shift_jis", "latin-1", "cp1252"])
        return text.encode(encoding, errors="replace"), f"encode {encoding}"
    if what == "lines":
        lines = text.splitlines()
        return "\n".join(lines + [lines[-1]] * rng.randint(1, 3000) + [""] * rng.randint(0, 5000)).encode(), what
    return text.replace(",", rng.choice(['"', ',"', '""', ";"]), rng.randint(1, 5)).encode(), what


def _mutate_part(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    name = rng.choice([n for n in parts if n.endswith((".xml", ".rels"))])
    body = parts[name]
    what = rng.choice(
        ["flip", "odd", "reference", "dimension", "count", "entity", "huge", "delete", "repeat", "truncate"]
    )
    if what == "flip":
        out = bytearray(body)
        for _ in range(rng.randint(1, 6)):
            out[rng.randrange(len(out))] ^= rng.randint(1, 255)
        body = bytes(out)
    elif what == "odd":
        body = re.sub(rb">([^<]{1,40})<", lambda m: b">" + m.group(1) + rng.choice(ODD).encode() + b"<", body, count=3)
    elif what == "reference":
        body = re.sub(
            rb'r="[A-Z]+\d+"',
            lambda m: rng.choice([b'r="XFD1048576"', b'r="A999999"', b'r="ZZZ1"', b'r="A0"', b'r="1A"', b'r=""']),
            body,
            count=2,
        )
    elif what == "dimension":
        body = re.sub(
            rb'ref="[^"]*"', rng.choice([b'ref="A1:XFD1048576"', b'ref="A1:A999999999"', b'ref="??"']), body, count=1
        )
    elif what == "count":
        body = re.sub(rb'(count|uniqueCount|spans)="[^"]*"', rb'\1="99999999999999"', body)
    elif what == "entity":
        body = body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "' + b"a" * 1000 + b'">]>', 1)
    elif what == "huge":
        body = re.sub(
            rb">([^<]{1,40})<", b">" + b"\xe9\x95\xbf" * rng.choice([900, 5000, 200000]) + b"<", body, count=1
        )
    elif what == "delete":
        del parts[name]
    elif what == "repeat":
        body = re.sub(rb"(<row\b.*?</row>)", lambda m: m.group(1) * rng.randint(2, 3000), body, count=1, flags=re.S)
    else:
        body = body[: rng.randrange(max(len(body), 1))]
    if name in parts:
        parts[name] = body
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part, content in parts.items():
            book.writestr(part, content)
    return out.getvalue(), f"{what} {name}"


def test_mutated_uploads_end_as_checked_files_or_chinese_refusals(db, ctx):
    rng = random.Random(SEED)
    originals = seeds(ctx)
    before_tables, before_rss = tables_but_the_audit_log(db), rss_mb()
    outcomes = {"checked": 0, "refused": 0}
    slowest = 0.0
    for case in range(CASES):
        name, kind, data = rng.choice(originals)
        mutated, what = mutate(rng, name, data)
        start = time.perf_counter()
        try:
            batches.check_upload(db, "tc", kind, 2025, [(name, mutated)])
            outcomes["checked"] += 1
        except sandbox.WorkerFailed as failed:
            pytest.fail(f"case {case} ({what}): the worker ended by a limit: {failed}")
        except files.UnreadableFile as refused:
            assert str(refused).startswith(name), (case, what, str(refused))
            outcomes["refused"] += 1
        slowest = max(slowest, time.perf_counter() - start)
    assert outcomes["checked"] > CASES // 10 and outcomes["refused"] > CASES // 10, outcomes
    assert slowest < 10, f"the slowest case took {slowest:.1f} s"
    assert tables_but_the_audit_log(db) == before_tables
    assert rss_mb() - before_rss < 150
