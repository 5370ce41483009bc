"""An error in a widget callback (which runs before the page, outside app.py's own catch) reaches the user as a
Chinese message with an incident id, never as Streamlit's English error box or a traceback; the traceback is in the
server's log under that id. The app's own entry wires the same hook (serve.py: on_script_error)."""

import re
import subprocess
import sys
import time
import urllib.request

from harness.browser import ROOT, free_port

SCRIPT = """
import streamlit as st

def fail():
    raise ValueError("a callback failed on purpose")

st.button("保存", on_click=fail)
st.write("页面内容")
"""
ENTRY = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from server import errors
app = st.App("page.py", on_script_error=errors.on_script_error)
"""


def test_a_failing_callback_shows_an_incident_id_and_logs_the_traceback(browser, tmp_path):
    (tmp_path / "page.py").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "entry.py").write_text(ENTRY, encoding="utf-8")
    port = free_port()
    log = tmp_path / "server.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "entry.py",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--client.showErrorDetails",
                "none",
            ],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                assert time.time() < deadline, "the test server did not start"
                time.sleep(0.3)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.get_by_text("页面内容").wait_for(timeout=20000)
        page.get_by_role("button", name="保存").click()
        message = page.get_by_text(re.compile(r"系统出现内部错误（事件编号 [0-9a-f]{8}）"))
        message.wait_for(timeout=20000)
        incident = re.search(r"事件编号 ([0-9a-f]{8})", message.inner_text()).group(1)
        body = page.inner_text("body")
        assert "Traceback" not in body and "ValueError" not in body and "on purpose" not in body
        page.close()
    finally:
        server.terminate()
        server.wait(10)
    logged = log.read_text()
    assert f"incident {incident}" in logged and "a callback failed on purpose" in logged
