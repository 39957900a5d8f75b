"""Writes one section of bench/RESULTS.md for the bench scripts (imported by their Python blocks).

A section starts at its "## name" heading and runs to the next "## ". The measured part is replaced; the
"### …" subsections written by hand under it (what changed, why) are kept after it.
"""


def write_section(target, name, section):
    with open(target) as f:
        text = f.read()
    heading = f"## {name}\n"
    start = text.find(heading)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        old = text[start:end] if end >= 0 else text[start:]
        notes = old.find("\n### ")
        kept = ("\n" + old[notes:].strip("\n") + "\n") if notes >= 0 else ""
        text = text[:start] + section + kept + (text[end:] if end >= 0 else "")
    with open(target, "w") as f:
        f.write(text)
