"""Files built in a worker process (exports.offload) are the files built in the server: the .xlsx reads back to the
same rows, formula-like text stored as text; a failure in the worker is raised here, not lost."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from exports import offload, tables
from uploads import sandbox


def cells(data: bytes) -> list[list]:
    return [[c.value for c in row] for sheet in load_workbook(io.BytesIO(data)) for row in sheet.iter_rows()]


def test_an_xlsx_built_in_the_worker_is_the_one_built_in_the_server():
    frame = pd.DataFrame({"企业": ["甲公司", '=HYPERLINK("http://x","点我")'], "营收（亿元）": [1.5, 2.25]})
    built = offload.call(tables.to_xlsx, frame, "名单", ["说明一行"], what="名单.xlsx")
    assert cells(built) == cells(tables.to_xlsx(frame, "名单", ["说明一行"]))
    assert ["甲公司", 1.5] in cells(built)
    kinds = {c.data_type for sheet in load_workbook(io.BytesIO(built)) for row in sheet.iter_rows() for c in row}
    assert "f" not in kinds  # "=HYPERLINK(…)" stored as text, not as a formula


def test_a_failure_in_the_worker_is_raised_in_the_server():
    with pytest.raises(sandbox.WorkerBug, match="ZeroDivisionError"):
        offload.call(divmod, 1, 0, what="测试")
