"""(helper truth) Songs of secrets, lies and promises: each kind names its story, whose gated lines carry the song."""

import re

from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import TRUTH_STORIES, read_topic
from topline.music.lyrics.writer import theme_weights, write_song

STORIES = {n for n in TRUTH_STORIES}


def _lines(description: str, seed: int = 0) -> list[str]:
    """The song's lines, lower case, without the optional "and" or "oh" a line may open with."""
    return [re.sub(r"^(?:and|oh|but) ", "", ln.lower()) for ln in write_song(description, seed=seed)[1].split("\n")
            if ln and not ln.startswith("[")]


def _bank_lines(gate: str) -> set[str]:
    """The sung forms (optional words dropped) of the truth couplets gated by ``gate``."""
    out = set()
    for e in bank().entries:
        if e.theme == "truth" and any(gate in t[1:].split(",") for t in e.tags if t.startswith("=")):
            out |= {re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", ln)).strip().lower() for ln in e.lines}
    return out


def _stories(description: str) -> set[str]:
    return set(read_topic(description).themes) & STORIES


def test_each_kind_names_its_story():
    for d, story in (("a country song about a man who lies about where he's been every night", "tlies"),
                     ("an r&b song about my boyfriend's excuses and his phone always face down", "tlies"),
                     ("a song about my husband's lies", "tlies"),
                     ("the day the truth came out", "tfound"),
                     ("a pop song about a secret relationship nobody can know about", "tsecretlove"),
                     ("sneaking around with my high school sweetheart", "tsecretlove"),
                     ("an indie song about a secret I've kept from my family for years", "tsecret"),
                     ("a piano ballad about finally telling my wife the truth", "tconfess"),
                     ("coming clean to my parents", "tconfess"),
                     ("a folk song about a promise I made to my daughter the day she was born", "tpromisekid"),
                     ("a love song about keeping every promise I made to you", "tkept"),
                     ("a sad song about all the promises my dad broke", "tbroken"),
                     ("a song about a promise I made to myself to never go back", "tpromiseself"),
                     ("a sassy country revenge song about getting even with my ex, Jake", "trevenge")):
        themes = read_topic(d).themes
        assert {"truth", story} <= themes, d


def test_one_story_of_each_pair():
    assert _stories("a promise I made to my son") == {"tpromisekid"}  # (never also a lover's kept promise)
    assert _stories("a promise to myself") == {"tpromiseself"}
    assert _stories("our secret relationship") == {"tsecretlove"}  # (no other secret)


def test_neighbours_name_no_story():
    # a lie down in the grass, a crush not told, a friend's or a cheat's lies (betrayal's, heartbreak's), the truth
    # asked of another, someone else's promise kept, a recipe or a garden, a coming out (pride's), an affair, a
    # motivational "no excuses", getting even better, a team's revenge
    for d in ("a song about lying in the grass on a summer day", "my secret crush on the barista",
              "a girl who is secretly in love with her best friend", "a friend who lied to me",
              "my boyfriend cheating on me and lying about it", "tell me the truth",
              "a dad who kept his promise to come home from the war", "my grandma's secret recipe",
              "the secret garden", "the secret to happiness", "coming out to my parents as gay",
              "a love affair nobody can know about", "no more excuses, time to hit the gym",
              "getting even better every day", "good karma yoga vibes", "the road that lies ahead",
              "my team's revenge in the rematch", "breaking my promise to you",
              "the secret my grandpa took to his grave", "my mom's secret", "the secret she kept"):
        assert not _stories(d), d


def test_the_liar_is_sung_to():
    t = read_topic("a country song about a man who lies about where he's been every night")
    assert (t.singer, t.addressee) == ("", "man")
    t = read_topic("an r&b song about my boyfriend's excuses and his phone always face down")
    assert t.addressee == "boyfriend" and "no-you" not in t.tags
    assert read_topic("a pop song called Liar about a girl who lied to me from the start").singer == ""
    assert "no-you" not in read_topic("a sad song about finally finding out the truth about him").tags


def test_the_story_leads_and_its_neighbours_are_ruled_out():
    w = theme_weights(read_topic("a song called Liar about a girl who lied to me"))
    assert w["truth"] >= 12.0 and w.get("betrayal", 0.0) == 0.0  # (no snakes in the grass for a lover's lies)
    w = theme_weights(read_topic("a sassy country revenge song about getting even with my ex, Jake"))
    assert w.get("heartbreak", 0.0) == 0.0 and w.get("oldflame", 0.0) == 0.0  # (payback, not the boxed-up sweaters)
    w = theme_weights(read_topic("an indie song about a secret I've kept from my family for years"))
    assert w.get("family", 0.0) == 0.0


def test_story_titles():
    assert write_song("an indie song about a secret I've kept from my family for years")[0] == "The Secret I Keep"
    assert write_song("a sad song about all the promises my dad broke")[0] == "Broken Promises"
    assert write_song("a song about my husband's lies")[0] == "Every Little Lie"  # (never "Husband's Lies")
    assert write_song("a country song about a man who lies about where he's been every night")[0] == "The Man Who Lies"
    assert write_song("a revenge song about my cheating ex")[0] == "What Goes Around"


def test_songs_sing_their_story():
    for d, story, least in (("a country song about a man who lies about where he's been every night", "tlies", 12),
                            ("a pop song about a secret relationship nobody can know about", "tsecretlove", 12),
                            ("a piano ballad about finally telling my wife the truth", "tconfess", 12),
                            ("a sad song about all the promises my dad broke", "tbroken", 12),
                            ("a sassy country revenge song about getting even with my ex, Jake", "trevenge", 10)):
        lines = set(_lines(d))
        assert len(lines & _bank_lines(story)) >= least, d


def test_gated_lines_stay_in_their_story():
    # the liar's phone is never held by the singer; a secret kept sings no lover's hiding; the truth told to one's
    # parents never "since we were young"; a promise to oneself sings no child's shoes; no story line anywhere else
    lies = set(_lines("an r&b song about my boyfriend's excuses and his phone always face down"))
    assert not any("hold the phone" in ln or "keep the phone" in ln for ln in lies)
    secret = set(_lines("an indie song about a secret I've kept from my family for years"))
    assert not secret & _bank_lines("tsecretlove")
    parents = set(_lines("coming clean to my parents"))
    assert "i've held it in since we were young" not in parents
    myself = set(_lines("a song about a promise I made to myself to never go back"))
    assert not myself & _bank_lines("tpromisekid")
    for d in ("a song about my best friend who stabbed me in the back", "a breakup song about my cheating ex",
              "a love song for my wife on our anniversary", "a lullaby for my newborn daughter"):
        sung = set(_lines(d))
        assert not any(sung & _bank_lines(s) for s in STORIES), d


def test_the_other_seed_takes_the_story_second_title():
    from topline.music.lyrics.writer import make_title

    assert make_title("a love song about keeping every promise I made to you", seed=1) == "I Keep My Promise"
    assert make_title("an indie song about a secret I've kept from my family for years", seed=1) == "Heavy as a Stone"
    assert make_title("a pop song about a secret relationship nobody can know about", seed=1) == "In the Dark"


def test_a_liar_who_is_no_partner_is_sung_no_lovers_line():
    # (lead) a coworker's lies are lies all the same, but no "you say you love me" and no phone face down at night
    lines = _lines("an angry song about a coworker who lied to get my promotion")
    assert "you say you love me, and you do" not in lines and "you turn your phone face down at night" not in lines
    assert "i see the ace inside your sleeve" in lines
    partner = _lines("a country song about a man who lies about where he's been every night")
    assert {"you turn your phone face down at night", "you say you love me, and you do"} <= set(partner)



def test_a_promise_a_revenge_or_a_finding_out_that_is_no_lovers_sings_no_lovers_line():
    # (lead, kinds50) a promise kept to a dead friend is no marriage ("through every bill that we've paid"), a bully
    # paid back no ex ("I'm the best you never had"), a friend's lie no affair ("it's the voice I've heard for weeks")
    friend = _lines("a song about keeping my promise to my best friend before he died")
    assert "i said forever at the start" not in friend and "through every bill that we've paid" not in friend
    assert "i keep the promise, so you know" in friend
    bully = _lines("a song about getting revenge on the bully from high school")
    assert "i'm the best you never had" not in bully and "karma has your number now" in bully
    liar = _lines("a song about finding out my best friend lied to me for years")
    assert "it's the voice i've heard for weeks" not in liar and "i ask you once, you look away" in liar
    # a lover may be sung them still, named or not
    assert "i'm the best you never had" in _candidates("a sassy country revenge song about getting even with my ex, Jake")
    assert "i'm the best you never had" not in _candidates("a song about getting revenge on the bully from high school")
    assert "i said i'd be home by eight" in _lines("a love song about keeping every promise I made to you")


def _candidates(description: str) -> set[str]:
    """Every line the planner may sing for ``description``, lower case, its optional words dropped."""
    from topline.music.lyrics.writer import candidates

    return {" ".join(t for t, optional in ln.parts if not optional).strip().lower()
            for ln in candidates(read_topic(description))}


def test_a_love_song_meets_the_partner_gate():
    from topline.music.lyrics.writer import PARTNER_SONG, gate_words

    assert PARTNER_SONG in gate_words(read_topic("a love song about keeping every promise I made to you"))
    assert PARTNER_SONG not in gate_words(read_topic("a song about keeping my promise to my best friend before he died"))


def test_a_friend_who_snitched_is_a_betrayal():
    # (lead, kinds50) "snitched" had keyed nothing: the song toasted the friend ("here's to you my friend")
    weights = theme_weights(read_topic("a hip hop song about a friend who snitched on me"))
    assert weights["betrayal"] == max(weights.values())  # (level with friendship: the friend is the one betraying)
    assert "i was loyal, i was true" in _lines("a hip hop song about a friend who snitched on me")
