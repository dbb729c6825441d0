#!/usr/bin/python3
"""Prints the accessibility tree office-kiosk exposes over AT-SPI, as Orca reads it: each
node's role, name, description, states and actions. With --press NAME, first activates the
control named NAME through AT-SPI (as a screen reader user would) and prints the tree after.

Run it through run.sh, which starts a private X server, the AT-SPI bus and the app."""

import sys
import time

import pyatspi

INTERESTING = (pyatspi.STATE_FOCUSABLE, pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED)


def nodes(node):
    yield node
    for i in range(node.childCount):
        yield from nodes(node.getChildAtIndex(i))


def describe(node, depth):
    states = [pyatspi.stateToString(s) for s in node.getState().getStates() if s in INTERESTING]
    try:
        action = node.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        actions = []
    line = "  " * depth + f"[{node.getRoleName()}] {node.name!r}"
    if node.description:
        line += f" description={node.description!r}"
    if states:
        line += f" states={states}"
    if actions:
        line += f" actions={actions}"
    return line


def dump(node, depth=0):
    print(describe(node, depth))
    for i in range(node.childCount):
        dump(node.getChildAtIndex(i), depth + 1)


def kiosk():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "office-kiosk":
            return app
    sys.exit("office-kiosk is not on the AT-SPI bus")


def main():
    args = sys.argv[1:]
    if args[:1] == ["--press"] and len(args) == 2:
        target = next((n for n in nodes(kiosk()) if n.name == args[1]), None)
        if target is None:
            sys.exit(f"no control named {args[1]!r}")
        target.queryAction().doAction(0)
        time.sleep(1)
    dump(kiosk())


main()
