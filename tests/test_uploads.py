"""Reading and validating uploads: each rule with a file that breaks it, messages naming file, sheet, row and
column; CSV in UTF-8, UTF-8 with BOM and GBK; the templates."""

from __future__ import annotations

import io

import numpy as np
import pytest
import shapely
from openpyxl import Workbook, load_workbook
from stdnum.cn import uscc as uscc_code

from geo import boundaries
from records import access
from uploads import context, files, rules, spec, templates, validate
from uploads.kinds import clusters, enterprises
from uploads.problems import ERROR, WARNING, Checked

TONGCHENG = "340881"
FILER = access.User("tc", "桐城填报", access.COUNTY_FILER, TONGCHENG)
ENTERPRISE_HEADER = [c.name for c in enterprises.COLUMNS]
OTHER_FIRM = "91340881MA2N0000X" + uscc_code.calc_check_digit("91340881MA2N0000X")  # valid, not in the store
CLUSTER_HEADER = [c.name for c in clusters.COLUMNS]


@pytest.fixture(scope="module")
def ctx(store_path):
    import queries

    con = queries.connect_read_only(store_path)
    built = context.build(con, FILER, 2025)
    built.demo = (
        con.execute(  # a real 桐城 firm and cluster to start every row from
            "select e.*, l.name as link, c.name as cluster from enterprises e left join chain_links l using (link_id) "
            "left join clusters c using (cluster_id) where e.adcode = $a and e.cluster_id is not null "
            "and e.link_id is not null order by e.revenue desc limit 1",
            {"a": TONGCHENG},
        )
        .df()
        .iloc[0]
    )
    built.cluster = (
        con.execute(
            "select c.*, f.value as revenue from clusters c join cluster_figures f using (cluster_id) "
            "where c.adcode = $a and f.year = 2024 and f.indicator = 'revenue' order by f.value desc limit 1",
            {"a": TONGCHENG},
        )
        .df()
        .iloc[0]
    )
    con.close()
    return built


def inside(code: str = TONGCHENG) -> tuple[float, float]:
    point = shapely.point_on_surface(boundaries.counties().set_index("adcode").geometry[code])
    return round(point.x, 5), round(point.y, 5)


def firm(ctx, **changes) -> dict:
    d = ctx.demo
    lon, lat = inside()
    row = {
        "统一社会信用代码": d.uscc,
        "企业名称": d["name"],
        "区县": "桐城市",
        "所属集群": d.cluster,
        "产业": d.industry,
        "产业链环节": d.link,
        "营业收入（亿元）": "12.5",
        "规上企业": "是",
        "经度": str(lon),
        "纬度": str(lat),
        "坐标系": "WGS-84",
    }
    return row | changes


def cluster(ctx, **changes) -> dict:
    c = ctx.cluster
    row = {
        "年度": "2025",
        "区县": "桐城市",
        "集群名称": c["name"],
        "产业": c.industry,
        "首位产业": "是",
        "集群级别": c.level,
        "认定年份": str(c.recognised_year),
        "营业收入（亿元）": str(c.revenue * 1.1),
        "规上企业数（家）": "40",
        "研发投入强度（%）": "2.5",
        "省级及以上公共服务平台（个）": "1",
        "利润总额（亿元）": "8",
        "管理机构": "是",
        "公共品牌": "否",
        "行业协会": "是",
        "研发中心": "否",
        "全产业链": "是",
    }
    return row | changes


def xlsx(sheets: dict[str, list[dict]], header: dict[str, list[str]] | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        columns = (header or {}).get(name) or list(rows[0])
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[dict], encoding: str = "utf-8-sig") -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def check_firms(ctx, rows, honours=None, name="名录.xlsx", header=None) -> Checked:
    sheets = {spec.ENTERPRISES: rows} | ({enterprises.HONOURS_SHEET: honours} if honours else {})
    return validate.check(spec.ENTERPRISES, 2025, files.read(name, xlsx(sheets, header)), ctx)


def check_clusters(ctx, rows, header=None) -> Checked:
    return validate.check(spec.CLUSTERS, 2025, files.read("集群.xlsx", xlsx({spec.CLUSTERS: rows}, header)), ctx)


def texts(checked, level=ERROR) -> list[str]:
    return [p.text() for p in checked.problems if p.level == level]


def test_a_clean_file_passes_and_is_normalised(ctx):
    checked = check_firms(
        ctx, [firm(ctx)], [{"统一社会信用代码": ctx.demo.uscc, "荣誉": "国家高新技术企业", "首次获得年份": "2021"}]
    )
    assert checked.errors == [] and checked.adcode == TONGCHENG
    row = checked.tables["batch_enterprises"].iloc[0]
    assert row.uscc == ctx.demo.uscc and row.link_id == ctx.demo.link_id and row.revenue == 12.5
    assert row.above_scale == True and row.row_number == 2  # noqa: E712
    assert checked.tables["batch_enterprise_honours"].honour.tolist() == ["国家高新技术企业"]


def test_messages_name_file_sheet_row_and_column(ctx):
    rows = [firm(ctx), firm(ctx, **{"统一社会信用代码": OTHER_FIRM, "营业收入（亿元）": "十二"})]
    problems = texts(check_firms(ctx, rows))
    assert "名录.xlsx › 企业名录 · 第 3 行 · G 列「营业收入（亿元）」：“十二”不是数字。" in problems


def test_missing_and_unknown_columns(ctx):
    header = [h for h in ENTERPRISE_HEADER if h != "规上企业"] + ["规上"]
    row = firm(ctx) | {"规上": "是"}
    checked = check_firms(ctx, [row], header={spec.ENTERPRISES: header})
    assert any("缺少必填列“规上企业”。文件中的“规上”列是否即此列？" in t for t in texts(checked))
    assert "batch_enterprises" not in checked.tables
    header = ENTERPRISE_HEADER + ["备注"]
    checked = check_firms(ctx, [firm(ctx) | {"备注": "x"}], header={spec.ENTERPRISES: header})
    assert checked.errors == [] and any("L 列「备注」：不是模板中的列，将被忽略" in t for t in texts(checked, WARNING))
    # half-width brackets and spaces in a header are accepted
    header = [h.replace("（", "(").replace("）", ")") for h in ENTERPRISE_HEADER]
    relabelled = {h2: firm(ctx)[h1] for h1, h2 in zip(ENTERPRISE_HEADER, header)}
    assert check_firms(ctx, [relabelled], header={spec.ENTERPRISES: header}).errors == []


def test_wrong_types(ctx):
    checked = check_clusters(ctx, [cluster(ctx, 年度="2025.5", 首位产业="可能", **{"研发投入强度（%）": "abc"})])
    problems = texts(checked)
    assert any("A 列「年度」：年份“2025.5”须为整数。" in t for t in problems)
    assert any("E 列「首位产业」：“可能”应为“是”或“否”。" in t for t in problems)
    assert any("J 列「研发投入强度（%）」：“abc”不是数字。" in t for t in problems)


def test_county_names_with_or_without_suffix_and_codes_and_nearest_match(ctx):
    for given in ("桐城市", "桐城", TONGCHENG):
        assert check_firms(ctx, [firm(ctx, 区县=given)]).errors == [], given
    problems = texts(check_firms(ctx, [firm(ctx, 区县="桐成市")]))
    assert any("C 列「区县」：未知的区县“桐成市”，是否为“桐城市”？" in t for t in problems)


def test_a_county_outside_the_uploaders_scope(ctx):
    lon, lat = inside("340822")
    problems = texts(check_firms(ctx, [firm(ctx, 区县="怀宁县", 经度=str(lon), 纬度=str(lat))]))
    assert any("怀宁县不在您的填报范围（桐城市）内。" in t for t in problems)


def test_duplicate_rows(ctx):
    problems = texts(check_firms(ctx, [firm(ctx), firm(ctx, 企业名称="另一家")]))
    assert any("第 3 行 · A 列「统一社会信用代码」：统一社会信用代码与第 2 行重复。" in t for t in problems)
    c = cluster(ctx)
    problems = texts(check_clusters(ctx, [c, c | {"首位产业": "否"}]))
    assert any("第 3 行 · C 列「集群名称」：同一区县的集群名称与第 2 行重复。" in t for t in problems)


def test_negative_and_implausible_values(ctx):
    problems = texts(check_firms(ctx, [firm(ctx, **{"营业收入（亿元）": "-3"})]))
    assert any("G 列「营业收入（亿元）」：不能为负数。" in t for t in problems)
    tenfold = cluster(ctx, **{"营业收入（亿元）": str(ctx.cluster.revenue * 10)})
    checked = check_clusters(ctx, [tenfold])
    assert checked.errors == []
    assert any("相差 10 倍以上，请核对单位（亿元）" in t for t in texts(checked, WARNING))
    problems = texts(check_clusters(ctx, [cluster(ctx, **{"研发投入强度（%）": "130"})]))
    assert any("应不大于 100" in t for t in problems)


def test_uscc_check_digit(ctx):
    good = ctx.demo.uscc
    wrong_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    problems = texts(check_firms(ctx, [firm(ctx, 统一社会信用代码=wrong_digit)]))
    assert any("的校验位不符（GB 32100-2015）" in t for t in problems)
    problems = texts(check_firms(ctx, [firm(ctx, 统一社会信用代码="12345")]))
    assert any("不是 18 位统一社会信用代码" in t for t in problems)
    assert check_firms(ctx, [firm(ctx, 统一社会信用代码=good.lower())]).errors == []  # case does not matter


def test_coordinates_outside_the_county(ctx):
    lon, lat = inside("340822")  # in 怀宁县, declared 桐城市
    problems = texts(check_firms(ctx, [firm(ctx, 经度=str(lon), 纬度=str(lat))]))
    assert any("不在桐城市内（按 WGS-84 和 GCJ-02 均不在）" in t for t in problems)
    problems = texts(check_firms(ctx, [firm(ctx, 经度="118.5", 纬度="")]))
    assert any("只填了经度" in t for t in problems)
    problems = texts(check_firms(ctx, [firm(ctx, 经度="100.1")]))
    assert any("经度 100.1 不在安徽省范围内" in t for t in problems)


def test_gcj02_coordinates_are_accepted_and_converted(ctx):
    from prcoords import wgs_gcj

    lon, lat = inside()
    shifted = wgs_gcj((lat, lon))
    checked = check_firms(ctx, [firm(ctx, 经度=f"{shifted.lon:.6f}", 纬度=f"{shifted.lat:.6f}", 坐标系="GCJ-02")])
    assert checked.errors == []
    row = checked.tables["batch_enterprises"].iloc[0]
    assert abs(row.lon - lon) < 1e-5 and abs(row.lat - lat) < 1e-5  # stored as WGS-84


def test_gcj02_coordinates_declared_as_wgs84_are_recognised(ctx):
    """A point just east of the county as WGS-84 that is inside it as GCJ-02 (Amap's datum) is converted."""
    shape = boundaries.counties().set_index("adcode").geometry[TONGCHENG]
    area = shapely.buffer(shape, rules.COORD_TOLERANCE)
    found = None
    for x, y in shapely.get_coordinates(shape.exterior if shape.geom_type == "Polygon" else shape.geoms[0].exterior):
        for step in np.arange(0.0002, 0.006, 0.0002):
            gx, gy = x + step, y
            if not shapely.contains_xy(area, gx, gy):
                back = boundaries.gcj_to_wgs(np.array([[gx, gy]]))[0]
                if shapely.contains_xy(area, back[0], back[1]):
                    found = (gx, gy)
                break
        if found:
            break
    assert found, "no such point on the outline?"
    checked = check_firms(ctx, [firm(ctx, 经度=f"{found[0]:.6f}", 纬度=f"{found[1]:.6f}", 坐标系="")])
    assert checked.errors == []
    assert any("坐标似为 GCJ-02" in t for t in texts(checked, WARNING))


def test_honours_outside_the_vocabulary_and_firms_missing_from_the_list(ctx):
    honours = [
        {"统一社会信用代码": ctx.demo.uscc, "荣誉": "专精特新企业", "首次获得年份": "2023"},
        {"统一社会信用代码": OTHER_FIRM, "荣誉": "上市公司", "首次获得年份": "2020"},
    ]
    problems = texts(check_firms(ctx, [firm(ctx)], honours))
    assert any(
        "名录.xlsx › 企业荣誉 · 第 2 行 · B 列「荣誉」：“专精特新企业”不在可选值中，是否为“专精特新中小企业”？" in t
        for t in problems
    )
    assert any("企业荣誉 · 第 3 行" in t and "不在“企业名录”表中" in t for t in problems)


def test_chain_link_of_another_industry_and_unknown_cluster(ctx):
    other = ctx.links[ctx.links.industry != ctx.demo.industry].iloc[0]
    problems = texts(check_firms(ctx, [firm(ctx, 产业链环节=other["name"], 所属集群="不存在的集群")]))
    assert any(f"“{other['name']}”不是“{ctx.demo.industry}”产业链的环节" in t for t in problems)
    assert any("本县没有名为“不存在的集群”的集群" in t for t in problems)


def test_cluster_year_and_one_leading_cluster(ctx):
    problems = texts(check_clusters(ctx, [cluster(ctx, 年度="2024")]))
    assert any("年度 2024 与本次上报的年度 2025 不符" in t for t in problems)
    two = [cluster(ctx), cluster(ctx, 集群名称="桐城市另一产业集群")]
    problems = texts(check_clusters(ctx, two))
    assert any("第 3 行 · E 列「首位产业」：每个区县至多一个首位产业集群，第 2 行已填“是”。" in t for t in problems)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_bom_and_gbk(ctx, encoding):
    data = csv_bytes([firm(ctx)], encoding)
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    sheets = files.read("名录.csv", data)
    assert sheets[0].header == ENTERPRISE_HEADER and sheets[0].cells.iloc[0, 1] == ctx.demo["name"]
    checked = validate.check(spec.ENTERPRISES, 2025, sheets, ctx)
    assert checked.errors == [] and checked.tables["batch_enterprises"].name.iloc[0] == ctx.demo["name"]
    problems = [
        p.text()
        for p in validate.check(
            spec.ENTERPRISES, 2025, files.read("名录.csv", csv_bytes([firm(ctx, 区县="桐成")], encoding)), ctx
        ).errors
    ]
    assert any(t.startswith("名录.csv · 第 2 行 · C 列「区县」") for t in problems)  # a CSV has no sheet


def test_honours_as_a_second_csv_file(ctx):
    sheets = files.read("名录.csv", csv_bytes([firm(ctx)])) + files.read(
        "荣誉.csv", csv_bytes([{"统一社会信用代码": ctx.demo.uscc, "荣誉": "瞪羚企业", "首次获得年份": "2024"}], "gbk")
    )
    checked = validate.check(spec.ENTERPRISES, 2025, sheets, ctx)
    assert checked.errors == [] and checked.tables["batch_enterprise_honours"].honour.tolist() == ["瞪羚企业"]


def test_unreadable_files(ctx):
    with pytest.raises(files.UnreadableFile, match="只接受 .xlsx 或 .csv"):
        files.read("名录.xls", b"whatever")
    with pytest.raises(files.UnreadableFile, match="名录.xlsx：不是有效的 .xlsx 文件"):
        files.read("名录.xlsx", b"not a zip")
    with pytest.raises(files.UnreadableFile, match="无法识别文件编码"):
        files.read("名录.csv", b"a,b\n\x81\x30")


def test_templates_have_notes_and_drop_downs(ctx):
    options = templates.options_from(ctx.counties, ctx.industries, ctx.links, ctx.honours, TONGCHENG)
    book = load_workbook(io.BytesIO(templates.template(spec.ENTERPRISES, options, "桐城市")))
    assert book.sheetnames == ["填写说明", "选项", spec.ENTERPRISES, enterprises.HONOURS_SHEET]
    sheet = book[spec.ENTERPRISES]
    assert [c.value for c in sheet[1]] == ENTERPRISE_HEADER
    assert sheet["A1"].comment.text.startswith("必填。18 位")
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert set(lists) >= {"C2", "E2", "F2", "H2", "K2"}  # county, industry, link, yes/no, datum
    assert book["选项"].sheet_state == "hidden"
    counties = [c.value for c in book["选项"]["A"][1:] if c.value]
    assert counties == ["桐城市"]  # a county's template offers its own county only
    honours = load_workbook(io.BytesIO(templates.template(spec.ENTERPRISES, options)))[enterprises.HONOURS_SHEET]
    assert [c.value for c in honours[1]] == [c.name for c in enterprises.HONOUR_COLUMNS]
    clusters = load_workbook(io.BytesIO(templates.template(spec.CLUSTERS, options)))[spec.CLUSTERS]
    assert [c.value for c in clusters[1]] == CLUSTER_HEADER
    # an untouched template read back is refused at validation, naming the file and the sheet
    empty = files.read("模板.xlsx", templates.template(spec.CLUSTERS, options))
    checked = validate.check(spec.CLUSTERS, 2025, empty, ctx)
    assert [p.text() for p in checked.errors] == [
        "模板.xlsx › 集群年度数据：只有列名、没有数据行：请从第 2 行起填写数据。"
    ]
    assert checked.tables == {}


def test_the_vectorised_check_digit_agrees_with_python_stdnum():
    import pandas as pd

    from uploads.parsing import uscc_valid

    rng = np.random.default_rng(3)
    alphabet = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))
    bodies = ["".join(rng.choice(alphabet[:10], 8)) + "".join(rng.choice(alphabet, 9)) for _ in range(3000)]
    codes = [b + uscc_code.calc_check_digit(b) for b in bodies[:1500]]  # valid
    codes += [b + rng.choice(alphabet) for b in bodies[1500:]]  # mostly invalid
    codes += ["A1" + codes[0][2:], "91340881MA2N0000XX", "91340881MA2N0000XO"]  # letters up front; an O
    series = pd.Series(codes)
    shaped = series.str.fullmatch(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}").to_numpy()
    assert uscc_valid(series, shaped).tolist() == [uscc_code.is_valid(c) for c in codes]


def test_a_header_below_blank_rows_is_found_and_rows_keep_their_numbers(ctx):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = spec.ENTERPRISES
    sheet.append([])
    sheet.append([])
    header = [h for h in ENTERPRISE_HEADER if h != "企业名称"]
    sheet.append(header)  # row 3, without 企业名称
    sheet.append([])
    sheet.append([firm(ctx)[h] for h in header])  # row 5
    out = io.BytesIO()
    book.save(out)
    checked = validate.check(spec.ENTERPRISES, 2025, files.read("名录.xlsx", out.getvalue()), ctx)
    assert [p.text() for p in checked.errors] == [
        "名录.xlsx › 企业名录 · 第 3 行：缺少必填列“企业名称”。请使用模板中的列名。"
    ]
    assert files.read("名录.xlsx", out.getvalue())[0].rows == [5]
