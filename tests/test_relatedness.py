"""Relatedness (issue 22, item 1): location quotients, presence, proximity and density by hand on small matrices
(exact values), and on the demo's chain links against the Growth Lab's own implementation, the `ecomplexity`
package (a development dependency), to 1e-9."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import relatedness as rel


def test_location_quotient_by_hand():
    x = pd.DataFrame([[2.0, 2.0], [0.0, 4.0]], index=["A", "B"], columns=["p", "q"])
    expected = [[2.0, 2 / 3], [0.0, 4 / 3]]  # (2/4)/(2/8), (2/4)/(6/8); 0, (4/4)/(6/8)
    assert np.allclose(rel.lq(x).to_numpy(), expected, rtol=0, atol=1e-15)
    assert rel.presence(x).to_numpy().tolist() == [[1.0, 0.0], [0.0, 1.0]]
    empty = pd.DataFrame([[0.0, 0.0], [1.0, 0.0]], index=["A", "B"], columns=["p", "q"])
    assert rel.lq(empty).to_numpy().tolist() == [[0.0, 0.0], [1.0, 0.0]]  # nothing held: 0, never NaN


def test_proximity_and_density_by_hand():
    m = pd.DataFrame([[1, 1, 0], [1, 1, 1], [0, 0, 1], [1, 0, 0]], index=list("ABCD"), columns=list("pqr"), dtype=float)
    phi = rel.proximity(m)
    # ubiquity p 3, q 2, r 2; together p&q 2, p&r 1, q&r 1
    assert np.allclose(phi.to_numpy(), [[1, 2 / 3, 1 / 3], [2 / 3, 1, 1 / 2], [1 / 3, 1 / 2, 1]], rtol=0, atol=1e-15)
    omega = rel.density(m, phi)
    assert omega.loc["C", "p"] == pytest.approx((1 / 3) / (1 + 2 / 3 + 1 / 3), abs=1e-15)  # 1/6
    assert omega.loc["D", "q"] == pytest.approx((2 / 3) / (2 / 3 + 1 + 1 / 2), abs=1e-15)  # 4/13
    assert omega.loc["B"].tolist() == [1.0, 1.0, 1.0]  # B holds everything
    assert rel.related(phi, "q", ["p", "r"]) == [("p", 2 / 3), ("r", 1 / 2)]
    lone = pd.DataFrame([[1.0, 0.0]], index=["A"], columns=["p", "z"])  # z held nowhere: related to nothing
    assert (
        rel.proximity(lone).loc["z"].tolist() == [0.0, 0.0]
        and rel.density(lone, rel.proximity(lone)).loc["A", "z"] == 0
    )


@pytest.mark.parametrize(
    "sql",
    [
        "select adcode, link_id as item, count(*)::double as firms from enterprises where link_id is not null group by all",
        "select adcode, industry as item, count(*)::double as firms from enterprises group by all",
    ],
    ids=["chain links", "industries"],
)
def test_the_demo_agrees_with_ecomplexity(con, sql):
    import ecomplexity  # (requirements-dev.txt: a development dependency only)
    from ecomplexity.calc_density import calc_density

    rows = con.execute(sql).df()
    x = rel.table(rows, "firms")
    m = rel.presence(x)
    held = m.columns[m.sum() > 0]  # (the package divides by ubiquity: items held nowhere are NaN there)
    phi = rel.proximity(m)
    theirs = ecomplexity.proximity(
        rows.assign(year=2025), {"time": "year", "loc": "adcode", "prod": "item", "val": "firms"}
    ).pivot(index="item_1", columns="item_2", values="proximity")
    theirs = theirs.loc[held, held]
    assert len(held) > 20 and np.abs(phi.loc[held, held].to_numpy() - theirs.to_numpy()).max() < 1e-9
    mine = rel.density(m[held], phi.loc[held, held])
    their_density = calc_density(m[held].to_numpy(), theirs.to_numpy())
    assert np.abs(mine.to_numpy() - their_density).max() < 1e-9
