"""Working days (工作日) as a 公示 counts them: Monday to Friday, less the statutory holidays, plus the weekend days
worked in their place (调休上班), from ``config/calendar.toml`` (one table per year, from the State Council's notice).

A 公示 of "5个工作日" (seed 004 第十条(三)) starts on a working day and ends on the fifth working day, both counted;
objections are received until the end of that day, and the list can be confirmed from the next day on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "config" / "calendar.toml"
PUBLICITY_DAYS = 5  # 公示5个工作日 (seed 004 第十条(三))


class CalendarMissing(ValueError):
    """A date in a year the calendar does not list (its holidays are unknown), in Chinese."""


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[date]
    workdays: frozenset[date]  # weekend days worked (调休上班)
    years: dict[int, str]  # year → the notice it was transcribed from

    def is_working_day(self, day: date) -> bool:
        if day.year not in self.years:
            raise CalendarMissing(
                f"节假日安排中没有 {day.year} 年（config/calendar.toml）：请先按国务院办公厅通知补充该年的节假日与调休上班日。"
            )
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day counting ``start`` (a working day) as the first."""
        if count < 1 or not self.is_working_day(start):
            raise ValueError(f"{start:%Y-%m-%d} 不是工作日。")
        day, counted = start, 1
        while counted < count:
            day += timedelta(days=1)
            counted += self.is_working_day(day)
        return day

    def publicity_end(self, start: date, days: int = PUBLICITY_DAYS) -> date:
        return self.add_working_days(start, days)

    def source(self, year: int) -> str:
        return self.years.get(year, "")


def parse(raw: dict) -> Calendar:
    holidays, workdays, years = set(), set(), {}
    for year, table in raw.get("years", {}).items():
        years[int(year)] = str(table.get("source", ""))
        holidays |= {date.fromisoformat(d) for d in table.get("holidays", [])}
        workdays |= {date.fromisoformat(d) for d in table.get("workdays", [])}
    return Calendar(frozenset(holidays), frozenset(workdays), years)


@cache
def load(path: Path = DEFAULT) -> Calendar:
    return parse(tomllib.loads(path.read_text(encoding="utf-8")))
