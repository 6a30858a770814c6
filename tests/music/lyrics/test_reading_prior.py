"""The reading prior: a bank line readers called filler in the tuning sets' songs is sung after one they kept."""

import pytest

from topline.music.lyrics.bank import bank, line_marks
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import READ_WEIGHT, Line, Planner, _parts, reading_prior


def _line(text: str, *, entry: int, pos: int = 0) -> Line:
    return Line(entry=entry, pos=pos, theme="general", roles="V", tags=frozenset(), parts=_parts(text), filler="")


def _entry_of(text: str) -> tuple[int, int]:
    return next((e.index, e.lines.index(text)) for e in bank().entries if text in e.lines)


def test_the_table_counts_each_bank_line_as_written():
    marks = line_marks()
    assert all(len(v) == 3 and min(v) >= 0 for v in marks.values())
    written = {ln for e in bank().entries for ln in e.lines}
    assert len(set(marks) - written) == 0  # every row is a line of the shipped bank
    ok, filler, nonsense = marks["<and> I take it one day at a time"]
    assert ok == 0 and filler >= 100


def test_a_line_read_as_filler_everywhere_weighs_almost_minus_one():
    entry, pos = _entry_of("<and> I take it one day at a time")
    ok, filler, nonsense = line_marks()["<and> I take it one day at a time"]
    prior = reading_prior(_line("I take it one day at a time", entry=entry, pos=pos))
    assert prior == (ok - filler - nonsense) / (ok + filler + nonsense + 2) and prior < -0.95


def test_a_line_readers_kept_weighs_above_nothing():
    entry, pos = _entry_of("<oh> we were kids with scraped up knees")
    ok, filler, nonsense = line_marks()["<oh> we were kids with scraped up knees"]
    assert reading_prior(_line("we were kids with scraped up knees", entry=entry, pos=pos)) == \
        (ok - filler - nonsense) / (ok + filler + nonsense + 2) > 0


def test_a_couplet_sung_as_one_line_averages_its_two_lines():
    entry, _ = _entry_of("<and> I take it one day at a time")
    first, second = (_line("x", entry=entry, pos=p) for p in (0, 1))
    joined = _line("x", entry=entry, pos=2)
    assert reading_prior(joined) == (reading_prior(first) + reading_prior(second)) / 2


def test_lines_nobody_read_and_lines_built_from_the_description_weigh_nothing():
    assert reading_prior(_line("I know the block", entry=-7)) == 0.0  # a carrier or a scene
    unread = next(e for e in bank().entries if not {*e.lines} & line_marks().keys())
    assert reading_prior(_line("x", entry=unread.index)) == 0.0


def test_the_planner_scores_a_kept_line_above_a_filler_line_by_their_priors():
    planner = Planner(read_topic("a boy who is scared of thunderstorms"), 0)
    # the same words (so the same syllables, stresses and cost), standing for two bank lines read otherwise
    kept_at, filler_at = _entry_of("<oh> we were kids with scraped up knees"), _entry_of("<and> I take it one day at a time")
    kept = _line("I take it one day at a time", entry=kept_at[0], pos=kept_at[1])
    filler = _line("I take it one day at a time", entry=filler_at[0], pos=filler_at[1])
    for ln in (kept, filler):
        planner.jitter[ln.key] = 0.0
        planner.prior[ln.key] = READ_WEIGHT * reading_prior(ln)
    base = {ln.key: planner.score(ln, 8, "V")[0] - planner.prior[ln.key] for ln in (kept, filler)}
    assert base[kept.key] == base[filler.key]  # only the readings differ
    gap = planner.score(kept, 8, "V")[0] - planner.score(filler, 8, "V")[0]
    assert gap == pytest.approx(READ_WEIGHT * (reading_prior(kept) - reading_prior(filler))) and gap > READ_WEIGHT
