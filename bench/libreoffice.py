"""LibreOffice Calc as the benchmark's outside baseline (issue 12), driven over UNO.

Started by bench/libreoffice.ts with the Debian python3 (python3-uno). Starts its own headless
soffice in the given fresh user profile, connects to it over a named pipe, then answers one JSON
request per line on stdin with one JSON line on stdout:

  {"cmd": "recalc", "path": "/abs/native.xlsx", "read": ["A1:BA13", ...]}
      load the workbook (timed), calculateAll() (timed: LibreOffice's full, hard recalculation),
      read the given ranges of the first sheet, close it
      -> {"loadMs": 812.3, "calcMs": 940.1, "values": [[[...row...], ...], ...]}
  {"cmd": "read", "path": "/abs/converted.xlsx", "read": [...]}
      load and read without recalculating (the profile says "never recalculate on load")
      -> {"loadMs": ..., "values": [...]}
  {"cmd": "quit"}

Every failure is answered as {"error": "..."}; the process never dies on a bad request.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, soffice, timeout=120.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            if soffice.poll() is not None:
                raise RuntimeError("soffice exited with code %s before accepting a connection" % soffice.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept a connection within %d s" % timeout)
            time.sleep(0.25)


def load(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    start = time.perf_counter()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    load_ms = (time.perf_counter() - start) * 1000
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % path)
    return doc, load_ms


def read(doc, ranges):
    sheet = doc.Sheets.getByIndex(0)
    return [[list(row) for row in sheet.getCellRangeByName(name).getDataArray()] for name in ranges]


def handle(desktop, request):
    cmd = request.get("cmd")
    doc, load_ms = load(desktop, request["path"])
    try:
        answer = {"loadMs": load_ms}
        if cmd == "recalc":
            start = time.perf_counter()
            doc.calculateAll()
            answer["calcMs"] = (time.perf_counter() - start) * 1000
        elif cmd != "read":
            raise ValueError("unknown command %r" % cmd)
        answer["values"] = read(doc, request.get("read", []))
        return answer
    finally:
        doc.close(True)


def main(argv):
    profile, pipe = argv[1], argv[2]
    soffice = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "-env:UserInstallation=" + profile,
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: soffice is a script that starts soffice.bin
    )
    try:
        desktop = connect(pipe, soffice)
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            if request.get("cmd") == "quit":
                break
            try:
                answer = handle(desktop, request)
            except Exception as error:  # answered, not raised: the bench reports it
                answer = {"error": "%s: %s" % (type(error).__name__, error)}
            print(json.dumps(answer), flush=True)
        try:
            desktop.terminate()
        except Exception:
            pass  # terminate() drops the bridge it was called over
    except Exception as error:
        print(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}), flush=True)
    finally:
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(soffice.pid, 9)
            soffice.wait()


if __name__ == "__main__":
    main(sys.argv)
