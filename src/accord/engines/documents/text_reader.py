"""Read the plain-text export of a working document into blocks.

Word's text export puts each table cell on a line that starts with a tab, and each comment
after its paragraph on the same line as ``<tab>Comment by NAME: text``; a comment may run onto
the following lines, until a blank line, a tab-led line or a new identifier.
"""

from __future__ import annotations

import re

from accord.engines.documents.blocks import Block
from accord.engines.documents.identifiers import parse_item_id, parse_objective_id
from accord.engines.documents.model import Comment

_COMMENT = re.compile(r"\tComment by (?P<author>[^:\t]+?):\s?")


def _split_comments(line: str) -> tuple[str, list[tuple[str, str]]]:
    parts = _COMMENT.split(line)
    main, rest = parts[0], parts[1:]
    return main, [(rest[i].strip(), rest[i + 1].strip()) for i in range(0, len(rest), 2)]


def read_text_blocks(text: str) -> list[Block]:
    """Blocks of a text export; comments keep the raw author (structure normalises names)."""
    blocks: list[Block] = []
    cell = 0
    open_comment: Comment | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            open_comment = None
            cell += 1
            continue
        tab_led = line.startswith("\t")
        main, comments = _split_comments(line)
        main_text = main.strip()
        is_new_paragraph = bool(parse_item_id(main_text) or parse_objective_id(main_text))
        if open_comment is not None and not tab_led and not is_new_paragraph:
            if main_text:
                open_comment.text += "\n" + main_text
            for author, body in comments:
                blocks[-1].comments.append(Comment(author=author, raw_author=author, text=body))
            open_comment = blocks[-1].comments[-1] if blocks[-1].comments else open_comment
            continue
        if tab_led:
            cell += 1
        block = Block(text=main_text, where=f"line {number}", cell=(cell,))
        block.comments = [Comment(author=a, raw_author=a, text=b) for a, b in comments]
        blocks.append(block)
        open_comment = block.comments[-1] if block.comments else None
    return [block for block in blocks if block.text or block.comments]
