"""`run --at`: the bot's clock starts at the given instant and runs on from there."""

import datetime as dt

import pytest

from bot.cli import _parser
from bot.infra.clock import StartedClock

START = dt.datetime(2030, 1, 1, 9, tzinfo=dt.UTC)


def test_a_started_clock_begins_at_its_instant_and_moves_forward():
    clock = StartedClock(START)
    first = clock.now()
    second = clock.now()
    assert START <= first <= second < START + dt.timedelta(minutes=5)
    assert first.tzinfo is dt.UTC


def test_run_at_takes_an_instant_with_an_offset_like_post_due():
    args = _parser().parse_args(["run", "--platform", "console", "--at", "2030-01-01T18:00+09:00"])
    assert args.at == START


def test_run_at_without_an_offset_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        _parser().parse_args(["run", "--at", "2030-01-01T18:00"])
    assert exc.value.code == 2
    assert "offset" in capsys.readouterr().err
