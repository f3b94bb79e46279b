"""What machine produced the numbers: core count and CPU model."""
from __future__ import annotations

import os
import platform
from pathlib import Path


def describe() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        # Other work on the machine skews the per-page times: say how busy it was.
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {"nproc": str(os.cpu_count() or 0), "cpu": model, "loadavg": load,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version()}
