"""The two upload kinds and their columns: what the templates hold and what validation expects."""

from __future__ import annotations

from dataclasses import dataclass

from data.vocab import INDICATORS

CLUSTERS = "集群年度数据"
ENTERPRISES = "企业名录"
HONOURS_SHEET = "企业荣誉"
KINDS = (CLUSTERS, ENTERPRISES)
NOTES_SHEET, OPTIONS_SHEET = "填写说明", "选项"
TEMPLATE_SHEETS = (NOTES_SHEET, OPTIONS_SHEET)  # the templates' own sheets, never data
COMPANION_SHEETS = {ENTERPRISES: (HONOURS_SHEET,)}  # further data sheets of a kind
LEVELS = ("国家级", "省级", "市级", "县级")
YES, NO = "是", "否"
WGS84, GCJ02 = "WGS-84", "GCJ-02"


@dataclass(frozen=True)
class Column:
    name: str  # the header, exactly as in the template
    kind: str  # text / int / number / yesno / choice / county / uscc / year
    required: bool
    note: str  # the template's note for the column
    key: str  # the field it fills
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()


def _indicator(key: str, note: str, maximum: float | None = None, required: bool = False,
               minimum: float | None = 0.0) -> Column:
    label, unit = INDICATORS[key]
    return Column(f"{label}（{unit}）", "number", required, note, key, minimum, maximum)


CLUSTER_COLUMNS = (
    Column("年度", "year", True, "数据所属年份，如 2025", "year"),
    Column("区县", "county", True, "区县名称（可带或不带“县/市/区”）或 6 位行政区划代码", "adcode"),
    Column("集群名称", "text", True, "如“桐城市高端装备制造产业集群”；同一区县内不得重复", "name"),
    Column("产业", "choice", True, "从下拉列表选择", "industry"),
    Column("首位产业", "yesno", True, "该集群是否为本县首位产业（每县至多一个“是”）", "is_leading"),
    Column("集群级别", "choice", True, "国家级 / 省级 / 市级 / 县级", "level", choices=LEVELS),
    Column("认定年份", "year", True, "集群获认定的年份", "recognised_year"),
    _indicator("revenue", "当年营业收入，亿元，不含单位", required=True),
    _indicator("firms_above_scale", "规模以上工业企业数，家；未统计可空"),
    _indicator("rd_intensity", "研发经费占营业收入比重，%；未统计可空", maximum=100.0),
    _indicator("platforms", "省级及以上公共服务平台数，个；未统计可空"),
    _indicator("profit", "利润总额，亿元；可为负（亏损）；未统计可空", minimum=None),
    Column("管理机构", "yesno", True, "五个一：有无集群管理机构", "has_management_body"),
    Column("公共品牌", "yesno", True, "五个一：有无区域公共品牌", "has_public_brand"),
    Column("行业协会", "yesno", True, "五个一：有无行业协会或联盟", "has_association"),
    Column("研发中心", "yesno", True, "五个一：有无共性技术研发中心", "has_rd_center"),
    Column("全产业链", "yesno", True, "五个一：是否建成全产业链图谱", "has_full_chain"),
)

ENTERPRISE_COLUMNS = (
    Column("统一社会信用代码", "uscc", True, "18 位，按 GB 32100-2015 校验", "uscc"),
    Column("企业名称", "text", True, "营业执照上的全称", "name"),
    Column("区县", "county", True, "企业所在区县（名称或 6 位代码）", "adcode"),
    Column("所属集群", "text", False, "本县集群的名称；不属于任何集群则空", "cluster_name"),
    Column("产业", "choice", True, "从下拉列表选择", "industry"),
    Column("产业链环节", "choice", False, "从下拉列表选择（须属于所选产业的产业链）；不确定可空", "link"),
    Column("营业收入（亿元）", "number", False, "最近一年营业收入，亿元；未知可空", "revenue", 0.0),
    Column("规上企业", "yesno", True, "是否规模以上工业企业", "above_scale"),
    Column("经度", "number", False, "十进制度，如 117.0531", "lon", 114.0, 120.5),
    Column("纬度", "number", False, "十进制度，如 31.0412", "lat", 29.0, 35.0),
    Column("坐标系", "choice", False, "WGS-84（GPS）或 GCJ-02（高德、腾讯地图）；空则按 WGS-84", "crs",
           choices=(WGS84, GCJ02)),
)

HONOUR_COLUMNS = (
    Column("统一社会信用代码", "uscc", True, "须在“企业名录”表中", "uscc"),
    Column("荣誉", "choice", True, "从下拉列表选择", "honour"),
    Column("首次获得年份", "year", True, "首次获得该荣誉的年份", "year"),
)

COLUMNS = {CLUSTERS: CLUSTER_COLUMNS, ENTERPRISES: ENTERPRISE_COLUMNS, HONOURS_SHEET: HONOUR_COLUMNS}
