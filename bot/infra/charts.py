"""The /stats picture, drawn with matplotlib's Agg backend and a packaged Hangul font.

matplotlib is imported on the first render only, so a process that never draws (the CLI's
``define``, a bot nobody asks for /stats) does not pay for it. The font is NanumGothic as
shipped inside the koreanize-matplotlib package; it is found by path and registered with
matplotlib directly (importing that package would switch matplotlib's global font and pull
in distutils).
"""

from __future__ import annotations

import importlib.util
import io
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.i18n import t

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bot.core.review.stats import StudyStats

FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = "NanumGothic.ttf"
WIDTH_IN, HEIGHT_IN, DPI = 12.0, 9.0, 100
_lock = threading.Lock()
_family: str | None = None


def hangul_font_path() -> Path:
    """The NanumGothic file inside the installed koreanize-matplotlib package."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        msg = f"the {FONT_PACKAGE} package (which ships the Hangul font) is not installed"
        raise RuntimeError(msg)
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE


def hangul_family() -> str:
    """Register the packaged font with matplotlib once; return its family name."""
    global _family
    if _family is None:
        from matplotlib import font_manager

        path = hangul_font_path()
        font_manager.fontManager.addfont(str(path))
        _family = font_manager.FontProperties(fname=str(path)).get_name()
    return _family


class MatplotlibCharts:
    """Implements ChartRenderer: a 1200×900 PNG with the heatmap, accuracy and forecast."""

    def render(self, stats: StudyStats, locale: str) -> bytes:
        from matplotlib import rc_context
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        # matplotlib's font cache and rc state are process-wide; one render at a time.
        with _lock, rc_context({"font.family": hangul_family(), "axes.unicode_minus": False}):
            figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
            FigureCanvasAgg(figure)
            title = t("stats.chart.title", locale, name=stats.name, date=stats.today.isoformat())
            figure.suptitle(title, fontsize=16)
            heat, accuracy, forecast = figure.subplots(3, 1, height_ratios=(1.2, 1, 1))
            _heatmap(heat, stats, locale)
            _accuracy(accuracy, stats, locale)
            _forecast(forecast, stats, locale)
            out = io.BytesIO()
            figure.savefig(out, format="png")
        return out.getvalue()


def _heatmap(ax: Axes, stats: StudyStats, locale: str) -> None:
    weeks = (len(stats.heatmap) + 6) // 7
    grid = [[float("nan")] * weeks for _ in range(7)]
    for i, (day, count) in enumerate(stats.heatmap):
        grid[day.weekday()][i // 7] = count
    ax.imshow(grid, cmap="Greens", aspect="auto", vmin=0)
    ax.set_title(f"{t('stats.heatmap', locale)} · {t('stats.streak', locale, days=stats.streak)}")
    ax.set_yticks(range(7), t("stats.weekdays", locale).split(","))
    starts = [stats.heatmap[w * 7][0] for w in range(weeks)]
    ax.set_xticks(range(weeks), [d.strftime("%m/%d") for d in starts])


def _accuracy(ax: Axes, stats: StudyStats, locale: str) -> None:
    labels = [w.week_start.strftime("%m/%d") for w in stats.accuracy]
    values = [w.percent or 0 for w in stats.accuracy]
    ax.bar(labels, values, color="#4c72b0")
    for i, week in enumerate(stats.accuracy):
        if week.answered:
            ax.annotate(f"{week.correct}/{week.answered}", (i, values[i]), ha="center")
    ax.set_ylim(0, 110)
    ax.set_title(t("stats.accuracy", locale))
    ax.set_ylabel(t("stats.chart.percent", locale))


def _forecast(ax: Axes, stats: StudyStats, locale: str) -> None:
    labels = [day.strftime("%m/%d") for day, _ in stats.forecast]
    from matplotlib.ticker import MaxNLocator

    ax.bar(labels, [count for _, count in stats.forecast], color="#dd8452")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(t("stats.forecast", locale))
    ax.set_ylabel(t("stats.chart.count", locale))
    ax.set_xlabel(t("stats.chart.day", locale))
