#!/usr/bin/env python3
"""Draws the default theme's icons: a paper-white "G" on the theme's red (--accent, --paper in
style.css). Writes themes/default/static/icon.svg, apple-touch-icon.png (180x180, opaque: iOS
rounds the corners itself) and favicon.ico (16, 32 and 48 px). The SVG and the bitmaps come from
the same shapes, so they agree.

Python's standard library only (zlib, struct): run it again after changing a shape or colour,
and commit what it writes.   usage: scripts/make-icons.py [OUT_DIR]
"""
import math
import os
import struct
import sys
import zlib

RED = (0x9B, 0x1C, 0x1C)
PAPER = (0xFD, 0xFC, 0xF9)
# The shapes, in a 64x64 view box: a square with rounded corners; the G's bowl, a ring of radii
# 12 and 20 around the centre, open from 0 to 50 degrees (counter-clockwise from the right); and
# its bar, from the centre to the ring's outside, below the opening.
BOX, CORNER = 64.0, 14.0
CX = CY = 32.0
R_IN, R_OUT = 12.0, 20.0
OPEN_DEG = 50.0
BAR = (33.0, 32.0, 52.0, 39.0)  # x0, y0, x1, y1
SAMPLES = 4  # per pixel and axis, for smooth edges


def in_box(x, y, corner):
    dx = max(corner - x, 0.0, x - (BOX - corner))
    dy = max(corner - y, 0.0, y - (BOX - corner))
    return dx * dx + dy * dy <= corner * corner


def in_g(x, y):
    r = math.hypot(x - CX, y - CY)
    angle = math.degrees(math.atan2(CY - y, x - CX)) % 360.0
    if R_IN <= r <= R_OUT and not 0.0 < angle < OPEN_DEG:
        return True
    return BAR[0] <= x <= BAR[2] and BAR[1] <= y <= BAR[3]


def render(size, corner):
    """Rows of RGBA pixels, top first; the corners are transparent when `corner` > 0."""
    rows = []
    step = BOX / size / SAMPLES
    for py in range(size):
        row = []
        for px in range(size):
            box = g = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px * SAMPLES + sx + 0.5) * step
                    y = (py * SAMPLES + sy + 0.5) * step
                    if in_box(x, y, corner):
                        box += 1
                        g += in_g(x, y)
            n = SAMPLES * SAMPLES
            if box == 0:
                row.append((0, 0, 0, 0))
                continue
            mix = g / box
            rgb = tuple(round(RED[i] * (1 - mix) + PAPER[i] * mix) for i in range(3))
            row.append(rgb + (round(255 * box / n),))
        rows.append(row)
    return rows


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    h, w = len(rows), len(rows[0])
    raw = b"".join(b"\0" + bytes(c for px in row for c in px) for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def bmp_entry(rows):
    """A 32-bit BMP icon entry: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom
    first, then the 1-bit AND mask (unused beside alpha, so all zero), rows padded to 4 bytes."""
    size = len(rows)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(bytes((b, g, r, a)) for row in reversed(rows) for (r, g, b, a) in row)
    return header + pixels + b"\0" * (((size + 31) // 32) * 4 * size)


def ico(images):
    """An ICO: BMP entries up to 32 px, which every reader of ICO files takes, and PNG entries
    above (Windows Vista's extension, read by every browser), which are much smaller."""
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for rows in images:
        size = len(rows)
        blob = bmp_entry(rows) if size <= 32 else png(rows)
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def svg():
    a = math.radians(OPEN_DEG)
    r = (R_IN + R_OUT) / 2
    x0, y0 = CX + r * math.cos(a), CY - r * math.sin(a)
    x1, y1 = CX + r, CY
    hex_ = lambda c: "#%02x%02x%02x" % c  # noqa: E731
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BOX:g} {BOX:g}">'
            f'<rect width="{BOX:g}" height="{BOX:g}" rx="{CORNER:g}" fill="{hex_(RED)}"/>'
            f'<path d="M{x0:.3f} {y0:.3f}A{r:g} {r:g} 0 1 0 {x1:g} {y1:g}" fill="none" stroke="{hex_(PAPER)}" '
            f'stroke-width="{R_OUT - R_IN:g}"/>'
            f'<rect x="{BAR[0]:g}" y="{BAR[1]:g}" width="{BAR[2] - BAR[0]:g}" height="{BAR[3] - BAR[1]:g}" '
            f'fill="{hex_(PAPER)}"/></svg>\n')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "themes", "default", "static")
    with open(os.path.join(out, "icon.svg"), "w", encoding="utf-8") as f:
        f.write(svg())
    with open(os.path.join(out, "apple-touch-icon.png"), "wb") as f:
        f.write(png(render(180, 0.0)))
    with open(os.path.join(out, "favicon.ico"), "wb") as f:
        f.write(ico([render(n, CORNER) for n in (16, 32, 48)]))


if __name__ == "__main__":
    main()
