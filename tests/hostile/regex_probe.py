"""Run the parsers' and built-in rules' module-level regular expressions over long hostile
lines and report super-linear growth. (Rule-pack patterns run under a time limit instead.)

Run as a script: ``python regex_probe.py LENGTH [SKIPPED ...]``. Each pattern scans lines built
from its own special characters (each repeated, each pair repeated) of LENGTH and 4 x LENGTH
characters. A linear pattern takes about 4 times as long on the longer line, a quadratic one
16 times: a pattern is reported when the longer line costs over ``SLOW_SECONDS`` of CPU and
over 8 times the shorter one. A pattern that never finishes (exponential) is ended by the
watchdog (``faulthandler``, which fires even inside C code), which names the case.
"""

from __future__ import annotations

import faulthandler
import importlib
import pkgutil
import re
import sys
import time

import regex

PACKAGES = ["editlint.document", "editlint.rules.builtin", "editlint.engine", "editlint.index"]
BASE = "aA1 \n.\t"
SLOW_SECONDS = 0.25
WATCHDOG_SECONDS = 300


def module_patterns() -> list[tuple[str, object]]:
    found = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for name, value in sorted(vars(module).items()):
                if isinstance(value, (re.Pattern, regex.Pattern)):
                    found.append((f"{module.__name__}.{name}", value))
    return found


def alphabet(pattern) -> list[str]:
    specials = {c for c in pattern.pattern if not c.isalnum() and c.isprintable() and c != " "}
    return sorted(specials | set(BASE)), sorted(set(re.findall(r"[A-Za-z]{2,}", pattern.pattern)))


def units(pattern) -> list[str]:
    characters, words = alphabet(pattern)
    found = list(characters) + [word + " " for word in words[:12]]
    found += [a + b for a in characters for b in characters if a != b]
    return found


def cpu_seconds(pattern, text: str) -> float:
    start = time.process_time()
    for _ in pattern.finditer(text):
        pass
    return time.process_time() - start


def main(length: int, skipped: set[str]) -> int:
    patterns = [(name, pattern) for name, pattern in module_patterns() if name not in skipped]
    cases = slow = 0
    for name, pattern in patterns:
        for unit in units(pattern):
            faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
            print(f"CASE {name} {unit!r}", flush=True)
            short = cpu_seconds(pattern, (unit * (length // len(unit) + 1))[:length])
            long = cpu_seconds(pattern, (unit * (4 * length // len(unit) + 1))[: 4 * length])
            faulthandler.cancel_dump_traceback_later()
            cases += 1
            if long > SLOW_SECONDS and long > 8 * max(short, 1e-4):
                slow += 1
                print(f"SLOW {name} {unit!r} {short:.3f}s -> {long:.3f}s", flush=True)
    print(f"DONE {len(patterns)} patterns {cases} cases {slow} slow", flush=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), set(sys.argv[2:])))
