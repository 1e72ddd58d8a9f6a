#!/usr/bin/env python3
"""Draws OneTimeBot's Teams icons: color.png (192x192, a white padlock on the accent colour) and outline.png
(32x32, a white padlock on a transparent background), as Teams requires. Standard library only; run it again
after changing the drawing: python3 scripts/make-teams-icons.py manifests/teams"""
import struct
import sys
import zlib

ACCENT = (0x1F, 0x3A, 0x5F, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def padlock(size, background):
    s = size / 32.0
    pixels = [[background] * size for _ in range(size)]

    def inside_body(x, y):
        return 8 * s <= x < 24 * s and 14 * s <= y < 27 * s

    def inside_shackle(x, y):
        cx, cy = 16 * s, 14 * s
        r_outer, r_inner = 6 * s, 3.6 * s
        d2 = (x - cx) ** 2 + (y - cy) ** 2
        return y < cy and r_inner ** 2 <= d2 <= r_outer ** 2 or (
            y >= cy - 0.5 and y < 15 * s and (10 * s <= x < 12.4 * s or 19.6 * s <= x < 22 * s))

    def inside_keyhole(x, y):
        return (x - 16 * s) ** 2 + (y - 19.5 * s) ** 2 <= (1.8 * s) ** 2 or (15.2 * s <= x < 16.8 * s and 19.5 * s <= y < 23.5 * s)

    for y in range(size):
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            if (inside_body(px, py) and not inside_keyhole(px, py)) or inside_shackle(px, py):
                pixels[y][x] = WHITE
    return pixels


def png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    # Filter type 0 on every row: simple to read back in the tests.
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


folder = sys.argv[1] if len(sys.argv) > 1 else "manifests/teams"
png(f"{folder}/color.png", padlock(192, ACCENT))
png(f"{folder}/outline.png", padlock(32, CLEAR))
