"""The Nu HTML Checker (vnu.jar, installed by `npm install`) over pages fetched by a test."""
import json
import os
import shutil
import subprocess
import urllib.parse

from harness import SOURCE_DIR

VNU_JAR = os.path.join(SOURCE_DIR, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


def nu_problems(test, pages, folder):
    """Writes `pages` ({name: html}) under `folder`, checks them, and returns the errors as lines
    ("name.html:LINE: error: MESSAGE [extract]"). Fails `test` when the checker cannot run."""
    if not os.path.isfile(VNU_JAR):
        test.fail(f"The Nu HTML Checker is missing ({VNU_JAR}): run `npm install` in {SOURCE_DIR}.")
    java = shutil.which("java")
    if not java:
        test.fail("java is not on PATH: the Nu HTML Checker (vnu.jar) needs a Java runtime.")
    files = []
    for name, body in pages.items():
        path = os.path.join(folder, name + ".html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        files.append(path)
    res = subprocess.run([java, "-jar", VNU_JAR, "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(res.stderr or '{"messages": []}')
    except json.JSONDecodeError:
        test.fail(f"vnu did not print JSON (exit {res.returncode}): {res.stderr[:2000]}")
    problems = []
    for m in report.get("messages", []):
        if m.get("type") == "info":
            continue
        file = os.path.basename(urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path))
        problems.append(f"{file}:{m.get('lastLine', '?')}: {m.get('type')}: {m.get('message')}"
                        + (f" [{m['extract'].strip()}]" if m.get("extract") else ""))
    if not problems and res.returncode != 0:
        test.fail(f"vnu exited {res.returncode}: {res.stderr[:2000]}")
    return problems
