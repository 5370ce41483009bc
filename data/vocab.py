"""Fixed vocabularies shared by the store, the demo data and the pages: honours, indicators, tiers."""

from __future__ import annotations

HONOURS = (
    "专精特新中小企业",
    "专精特新“小巨人”",
    "国家高新技术企业",
    "制造业单项冠军",
    "瞪羚企业",
    "独角兽企业",
    "上市公司",
    "龙头/链主企业",
    "配套“伙伴”企业",
)

# indicator -> (label, unit)
INDICATORS = {
    "revenue": ("营业收入", "亿元"),
    "firms_above_scale": ("规上企业数", "家"),
    "rd_intensity": ("研发投入强度", "%"),
    "platforms": ("省级及以上公共服务平台", "个"),
    "profit": ("利润总额", "亿元"),
}

# Revenue bands of the policy documents, 亿元, lower bound inclusive: exactly 100 is 百亿级.
TIERS = (
    ("千亿级", 1000.0),
    ("500亿级", 500.0),
    ("300–500亿级", 300.0),
    ("百亿级", 100.0),
    ("百亿以下", 0.0),
)


def tier(revenue: float) -> str:
    """The band of a cluster's revenue in 亿元 (lower bounds inclusive)."""
    for name, floor in TIERS:
        if revenue >= floor:
            return name
    raise ValueError(f"revenue must be ≥ 0, got {revenue!r}")
