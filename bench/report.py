"""Draw docs/performance-scaling.svg (time against corpus size) from bench/results/scale.json.

    .venv/bin/python bench/report.py

A plain SVG written here, so the docs need no plotting library.
"""

from __future__ import annotations

import json

from measure import RESULTS, ROOT

SVG = ROOT / "docs" / "performance-scaling.svg"
WIDTH, HEIGHT, MARGIN = 560, 340, 60


def svg(rows: list[dict]) -> str:
    sizes = [row["articles"] for row in rows]
    seconds = [row["seconds"] for row in rows]
    cpu = [row["cpu_seconds"] for row in rows]
    x_max, y_max = max(sizes) * 1.05, max(seconds + cpu) * 1.15

    def x(value: float) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * value / x_max

    def y(value: float) -> float:
        return HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * value / y_max

    points = " ".join(f"{x(s):.1f},{y(t):.1f}" for s, t in zip(sizes, seconds, strict=True))
    cpu_points = " ".join(f"{x(s):.1f},{y(t):.1f}" for s, t in zip(sizes, cpu, strict=True))
    # The line a constant CPU time per article (the smallest run's) would follow.
    rate = cpu[0] / sizes[0]
    ideal = f"{x(0):.1f},{y(0):.1f} {x(x_max):.1f},{y(min(y_max, rate * x_max)):.1f}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<line x1="{MARGIN}" y1="{y(0)}" x2="{WIDTH - MARGIN}" y2="{y(0)}" stroke="black"/>',
        f'<line x1="{MARGIN}" y1="{y(0)}" x2="{MARGIN}" y2="{MARGIN}" stroke="black"/>',
        f'<polyline points="{ideal}" fill="none" stroke="#999" stroke-dasharray="4 4"/>',
        f'<polyline points="{points}" fill="none" stroke="#1f6feb" stroke-width="2"/>',
        f'<polyline points="{cpu_points}" fill="none" stroke="#d9480f" stroke-width="2"/>',
        f'<text x="{WIDTH / 2}" y="{HEIGHT - 15}" text-anchor="middle">articles</text>',
        f'<text x="15" y="{HEIGHT / 2}" transform="rotate(-90 15 {HEIGHT / 2})" '
        'text-anchor="middle">seconds</text>',
        f'<text x="{WIDTH / 2}" y="25" text-anchor="middle" font-weight="bold">'
        "editlint check, synthetic repositories</text>",
        f'<text x="{WIDTH - MARGIN}" y="{MARGIN - 8}" text-anchor="end" fill="#999">'
        "dashed: constant CPU time per article</text>",
        f'<text x="{MARGIN + 8}" y="{MARGIN + 4}" fill="#1f6feb">'
        "wall clock (shared machine)</text>",
        f'<text x="{MARGIN + 8}" y="{MARGIN + 20}" fill="#d9480f">CPU time, all processes</text>',
    ]
    for size, time, used in zip(sizes, seconds, cpu, strict=True):
        for value, colour in ((time, "#1f6feb"), (used, "#d9480f")):
            parts.append(f'<circle cx="{x(size):.1f}" cy="{y(value):.1f}" r="4" fill="{colour}"/>')
            parts.append(
                f'<text x="{x(size):.1f}" y="{y(value) - 10:.1f}" text-anchor="middle">'
                f"{value:.1f} s</text>"
            )
        parts.append(
            f'<text x="{x(size):.1f}" y="{y(0) + 18:.1f}" text-anchor="middle">{size:,}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    figures = json.loads((RESULTS / "scale.json").read_text())
    SVG.write_text(svg(figures["scaling"]))
    print(f"wrote {SVG.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
