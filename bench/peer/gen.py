#!/usr/bin/python3
"""Writes bench/peer/index.html: the browser peer of office-kiosk for bench/run.

It reads the kiosk's own content file (content/belize.ron by default) and writes one static
page with every section in both languages, laid out like office-kiosk at 1920x1080 in
landscape (style.css, app.js beside it). Run it again after the content changes:

    bench/peer/gen.py [content/belize.ron]

Needs only Debian's python3, and `qrencode` (apt) for the contact page's QR code.
"""
import html
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# ---------------------------------------------------------------- a small RON reader


class Struct(dict):
    """A RON struct: its name and fields."""

    def __init__(self, name, fields):
        super().__init__(fields)
        self.name = name


TOKEN = re.compile(
    r'\s+|//[^\n]*|/\*.*?\*/|(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)'
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<p>[(){}\[\]:,])",
    re.S,
)


def tokens(text):
    pos = 0
    out = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise SyntaxError(f"cannot read the content at offset {pos}: {text[pos:pos+20]!r}")
        pos = m.end()
        if m.group("str") is not None:
            s = m.group("str")[1:-1]
            s = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda u: chr(int(u.group(1), 16)), s)
            s = s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
            out.append(("str", s))
        elif m.group("num") is not None:
            out.append(("num", float(m.group("num"))))
        elif m.group("id") is not None:
            out.append(("id", m.group("id")))
        elif m.group("p") is not None:
            out.append(("p", m.group("p")))
    return out


class Parser:
    def __init__(self, toks):
        self.t = toks
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else ("eof", None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise SyntaxError(f"expected {value or kind}, found {tok}")
        self.i += 1
        return tok

    def value(self):
        kind, v = self.peek()
        if kind in ("str", "num"):
            self.i += 1
            return v
        if kind == "p" and v == "[":
            self.i += 1
            items = []
            while self.peek() != ("p", "]"):
                items.append(self.value())
                if self.peek() == ("p", ","):
                    self.i += 1
            self.take("p", "]")
            return items
        if kind == "p" and v == "{":
            self.i += 1
            items = {}
            while self.peek() != ("p", "}"):
                key = self.value()
                self.take("p", ":")
                items[key] = self.value()
                if self.peek() == ("p", ","):
                    self.i += 1
            self.take("p", "}")
            return items
        if kind == "id":
            self.i += 1
            if v in ("true", "false"):
                return v == "true"
            if v == "None":
                return None
            if self.peek() != ("p", "("):
                return v  # an enum variant such as Globe or Vertical
            self.i += 1
            if v == "Some":
                inner = self.value()
                self.take("p", ")")
                return inner
            fields = {}
            while self.peek() != ("p", ")"):
                name = self.take("id")[1]
                self.take("p", ":")
                fields[name] = self.value()
                if self.peek() == ("p", ","):
                    self.i += 1
            self.take("p", ")")
            return Struct(v, fields)
        raise SyntaxError(f"unexpected {kind} {v!r}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return Parser(tokens(f.read())).value()


# ---------------------------------------------------------------- texts in both languages

LANGS = []  # language codes, the default first


def esc(s):
    """HTML-escaped; no line break after a dash, since egui breaks only at spaces when it can."""
    return html.escape(s).replace("\u2013", "\u2013\u2060").replace("-", "-\u2060")


def tx(text, tag="span", cls=""):
    """A text in every language: one element per language, the others hidden by CSS."""
    attr = f' class="{cls}"' if cls else ""
    if isinstance(text, dict):
        parts = [f'<{tag} lang="{c}">{esc(text.get(c, ""))}</{tag}>' for c in LANGS]
        return f"<span{attr}>" + "".join(parts) + "</span>" if tag == "span" else "".join(parts)
    if isinstance(text, float):
        text = f"{text:g}"
    return f"<{tag}{attr}>{esc(str(text))}</{tag}>"


def get(text, lang):
    if isinstance(text, dict):
        return text.get(lang, "")
    return str(text)


def number(value, decimals, language):
    """Like office-kiosk's format_number."""
    s = f"{abs(value):.{int(decimals)}f}"
    whole, _, frac = s.partition(".")
    out = ""
    for i, ch in enumerate(whole):
        if i > 0 and (len(whole) - i) % 3 == 0:
            out += language.get("thousands_separator") or ","
        out += ch
    if frac:
        out += (language.get("decimal_separator") or ".") + frac
    return ("-" if value < 0 and any(c in "123456789" for c in s) else "") + out


# Material Symbols Rounded (filled) code points, as egui_material_icons 0.9 names them.
ICONS = {
    "Home": "e9b2", "Globe": "e80b", "Place": "f1db", "Chart": "e26b", "Work": "e943",
    "Phone": "f0d4", "Email": "e159", "Web": "ea07", "Passport": "eec4", "Shield": "e9e0",
    "Building": "e84f", "People": "f233", "Handshake": "ebcb", "Calendar": "ebcc",
    "Star": "f09a", "Balance": "eaf6", "Heart": "e87e", "School": "e80c", "Chat": "e0c9",
    "Idea": "e90f", "Touch": "e913", "Arrow": "e5c8",
}
CONTACT_ICONS = {"Address": "Place", "Phone": "Phone", "Email": "Email", "Web": "Web",
                 "Social": "People"}


def icon(name, cls="icon"):
    return f'<i class="{cls}" aria-hidden="true">&#x{ICONS[name]};</i>'


# ---------------------------------------------------------------- pages

SECTIONS = ["about", "office", "facts", "careers", "contact"]


def header_of(c, page):
    return c[page]["header"]


def title_lead(h):
    out = f'<h1 class="title w">{tx(h["title"])}</h1>'
    if h.get("lead"):
        out += f'<p class="lead w">{tx(h["lead"])}</p>'
    return out


def sections_html(sections):
    out = ""
    for s in sections or []:
        out += f'<h2 class="heading w">{tx(s["heading"])}</h2>'
        for p in s["paragraphs"]:
            out += f'<p class="para w">{tx(p)}</p>'
    return out


def cards_html(cards):
    cols = 2 if len(cards) == 4 else max(1, min(3, len(cards)))
    out = f'<div class="grid cols{cols}">'
    for card in cards:
        out += (f'<div class="card icard">{icon(card["icon"], "icon tile-icon")}'
                f'<h3 class="ctitle">{tx(card["title"])}</h3><p class="body">{tx(card["text"])}</p></div>')
    return out + "</div>"


def figure_html(image, max_h):
    src = "../../content/" + image["path"]
    out = f'<figure class="fig"><img src="{src}" style="max-height:{max_h}px" alt="{html.escape(get(image["alt"], LANGS[0]))}">'
    if image.get("caption"):
        out += f'<figcaption class="small">{tx(image["caption"])}</figcaption>'
    return out + "</figure>"


def article(c, page):
    p = c[page]
    out = title_lead(p["header"])
    hl = p.get("highlights") or []
    if hl:
        cols = min(4, len(hl))
        out += f'<div class="grid cols{cols} highlights">'
        for h in hl:
            out += f'<div class="hl"><div class="hlv">{tx(h["value"])}</div><div class="body">{tx(h["label"])}</div></div>'
        out += "</div>"
        if p.get("highlights_source"):
            out += f'<p class="small w">{source_line(c, p["highlights_source"])}</p>'
    if p.get("cards"):
        if p.get("cards_heading"):
            out += f'<h2 class="heading w">{tx(p["cards_heading"])}</h2>'
        out += cards_html(p["cards"])
    if p.get("image"):
        out += (f'<div class="beside"><div class="beside-text">{sections_html(p["sections"])}</div>'
                f'<div class="beside-fig">{figure_html(p["image"], 900)}</div></div>')
    else:
        out += sections_html(p["sections"])
    return out


def source_line(c, source):
    label = c["labels"]["source"]
    return "".join(
        f'<span lang="{l}">{esc(get(label, l))}: {esc(get(source, l))}</span>'
        for l in LANGS)


def nice_step(raw):
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    f = raw / mag
    return (1 if f <= 1 else 2 if f <= 2 else 5 if f <= 5 else 10) * mag


PLOT_H = 440.0  # a vertical chart's plot, as in bar_chart.rs
ROW_H = 50.0


def chart_html(c, ch, languages):
    bars = ch["bars"]
    dec = int(ch.get("decimals", 0) or 0)
    mx = max(b["value"] for b in bars) or 1e-300
    head = (f'<h3 class="ctitle w">{tx(ch["title"])}</h3><p class="small w">{tx(ch["unit"])}</p>')
    foot = f'<p class="small w">{source_line(c, ch["source"])}</p>'
    if ch.get("note"):
        foot += f'<p class="small w">{tx(ch["note"])}</p>'
    def val(v):
        per = {l["code"]: number(v, dec, l) for l in languages}
        return per if len(set(per.values())) > 1 else per[LANGS[0]]
    if ch.get("orientation", "Vertical") == "Vertical":
        top, base = 40.0, PLOT_H - 44.0
        plot_h = base - top
        step = nice_step(mx / 4)
        tdec = 0 if step >= 1 else dec
        ticks = ""
        t = step
        while t <= mx * 1.0001:
            y = base - t / mx * plot_h
            ticks += (f'<div class="grid-line" style="top:{y:.1f}px"></div>'
                      f'<div class="tick" style="top:{y:.1f}px">{tx(val_fmt(t, tdec, languages))}</div>')
            t += step
        cols = ""
        for b in bars:
            h = b["value"] / mx * plot_h
            cols += (f'<div class="vcol"><div class="vbar" style="height:{h:.1f}px;--h:{h:.1f}px"></div>'
                     f'<div class="vval" style="bottom:{PLOT_H - base + h + 8:.1f}px;--h:{h:.1f}px">{tx(val(b["value"]))}</div>'
                     f'<div class="vlab">{tx(b["label"])}</div></div>')
        plot = (f'<div class="vplot" style="height:{PLOT_H:.0f}px">{ticks}<div class="baseline"></div>'
                f'<div class="vbars">{cols}</div></div>')
    else:
        rows = ""
        widest = {l: max((number(b["value"], dec, lg) for b in bars), key=len)
                  for l in LANGS for lg in languages if lg["code"] == l}
        reserve = "".join(f'<span lang="{l}">{esc(v)}</span>' for l, v in widest.items())
        for b in bars:
            w = b["value"] / mx * 100
            rows += (f'<div class="hlab">{tx(b["label"])}</div>'
                     f'<div class="hcell"><div class="hspan"><div class="hbar" style="width:{w:.3f}%"></div>'
                     f'<div class="hmove" style="width:{w:.3f}%"><div class="hval">{tx(val(b["value"]))}</div></div></div>'
                     f'<div class="hres">{reserve}</div></div>')
        plot = f'<div class="hplot">{rows}</div>'
    return f'<div class="card chart">{head}<div class="plot">{plot}</div>{foot}</div>'


def val_fmt(v, dec, languages):
    per = {l["code"]: number(v, dec, l) for l in languages}
    return per if len(set(per.values())) > 1 else per[LANGS[0]]


# The size of the headline figures: office-kiosk picks the largest size (88 down to 44 in
# steps of 4) at which every figure fits its card in two lines (cards::fact_value_size), at
# run time. A static page states it; measured from the kiosk's screenshots for this content.
FACT_VALUE_SIZE = {"en": 60, "es": 60}


def facts(c):
    p = c["facts"]
    out = title_lead(p["header"])
    out += '<div class="grid cols4 facts">'
    for f in p["facts"]:
        foot = "".join(
            f'<span lang="{l}">{int(f["year"])} · {esc(get(c["labels"]["source"], l))}: '
            f'{esc(get(f["source"], l))}</span>' for l in LANGS)
        out += (f'<div class="card fact"><div class="fv">{tx(f["value"])}</div>'
                f'<div class="body">{tx(f["label"])}</div><p class="small fnote">{foot}</p></div>')
    out += '</div><div class="grid cols2 charts">'
    for ch in p["charts"]:
        out += chart_html(c, ch, c["languages"])
    return out + "</div>"


def careers(c):
    p = c["careers"]
    out = title_lead(p["header"])
    if p.get("cards"):
        if p.get("cards_heading"):
            out += f'<h2 class="heading w">{tx(p["cards_heading"])}</h2>'
        out += cards_html(p["cards"])
    out += sections_html(p["sections"])
    out += f'<h2 class="heading w">{tx(p["vacancies_heading"])}</h2>'
    if not p.get("vacancies"):
        out += (f'<div class="card novac">{icon("Calendar", "icon tile-icon")}'
                f'<p class="para">{tx(p["no_vacancies"])}</p></div>')
    for v in p.get("vacancies") or []:
        details = "".join(
            f'<span lang="{l}">{esc(get(p["closing_label"], l))}: {esc(get(v["closing"], l))}'
            + (f' · {esc(get(p["reference_label"], l))}: {esc(str(v["reference"]))}'
               if v.get("reference") else "") + "</span>" for l in LANGS)
        out += (f'<div class="card vac"><h3 class="ctitle">{tx(v["title"])}</h3>'
                f'<p class="para">{tx(v["location"])}</p><p class="small">{details}</p></div>')
    return out


def qr_svg(data):
    """The QR code as SVG squares, from qrencode (error correction M, like the qrcode crate)."""
    rows = subprocess.run(["qrencode", "-l", "M", "-m", "0", "-t", "ASCII", "-o", "-", data],
                          check=True, capture_output=True, text=True).stdout.splitlines()
    rows = [r for r in rows if r.strip("\n")]
    n = len(rows)
    quiet = 4
    size = n + 2 * quiet
    path = ""
    for y, row in enumerate(rows):
        for x in range(n):
            if row[2 * x: 2 * x + 2] == "##":
                path += f"M{x + quiet},{y + quiet}h1v1h-1z"
    return (f'<svg class="qr" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
            f'<path d="{path}"/></svg>')


def contact(c):
    p = c["contact"]
    out = title_lead(p["header"])
    items = ""
    for it in p["items"]:
        lines = "".join(f'<div class="cline">{tx(l)}</div>' for l in it["lines"])
        items += (f'<div class="citem">{icon(CONTACT_ICONS[it["kind"]], "icon cicon")}'
                  f'<div><div class="small">{tx(it["label"])}</div>{lines}</div></div>')
    qr = ""
    if p.get("qr"):
        qr = (f'<div class="qrblock"><div class="qrbox">{qr_svg(p["qr"]["url"])}</div>'
              f'<p class="para qrcap">{tx(p["qr"]["caption"])}</p></div>')
    fig = figure_html(p["map"], 760) if p.get("map") else ""
    out += f'<div class="contact"><div class="cleft">{items}{qr}</div><div class="cright">{fig}</div></div>'
    return out + sections_html(p["sections"])


def home(c):
    h = c["home"]
    out = f'<h1 class="title w">{tx(h["title"])}</h1><p class="lead w">{tx(h["welcome"])}</p>'
    out += f'<div class="hint">{icon("Touch", "icon hint-icon")}<b class="w">{tx(h["hint"])}</b></div>'
    out += '<div class="tiles">'
    for page in SECTIONS:
        hd = header_of(c, page)
        out += (f'<button class="tile" data-go="{page}">{icon(hd["icon"], "icon tile-icon")}'
                f'<span class="ttitle">{tx(hd["nav_label"])}</span>'
                f'<span class="tsum">{tx(hd["summary"])}</span>{icon("Arrow", "icon tarrow")}</button>')
    return out + "</div>"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "content", "belize.ron")
    c = load(path)
    default = c["default_language"]
    LANGS[:] = [default] + [l["code"] for l in c["languages"] if l["code"] != default]
    ident = c["identity"]
    nav = f'<button class="nav sel" data-go="home">{icon("Home")}{tx(c["home"]["nav_label"], cls="nl")}</button>'
    for page in SECTIONS:
        hd = header_of(c, page)
        nav += f'<button class="nav" data-go="{page}">{icon(hd["icon"])}{tx(hd["nav_label"], cls="nl")}</button>'
    langs = ""
    for l in c["languages"]:
        sel = " sel" if l["code"] == default else ""
        name = esc(l["name"])
        langs += (f'<button class="langb{sel}" data-lang="{l["code"]}"><span class="lb">{name}</span>'
                  f'<span class="lr">{name}</span></button>')
    pages = {"home": home(c), "about": article(c, "about"), "office": article(c, "office"),
             "facts": facts(c), "careers": careers(c), "contact": contact(c)}
    body = "".join(
        f'<section class="page" id="p-{k}"{"" if k == "home" else " hidden"}>{v}</section>'
        for k, v in pages.items())
    lang_css = " ".join(
        f'html[data-lang="{a}"] [lang="{b}"] {{ display: none; }}' for a in LANGS for b in LANGS if a != b)
    lang_css += " " + " ".join(
        f'html[data-lang="{l}"] .fv {{ font-size: {FACT_VALUE_SIZE.get(l, 88)}px; }}' for l in LANGS)
    doc = f"""<!doctype html>
<!-- Generated by bench/peer/gen.py from {os.path.relpath(path, ROOT)}: do not edit by hand. -->
<html lang="{default}" data-lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(get(ident["office_name"], default))}</title>
<link rel="stylesheet" href="style.css">
<style>{lang_css}</style>
</head>
<body><nav id="rail"><div class="wordmark"><div class="wm-name">{tx(ident["office_name"])}</div><div class="wm-org">{tx(ident["organization"])}</div></div><div class="navlist">{nav}</div></nav><header id="top">{langs}</header><main id="main">{body}</main><div id="fade" hidden></div><script src="app.js"></script>
</body>
</html>
"""
    with open(os.path.join(HERE, "index.html"), "w", encoding="utf-8") as f:
        f.write(doc)
    print(f"wrote {os.path.join(HERE, 'index.html')} ({len(doc)} bytes)")


if __name__ == "__main__":
    main()
