"""Klantreis as a screen reader meets it: the accessibility tree AccessKit gives AT-SPI, read
and acted on with pyatspi from outside the process (run by scripts/a11y-check.sh).

    a11y_tree.py dump            # every named node, indented
    a11y_tree.py check-actions   # the actions view, heard and driven
"""

import subprocess
import sys
import time

import pyatspi


def app():
    """The app on the accessibility bus (waits for it to register)."""
    for _ in range(120):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name == "klantreis":
                return child
        time.sleep(0.25)
    sys.exit("klantreis did not register on the accessibility bus")


def walk(node, depth=0, out=None):
    """Every node under `node`: (depth, role, name, node)."""
    out = [] if out is None else out
    try:
        out.append((depth, node.getRoleName(), node.name, node))
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, depth + 1, out)
    except Exception:  # a node that went away while read
        pass
    return out


def find(name, role=None, contains=False, tries=40):
    """The first node of `role` named `name` (or whose name contains it), waiting for it."""
    for _ in range(tries):
        for _, r, n, node in walk(app()):
            hit = (name in (n or "")) if contains else n == name
            if hit and (role is None or r == role):
                return node
        time.sleep(0.25)
    sys.exit(f"not heard: {role or 'a node'} named {name!r}")


def absent(name, contains=True):
    return not any((name in (n or "")) if contains else n == name for _, _, n, _ in walk(app()))


def press(name, role=None):
    """Does the node's default action, as a screen reader's user does with Enter."""
    action = find(name, role).queryAction()
    action.doAction(0)
    time.sleep(1)


def key(*keys):
    """Keys typed into the window (given the keyboard first: there is no window manager)."""
    subprocess.run(
        ["xdotool", "search", "--name", "Klantreis", "windowfocus", "--sync"],
        check=False,
        capture_output=True,
    )
    subprocess.run(["xdotool", "key", "--delay", "150", *keys], check=True)
    time.sleep(1)


def check_actions():
    """The actions view: the matrix's dots named by title, scores and quadrant; a dot chosen
    selects its action, whose editor says the measured effect; focused, the arrow keys re-score
    it and the new name is heard; Ctrl+Z takes it back."""
    press("English")
    press("Skip the tour")
    press("Actions", "toggle button")
    press("Priority matrix", "toggle button")
    find("Priorities: impact against effort", "canvas")
    dot = "Online schadeformulier: impact 4, effort 2, Quick wins"
    find("Expert binnen drie werkdagen: impact 4, effort 3, Big bets", "toggle button")
    find("1. Online schadeformulier", "toggle button")
    press(dot, "toggle button")
    find("Online schadeformulier (done April 2026): gesprekken Melden 3,456 → 3,005", contains=True)
    # Focused by the screen reader, the dot takes the arrow keys: one up is impact 5.
    find(dot, "toggle button").queryComponent().grabFocus()
    time.sleep(0.5)
    key("Up")
    find("Online schadeformulier: impact 5, effort 2, Quick wins", "toggle button")
    assert absent(dot, contains=False), "the old name is still heard"
    key("ctrl+z")
    find(dot, "toggle button")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "dump"
    if what == "dump":
        for depth, role, name, _ in walk(app()):
            if name:
                print("  " * depth + f"{role}: {name}")
    elif what == "check-actions":
        check_actions()
    else:
        sys.exit(f"no such check: {what}")
