"""The Chinese fonts the exports render with, found among the system's fonts (installed by ``run.sh``).

The map image uses Noto Sans CJK SC (``fonts-noto-cjk``). The PDF embeds WenQuanYi Micro Hei
(``fonts-wqy-microhei``) instead, because it has TrueType outlines: PDF writers subset Noto's CID-keyed CFF outlines
into fonts that Adobe Reader draws blank (fpdf2 writes subset glyph numbers as CIDs), while TrueType subsets
display everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

# The app's own fonts/ first: the offline bundle carries the two fonts there (server/bundle.py); then the system's.
FONT_DIRS = (
    Path(__file__).resolve().parents[1] / "fonts",
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
)


@dataclass(frozen=True)
class Font:
    family: str  # the face's name, as matplotlib lists it
    path: Path
    index: int  # face number in a .ttc collection
    package: str  # the Debian package that installs it


NOTO_SANS_SC = ("Noto Sans CJK SC", "NotoSansCJK-Regular.ttc", 2, "fonts-noto-cjk")
MICRO_HEI = ("WenQuanYi Micro Hei", "wqy-microhei.ttc", 0, "fonts-wqy-microhei")


class FontMissing(RuntimeError):
    """A Chinese font the export needs is not installed; the message says which package installs it."""


@cache
def find(spec: tuple[str, str, int, str] = NOTO_SANS_SC) -> Font:
    """The installed font of ``spec`` (family, file name, face index, Debian package).

    Raises ``FontMissing`` (with a message in Chinese for the page) when no font directory holds the file.
    """
    family, file_name, index, package = spec
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in folder.rglob(file_name):
                return Font(family, path, index, package)
    raise FontMissing(
        f"服务器缺少中文字体“{family}”（{file_name}），无法生成导出文件。"
        f"请运行 ./run.sh（会安装 {package}）或由管理员执行 apt-get install {package}。"
    )


def missing_glyphs(text: str, font: Font) -> set[str]:
    """The characters of ``text`` (whitespace aside) that ``font`` has no glyph for."""
    cmap = _cmap(font.path, font.index)
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}


@lru_cache(maxsize=4)
def _cmap(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, fontNumber=index, lazy=True).getBestCmap())
