"""The /stats picture: a PNG large enough to read, with Hangul drawn as Hangul, not boxes."""

import datetime as dt
import struct
import sys
import warnings

import pytest

from bot.core.review.models import Grade, LoggedReview, Source
from bot.core.review.stats import build_stats
from bot.infra.charts import MatplotlibCharts, hangul_family, hangul_font_path

TODAY = dt.date(2024, 3, 6)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def glyph_pixels(text: str, family: str) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(1, 1), dpi=50)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.1, 0.2, text, family=family, fontsize=30)
    canvas.draw()
    return bytes(canvas.buffer_rgba())


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")
def test_the_packaged_font_draws_distinct_hangul_glyphs_where_the_default_draws_boxes():
    assert hangul_font_path().is_file()
    family = hangul_family()
    assert glyph_pixels("가", family) != glyph_pixels("나", family)
    # The check can fail: the default font has no Hangul and draws the same box for both.
    assert glyph_pixels("가", "DejaVu Sans") == glyph_pixels("나", "DejaVu Sans")


def test_stats_picture_is_a_png_of_at_least_800_by_600_with_no_missing_glyph():
    logs = [
        LoggedReview("pod", Grade.GOOD, Source.QUIZ, dt.datetime(2024, 3, 5, tzinfo=dt.UTC), True)
    ]
    stats = build_stats(
        user_id="u1", name="앨리스", today=TODAY, tz=dt.UTC, logs=logs,
        activity_days=[TODAY], due=[dt.datetime(2024, 3, 8, tzinfo=dt.UTC)], cards=3,
    )  # fmt: skip
    with warnings.catch_warnings():
        # matplotlib warns for every glyph its font lacks: a warning here is a box drawn.
        warnings.simplefilter("error")
        width, height = png_size(MatplotlibCharts().render(stats, "ko"))
    assert width >= 800
    assert height >= 600


def test_matplotlib_is_not_imported_until_a_chart_is_drawn():
    import subprocess

    code = "import bot.app, bot.infra.charts, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
