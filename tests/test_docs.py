"""The README documents every setting and the two commands."""

import re
from pathlib import Path

import settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    source = Path(settings.__file__).read_text(encoding="utf-8")
    names = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', source))
    assert names, "settings.py reads no environment variables?"
    missing = {n for n in names if f"`{n}`" not in README}
    assert not missing, f"README.md does not document {sorted(missing)}"


def test_readme_gives_the_two_commands_and_ci_uses_the_test_one():
    assert "./run.sh" in README and "./test.sh" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "./test.sh" in ci


def test_streamlit_config_keeps_the_intranet_promises():
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["browser"]["gatherUsageStats"] is False  # no usage statistics leave the intranet
    assert config["server"]["enableStaticServing"] is True  # Leaflet is served by the app itself
    assert config["client"]["disableDataExport"] is True  # lists leave only through the neutralising exporters
    assert config["client"]["showErrorDetails"] == "none"  # no traceback or server path reaches a browser
    assert config["runner"]["postScriptGC"] is False  # a full collection after every run: 40 % of a busy process
    for key in ("gatherUsageStats", "disableDataExport", "showErrorDetails"):
        assert key in README


def test_readme_role_table_is_the_access_matrix():
    """The README's table of roles names, for each role, exactly the actions ``access.ACTIONS`` grants it, and
    the region ``access.SCOPED`` binds it to."""
    from records import access

    table = README.split("| role | may | region |", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in table.strip().splitlines()[1:]]
    documented = {role: (set(may.split("、")), region) for role, may, region in rows}
    regions = {None: "全省", "市": "本市各区县", "区县": "本区县"}
    expected = {
        role: (
            {action.name for action in access.ACTIONS.values() if role in action.roles},
            regions[access.SCOPED.get(role)],
        )
        for role in access.ROLES
    }
    assert documented == expected
