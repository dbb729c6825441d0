#!/usr/bin/env python3
"""make_map.py - render the kiosk's map of Belize (content/images/belize-map.png).

What it does
    Reads Natural Earth 1:10m country shapes (public domain) from the TopoJSON
    file shipped by the npm package `world-atlas`, decodes the TopoJSON arcs
    itself, and draws a flat, text-free map of Belize:
      * sea in very light blue,
      * Belize in white with a deep-blue 3 px outline,
      * Mexico, Guatemala, Honduras and El Salvador in light grey with a thin
        mid-grey outline,
      * an orange marker (dark outline, white ring) on Belize City, where the
        IOM office is.
    The picture is drawn at 3x size, scaled down with a Lanczos filter (for
    anti-aliased edges) and saved as an optimised palette PNG.
    There is no text in the image: the app draws its own translated captions.

Projection
    Equirectangular with the cos(latitude) correction taken at the centre
    latitude of the box, so shapes keep their true proportions near Belize:
        x = (lon - LON_WEST) * K * cos(LAT_CENTRE)
        y = (LAT_NORTH - lat) * K
    The longitude span (LON_WEST..LON_EAST) and the output width fix K; the
    latitude span is then chosen so the image is exactly WIDTH x HEIGHT.
    The script prints the exact box and the marker's pixel centre.

What it needs
    * Node.js/npm, only to fetch the data, into a temp folder outside the repo:
          mkdir -p /tmp/mapwork && cd /tmp/mapwork
          npm install world-atlas@2.0.2
      (topojson-client is not needed: this script decodes TopoJSON itself.)
    * Python 3 with Pillow:
          python3 -m venv /tmp/mapwork/venv
          /tmp/mapwork/venv/bin/pip install pillow

How to run (from the repository root)
    /tmp/mapwork/venv/bin/python tools/make-map/make_map.py \
        --atlas /tmp/mapwork/node_modules/world-atlas/countries-10m.json \
        --out content/images/belize-map.png
    Both options default to the values shown.
"""

import argparse
import json
import math
import os
import sys

from PIL import Image, ImageDraw

# ---------------------------------------------------------------- settings
WIDTH, HEIGHT = 900, 1200          # final image size in px
SS = 3                             # supersampling factor
LON_WEST, LON_EAST = -89.6, -87.2  # longitude span of the map
LAT_CENTRE = 17.15                 # latitude at the centre of the map

SEA = (220, 234, 245)              # #DCEAF5
BELIZE_FILL = (255, 255, 255)
BELIZE_LINE = (11, 74, 139)        # #0B4A8B
BELIZE_LINE_W = 3.0                # px in the final image
NEIGHBOUR_FILL = (230, 230, 230)   # #E6E6E6
NEIGHBOUR_LINE = (160, 160, 160)
NEIGHBOUR_LINE_W = 1.2

MARKER_LAT, MARKER_LON = 17.4986, -88.1886   # Belize City
MARKER_R = 22.0                    # orange disc radius, px
MARKER_FILL = (224, 138, 0)        # #E08A00
MARKER_RING = (255, 255, 255)
MARKER_RING_W = 4.0                # white ring around the disc, px
MARKER_EDGE = (40, 40, 40)
MARKER_EDGE_W = 2.5                # dark outline outside the ring, px

BELIZE = "084"
NEIGHBOURS = ["484", "320", "340", "222"]  # Mexico, Guatemala, Honduras, El Salvador

PALETTE_COLOURS = 96               # colours kept in the palette PNG

# ---------------------------------------------------------------- projection
COS_C = math.cos(math.radians(LAT_CENTRE))
K = WIDTH / ((LON_EAST - LON_WEST) * COS_C)      # px per degree of latitude
LAT_SPAN = HEIGHT / K
LAT_NORTH = LAT_CENTRE + LAT_SPAN / 2
LAT_SOUTH = LAT_CENTRE - LAT_SPAN / 2


def project(lon, lat, scale=1.0):
    x = (lon - LON_WEST) * K * COS_C
    y = (LAT_NORTH - lat) * K
    return x * scale, y * scale


# ---------------------------------------------------------------- TopoJSON
def decode_arcs(topo):
    """Turn the delta-encoded, quantised arcs into lists of (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_coords(ring, arcs):
    """A ring is a list of arc indices; ~i means arc i reversed."""
    out = []
    for idx in ring:
        pts = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def country_polygons(topo, arcs, cid):
    """Return a list of polygons, each a list of rings (first = outer)."""
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id") == cid:
            if geom["type"] == "Polygon":
                polys = [geom["arcs"]]
            elif geom["type"] == "MultiPolygon":
                polys = geom["arcs"]
            else:
                polys = []
            return [[ring_coords(r, arcs) for r in poly] for poly in polys]
    raise SystemExit(f"country {cid} not found in the atlas")


# ---------------------------------------------------------------- geometry
def clip_ring(pts, xmin, ymin, xmax, ymax):
    """Sutherland-Hodgman clip of a closed ring against a rectangle."""
    def clip(points, inside, cross):
        res = []
        n = len(points)
        for i in range(n):
            cur, prev = points[i], points[i - 1]
            if inside(cur):
                if not inside(prev):
                    res.append(cross(prev, cur))
                res.append(cur)
            elif inside(prev):
                res.append(cross(prev, cur))
        return res

    def cross_x(xe):
        return lambda a, b: (xe, a[1] + (b[1] - a[1]) * (xe - a[0]) / (b[0] - a[0]))

    def cross_y(ye):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (ye - a[1]) / (b[1] - a[1]), ye)

    for inside, cross in (
        (lambda p: p[0] >= xmin, cross_x(xmin)),
        (lambda p: p[0] <= xmax, cross_x(xmax)),
        (lambda p: p[1] >= ymin, cross_y(ymin)),
        (lambda p: p[1] <= ymax, cross_y(ymax)),
    ):
        if not pts:
            break
        pts = clip(pts, inside, cross)
    return pts


def projected_polygons(polys, scale):
    """Project and clip polygons to the (slightly enlarged) canvas."""
    m = 20 * scale
    box = (-m, -m, WIDTH * scale + m, HEIGHT * scale + m)
    out = []
    for poly in polys:
        rings = []
        for ring in poly:
            pr = [project(lon, lat, scale) for lon, lat in ring]
            pr = clip_ring(pr, *box)
            if len(pr) >= 3:
                rings.append(pr)
        if rings:
            out.append(rings)
    return out


def fill_polygons(img, polys, colour):
    """Fill polygons (outer ring minus holes) through a mask."""
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    for rings in polys:
        d.polygon(rings[0], fill=255)
        for hole in rings[1:]:
            d.polygon(hole, fill=0)
    img.paste(Image.new("RGB", img.size, colour), (0, 0), mask)


def stroke_polygons(draw, polys, colour, width):
    w = max(1, int(round(width)))
    r = width / 2.0
    for rings in polys:
        for ring in rings:
            draw.line(ring + [ring[0]], fill=colour, width=w, joint="curve")
            # round the vertices too, so sharp turns have no notches
            if w >= 3:
                for x, y in ring:
                    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


# ---------------------------------------------------------------- main
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--atlas",
                    default="/tmp/mapwork/node_modules/world-atlas/countries-10m.json",
                    help="path to world-atlas countries-10m.json")
    ap.add_argument("--out", default=os.path.join(repo, "content", "images", "belize-map.png"))
    args = ap.parse_args()

    with open(args.atlas, encoding="utf-8") as f:
        topo = json.load(f)
    pkg = os.path.join(os.path.dirname(args.atlas), "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            print("world-atlas version:", json.load(f).get("version"))
    arcs = decode_arcs(topo)

    S = SS
    img = Image.new("RGB", (WIDTH * S, HEIGHT * S), SEA)
    draw = ImageDraw.Draw(img)

    neighbours = []
    for cid in NEIGHBOURS:
        neighbours += projected_polygons(country_polygons(topo, arcs, cid), S)
    belize = projected_polygons(country_polygons(topo, arcs, BELIZE), S)

    fill_polygons(img, neighbours, NEIGHBOUR_FILL)
    stroke_polygons(draw, neighbours, NEIGHBOUR_LINE, NEIGHBOUR_LINE_W * S)
    fill_polygons(img, belize, BELIZE_FILL)
    stroke_polygons(draw, belize, BELIZE_LINE, BELIZE_LINE_W * S)

    # marker: dark edge, white ring, orange disc (concentric circles)
    mx, my = project(MARKER_LON, MARKER_LAT)
    cx, cy = mx * S, my * S
    for radius, colour in (
        (MARKER_R + MARKER_RING_W + MARKER_EDGE_W, MARKER_EDGE),
        (MARKER_R + MARKER_RING_W, MARKER_RING),
        (MARKER_R, MARKER_FILL),
    ):
        rr = radius * S
        draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=colour)

    small = img.resize((WIDTH, HEIGHT), Image.LANCZOS)
    pal = small.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT,
                         dither=Image.Dither.NONE)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    pal.save(args.out, optimize=True)

    print(f"wrote {args.out}: {WIDTH}x{HEIGHT} px, {os.path.getsize(args.out)} bytes")
    print(f"box: lon {LON_WEST:.4f} .. {LON_EAST:.4f}, lat {LAT_SOUTH:.4f} .. {LAT_NORTH:.4f}")
    print(f"projection: equirectangular, x scaled by cos({LAT_CENTRE} deg) = {COS_C:.5f}; "
          f"{K * COS_C:.3f} px per deg lon, {K:.3f} px per deg lat")
    print(f"marker centre (Belize City {MARKER_LAT} N, {-MARKER_LON} W): "
          f"x = {mx:.1f}, y = {my:.1f} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
