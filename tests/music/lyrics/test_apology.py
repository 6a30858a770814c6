"""Songs of apology, regret and forgiveness (helper apology): how a sorry or a forgiveness is read and to whom
(``topic.apology_kind``), what it never fires for (no regrets, a pity, God's grace, a breakup, a betrayal, recovery, a
second chance at life, a pet), who sings to whom, and each kind's lines kept to its kind."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights, title_line

GIRLFRIEND = "an r&b song apologizing to my girlfriend after our fight last night"
WIFE = "a country song telling my wife i'm sorry for the things i said"
SON = "a dad's apology to his son for all the games i missed"
UNSAID = "a ballad about regretting never telling her how i felt"
DAD = "a song asking my dad to forgive me for the years i didn't call"
MOM = "i want to say sorry to my mom for how i treated her as a teenager"
LEFT = "an acoustic song about forgiving my father who walked out when i was six"
JAKE = "a pop punk song for my best friend jake, i was wrong and i want to make it right"
BROTHER = "a song about making amends with my brother after ten years of not talking"
CHANCE = "a rock song about a second chance with the woman i let go"
GRANDPA = "a sad piano song about the apology i never gave my grandpa before he died"
FRIEND = "an indie folk song about forgiving a friend who let me down"
KINDS = {"apsorry", "apforgive", "aplove", "apparent", "apchild", "apsib", "apfriend", "apgone", "apunsaid",
         "apchance", "apleft", "apletdown"}


def test_theme_size():
    assert couplet_counts(["apology"]) == {"apology": 87}


def test_each_kind_named():
    expected = {
        GIRLFRIEND: {"apsorry", "aplove"}, WIFE: {"apsorry", "aplove"}, SON: {"apsorry", "apchild"},
        UNSAID: {"aplove", "apunsaid"}, DAD: {"apsorry", "apparent"}, MOM: {"apsorry", "apparent"},
        LEFT: {"apforgive", "apparent", "apleft"}, JAKE: {"apsorry", "apfriend"}, BROTHER: {"apsorry", "apsib"},
        CHANCE: {"apsorry", "aplove", "apchance"}, GRANDPA: {"apsorry", "apgone"},
        FRIEND: {"apforgive", "apfriend", "apletdown"},
        "a letter to my son, i am sorry i wasn't there": {"apsorry", "apchild"},
        "a song to my sister, i was wrong": {"apsorry", "apsib"},
        "sorry i forgot your birthday babe": {"apsorry", "aplove"},
        "a country song about the things i should have said to my dad before he passed": {"apsorry", "apgone"},
        "my dad finally apologized to me after twenty years": {"apforgive", "apparent"},  # the singer forgives
        "a jazz song asking my husband for another chance": {"apsorry", "aplove", "apchance"},
    }
    for d, kinds in expected.items():
        themes = read_topic(d).themes
        assert "apology" in themes and themes & KINDS == kinds, d
    w = theme_weights(read_topic(SON))
    assert w["apology"] >= 8.0 and w["sport"] == 0.0 and w["family"] == 0.0  # the son's games are not the dad's
    assert theme_weights(read_topic(JAKE))["anthem"] == 0.0  # a pop punk sorry: no "we're gonna shake the walls"
    assert theme_weights(read_topic(GIRLFRIEND))["night"] == 0.0
    w = theme_weights(read_topic("a song to my daughter apologizing for the divorce"))
    assert w["heartbreak"] == 0.0 and w["apology"] >= 8.0  # a parent's sorry to a child: no lover's breakup
    assert theme_weights(read_topic("sorry i forgot your birthday babe"))["birthday"] == 0.0  # no party sung


def test_never_fires_for_no_regrets_a_pity_grace_a_breakup_recovery_or_a_pet():
    for d in ("no regrets party anthem", "sorry not sorry pop song", "feeling sorry for myself",
              "a gospel song about forgiveness and starting over", "a worship song about grace and second chances",
              "forgive me father for i have sinned", "a song about a second chance at life after cancer",
              "an apology to my ex for cheating on her", "a song about making amends in recovery, six months sober",
              "a song about a friend who stabbed me in the back", "a song about my grandpa who passed away last spring",
              "an apology to my dog for being gone all day", "a song about forgiving myself"):
        assert not read_topic(d).themes & (KINDS | {"apology"}), d


def test_who_is_sung_to():
    t = read_topic(FRIEND)
    assert (t.singer, t.addressee) == ("", "friend")  # the friend forgiven is sung to, never sings
    t = read_topic(WIFE)
    assert t.addressee == "wife" and "i'm" not in t.words  # ("my wife i'm sorry": no "wife i'm")
    assert "romance" in read_topic(CHANCE).tags and "no-you" not in read_topic(CHANCE).tags
    assert "woman" not in read_topic(CHANCE).words  # she is "you": no "with the woman, I'm here to stay"
    assert "teenager" not in {p.head for p in read_topic(MOM).phrases}  # the teenager was the singer
    assert "sister" not in {p.head for p in read_topic("apologizing to my little brother for being a bad big sister").phrases}
    assert "talk" in read_topic(BROTHER).absent  # ten years of not talking
    assert "lost" not in read_topic(SON).tags and "lost" in read_topic(GRANDPA).tags  # games missed: nobody gone
    assert not {"apologize", "sorry", "forgive"} & set(read_topic(GIRLFRIEND).words + read_topic(WIFE).words
                                                       + read_topic(LEFT).words)  # the sorry is the theme's, not a clause


def test_each_kind_keeps_its_own_lines():
    grandpa = theme_lines(GRANDPA, {"apology"})
    assert "and I'm standing at the churchyard gate" in grandpa
    assert not {"oh I'm standing at your door", "I swallow my pride and call your phone"} & grandpa  # too late
    son = theme_lines(SON, {"apology"})
    assert "oh I missed the games, I missed the cheers" in son
    assert not any(s in son for s in ("I slammed my door at seventeen", "oh baby, I was wrong",
                                      "oh I can't take back the things I said"))  # no words said, no lover
    left = theme_lines(LEFT, {"apology"})
    assert "I waited on the porch till dark" in left and "oh I'm sorry, I was wrong" not in left  # he did the wrong
    unsaid = theme_lines(UNSAID, {"apology"})
    assert "oh I should have told you, I know" in unsaid
    assert not {"oh I was wrong and you were right", "I made your coffee, left a note"} & unsaid  # never a couple
    chance = theme_lines(CHANCE, {"apology"})
    assert "oh give me one more chance" in chance and "I made your coffee, left a note" not in chance
    assert "oh you let me down, I let it go" in theme_lines(FRIEND, {"apology"})
    assert not theme_lines("a song about my grandpa who passed away last spring", {"apology"})
    unsaid_dad = theme_lines("a country song about the things i should have said to my dad before he passed", {"apology"})
    assert "and I'm standing at the churchyard gate" in unsaid_dad
    assert "oh I can't take back the things I said" not in unsaid_dad  # words never said: none to take back


def test_songs_sing_the_sorry():
    _, text = write_song(GIRLFRIEND, seed=0)
    lines = sung_lines(text)
    assert "I'm sorry, oh, I'm sorry" in lines and "We're waiting in the movie line" not in lines
    _, text = write_song(SON, seed=0)
    assert "The whistle blows, the game's begun" not in sung_lines(text)
    _, text = write_song(UNSAID, seed=0)
    assert "And I don't regret" not in sung_lines(text) and "I won't forget" not in sung_lines(text)
    assert title_line("I'm Sorry", 7) == "I'm sorry, oh, I'm sorry"
