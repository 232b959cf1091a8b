"""Markdown helpers: inline rendering, tables from the token stream, blocks and sections."""

from __future__ import annotations

from bot.infra.importers.markdown import blocks, join_lead_ins, parse, sections, tables


def test_cells_keep_bold_code_and_links_and_decode_entities() -> None:
    text = (
        "| Term | Definition |\n"
        "| --- | --- |\n"
        "| **Pod** | runs `kubectl get pods` &amp; [docs](https://k8s.io/pod) &lt;x&gt; |\n"
    )
    (table,) = tables(parse(text))
    assert table.rows == (("**Pod**", "runs `kubectl get pods` & [docs](https://k8s.io/pod) <x>"),)


def test_br_in_a_cell_becomes_a_line_break() -> None:
    text = "| a | b |\n|---|---|\n| x | one<br>two<br/>three |\n"
    assert tables(parse(text))[0].rows[0][1] == "one\ntwo\nthree"


def test_escaped_pipes_stay_inside_their_cell() -> None:
    text = "| cmd | meaning |\n|---|---|\n| `a \\| b` | pipe a into b \\| c |\n"
    assert tables(parse(text))[0].rows == (("`a | b`", "pipe a into b | c"),)


def test_table_without_outer_pipes_is_read() -> None:
    text = "Term | Definition\n--- | ---\nPod | smallest unit\n"
    table = tables(parse(text))[0]
    assert table.header == ("Term", "Definition")
    assert table.rows == (("Pod", "smallest unit"),)
    assert table.row_lines == (3,)


def test_short_rows_are_padded_to_the_header() -> None:
    text = "| a | b | c |\n|---|---|---|\n| x | y |\n"
    assert tables(parse(text))[0].rows == (("x", "y", ""),)


def test_autolinks_render_as_the_bare_url() -> None:
    (block,) = blocks(parse("see <https://example.com>"))
    assert block.text == "see https://example.com"


def test_a_custom_link_renderer_rewrites_links() -> None:
    (block,) = blocks(parse("a [b](/x) c"), lambda href, text: f"{text}<{href}>")
    assert block.text == "a b</x> c"


def test_lists_render_with_markers_and_nesting() -> None:
    (block,) = blocks(parse("1. a\n2. b\n   - c\n"))
    assert block.text == "1. a\n2. b\n  - c"


def test_a_paragraph_introducing_a_list_is_joined_with_it() -> None:
    joined = join_lead_ins(blocks(parse("It consists of\n\n- one\n- two\n\nDone.\n")))
    assert [b.text for b in joined] == ["It consists of\n- one\n- two", "Done."]


def test_sections_nest_under_their_parent_heading() -> None:
    found = sections(parse("## A\n\ntext a\n\n### B\n\ntext b\n\n## C\n"))
    assert [(s.title, s.level, s.line) for s in found] == [("A", 2, 1), ("B", 3, 5), ("C", 2, 9)]
    a_text = [b.text for b in blocks(found[0].tokens)]
    assert a_text == ["text a", "B", "text b"]
