"""Run by tests/test_bundle.py inside the network namespace with no network: headless Chromium opens the app
installed from the offline bundle and waits for the county map; every request must go to the app's own address.
Prints "地图已绘制" and exits 0 on success. Usage: python -m tests.e2e.offline_check URL"""

from __future__ import annotations

import sys
from urllib.parse import urlparse

from harness.browser import chromium, map_frame


def main(url: str) -> int:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("websocket", lambda ws: requests.append(ws.url))
        page.goto(url)
        frame = map_frame(page, timeout=90)
        assert frame.locator("path.leaflet-interactive").count() >= 104
        hosts = {urlparse(u).netloc for u in requests if not u.startswith(("data:", "blob:", "about:"))}
        assert hosts == {urlparse(url).netloc}, hosts
        assert page.get_by_text("演示数据").count() > 0  # the demo badge of a first run
    print("地图已绘制")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
