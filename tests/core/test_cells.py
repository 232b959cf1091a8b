"""Table cells as a person reads them: a code span or a backslash keeps its pipe in the cell."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.journal.cells import escape_inner_pipes, separators, split_cells
from bot.core.journal.forms import parse_term_row, parse_term_rows


def test_pipe_inside_a_code_span_splits_no_retro_row():
    row = parse_term_row("`kubectl get po | grep x` | 파드 목록 필터 | 비고")
    assert (row.term, row.definition, row.note) == (
        "`kubectl get po | grep x`",
        "파드 목록 필터",
        "비고",
    )


def test_retro_rows_with_code_span_pipes_round_trip_through_the_edit_form():
    rows, loose = parse_term_rows("| `a | b` | `c|d` 정의 | `e || f` 메모 |")
    assert loose == ()
    (row,) = rows
    assert (row.term, row.definition, row.note) == ("`a | b`", "`c|d` 정의", "`e || f` 메모")


def test_double_backtick_span_may_hold_a_single_backtick_and_a_pipe():
    assert split_cells("``a ` | b`` | c") == ["``a ` | b`` ", " c"]


def test_unclosed_backtick_is_text_and_its_pipe_separates():
    assert split_cells("`a | b | c") == ["`a ", " b ", " c"]


def test_escaped_pipe_is_a_pipe_in_its_cell():
    assert split_cells(r"a \| b | c") == ["a | b ", " c"]


def test_escape_inner_pipes_leaves_separators_and_escapes_span_pipes():
    assert escape_inner_pipes("| `a | b` | c |") == r"| `a \| b` | c |"
    assert escape_inner_pipes(r"| `a \| b` | c |") == r"| `a \| b` | c |"


_plain = st.text(alphabet="ab 가|\\", max_size=8).map(lambda s: s.replace("\\", ""))
_code = st.text(alphabet="ab |", min_size=1, max_size=8).map(lambda s: f"`x{s}x`")
_cell = st.lists(st.one_of(_plain.map(lambda s: s.replace("|", r"\|")), _code), max_size=3).map(
    "".join
)


@given(st.lists(_cell, min_size=1, max_size=5))
def test_cells_joined_by_pipes_split_back_into_the_same_cells(cells):
    line = "|".join(cells)
    assert len(separators(line)) == len(cells) - 1
    assert split_cells(line) == [c.replace(r"\|", "|") for c in cells]
